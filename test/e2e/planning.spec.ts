// What-if halls and suggested sites in the browser: the numbers shown equal a
// fresh engine run, computed here in Node with src/core, on the loaded halls
// plus the proposed ones.
import { expect, test } from '@playwright/test';
import { fromWgs84 } from '../../src/core';
import { mapView, project, SCREENS, waitForMapIdle, waitForTable, openTool } from './app';
import { expectPlanEqualsFresh, freshStats, greedySites, proposedHalls, SERVICE, suggestOnSample } from './plan-check';

test('a proposed hall placed, dragged and removed changes the numbers by exactly what the engine computes', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('./');
  await waitForMapIdle(page);
  await page.getByTestId(`service-${SERVICE}`).check();
  await waitForTable(page, 500, [SERVICE]);

  // Aim at the site the greedy suggestion ranks first, so the new hall surely adds people.
  const best = greedySites(1)[0];
  await openTool(page, 'planning');
  await page.getByTestId('planning-toggle').click();
  await expect(page.getByTestId('planning-toggle')).toHaveAttribute('aria-pressed', 'true');
  const canvas = page.locator('canvas.maplibregl-canvas');
  const box = (await canvas.boundingBox())!;
  const at = project([best.lng, best.lat], await mapView(page), box);
  await canvas.click({ position: at });
  await expect(page.getByTestId('proposed-item')).toHaveCount(1);
  const placed = await proposedHalls(page);
  expect(Math.hypot((placed[0].lng - best.lng) * 102_700, (placed[0].lat - best.lat) * 111_195)).toBeLessThan(100);
  const added = await expectPlanEqualsFresh(page, placed);
  expect(added).toBeGreaterThan(0);
  await waitForMapIdle(page);
  await page.screenshot({ path: `${SCREENS}/planning-proposed.png` });
  await page.getByTestId('planning-panel').screenshot({ path: `${SCREENS}/planning-panel.png` });

  // Drag it 120 px east: the numbers follow for the new position.
  const from = { x: box.x + at.x, y: box.y + at.y };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let k = 1; k <= 6; k++) await page.mouse.move(from.x + 20 * k, from.y, { steps: 2 });
  await page.mouse.up();
  await expect.poll(async () => (await proposedHalls(page))[0].lng).toBeGreaterThan(placed[0].lng + 0.001);
  await expect(page.getByTestId('proposed-item')).toHaveCount(1);
  await expectPlanEqualsFresh(page, await proposedHalls(page));

  // A second hall with legal aid only, then removing the first.
  for (const s of ['petition', 'psych-support']) await page.getByTestId(`new-service-${s}`).uncheck();
  await canvas.click({ position: { x: at.x - 150, y: at.y + 100 } });
  await expect(page.getByTestId('proposed-item')).toHaveCount(2);
  await page.getByTestId('remove-proposed').first().click();
  await expect(page.getByTestId('proposed-item')).toHaveCount(1);
  await expectPlanEqualsFresh(page, await proposedHalls(page));
  await page.getByTestId('remove-proposed').click();
  await expect(page.getByTestId('plan-table')).toHaveCount(0);
});

test('suggested sites are the core greedy ranking, and keeping one adds exactly its people', async ({ page }) => {
  const items = await suggestOnSample(page, 3);
  const ref = greedySites(3);
  const shown = await items.evaluateAll((lis) =>
    lis.map((li) => ({ added: Number(li.getAttribute('data-added')), lng: Number(li.getAttribute('data-lng')), lat: Number(li.getAttribute('data-lat')) })),
  );
  expect(shown).toEqual(ref.map((s) => ({ added: s.added, lng: s.lng, lat: s.lat })));

  await items.nth(1).getByTestId('keep-site').click();
  await expect(items.nth(1).getByTestId('keep-site')).toBeDisabled();
  await openTool(page, 'planning');
  await expect(page.getByTestId('proposed-item')).toHaveCount(1);
  const fresh = freshStats([{ lng: ref[1].lng, lat: ref[1].lat, services: [SERVICE] }]);
  await expect(page.getByTestId('plan-total')).toHaveAttribute('data-planned', String(fresh.total.covered[SERVICE]));
  await expect(page.locator(`[data-testid="plan-summary"] li[data-key="${SERVICE}"]`)).toHaveAttribute('data-added', String(ref[1].added));
  await waitForMapIdle(page);
  await page.screenshot({ path: `${SCREENS}/planning-suggested.png` });
});

