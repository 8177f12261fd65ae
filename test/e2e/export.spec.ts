// Every download of the export menu, read back and checked against the table
// and the engine: valid files, the sums the table shows, the CRS stated.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { decodePng, countColour } from './png';
import { readTable, sampleEngine, SCREENS, waitForMapIdle, waitForTable, openTool } from './app';

const SERVICE = 'legal-aid';
const DAY = /_\d{4}-\d{2}-\d{2}/;

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  await openTool(page, 'export');
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}
const text = (b: Buffer) => b.toString('utf8');
const BOM = '\uFEFF';

test('gap list and district statistics download as valid files whose numbers are the table’s', async ({ page }) => {
  await page.goto('./');
  await waitForMapIdle(page);
  await page.getByTestId(`service-${SERVICE}`).check();
  await waitForTable(page, 500, [SERVICE]);
  const table = await readTable(page);

  const gj = await download(page, 'export-gaps-geojson');
  expect(gj.name).toMatch(new RegExp(`^service-circles_gaps_${SERVICE}_500m${DAY.source}\\.geojson$`));
  const fc = JSON.parse(text(gj.bytes));
  expect(fc.type).toBe('FeatureCollection');
  expect(fc.coordinate_system).toBe('WGS84');
  const engineGaps = sampleEngine().gaps({ radiusM: 500, services: [SERVICE] });
  expect(fc.features).toHaveLength(engineGaps.features.length);
  for (const f of fc.features) {
    expect(f.type).toBe('Feature');
    expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
  }
  const sumOf = (features: { properties: { service: string; population: number } }[]) => features.filter((f) => f.properties.service === SERVICE).reduce((s, f) => s + f.properties.population, 0);
  expect(sumOf(fc.features)).toBe(table.total.uncovered);

  const csv = await download(page, 'export-gaps-csv');
  expect(csv.name).toMatch(/\.csv$/);
  const lines = text(csv.bytes).split('\r\n').filter(Boolean);
  expect(lines[0].startsWith(`${BOM}service,rank,area,population`)).toBe(true);
  expect(lines).toHaveLength(fc.features.length + 1);
  const csvSum = lines.slice(1).map((l) => l.split(',')).filter((c) => c[0] === SERVICE).reduce((s, c) => s + Number(c[3]), 0);
  expect(csvSum).toBe(table.total.uncovered);

  const statsCsv = await download(page, 'export-stats-csv');
  expect(statsCsv.name).toMatch(new RegExp(`^service-circles_stats_${SERVICE}_500m${DAY.source}\\.csv$`));
  const [head, ...rows] = text(statsCsv.bytes).replace(BOM, '').split('\r\n').filter(Boolean).map((l) => l.split(','));
  const col = (n: string) => head.indexOf(n);
  expect(rows.map((r) => r[0])).toEqual([...table.rows.map((r) => r.area), '(total)']);
  [...table.rows.map((r) => r.values), table.total].forEach((v, k) => {
    expect(Number(rows[k][col('population')])).toBe(v.population);
    expect(Number(rows[k][col(`covered_${SERVICE}`)])).toBe(v[`covered:${SERVICE}`]);
    expect(Number(rows[k][col(`uncovered_${SERVICE}`)])).toBe(v.uncovered);
  });

  const json = await download(page, 'export-stats-json');
  // People exactly; distances (metres) to 1e-6: Chromium's and Node's V8 may differ in the last bit of Math.asin.
  const round = (_k: string, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e6) / 1e6 : v);
  const stats = sampleEngine().stats({ radiusM: 500, services: [SERVICE] });
  const got = JSON.parse(text(json.bytes), round);
  expect(got).toEqual(JSON.parse(JSON.stringify(stats), round));
  expect(got.total.covered).toEqual(stats.total.covered);
  expect(got.areas.map((a: { population: number }) => a.population)).toEqual(stats.areas.map((a) => a.population));

  // GCJ-02 on request: said in the file and in the name, outlines moved a few hundred metres.
  await openTool(page, 'export');
  await page.getByTestId('output-crs-gcj02').check();
  const gcj = await download(page, 'export-gaps-geojson');
  expect(gcj.name).toMatch(/_gcj02\.geojson$/);
  const g = JSON.parse(text(gcj.bytes));
  expect(g.coordinate_system).toBe('GCJ-02');
  const [a, b] = [fc.features[0].properties.centroid, g.features[0].properties.centroid];
  const shiftM = Math.hypot((b[0] - a[0]) * 102_700, (b[1] - a[1]) * 111_195);
  expect(shiftM).toBeGreaterThan(200);
  expect(shiftM).toBeLessThan(700);
});

test('the map PNG has the title band and a legend; proposed and suggested halls download as GeoJSON', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await waitForMapIdle(page);
  await page.getByTestId(`service-${SERVICE}`).check();
  await waitForTable(page, 500, [SERVICE]);
  await openTool(page, 'suggest');
  await page.getByTestId('suggest-count').fill('2');
  await page.getByTestId('suggest-service').selectOption(SERVICE);
  await page.getByTestId('suggest-run').click();
  await expect(page.getByTestId('suggested-site')).toHaveCount(2);
  await page.getByTestId('keep-site').first().click();
  await openTool(page, 'planning');
  await expect(page.getByTestId('proposed-item')).toHaveCount(1);
  await waitForMapIdle(page);

  const halls = await download(page, 'export-halls');
  expect(halls.name).toMatch(new RegExp(`^service-circles_proposed-halls_${SERVICE}_500m${DAY.source}\\.geojson$`));
  const fc = JSON.parse(text(halls.bytes));
  expect(fc.type).toBe('FeatureCollection');
  expect(fc.features.map((f: { properties: { status: string } }) => f.properties.status)).toEqual(['proposed', 'suggested', 'suggested']);
  const site = await page.getByTestId('suggested-site').first().evaluate((li) => [Number(li.getAttribute('data-lng')), Number(li.getAttribute('data-lat'))]);
  expect(fc.features[0].geometry.coordinates[0]).toBeCloseTo(site[0], 6);
  expect(fc.features[1].properties.added_people).toBe(Number(await page.getByTestId('suggested-site').first().getAttribute('data-added')));

  const png = await download(page, 'export-png');
  expect(png.name).toMatch(new RegExp(`^service-circles_map_${SERVICE}_500m${DAY.source}\\.png$`));
  const img = decodePng(png.bytes);
  const canvas = await page.locator('canvas.maplibregl-canvas').evaluate((c: HTMLCanvasElement) => ({ w: c.width, h: c.height, css: c.clientWidth }));
  const scale = canvas.w / canvas.css;
  expect(img.width).toBe(canvas.w);
  expect(img.height).toBe(canvas.h + Math.round(56 * scale));
  // The legend's legal-aid ring colour (#0072B2) and the proposed hall ring are drawn; the map itself was copied (not blank).
  expect(countColour(img, [0x00, 0x72, 0xb2])).toBeGreaterThan(20);
  expect(countColour(img, [0x11, 0x11, 0x11])).toBeGreaterThan(20);
  writeFileSync(`${SCREENS}/export-map.png`, png.bytes);
});
