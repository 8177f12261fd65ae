// The largest-gaps list and the picked gap (issue 12, item 6): with a
// subdistrict selected the list holds that subdistrict's gaps only, and says
// so; a gap picked in the list or on the map is outlined there (a thick
// yellow line on a dark casing, src/map/palette.ts GAP_SELECTED).
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { expect, test } from '@playwright/test';
import { decodePng, countColour, type Rgba } from './png';
import { mapView, project, sampleEngine, SCREENS, waitForMapIdle, waitForTable } from './app';

const SELECTED: [number, number, number] = [0xff, 0xd2, 0x3f];
const petitionGaps = () =>
  sampleEngine()
    .gaps({ radiusM: 500, services: ['petition'] })
    .features.filter((f) => f.properties.service === 'petition')
    .sort((a, b) => a.properties.rank - b.properties.rank);

/** Selected-outline pixels in a box around (x, y), or in the whole image. */
function outlinePixels(img: Rgba, around?: { x: number; y: number; r: number }): number {
  if (!around) return countColour(img, SELECTED, 16);
  let k = 0;
  for (let y = Math.max(0, Math.round(around.y - around.r)); y < Math.min(img.height, around.y + around.r); y++) {
    for (let x = Math.max(0, Math.round(around.x - around.r)); x < Math.min(img.width, around.x + around.r); x++) {
      const o = (y * img.width + x) * 4;
      if (Math.abs(img.data[o] - SELECTED[0]) <= 16 && Math.abs(img.data[o + 1] - SELECTED[1]) <= 16 && Math.abs(img.data[o + 2] - SELECTED[2]) <= 16) k++;
    }
  }
  return k;
}

test('with a subdistrict selected, the largest-gaps list holds only its gaps and says whose they are', async ({ page }) => {
  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, 500, ['petition']);
  const all = petitionGaps();
  const items = page.getByTestId('gap-item');
  await expect(page.getByTestId('gaps-title')).toHaveText('最大覆盖缺口');
  await expect
    .poll(() => items.evaluateAll((b) => b.map((x) => Number(x.getAttribute('data-population')))))
    .toEqual(all.slice(0, 8).map((f) => f.properties.population));

  for (const [area, en] of [
    ['公明街道', 'Gongming Subdistrict'],
    ['玉塘街道', 'Yutang Subdistrict'],
  ]) {
    await page.locator(`[data-testid="area-row"][data-area="${area}"]`).getByTestId('select-area').click();
    await expect(page.getByTestId('gaps-title')).toHaveText(`${area}最大覆盖缺口`);
    const inArea = all.filter((f) => f.properties.area === area).slice(0, 8);
    expect(inArea.length).toBeGreaterThan(0);
    await expect
      .poll(() => items.evaluateAll((b) => b.map((x) => Number(x.getAttribute('data-population')))))
      .toEqual(inArea.map((f) => f.properties.population));
    await expect(items.first()).toContainText(area);
    await page.getByTestId('lang-en').click();
    await expect(page.getByTestId('gaps-title')).toHaveText(`Largest gaps in ${en}`);
    await page.getByTestId('lang-zh').click();
  }
  await page.getByTestId('panel').screenshot({ path: `${SCREENS}/gaps-in-area.png` });
  await page.getByTestId('whole-district').click();
  await expect(page.getByTestId('gaps-title')).toHaveText('最大覆盖缺口');
  await expect(items).toHaveCount(8);
});

test('a gap picked in the list, or clicked on the map, is outlined on the map', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, 500, ['petition']);
  const canvas = page.locator('canvas.maplibregl-canvas');
  const none = outlinePixels(decodePng(await canvas.screenshot())); // anti-aliased edges of other colours can come close
  expect(none, 'hardly any outline colour before a pick').toBeLessThan(60);

  // From the list: the largest gap, flown to and outlined.
  const [first] = petitionGaps();
  await page.getByTestId('gap-item').first().click();
  await expect(page.getByTestId('gap-item').first()).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('map')).toHaveAttribute('data-selected-gap', 'petition:1');
  await waitForMapIdle(page);
  const box = (await canvas.boundingBox())!;
  let view = await mapView(page);
  const img = decodePng(await canvas.screenshot({ path: `${SCREENS}/gap-selected-list.png` }));
  const at = project(first.properties.centroid, view, box);
  expect(outlinePixels(img, { ...at, r: 250 }), 'outline around the picked gap').toBeGreaterThan(none + 150);

  // On the map: another gap in view, clicked inside one of its uncovered people's cells.
  view = await mapView(page);
  const nearest = sampleEngine().nearest('petition');
  const pop = sampleEngine().population;
  let target: { rank: number; x: number; y: number } | null = null;
  for (const f of petitionGaps().slice(1)) {
    for (let u = 0; u < pop.count && !target; u++) {
      if (!(nearest[u] > 500) || !(pop.weight[u] > 0)) continue;
      const p = project([pop.lng[u], pop.lat[u]], view, box);
      if (p.x < 60 || p.y < 60 || p.x > box.width - 60 || p.y > box.height - 60) continue;
      if (booleanPointInPolygon([pop.lng[u], pop.lat[u]], f.geometry)) target = { rank: f.properties.rank, ...p };
    }
    if (target) break;
  }
  expect(target, 'another gap in view').not.toBeNull();
  await canvas.click({ position: { x: target!.x, y: target!.y } });
  await expect(page.getByTestId('map')).toHaveAttribute('data-selected-gap', `petition:${target!.rank}`);
  await waitForMapIdle(page);
  const img2 = decodePng(await canvas.screenshot({ path: `${SCREENS}/gap-selected-map.png` }));
  expect(outlinePixels(img2, { x: target!.x, y: target!.y, r: 250 }), 'outline around the clicked gap').toBeGreaterThan(none + 60);
  await expect(page.getByTestId('gap-item').first()).toHaveAttribute('aria-pressed', 'false');
});
