import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CoverageEngine, groupEngine, levelStats, parseAreas, parseHalls, parsePopulation, statsReport } from '../../src/core/index.ts';
import { expectedRow, openTool, readTable, SCREENS, waitForMapIdle, waitForTable } from './app';
import { decodePng, type Rgba } from './png';
import { POPULATION_COLORS, groupBreakDivisor, populationBreaks } from '../../src/map/population-scale';

// Issue 16: the sample's modelled 65+ count is a group of people; the population switch shows its numbers.
const read = (f: string) => readFileSync(`public/geo/${f}`, 'utf8');

// Share of pixels that differ between two screenshots of the same size.
function changedShare(a: Rgba, b: Rgba): number {
  let n = 0;
  for (let k = 0; k < a.data.length; k += 4) if (a.data[k] !== b.data[k] || a.data[k + 1] !== b.data[k + 1] || a.data[k + 2] !== b.data[k + 2]) n++;
  return n / (a.width * a.height);
}

// Share of pixels showing each population class's colour as it is (cells not under a circle or hatching), ±2 per channel.
function classShares(img: Rgba): number[] {
  const rgb = POPULATION_COLORS.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
  const n = rgb.map(() => 0);
  for (let k = 0; k < img.data.length; k += 4) {
    const j = rgb.findIndex((c) => c.every((v, i) => Math.abs(img.data[k + i] - v) <= 2));
    if (j >= 0) n[j]++;
  }
  return n.map((x) => x / (img.width * img.height));
}

test('the population switch shows the 65+ group: table rows, total and community rows as the CLI’s groups, and the map shades by it; the import dialog reads a chosen group field', async ({
  page,
}) => {
  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, 500, ['petition']);
  const everyone = await readTable(page);
  const canvas = page.locator('canvas.maplibregl-canvas');
  const before = decodePng(await canvas.screenshot());

  // The reference: the core read as the CLI's --group-fields age65 reads it.
  const engine = new CoverageEngine(
    parseHalls(read('halls.geojson'), { file: 'halls.geojson' }),
    parsePopulation(read('population.geojson'), { file: 'population.geojson', groupFields: ['age65'] }),
    parseAreas(read('areas.geojson'), { file: 'areas.geojson' }),
  );
  const opts = { radiusM: 500, services: ['petition'] };
  const cli = statsReport(engine, { ...opts, groups: ['age65'] });
  const group = groupEngine(engine, 'age65').stats(opts);

  const options = page.getByTestId('group-option');
  await expect(options).toHaveCount(2);
  await expect(page.getByTestId('group-switch')).toContainText('65岁以上');
  await expect(options.first()).toBeChecked();
  await page.getByTestId('group-switch').getByText('65岁以上').click();
  await expect(options.nth(1)).toBeChecked();
  await expect(page.getByTestId('area-table')).toHaveAttribute('data-group', 'age65');
  await expect(page.getByTestId('table-group')).toContainText('65岁以上');

  const shown = await readTable(page);
  expect(shown.rows.map((r) => r.area)).toEqual(cli.areas.map((a) => a.name));
  shown.rows.forEach((r, i) => {
    expect(r.values, r.area).toEqual(expectedRow(group.areas[i], opts.services));
    expect(r.values.population, r.area).toBe(cli.areas[i].groups?.age65.population);
    expect(r.values['covered:petition'], r.area).toBe(cli.areas[i].groups?.age65.covered.petition);
  });
  expect(shown.total.population).toBe(cli.total.groups?.age65.population);
  expect(shown.total.population).toBe(43_812);
  expect(shown.total['covered:petition']).toBe(cli.total.groups?.age65.covered.petition);
  expect(shown.total.population).toBeLessThan(everyone.total.population);

  // The communities under the first subdistrict show the group's numbers too.
  const communities = parseAreas(read('communities.geojson'), { file: 'communities.geojson' });
  // Parents (where the rows sit) are everyone's; the numbers are the group's, as the CLI's levels report them.
  const level = levelStats(engine, { file: 'communities.geojson', field: 'name', areas: communities }, { ...opts, groups: ['age65'] });
  await page.getByTestId('expand-area').first().click();
  const kids = level.areas.filter((a) => a.parent === shown.rows[0].area);
  await expect(page.getByTestId('level-row')).toHaveCount(kids.length);
  await expect(page.getByTestId('level-row').first().locator('td[data-col="population"]')).toHaveAttribute(
    'data-value',
    String(kids[0].groups?.age65.population),
  );

  // The map shades the cells by the group's people per hectare: far fewer than everyone's, so the picture changes.
  await expect(page.getByTestId('map')).toHaveAttribute('data-population-group', 'age65');
  await waitForMapIdle(page);
  const after = decodePng(await canvas.screenshot({ path: `${SCREENS}/groups-age65.png` }));
  expect(changedShare(before, after)).toBeGreaterThan(0.05);
  // On breaks of its own (everyone's over the power of ten nearest its share), the group spreads over the classes as
  // everyone does, instead of lying almost wholly in the lowest; the legend lists those breaks and names the group.
  const divisor = groupBreakDivisor(cli.total.groups!.age65.population / cli.total.population);
  expect(divisor).toBe(10);
  const used = (img: Rgba) => classShares(img).filter((x) => x > 0.002).length;
  expect(used(after)).toBeGreaterThanOrEqual(3);
  expect(used(after)).toBeGreaterThanOrEqual(used(before) - 1);
  await expect(page.getByTestId('population-legend')).toHaveAttribute('data-divisor', '10');
  await expect(page.getByTestId('population-legend').locator('li').nth(1)).toHaveAttribute('data-from', String(populationBreaks(divisor)[0]));
  await expect(page.getByTestId('legend-group')).toContainText('65岁以上');
  await expect(page.getByTestId('legend-group')).toContainText('1/10');

  // The link carries the group (g=age65): a reload of it shows the group again.
  await expect(page).toHaveURL(/[#&]g=age65(&|$)/);
  await page.reload();
  await expect(options.nth(1)).toBeChecked();
  await expect(page.getByTestId('area-table')).toHaveAttribute('data-group', 'age65');
  expect((await readTable(page)).total).toEqual(shown.total);

  // Back to everyone: the first numbers and the first picture's shading; the link no longer names a group.
  await page.getByTestId('group-switch').getByText('全部').click();
  await expect(page.getByTestId('area-table')).toHaveAttribute('data-group', '');
  await expect(page.getByTestId('map')).toHaveAttribute('data-population-group', '');
  await expect(page.getByTestId('population-legend')).toHaveAttribute('data-divisor', '1');
  await expect(page.getByTestId('legend-group')).toHaveCount(0);
  await expect(page).not.toHaveURL(/[#&]g=/);
  expect((await readTable(page)).rows).toEqual(everyone.rows);

  // The import dialog offers the population file's other count fields as groups; a chosen one is read and switchable.
  await openTool(page, 'import');
  await page
    .getByTestId('import-files')
    .setInputFiles({ name: 'population.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(read('population.geojson')) });
  await expect(page.getByTestId('import-role')).toHaveValue('population');
  const pick = page.getByTestId('import-group');
  await expect(pick).toHaveCount(1);
  await expect(pick).toHaveAttribute('data-field', 'age65');
  await expect(pick).not.toBeChecked();
  await pick.check();
  await page.getByTestId('import-load').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await expect(page.getByTestId('data-note')).toHaveAttribute('data-origin', 'own');
  await page.getByTestId('group-switch').getByText('65岁以上').click();
  await expect(page.getByTestId('area-table')).toHaveAttribute('data-group', 'age65');
  expect((await readTable(page)).total).toEqual(shown.total);
});
