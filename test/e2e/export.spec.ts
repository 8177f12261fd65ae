// Every download of the export menu, read back and checked against the table
// and the engine: valid files, the sums the table shows, the CRS stated.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { decodePng, countColour } from './png';
import { readTable, sampleEngine, SCREENS, sharedSamplePage, waitForMapIdle, waitForTable, openTool } from './app';
import { readCsv } from '../unit/helpers/read-csv';
import { SERVICE, suggestOnSample } from './plan-check';
import { formatShare } from '../../src/ui/format';
import { parseAreas, statsReport } from '../../src/core';

const DAY = /_\d{4}-\d{2}-\d{2}/;

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  await openTool(page, 'export');
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}
const text = (b: Buffer) => b.toString('utf8');
const BOM = '\uFEFF';

// Downloads from one loaded page (its first map draw is most of a short test's
// time): each sets the language and service it reads; the GCJ-02 choice comes
// last, as it stays set for every later download.
test.describe.serial('on one loaded page', () => {
  const shared = sharedSamplePage();

  test('one service’s gap CSV lists each zone once, so its people column adds up to the uncovered people, under headers in the interface language', async () => {
    // The number: petition (the default choice) leaves 113 349 of the sample's people uncovered at 500 m.
    const stats = sampleEngine().capacityStats({ radiusM: 500, services: ['petition'] });
    const uncovered = stats.total.population - stats.total.covered.petition;
    expect(uncovered).toBe(113_349);
    const page = shared();
    await page.getByTestId('lang-zh').click();
    await page.getByTestId('service-petition').check();
    await waitForTable(page, 500, ['petition']);
    expect((await readTable(page)).total.uncovered).toBe(uncovered);

    const zh = await download(page, 'export-gaps-csv');
    expect(zh.name).toMatch(new RegExp(`^service-circles_gaps_petition_500m${DAY.source}\\.csv$`));
    const body = text(zh.bytes);
    expect(body.startsWith(BOM)).toBe(true);
    expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const [title, head, ...zones] = readCsv(body);
    expect(title).toHaveLength(1);
    expect(title[0]).toMatch(/^服务圈 缺口清单 · 诉求服务 · 服务半径 500 米 · \d{4}-\d{2}-\d{2} · 坐标 WGS84 · 示例数据/);
    expect(head).toEqual([
      '服务',
      '排名',
      '街道',
      '诉求服务未覆盖人口',
      '面积（平方米）',
      '人口重心经度',
      '人口重心纬度',
      '最远居民到最近服务点（米）',
      '坐标系',
    ]);
    expect(new Set(zones.map((z) => z[0]))).toEqual(new Set(['诉求服务']));
    expect(zones.reduce((sum, z) => sum + Number(z[3]), 0)).toBe(uncovered);

    await page.getByTestId('lang-en').click();
    const en = await download(page, 'export-gaps-csv');
    const [enTitle, enHead, ...enZones] = readCsv(text(en.bytes));
    expect(enTitle[0]).toMatch(/^Service Circles gap list · Petition service · radius 500 m · /);
    expect(enHead).toEqual([
      'Service',
      'Rank',
      'Subdistrict',
      'Uncovered: Petition service',
      'Area (m²)',
      'Population centre longitude',
      'Population centre latitude',
      'Farthest person to nearest hall (m)',
      'Coordinate system',
    ]);
    expect(enZones.reduce((sum, z) => sum + Number(z[3]), 0)).toBe(uncovered);

    // All three: the "missing any service" zones, once, adding up to the table's headline.
    await page.getByTestId('service-all').check();
    await waitForTable(page, 500, sampleEngine().services);
    const all = await download(page, 'export-gaps-csv');
    expect(all.name).toMatch(/^service-circles_gaps_all_500m_/);
    const [, allHead, ...allZones] = readCsv(text(all.bytes));
    expect(allHead[3]).toBe('Missing any service');
    expect(new Set(allZones.map((z) => z[0]))).toEqual(new Set(['All three']));
    expect(allZones.reduce((sum, z) => sum + Number(z[3]), 0)).toBe((await readTable(page)).total.uncovered);
  });

  test('one service’s statistics CSV has that service’s columns only, in the interface language, shares as the table shows them', async () => {
    const page = shared();
    await page.getByTestId('lang-en').click();
    await page.getByTestId('service-psych-support').check();
    await waitForTable(page, 500, ['psych-support']);
    const table = await readTable(page);
    const csv = await download(page, 'export-stats-csv');
    expect(csv.name).toMatch(/^service-circles_stats_psych-support_500m_/);
    const [title, head, ...rows] = readCsv(text(csv.bytes));
    expect(title[0]).toMatch(/^Service Circles district statistics · Psychological support · radius 500 m · /);
    expect(head).toEqual([
      'Subdistrict',
      'Population',
      'Halls offering Psychological support',
      'Covered: Psychological support',
      'Share covered: Psychological support (%)',
      'Uncovered: Psychological support',
      'Nearest hall, median: Psychological support (m)',
      'Nearest hall, 90th percentile: Psychological support (m)',
      'Nearest hall, farthest person: Psychological support (m)',
      // The sample's halls carry (modelled) capacities: served and over capacity follow.
      'Served: Psychological support',
      'Over capacity: Psychological support',
    ]);
    expect(rows.at(-1)![0]).toBe('District total');
    [...table.rows.map((r) => r.values), table.total].forEach((v, k) => {
      expect(Number(rows[k][1])).toBe(v.population);
      expect(Number(rows[k][2])).toBe(v.halls);
      expect(Number(rows[k][3])).toBe(v['covered:psych-support']);
      expect(`${rows[k][4]}%`).toBe(formatShare(v['share:psych-support']));
      expect(Number(rows[k][5])).toBe(v.uncovered);
      expect(Number(rows[k][9])).toBe(v['served:psych-support']);
      expect(Number(rows[k][10])).toBe(v['over:psych-support']);
    });
  });

  test('gap list and district statistics download as valid files whose numbers are the table’s', async () => {
    const page = shared();
    await page.getByTestId('lang-zh').click();
    await page.getByTestId(`service-${SERVICE}`).check();
    await waitForTable(page, 500, [SERVICE]);
    const table = await readTable(page);

    const gj = await download(page, 'export-gaps-geojson');
    expect(gj.name).toMatch(new RegExp(`^service-circles_gaps_${SERVICE}_500m${DAY.source}\\.geojson$`));
    const fc = JSON.parse(text(gj.bytes));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.coordinate_system).toBe('WGS84');
    expect(fc.service).toBe(SERVICE);
    // The service's zones only: not again as "all".
    const engineGaps = sampleEngine()
      .gaps({ radiusM: 500, services: [SERVICE] })
      .features.filter((f) => f.properties.service === SERVICE);
    expect(fc.features).toHaveLength(engineGaps.length);
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      expect(f.properties.service).toBe(SERVICE);
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }
    expect(fc.features.reduce((s: number, f: { properties: { population: number } }) => s + f.properties.population, 0)).toBe(table.total.uncovered);

    const csv = await download(page, 'export-gaps-csv');
    expect(csv.name).toMatch(new RegExp(`^service-circles_gaps_${SERVICE}_500m${DAY.source}\\.csv$`));
    expect(text(csv.bytes).startsWith(BOM)).toBe(true);
    const [, , ...zones] = readCsv(text(csv.bytes));
    expect(zones).toHaveLength(fc.features.length);
    expect(zones.reduce((s, c) => s + Number(c[3]), 0)).toBe(table.total.uncovered);

    const statsCsv = await download(page, 'export-stats-csv');
    expect(statsCsv.name).toMatch(new RegExp(`^service-circles_stats_${SERVICE}_500m${DAY.source}\\.csv$`));
    const [, head, ...rows] = readCsv(text(statsCsv.bytes));
    const col = (n: string) => head.indexOf(n);
    expect(rows.map((r) => r[0])).toEqual([...table.rows.map((r) => (r.area === '(outside areas)' ? '区域外' : r.area)), '全区合计']);
    [...table.rows.map((r) => r.values), table.total].forEach((v, k) => {
      expect(Number(rows[k][col('人口')])).toBe(v.population);
      expect(Number(rows[k][col('公共法律服务覆盖人口')])).toBe(v[`covered:${SERVICE}`]);
      expect(`${rows[k][col('公共法律服务覆盖率（%）')]}%`).toBe(formatShare(v[`share:${SERVICE}`]));
      expect(Number(rows[k][col('公共法律服务未覆盖人口')])).toBe(v.uncovered);
      expect(Number(rows[k][col('提供公共法律服务的服务点数')])).toBe(v.halls);
    });

    const json = await download(page, 'export-stats-json');
    // People exactly; distances (metres) to 1e-6: Chromium's and Node's V8 may differ in the last bit of Math.asin.
    const round = (_k: string, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e6) / 1e6 : v);
    // The sample's halls carry capacities; its communities are a second level, reported in `levels` as the CLI's repeated --areas;
    // its 65+ count is a group of people, reported in every block's `groups` as the CLI's --group-fields age65.
    const communities = {
      file: 'communities.geojson',
      field: 'name',
      areas: parseAreas(readFileSync('public/geo/communities.geojson', 'utf8'), { file: 'x' }),
    };
    const stats = statsReport(sampleEngine(), { radiusM: 500, services: [SERVICE], capacity: true, levels: [communities], groups: ['age65'] });
    expect(stats.total.groups?.age65.population).toBe(43_812);
    expect(stats.levels?.[0].areas.filter((a) => a.parent !== null)).toHaveLength(31);
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
});

