// Keyboard and screen-reader access: what a mouse user reads from the map
// (hall details) or does on it (moving a proposed hall), done with Tab, Enter
// and arrow keys only; and a radius live region that speaks once per settled
// change, not on every slider step.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { haversineM } from '../../src/core/geo/haversine';
import { HOSTILE_NAME as HOSTILE, mapView, sampleEngine, SCREENS, serveHostileHalls, waitForMapIdle, waitForTable, openTool } from './app';
import { expectPlanEqualsFresh, greedySites, proposedHalls, SERVICE } from './plan-check';

/** Press Tab (or Shift+Tab) until `target` has focus, as a keyboard user would (fails after `max` presses). */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 400): Promise<void> {
  for (let k = 0; k < max; k++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Choose a service with the keyboard: Tab to the radio group, arrows to the service. */
async function chooseService(page: Page, service: string): Promise<void> {
  await tabTo(page, page.locator('[data-testid^="service-"]:checked'));
  for (let k = 0; k < 4 && !(await page.getByTestId(`service-${service}`).isChecked()); k++) await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId(`service-${service}`)).toBeChecked();
}

/**
 * Stop the page's clock (installed with page.clock.install()). pauseAt takes a
 * time ahead of the clock, which runs until then: aim a little ahead, and aim
 * again if the clock got there first on a slow machine.
 */
async function pauseClock(page: Page): Promise<void> {
  for (;;) {
    const at = (await page.evaluate(() => Date.now())) + 2_000;
    try {
      await page.clock.pauseAt(at);
      return;
    } catch (e) {
      if (!String(e).includes('to the past')) throw e;
    }
  }
}

// Every test runs under the preview server's strict CSP; none may violate it.
test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});

test.afterEach(async ({ page }) => {
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
});

test('with Tab and Enter only, a subdistrict’s halls are listed as text, as many as the table counts, and one opens its popup on the map', async ({ page }) => {
  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, 500, ['petition']);
  await chooseService(page, SERVICE);
  await waitForTable(page, 500, [SERVICE]);

  const e = sampleEngine();
  const g = 1; // the second subdistrict in file order
  const row = page.locator(`[data-testid="area-row"][data-area="${e.areas.names[g]}"]`);
  await tabTo(page, row.getByTestId('select-area'));
  await page.keyboard.press('Enter');
  await expect(row).toHaveAttribute('aria-current', 'true');

  const summary = page.getByTestId('hall-list-summary');
  await tabTo(page, summary);
  await page.keyboard.press('Enter');
  const items = page.getByTestId('hall-item');
  const counted = Number(await row.locator('td[data-col="halls"]').getAttribute('data-value'));
  expect(counted).toBeGreaterThan(2);
  await expect(items).toHaveCount(counted);
  await expect(summary).toContainText(`（${counted} 处）`);
  // The very halls the engine counts there, by name, in file order.
  const want = [...e.hallArea.keys()].filter((h) => e.hallArea[h] === g && e.halls.services[h].includes(SERVICE));
  expect(await items.getByTestId('hall-name').allTextContents()).toEqual(want.map((h) => e.halls.name[h]));
  await expect(items.nth(0)).toContainText(String(e.halls.properties[want[0]].address));

  const pick = items.nth(2);
  const locate = pick.getByTestId('hall-locate');
  await tabTo(page, locate);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('hall-popup-title')).toHaveText(e.halls.name[want[2]]);
  await expect(locate).toBeFocused();
  // The map flew to that hall.
  await expect.poll(async () => haversineM(...(await mapView(page)).center, e.halls.lng[want[2]], e.halls.lat[want[2]]), { timeout: 10_000 }).toBeLessThan(5);
  await waitForMapIdle(page);
  await page.screenshot({ path: `${SCREENS}/keyboard-hall-popup.png` });

  // Whole district: all halls offering the service, as the total row counts.
  await tabTo(page, page.getByTestId('whole-district'), 'Shift+Tab');
  await page.keyboard.press('Enter');
  const total = Number(await page.locator('[data-testid="total-row"] td[data-col="halls"]').getAttribute('data-value'));
  await expect(items).toHaveCount(total);
});

