// On a touch phone every control is a target of at least 24×24 px (or spaced
// as WCAG 2.2 allows), no two controls overlap, and the drawer's toggle
// keeps clear of the language switch.
import { expect, test, type Page } from '@playwright/test';
import { openTool, SCREENS, TOOL_SECTION, waitForTable } from './app';
import { touchTargets } from './layout';

test.use({ viewport: { width: 375, height: 667 }, hasTouch: true });

async function openDrawer(page: Page): Promise<void> {
  await page.getByTestId('panel-toggle').tap();
  await expect(page.getByTestId('panel-toggle')).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(() => page.getByTestId('panel').evaluate((p) => p.getBoundingClientRect().left)).toBe(0);
}

/** Tap the middle of an element where a finger would, whatever lies on top of it. */
async function tapCentre(page: Page, testId: string): Promise<void> {
  const box = (await page.getByTestId(testId).boundingBox())!;
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

test('tapping English in the open drawer switches the language and keeps the drawer open', async ({ page }) => {
  await page.goto('./');
  await waitForTable(page, 500, ['petition']);
  await openDrawer(page);
  await tapCentre(page, 'lang-en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('panel-toggle')).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('panel')).toBeVisible();
  await tapCentre(page, 'lang-zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('panel')).toBeVisible();
});

test('on a phone every control is at least 24×24 px or spaced apart, and none overlaps another', async ({ page }) => {
  await page.goto('./');
  await waitForTable(page, 500, ['petition']);
  await expect(page.getByRole('button', { name: '放大' })).toBeVisible(); // the map's controls are there
  // The map with the drawer closed.
  const closed = await touchTargets(page, '#panel');
  expect(closed.count).toBeGreaterThanOrEqual(3); // the drawer's toggle and the zoom buttons at least
  expect(closed.small, 'controls under 24 px on the map').toEqual([]);
  expect(closed.overlapping, 'overlapping controls on the map').toEqual([]);

  await openDrawer(page);
  // Everything the panel can show: every tool open, a proposed hall's controls and every fold opened.
  for (const tool of Object.keys(TOOL_SECTION) as (keyof typeof TOOL_SECTION)[]) await openTool(page, tool);
  await page.getByTestId('add-at-centre').tap();
  await expect(page.getByTestId('proposed-item')).toHaveCount(1);
  await page.getByTestId('panel').evaluate((p) => p.querySelectorAll('details').forEach((d) => (d.open = true)));
  for (const lang of ['zh', 'en'] as const) {
    await tapCentre(page, `lang-${lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
    for (const choice of ['petition', 'all']) {
      await page.getByTestId(`service-${choice}`).check();
      await expect(page.getByTestId('area-table')).toHaveAttribute('data-services', choice === 'all' ? 'legal-aid,petition,psych-support' : choice);
      const open = await touchTargets(page, '#panel');
      expect(open.count).toBeGreaterThan(50);
      expect(open.small, `controls under 24 px in the drawer (${lang}, ${choice})`).toEqual([]);
      expect(open.overlapping, `overlapping controls in the drawer (${lang}, ${choice})`).toEqual([]);
    }
    await page.screenshot({ path: `${SCREENS}/phone-targets-${lang}.png` });
  }
});
