import { copyFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { countColour, decodePng, nonBackgroundShare } from './png';
import { SCREENS, waitForMapIdle, waitForTable } from './app';

// Colours from src/map/palette.ts, as drawn at full opacity (halls, circle outlines).
const ALL_THREE_HALL: [number, number, number] = [0, 0, 0];
const PETITION_LEGAL_HALL: [number, number, number] = [0x56, 0xb4, 0xe9];
const SERVICE_LINES: Record<string, [number, number, number]> = {
  petition: [0xd5, 0x5e, 0x00],
  'legal-aid': [0x00, 0x72, 0xb2],
  'psych-support': [0xcc, 0x79, 0xa7],
};

test('first load draws the sample with areas, population, halls and the petition service circles', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await waitForMapIdle(page);
  await expect(page.getByTestId('area-row')).toHaveCount(6);
  await expect(page.getByTestId('data-note')).toBeVisible();
  for (const layer of ['areas', 'population', 'halls', 'circles', 'gaps']) await expect(page.getByTestId(`layer-${layer}`)).toBeChecked();
  await expect(page.getByTestId('layer-basemap')).not.toBeChecked();

  const img = decodePng(await page.locator('canvas.maplibregl-canvas').screenshot({ path: `${SCREENS}/first-load-map.png` }));
  expect(nonBackgroundShare(img)).toBeGreaterThan(0.15);
  expect(countColour(img, ALL_THREE_HALL, 10), 'halls offering all three services (black)').toBeGreaterThan(200);
  expect(countColour(img, PETITION_LEGAL_HALL, 10), 'stations offering petition + legal aid (sky blue)').toBeGreaterThan(100);
  expect(countColour(img, SERVICE_LINES.petition, 14), 'petition circle outlines').toBeGreaterThan(300);
  expect(countColour(img, SERVICE_LINES['legal-aid'], 14), 'legal-aid circles are not drawn for petition').toBeLessThan(50);

  await page.screenshot({ path: `${SCREENS}/first-load.png` });
  // The README's screenshot is refreshed on request only, so a test run never edits the tree.
  if (process.env.UPDATE_SCREENSHOT) copyFileSync(`${SCREENS}/first-load.png`, 'docs/screenshot.png');

  // All three: one merged outline per service, each in its own colour.
  await page.getByTestId('service-all').check();
  await waitForTable(page, 500, ['legal-aid', 'petition', 'psych-support']);
  await waitForMapIdle(page);
  const all = decodePng(await page.locator('canvas.maplibregl-canvas').screenshot({ path: `${SCREENS}/all-three-map.png` }));
  for (const [service, rgb] of Object.entries(SERVICE_LINES)) expect(countColour(all, rgb, 14), `${service} circle outlines`).toBeGreaterThan(200);
  expect(errors).toEqual([]);
});

test('switching layers off removes them from the canvas', async ({ page }) => {
  await page.goto('./');
  await waitForMapIdle(page);
  const canvas = page.locator('canvas.maplibregl-canvas');
  const before = decodePng(await canvas.screenshot());
  expect(countColour(before, ALL_THREE_HALL, 10)).toBeGreaterThan(200);
  await page.getByTestId('layer-halls').uncheck();
  await page.getByTestId('layer-circles').uncheck();
  await page.getByTestId('layer-gaps').uncheck(); // gap outlines and hatching use the service colours too
  await expect.poll(async () => countColour(decodePng(await canvas.screenshot()), SERVICE_LINES.petition, 14)).toBeLessThan(50);
  const after = decodePng(await canvas.screenshot({ path: `${SCREENS}/layers-off.png` }));
  expect(countColour(after, ALL_THREE_HALL, 10)).toBeLessThan(20);
});