test('the halls export writes each site once, kept ones only unless the suggestions are asked for too', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const sites = await suggestOnSample(page, 3);
  await sites.nth(1).getByTestId('keep-site').click();
  await openTool(page, 'planning');
  await expect(page.getByTestId('proposed-item')).toHaveCount(1);
  const at = (li: HTMLElement) => [Number(li.getAttribute('data-lng')), Number(li.getAttribute('data-lat'))];
  const kept = await sites.nth(1).evaluate(at);

  type Fc = {
    suggested_included: boolean;
    features: { properties: { status: string; rank?: number; added_people?: number }; geometry: { coordinates: [number, number] } }[];
  };
  const keptOnly = await download(page, 'export-halls');
  expect(keptOnly.name).toMatch(new RegExp(`^service-circles_proposed-halls_${SERVICE}_500m${DAY.source}\\.geojson$`));
  const a: Fc = JSON.parse(text(keptOnly.bytes));
  expect(a.suggested_included).toBe(false);
  expect(a.features.map((f) => f.properties.status)).toEqual(['proposed']);
  expect(a.features[0].geometry.coordinates[0]).toBeCloseTo(kept[0], 6);
  expect(a.features[0].geometry.coordinates[1]).toBeCloseTo(kept[1], 6);

  const box = page.getByTestId('export-include-suggested');
  await expect(page.getByTestId('export-menu')).toContainText('同时导出未保留的推荐新址（2 处）');
  await box.check();
  await page.getByTestId('export-menu').screenshot({ path: `${SCREENS}/export-menu-suggested.png` });
  const withSites = await download(page, 'export-halls');
  expect(withSites.name).toMatch(new RegExp(`^service-circles_proposed-and-suggested-halls_${SERVICE}_500m${DAY.source}\\.geojson$`));
  const b: Fc = JSON.parse(text(withSites.bytes));
  expect(b.suggested_included).toBe(true);
  expect(b.features.map((f) => f.properties.rank ?? f.properties.status)).toEqual(['proposed', 1, 3]);
  const positions = b.features.map((f) => f.geometry.coordinates.join(','));
  expect(new Set(positions).size).toBe(positions.length);
  expect(b.features[1].properties.added_people).toBe(Number(await sites.first().getAttribute('data-added')));
});

