// Walking distance in the app (issue 17): the river fixture's four files
// imported together (roads as the fourth role), both modes' shares side by
// side in the table, equal to the core's --distance network numbers on the
// same inputs; the switch puts the table, legend and map in walking mode;
// the same roads as an OSM PBF give the same share, and a broken PBF is one
// line naming the file while the loaded data stays; the roads are kept in
// the browser with the own data; loads (a typed capacity) follow the mode;
// what-if halls and suggested sites (covering, and maximising people served)
// are measured along the roads too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CoverageEngine, parseAreas, parseHalls, parsePopulation } from '../../src/core/index.ts';
import { coverageEngine, RoadNetwork, statsForMode, type NetworkCoverageEngine } from '../../src/core/network/index.ts';
import { servedSuggestion } from '../../src/core/planning/served-suggestion.ts';
import { formatShare } from '../../src/ui/format.ts';
import { riverPbf, RIVER_DIR } from '../unit/helpers/river-pbf.ts';
import { mapView, openTool, project, readTable, SCREENS, waitForMapIdle, waitForTable } from './app';
import { decodePng } from './png';

const FILES = ['halls.geojson', 'population.geojson', 'areas.geojson', 'roads.geojson'];
const text = (f: string) => readFileSync(join(RIVER_DIR, f), 'utf8');

// Of the points on the canvas 500 m from centre (24 angles, those inside the canvas), the share where a
// proposed hall's reach ring (#111 at 0.7 opacity: luminance ≈ 85 over the light ground or the yellow cells) is
// drawn: a pixel of luminance < 100 within 1 px, which the ground, the cells and the roads (#5f6b76, ≈ 104) are not.
async function ringShare(page: import('@playwright/test').Page, centre: [number, number], radiusM: number): Promise<number> {
  await waitForMapIdle(page);
  const canvas = page.locator('canvas.maplibregl-canvas');
  const box = (await canvas.boundingBox())!;
  const view = await mapView(page);
  const png = decodePng(await canvas.screenshot());
  const at = project(centre, view, box);
  const mPerPx = (40_075_016.686 * Math.cos((centre[1] * Math.PI) / 180)) / (512 * 2 ** view.zoom);
  const rPx = (radiusM / mPerPx) * (png.width / box.width);
  let inside = 0,
    dark = 0;
  for (let k = 0; k < 24; k++) {
    const x = Math.round(at.x * (png.width / box.width) + rPx * Math.cos((k * Math.PI) / 12));
    const y = Math.round(at.y * (png.height / box.height) + rPx * Math.sin((k * Math.PI) / 12));
    if (x < 2 || y < 2 || x >= png.width - 2 || y >= png.height - 2) continue;
    inside++;
    let found = false;
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const o = ((y + dy) * png.width + (x + dx)) * 4;
        const [r, g, b] = [png.data[o], png.data[o + 1], png.data[o + 2]];
        if (0.299 * r + 0.587 * g + 0.114 * b < 100) found = true;
      }
    if (found) dark++;
  }
  expect(inside, 'ring points on the canvas').toBeGreaterThan(6);
  return dark / inside;
}

// What `analyze --roads roads.geojson [--distance network]` writes for these files, by the core in this process.
function cliStats(mode: 'straight' | 'network') {
  const halls = parseHalls(text('halls.geojson'), { file: 'halls.geojson' });
  const pop = parsePopulation(text('population.geojson'), { file: 'population.geojson' });
  const areas = parseAreas(text('areas.geojson'), { file: 'areas.geojson' });
  const roads = RoadNetwork.parse(text('roads.geojson'), { file: 'roads.geojson' });
  return statsForMode(coverageEngine(halls, pop, areas, roads, mode).stats({ radiusM: 500, services: ['petition'] }), roads, mode);
}

