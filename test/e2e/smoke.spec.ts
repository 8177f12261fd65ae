import { expect, test } from '@playwright/test';
import { decodePng, nonBackgroundShare } from './png';

test('the built app draws a non-blank WebGL map of the sample', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  const canvas = page.locator('canvas.maplibregl-canvas');
  await expect(canvas).toBeVisible();
  await page.waitForFunction(() => document.documentElement.dataset.mapIdle === '1', null, { timeout: 30_000 });
  const png = decodePng(await canvas.screenshot({ path: 'test-results/screens/smoke.png' }));
  // The first view is fitted to the district, whose population surface covers
  // about half of the canvas (0.48 measured at 1280 × 720); a blank canvas gives 0.
  expect(nonBackgroundShare(png)).toBeGreaterThan(0.25);
  expect(errors).toEqual([]);
});