test('hall names that look like HTML stay text in the hall list and in the popup it opens', async ({ page }) => {
  const { dialogs } = await serveHostileHalls(page);
  await page.goto('./');
  await waitForMapIdle(page);
  await tabTo(page, page.getByTestId('hall-list-summary'));
  await page.keyboard.press('Enter');
  const first = page.getByTestId('hall-item').first();
  await expect(first.getByTestId('hall-name')).toHaveText(`${HOSTILE} #0`);
  await expect(first).toContainText('<b onmouseover=alert(2)>bold</b>');
  await tabTo(page, first.getByTestId('hall-locate'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('hall-popup-title')).toHaveText(`${HOSTILE} #0`);
  expect(
    await page.locator('[data-testid="hall-list"] img, [data-testid="hall-list"] b, [data-testid="hall-popup"] img, [data-testid="hall-popup"] b').count(),
  ).toBe(0);
  expect(dialogs).toEqual([]);
});

test('with the keyboard only, a proposed hall is placed by typed degrees and nudged 50 m; bad entries are refused; the numbers equal a fresh engine run', async ({
  page,
}) => {
  await page.goto('./');
  await waitForMapIdle(page);
  await chooseService(page, SERVICE);
  await waitForTable(page, 500, [SERVICE]);
  await openTool(page, 'planning');
  await tabTo(page, page.getByTestId('add-at-centre'));
  await page.keyboard.press('Enter');
  const item = page.getByTestId('proposed-item');
  await expect(item).toHaveCount(1);

  // Type the greedy's favourite site: longitude, Tab to latitude, Enter.
  const best = greedySites(1)[0];
  const lng = item.getByTestId('proposed-lng');
  const lat = item.getByTestId('proposed-lat');
  await tabTo(page, lng);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(best.lng.toFixed(6));
  await page.keyboard.press('Tab');
  await expect(lat).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(best.lat.toFixed(6));
  await page.keyboard.press('Enter');
  await expect(item).toHaveAttribute('data-lat', String(Number(best.lat.toFixed(6))));
  await expect(item).toHaveAttribute('data-lng', String(Number(best.lng.toFixed(6))));
  expect(await expectPlanEqualsFresh(page, await proposedHalls(page))).toBeGreaterThan(0);
  const placed = (await proposedHalls(page))[0];

  // Not a number, then out of range: a message names the entry, the hall stays.
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('22,7x');
  await page.keyboard.press('Enter');
  await expect(item.getByTestId('coord-error')).toHaveText('纬度“22,7x”不是数字，位置未改变。');
  await expect(lat).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('95');
  await page.keyboard.press('Enter');
  await expect(item.getByTestId('coord-error')).toHaveText('纬度 95 超出范围（−90° 至 90°），位置未改变。');
  expect(await proposedHalls(page)).toEqual([placed]);
  await expectPlanEqualsFresh(page, [placed]);

  // Nudge east once, north twice: each step is 50 m by the engine's distance.
  const east = item.getByTestId('nudge-e');
  await tabTo(page, east);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await proposedHalls(page))[0].lng).toBeGreaterThan(placed.lng);
  await expect(item.getByTestId('coord-error')).toHaveCount(0);
  const afterEast = (await proposedHalls(page))[0];
  expect(afterEast.lat).toBe(placed.lat);
  expect(Math.abs(haversineM(placed.lng, placed.lat, afterEast.lng, afterEast.lat) - 50)).toBeLessThan(1e-6);
  await expect(lng).toHaveValue(afterEast.lng.toFixed(6));
  await tabTo(page, item.getByTestId('nudge-n'));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await proposedHalls(page))[0].lat).toBeGreaterThan(placed.lat + 0.0008);
  const moved = (await proposedHalls(page))[0];
  expect(moved.lng).toBe(afterEast.lng);
  expect(Math.abs(haversineM(afterEast.lng, afterEast.lat, moved.lng, moved.lat) - 100)).toBeLessThan(1e-6);
  await expectPlanEqualsFresh(page, [moved]);
  await page.getByTestId('planning-panel').screenshot({ path: `${SCREENS}/keyboard-proposed.png` });
});

test('dragging the radius slider: the live region stays quiet while it moves, then says the settled result once', async ({ page }) => {
  // The page's clock is the test's: however slow the machine, a step of the
  // drag below never "rests", and the radius rests exactly when the test says.
  await page.clock.install();
  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, 500, ['petition']);
  const status = page.getByTestId('radius-status');
  await expect(status).toHaveAttribute('role', 'status');
  await expect(status).toHaveText(''); // loading the page is not news
  await expect(page.getByTestId('busy')).toHaveAttribute('aria-hidden', 'true');

  // Record every text the live region (and the visible busy cue) takes.
  await page.evaluate(() => {
    const w = window as unknown as { __said: string[]; __busy: string[] };
    w.__said = [];
    w.__busy = [];
    const watch = (id: string, out: string[]) =>
      new MutationObserver(() => out.push(document.querySelector(`[data-testid="${id}"]`)!.textContent ?? '')).observe(
        document.querySelector(`[data-testid="${id}"]`)!,
        { childList: true, characterData: true, subtree: true },
      );
    watch('radius-status', w.__said);
    watch('busy', w.__busy);
  });
  await pauseClock(page);
  // A drag: 20 slider steps of 50 m, each an input event. Each step waits for
  // its numbers in the table, so the page goes busy → idle at every step (a
  // status tied to "busy" would speak 40 times), yet the radius never rests:
  // the page's time stands still while it moves.
  await tabTo(page, page.getByTestId('radius-slider'));
  for (let k = 1; k <= 20; k++) {
    await page.keyboard.press('ArrowRight');
    await waitForTable(page, 500 + 50 * k, ['petition']);
  }
  await expect(page.getByTestId('radius-number')).toHaveValue('1500');
  await waitForTable(page, 1500, ['petition']);
  expect(await page.evaluate(() => (window as unknown as { __said: string[] }).__said)).toEqual([]);

  // The radius rests: one announcement of the settled result, and nothing more after it.
  await page.clock.runFor(1_000);
  const share = sampleEngine().capacityStats({ radiusM: 1500, services: ['petition'] }).total.share.petition;
  const settled = `1500 米：覆盖 ${(share * 100).toFixed(1)}%（诉求服务）`;
  await expect(status).toHaveText(settled);
  await page.clock.runFor(5_000);
  const { said, busy } = await page.evaluate(() => {
    const w = window as unknown as { __said: string[]; __busy: string[] };
    return { said: w.__said, busy: w.__busy };
  });
  expect(said).toEqual([settled]);
  expect(busy.filter((b) => b === '正在计算…').length).toBeGreaterThan(5); // sighted users still see it working
  expect(busy.at(-1)).toBe('');
});