// The suggestion maximising people served (5 sites, petition, 500 m, unlimited new sites) by the core's walking
// engine on these files, with a capacity typed for every hall: what the app's suggestion tool must list.
function servedRef(capacity: number) {
  const halls = parseHalls(text('halls.geojson'), { file: 'halls.geojson' });
  const pop = parsePopulation(text('population.geojson'), { file: 'population.geojson' });
  const areas = parseAreas(text('areas.geojson'), { file: 'areas.geojson' });
  const e = coverageEngine(halls, pop, areas, RoadNetwork.parse(text('roads.geojson'), { file: 'roads.geojson' }), 'network') as NetworkCoverageEngine;
  const query = { radiusM: 500, service: 'petition', count: 5, areaIndex: null, proposed: [], served: { siteCapacity: null, capacity } };
  return servedSuggestion(e, query, undefined, undefined, e);
}

// The capacity analysis the same files give with a capacity typed for every hall (the app's uniform capacity).
function cliLoads(mode: 'straight' | 'network', capacity: number) {
  const halls = parseHalls(text('halls.geojson'), { file: 'halls.geojson' });
  const pop = parsePopulation(text('population.geojson'), { file: 'population.geojson' });
  const areas = parseAreas(text('areas.geojson'), { file: 'areas.geojson' });
  const roads = RoadNetwork.parse(text('roads.geojson'), { file: 'roads.geojson' });
  const e = coverageEngine(halls, pop, areas, roads, mode);
  return e.capacityStats({ radiusM: 500, services: ['petition'] }, new Float64Array(halls.count).fill(capacity));
}

