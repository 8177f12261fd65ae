import { expect, test } from '@playwright/test';
import { countColour, decodePng } from './png';
import { waitForMapIdle } from './app';

test('the OSM basemap is off by default (no tile request) and draws beneath the data when switched on', async ({ page }) => {
  // A magenta 256 px tile made by the browser itself, served for every OSM tile request.
  await page.goto('about:blank');
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = c.height = 256;
    const g = c.getContext('2d')!;
    g.fillStyle = '#ff00ff';
    g.fillRect(0, 0, 256, 256);
    return c.toDataURL('image/png');
  });
  const tile = Buffer.from(dataUrl.split(',')[1], 'base64');
  const requested: string[] = [];
  await page.route('https://tile.openstreetmap.org/**', (route) => {
    requested.push(route.request().url());
    return route.fulfill({ contentType: 'image/png', body: tile });
  });

  await page.goto('./');
  await waitForMapIdle(page);
  expect(requested).toEqual([]);
  const canvas = page.locator('canvas.maplibregl-canvas');
  expect(countColour(decodePng(await canvas.screenshot()), [255, 0, 255], 8)).toBe(0);

  await page.getByTestId('layer-basemap').check();
  await expect.poll(() => requested.length).toBeGreaterThan(0);
  await expect.poll(async () => countColour(decodePng(await canvas.screenshot()), [255, 0, 255], 8)).toBeGreaterThan(10_000);
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('OpenStreetMap');
});