test('the map PNG has the title band and a legend below the map', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await suggestOnSample(page, 2);
  await page.getByTestId('keep-site').first().click();
  await openTool(page, 'planning');
  await expect(page.getByTestId('proposed-item')).toHaveCount(1);
  await waitForMapIdle(page);

  const png = await download(page, 'export-png');
  expect(png.name).toMatch(new RegExp(`^service-circles_map_${SERVICE}_500m${DAY.source}\\.png$`));
  const img = decodePng(png.bytes);
  const canvas = await page.locator('canvas.maplibregl-canvas').evaluate((c: HTMLCanvasElement) => ({ w: c.width, h: c.height, css: c.clientWidth }));
  const scale = canvas.w / canvas.css;
  expect(img.width).toBe(canvas.w);
  // The title band above the map, the legend band below it.
  expect(img.height).toBeGreaterThan(canvas.h + Math.round(56 * scale) + 100);
  // The legend's legal-aid ring colour (#0072B2) and the proposed hall ring are drawn; the map itself was copied (not blank).
  expect(countColour(img, [0x00, 0x72, 0xb2])).toBeGreaterThan(20);
  expect(countColour(img, [0x11, 0x11, 0x11])).toBeGreaterThan(20);
  writeFileSync(`${SCREENS}/export-map.png`, png.bytes);
});