test('roads imported as the fourth role: straight and walking shares side by side, the switch, and an OSM PBF', async ({ page }) => {
  const straight = cliStats('straight'),
    walking = cliStats('network');
  expect(walking.total.share.petition).toBeLessThan(straight.total.share.petition); // the river: 150 of 180 people by line, 50 on foot
  expect(
    new CoverageEngine(
      parseHalls(text('halls.geojson'), { file: 'h' }),
      parsePopulation(text('population.geojson'), { file: 'p' }),
      parseAreas(text('areas.geojson'), { file: 'a' }),
    ).stats({ radiusM: 500, services: ['petition'] }).total,
  ).toEqual(straight.total);

  await page.goto('./');
  await waitForTable(page, 500, ['petition']);
  await expect(page.getByTestId('distance-switch')).toHaveCount(0); // no roads, no switch
  await openTool(page, 'import');
  await page.getByTestId('import-files').setInputFiles(FILES.map((f) => ({ name: f, mimeType: 'application/geo+json', buffer: Buffer.from(text(f)) })));
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-file')).toHaveCount(4);
  await expect(dialog.locator('[data-file="roads.geojson"]').getByTestId('import-role')).toHaveValue('roads');
  await expect(dialog.locator('[data-file="halls.geojson"]').getByTestId('import-role')).toHaveValue('halls');
  await dialog.getByTestId('import-load').click();
  await expect(page.getByTestId('import-done')).toBeVisible();

  // Straight mode, both shares in the table; the walking one is the CLI's network share.
  const table = page.getByTestId('area-table');
  await expect(table).toHaveAttribute('data-distance', 'straight');
  const both = page.getByTestId('total-row').locator('td[data-col="modes:petition"]');
  await expect(both).toHaveText(`直线 ${formatShare(straight.total.share.petition)} · 步行 ${formatShare(walking.total.share.petition)}`);
  await expect(both).toHaveAttribute('data-value', String(walking.total.share.petition));
  const shown = await readTable(page);
  expect(shown.total['share:petition']).toBe(straight.total.share.petition);
  expect(shown.rows.map((r) => r.values['modes:petition'])).toEqual(walking.areas.map((a) => a.share.petition));
  await expect(page.getByTestId('legend-mode')).toHaveAttribute('data-mode', 'straight');
  await expect(page.getByTestId('legend-roads')).toBeVisible();

  // Walking: the numbers, the caption and the legend say so; the map draws covered cells, not circles.
  await expect(page.getByTestId('distance-switch')).toBeVisible();
  await page.getByTestId('distance-network').check();
  await expect(table).toHaveAttribute('data-distance', 'network');
  await expect.poll(() => new URL(page.url()).hash).toContain('dist=network');
  await expect(page.getByTestId('table-mode')).toContainText('步行');
  await expect.poll(async () => (await readTable(page)).total['share:petition']).toBe(walking.total.share.petition);
  expect((await readTable(page)).total['covered:petition']).toBe(walking.total.covered.petition);
  await expect(both).toHaveText(`直线 ${formatShare(straight.total.share.petition)} · 步行 ${formatShare(walking.total.share.petition)}`);
  await expect(page.getByTestId('legend-mode')).toHaveAttribute('data-mode', 'network');
  await expect(page.getByTestId('legend-mode')).toHaveText('步行可达（有人在半径内步行可达的人口格）');
  await waitForMapIdle(page);
  await page.screenshot({ path: `${SCREENS}/walking-mode.png` });

  // Loads along the roads: with a capacity of 40 typed, the table's served / over capacity and the hall's load are the
  // core's network capacity analysis (the hall's catchment is the 50 people it reaches on foot, not the 150 of its circle).
  const walkLoads = cliLoads('network', 40),
    lineLoads = cliLoads('straight', 40);
  expect([walkLoads.halls![0].load, lineLoads.halls![0].load]).toEqual([50, 150]);
  await page.getByTestId('uniform-capacity').fill('40');
  const split = async () => {
    const t = (await readTable(page)).total;
    return [t['served:petition'], t['over:petition']];
  };
  await expect.poll(split).toEqual([walkLoads.total.served!.petition, walkLoads.total.over_capacity!.petition]);
  await page.getByTestId('hall-list-summary').click();
  await expect(page.getByTestId('hall-load')).toHaveAttribute('data-load', String(walkLoads.halls![0].load));
  await expect(page.getByTestId('hall-load')).toHaveAttribute('data-over', 'true');
  await page.getByTestId('distance-straight').check();
  await expect.poll(split).toEqual([lineLoads.total.served!.petition, lineLoads.total.over_capacity!.petition]);
  await expect(page.getByTestId('hall-load')).toHaveAttribute('data-load', String(lineLoads.halls![0].load));
  await page.getByTestId('distance-network').check();
  await expect.poll(split).toEqual([walkLoads.total.served!.petition, walkLoads.total.over_capacity!.petition]);
  await page.getByTestId('uniform-capacity').fill('');
  await expect(page.locator('[data-testid="total-row"] td[data-col="served:petition"]')).toHaveCount(0);

  // The same roads as an OSM PBF: the same walking share (its motorway across the river is not walked).
  await page.getByTestId('import-files').setInputFiles({ name: 'river.osm.pbf', mimeType: 'application/octet-stream', buffer: Buffer.from(riverPbf()) });
  await expect(dialog.getByTestId('import-role')).toHaveValue('roads');
  await expect(dialog.getByTestId('import-why')).toContainText('ODbL');
  await dialog.getByTestId('import-load').click();
  await expect(page.getByTestId('distance-hint')).toContainText('river.osm.pbf');
  await expect.poll(async () => (await readTable(page)).total['share:petition']).toBe(walking.total.share.petition);

  // A broken PBF: one line naming the file; the loaded roads and numbers stay.
  await page
    .getByTestId('import-files')
    .setInputFiles({ name: 'broken.osm.pbf', mimeType: 'application/octet-stream', buffer: Buffer.from(riverPbf().subarray(0, 100)) });
  await dialog.getByTestId('import-load').click();
  await expect(page.getByTestId('import-error')).toContainText('broken.osm.pbf: not a readable OSM PBF file (truncated blob)');
  await expect(page.getByTestId('distance-hint')).toContainText('river.osm.pbf');
  expect((await readTable(page)).total['share:petition']).toBe(walking.total.share.petition);

  // Kept in this browser with the own data: after a reload the roads are back, both shares too, and the link's walking mode.
  await page.reload();
  await expect(page.getByTestId('distance-hint')).toContainText('river.osm.pbf');
  await expect(table).toHaveAttribute('data-distance', 'network');
  await expect(page.getByTestId('distance-network')).toBeChecked();
  await expect(both).toHaveAttribute('data-value', String(walking.total.share.petition));
  await expect(both).toHaveText(`直线 ${formatShare(straight.total.share.petition)} · 步行 ${formatShare(walking.total.share.petition)}`);
});

