// What the map stresses (issue 12, item 6): halls that do not offer the chosen
// service are drawn hollow and faint, and while halls are proposed the hatched
// gaps are those that remain with them built. Read from the canvas's pixels;
// the colours are src/map/palette.ts's.
import { expect, test } from '@playwright/test';
import { countColour, decodePng, type Rgba } from './png';
import { mapView, openTool, project, readTable, SCREENS, waitForMapIdle, waitForTable } from './app';

const ALL_THREE_HALL: [number, number, number] = [0, 0, 0];
const PETITION_ONLY: [number, number, number] = [0xd5, 0x5e, 0x00];
const PETITION_LEGAL: [number, number, number] = [0x56, 0xb4, 0xe9];
const PETITION_PSYCH: [number, number, number] = [0xe6, 0x9f, 0x00];
const GAP: [number, number, number] = [0x7a, 0x00, 0x19];

test('halls without the chosen service are drawn hollow and faint, and the legend says so', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await waitForMapIdle(page);
  const canvas = page.locator('canvas.maplibregl-canvas');
  // Petition: every hall offers it, none is muted.
  await expect(page.getByTestId('legend-muted')).toHaveCount(0);

  await page.getByTestId('service-legal-aid').check();
  await waitForTable(page, 500, ['legal-aid']);
  await waitForMapIdle(page);
  const legal = decodePng(await canvas.screenshot({ path: `${SCREENS}/muted-halls-legal-aid.png` }));
  expect(countColour(legal, ALL_THREE_HALL, 10), 'halls with all three (offer legal aid): solid').toBeGreaterThan(200);
  expect(countColour(legal, PETITION_LEGAL, 10), 'petition + legal aid stations: solid').toBeGreaterThan(100);
  expect(countColour(legal, PETITION_ONLY, 10), 'petition-only stations: no solid fill').toBeLessThan(20);
  expect(countColour(legal, PETITION_PSYCH, 10), 'petition + psych stations: no solid fill').toBeLessThan(20);
  await expect(page.getByTestId('legend-muted')).toHaveText('空心淡色：不提供公共法律服务');

  await page.getByTestId('service-psych-support').check();
  await waitForTable(page, 500, ['psych-support']);
  await waitForMapIdle(page);
  const psych = decodePng(await canvas.screenshot({ path: `${SCREENS}/muted-halls-psych.png` }));
  expect(countColour(psych, PETITION_LEGAL, 10), 'petition + legal aid stations: muted now').toBeLessThan(20);
  expect(countColour(psych, ALL_THREE_HALL, 10)).toBeGreaterThan(200);
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('legend-muted')).toHaveText('Hollow, faint: does not offer Psychological support');
  await page.getByTestId('legend').screenshot({ path: `${SCREENS}/muted-halls-legend.png` });
});

/** Pixels of `rgb` in a square of half-side r around (x, y). */
function countNear(img: Rgba, rgb: [number, number, number], at: { x: number; y: number }, r: number): number {
  let k = 0;
  for (let y = Math.round(at.y - r); y < at.y + r; y++) {
    for (let x = Math.round(at.x - r); x < at.x + r; x++) {
      const o = (y * img.width + x) * 4;
      if (Math.abs(img.data[o] - rgb[0]) <= 16 && Math.abs(img.data[o + 1] - rgb[1]) <= 16 && Math.abs(img.data[o + 2] - rgb[2]) <= 16) k++;
    }
  }
  return k;
}

test('a proposed hall clears the hatched gaps within its reach on the map; the table keeps today’s numbers', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await waitForMapIdle(page);
  await page.getByTestId('service-legal-aid').check();
  await waitForTable(page, 500, ['legal-aid']);
  const table = await readTable(page);
  // Fly to the largest legal-aid gap.
  const centroid = (await page.getByTestId('gap-item').first().getAttribute('data-centroid'))!.split(',').map(Number) as [number, number];
  await page.getByTestId('gap-item').first().click();
  await expect.poll(async () => Math.abs((await mapView(page)).zoom - 14)).toBeLessThan(0.01);
  await waitForMapIdle(page);
  const canvas = page.locator('canvas.maplibregl-canvas');
  const box = (await canvas.boundingBox())!;
  const at = project(centroid, await mapView(page), box);
  // Half-side of the square looked at: 300 m, so its corners (424 m) are inside a 500 m reach.
  const mPerPx = (40_075_016.686 * Math.cos((centroid[1] * Math.PI) / 180)) / (512 * 2 ** 14);
  const r = 300 / mPerPx;
  const before = countNear(decodePng(await canvas.screenshot({ path: `${SCREENS}/planned-gaps-before.png` })), GAP, at, r);
  expect(before, 'hatching at the gap before a hall is proposed').toBeGreaterThan(300);
  await expect(page.getByTestId('legend-gaps')).toHaveText('覆盖缺口（斜线）');

  // A hall with all three services at the gap's centre (the map is centred there).
  await openTool(page, 'planning');
  await page.getByTestId('add-at-centre').click();
  await expect(page.getByTestId('proposed-item')).toHaveCount(1);
  await expect(page.getByTestId('map')).toHaveAttribute('data-gaps-proposed', '1');
  await waitForMapIdle(page);
  const after = countNear(decodePng(await canvas.screenshot({ path: `${SCREENS}/planned-gaps-after.png` })), GAP, at, r);
  expect(after, 'hatching within the proposed hall’s reach').toBeLessThan(before / 20);
  await expect(page.getByTestId('legend-gaps')).toHaveText('覆盖缺口（斜线，已计入拟建服务点）');
  expect(await readTable(page), 'the table shows today’s numbers').toEqual(table);
  await page.screenshot({ path: `${SCREENS}/planned-gaps.png` });

  // Removed: today's gaps come back.
  await page.getByTestId('remove-proposed').click();
  await expect(page.getByTestId('map')).toHaveAttribute('data-gaps-proposed', '0');
  await waitForMapIdle(page);
  expect(countNear(decodePng(await canvas.screenshot()), GAP, at, r)).toBeGreaterThan(before * 0.9);
});