test('without a mouse, a proposed hall can be added at the map centre; the numbers are the engine’s', async ({ page }) => {
  await page.goto('./');
  await waitForMapIdle(page);
  await page.getByTestId(`service-${SERVICE}`).check();
  await waitForTable(page, 500, [SERVICE]);
  await openTool(page, 'planning');
  await page.getByTestId('add-at-centre').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('proposed-item')).toHaveCount(1);
  const [hall] = await proposedHalls(page);
  const view = await mapView(page);
  expect(Math.abs(hall.lng - view.center[0])).toBeLessThan(1e-5);
  expect(Math.abs(hall.lat - view.center[1])).toBeLessThan(1e-5);
  await expectPlanEqualsFresh(page, [hall]);
});

test('suggestions can choose among the sites of a candidate file (GCJ-02 CSV), named as in the file', async ({ page }) => {
  await page.goto('./');
  await waitForMapIdle(page);
  await page.getByTestId(`service-${SERVICE}`).check();
  await waitForTable(page, 500, [SERVICE]);
  // Three candidates: the greedy's favourite grid points, written in GCJ-02.
  const best = greedySites(3);
  const rows = best.map((s, k) => {
    const [x, y] = fromWgs84(s.lng, s.lat, 'gcj02');
    return `候选${k + 1},${x},${y},`;
  });
  await openTool(page, 'suggest');
  await page
    .getByTestId('suggest-candidates')
    .setInputFiles({ name: 'sites.csv', mimeType: 'text/csv', buffer: Buffer.from(`name,lng,lat,services\n${rows.join('\n')}\n`) });
  await page.getByTestId('suggest-candidates-crs').selectOption('gcj02');
  await page.getByTestId('suggest-count').fill('2');
  await page.getByTestId('suggest-run').click();
  const items = page.getByTestId('suggested-site');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('候选1');
  expect(Number(await items.first().getAttribute('data-added'))).toBe(best[0].added);
});

test('leaving the page with proposed halls never exported asks first; after exporting them it does not (issue 7)', async ({ page }) => {
  await page.goto('./');
  await waitForMapIdle(page);
  await openTool(page, 'planning');
  await page.getByTestId('add-at-centre').click();
  await expect(page.getByTestId('proposed-item')).toHaveCount(1);
  // A user gesture is needed before Chromium shows a beforeunload dialog.
  await page.getByTestId('proposed-item').click();
  let asked = 0;
  page.on('dialog', (d) => {
    if (d.type() === 'beforeunload') asked++;
    void d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toBe(1);
  expect(page.isClosed()).toBe(false);

  await openTool(page, 'export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-halls').click()]);
  expect(download.suggestedFilename()).toContain('proposed-halls');
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(asked).toBe(1);
});

test('proposed halls come back when the app is opened again without the link, until they are removed (issue 7)', async ({ page }) => {
  await page.goto('./');
  await waitForMapIdle(page);
  await openTool(page, 'planning');
  await page.getByTestId('add-at-centre').click();
  await expect(page.getByTestId('proposed-item')).toHaveCount(1);
  const [hall] = await proposedHalls(page);

  // A fresh visit: no hash, so only this browser's storage can bring the hall back.
  await page.goto('about:blank');
  await page.goto('./');
  await waitForMapIdle(page);
  await expect(page.getByTestId('proposed-item')).toHaveCount(1);
  const [again] = await proposedHalls(page);
  expect(again.lng).toBeCloseTo(hall.lng, 6);
  expect(again.lat).toBeCloseTo(hall.lat, 6);

  await page.getByTestId('remove-proposed').click();
  await expect(page.getByTestId('proposed-item')).toHaveCount(0);
  await page.goto('about:blank');
  await page.goto('./');
  await waitForMapIdle(page);
  await expect(page.getByTestId('proposed-item')).toHaveCount(0);
});

test('proposed halls stay when other data is loaded and their numbers are computed on it (review finding: they were dropped)', async ({ page }) => {
  await page.goto('./');
  await waitForMapIdle(page);
  await page.getByTestId(`service-${SERVICE}`).check();
  await waitForTable(page, 500, [SERVICE]);
  await openTool(page, 'planning');
  await page.getByTestId('add-at-centre').click();
  await expect(page.getByTestId('proposed-item')).toHaveCount(1);
  const [hall] = await proposedHalls(page);
  await expectPlanEqualsFresh(page, [hall]);

  // Load the halls again as "own" data: a new engine in the worker, the plan recomputed on it.
  await openTool(page, 'import');
  await page.getByTestId('import-files').setInputFiles('public/geo/halls.geojson');
  await page.getByTestId('import-dialog').getByTestId('import-load').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await expect(page.getByTestId('data-note')).toHaveAttribute('data-origin', 'own');
  await expect(page.getByTestId('proposed-item')).toHaveCount(1);
  expect(await proposedHalls(page)).toEqual([hall]);
  await expectPlanEqualsFresh(page, [hall]);
});