test('walking mode plans along the roads: a proposed hall across the river adds exactly what a network engine with it built gives; suggestions, served ones too, are walking numbers', async ({
  page,
}) => {
  // The reference: the river's halls plus a proposed one on the north bank, by the core's network engine here in Node.
  const HALL: [number, number] = [113.935, 22.7512];
  const hallsWith = (extra: [number, number][]) => {
    const h = parseHalls(text('halls.geojson'), { file: 'halls.geojson' });
    return {
      ...h,
      count: h.count + extra.length,
      lng: Float64Array.from([...h.lng, ...extra.map((p) => p[0])]),
      lat: Float64Array.from([...h.lat, ...extra.map((p) => p[1])]),
      name: [...h.name, ...extra.map(() => 'p')],
      services: [...h.services, ...extra.map(() => ['legal-aid', 'petition', 'psych-support'])],
      properties: [...h.properties, ...extra.map(() => ({}))],
    };
  };
  const pop = parsePopulation(text('population.geojson'), { file: 'population.geojson' });
  const areas = parseAreas(text('areas.geojson'), { file: 'areas.geojson' });
  const roads = RoadNetwork.parse(text('roads.geojson'), { file: 'roads.geojson' });
  const walked = (extra: [number, number][]) => coverageEngine(hallsWith(extra), pop, areas, roads, 'network').stats({ radiusM: 500, services: ['petition'] });
  const before = walked([]).total.covered.petition,
    after = walked([HALL]).total.covered.petition;
  expect(after).toBeGreaterThan(before); // the north bank's people are reached on foot only from the new hall

  // A link asking for walking where no roads are loaded: straight numbers, and a note saying so.
  await page.goto('./#r=500&dist=network');
  await waitForTable(page, 500, ['petition']);
  await expect(page.getByTestId('area-table')).toHaveAttribute('data-distance', 'straight');
  await expect(page.getByTestId('distance-link-note')).toHaveText('链接要求按步行距离显示，但未载入道路：以下为直线距离。导入道路文件后改为步行距离。');
  await expect(page.getByTestId('distance-switch')).toHaveCount(0);
  // Roads imported: the link's walking mode applies, the note goes.
  await openTool(page, 'import');
  await page.getByTestId('import-files').setInputFiles(FILES.map((f) => ({ name: f, mimeType: 'application/geo+json', buffer: Buffer.from(text(f)) })));
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-file')).toHaveCount(4);
  await dialog.getByTestId('import-load').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await expect(page.getByTestId('area-table')).toHaveAttribute('data-distance', 'network');
  await expect(page.getByTestId('distance-network')).toBeChecked();
  await expect(page.getByTestId('distance-link-note')).toHaveCount(0);

  await openTool(page, 'planning');
  await page.getByTestId('add-at-centre').click();
  const item = page.getByTestId('proposed-item');
  await expect(item).toHaveCount(1);
  await item.getByTestId('proposed-lng').fill(HALL[0].toFixed(6));
  await item.getByTestId('proposed-lng').press('Enter');
  await item.getByTestId('proposed-lat').fill(HALL[1].toFixed(6));
  await item.getByTestId('proposed-lat').press('Enter');
  await expect(item).toHaveAttribute('data-lat', String(HALL[1]));
  const total = page.getByTestId('plan-total');
  await expect(total).toHaveAttribute('data-planned', String(after));
  await expect(total).toHaveAttribute('data-baseline', String(before));
  // Walking mode draws no reach ring around the proposed hall: a circle would promise what the roads do not give.
  expect(await ringShare(page, HALL, 500), 'reach ring drawn in walking mode').toBeLessThan(0.2);

  // Back to straight: the same hall adds nobody the circle had not already claimed, and its ring is drawn.
  await page.getByTestId('distance-straight').check();
  const straight = cliStats('straight').total.covered.petition;
  await expect(total).toHaveAttribute('data-baseline', String(straight));
  expect(await ringShare(page, HALL, 500), 'reach ring drawn in straight mode').toBeGreaterThan(0.7);
  await page.getByTestId('distance-network').check();
  await expect(total).toHaveAttribute('data-planned', String(after));

  // Suggestions in walking mode, with the proposed hall gone: the 100 people across the river come first
  // (straight suggestions only see the 30 by the bridge), and keeping that site raises the walking plan by exactly its gain.
  await page.getByTestId('remove-all-proposed').click();
  await expect(item).toHaveCount(0);
  await openTool(page, 'suggest');
  await page.getByTestId('suggest-run').click();
  const sites = page.getByTestId('suggested-site');
  await expect(sites).toHaveCount(2);
  await expect(page.getByTestId('suggest-summary')).toHaveAttribute('data-distance', 'network');
  await expect(page.getByTestId('suggest-walking')).toContainText('新增人数按步行距离计算');
  expect(await sites.evaluateAll((li) => li.map((e) => Number(e.getAttribute('data-added'))))).toEqual([100, 30]);
  await sites.first().getByTestId('keep-site').click();
  await expect(total).toHaveAttribute('data-baseline', String(before));
  await expect(total).toHaveAttribute('data-planned', String(before + 100));
  await page.screenshot({ path: `${SCREENS}/walking-suggest.png` });
  // Maximising people served with 40 typed for every hall: catchments along the roads, the gains the core's.
  await page.getByTestId('remove-all-proposed').click();
  await expect(item).toHaveCount(0);
  const served = servedRef(40);
  expect(served.sites.length).toBeGreaterThan(1);
  await page.getByTestId('uniform-capacity').fill('40');
  await page.getByTestId('suggest-served').check();
  await page.getByTestId('suggest-run').click();
  const summary = page.getByTestId('suggest-summary');
  await expect(summary).toHaveAttribute('data-mode', 'served');
  await expect(summary).toHaveAttribute('data-distance', 'network');
  await expect(sites.first()).toHaveAttribute('data-added', String(served.sites[0].added));
  expect(await sites.evaluateAll((li) => li.map((e) => Number(e.getAttribute('data-added'))))).toEqual(served.sites.map((x) => x.added));
  await expect(page.getByTestId('suggest-walking')).toContainText('新增可服务人数按步行距离计算');
  // Each site's line names its gain as people served, not covered.
  await expect(sites.first().getByTestId('show-site')).toContainText(`1. 新增可服务 ${served.sites[0].added}`);
  await page.screenshot({ path: `${SCREENS}/walking-suggest-served.png` });
  await page.getByTestId('suggest-served').uncheck();
  await page.getByTestId('uniform-capacity').fill('');
  // The same question by straight line: only the people by the bridge are open.
  await page.getByTestId('distance-straight').check();
  await page.getByTestId('suggest-run').click();
  await expect(page.getByTestId('suggest-summary')).toHaveAttribute('data-distance', 'straight');
  await expect(sites).toHaveCount(1);
  await expect(sites.first()).toHaveAttribute('data-added', '30');
  await expect(page.getByTestId('suggest-walking')).toHaveCount(0);
});
