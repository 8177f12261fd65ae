// Capacity and load in the app (issue 15), against the engine and the CLI run
// here in Node on the same sample files: the district table's served / over
// capacity / out of range, every hall's load in the hall list, the halls
// ringed as over capacity, and what-if halls taking load from their neighbours.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CoverageEngine, parseHalls } from '../../src/core/index.ts';
import { offsetMetres } from '../../src/core/crs/offset-metres.ts';
import type { HallSet, Stats } from '../../src/core/types.ts';
import { openTool, readTable, sampleEngine, SCREENS, waitForMapIdle, waitForTable } from './app';
import { runCli, sampleArgs } from '../unit/helpers/run-cli';

const RADIUS_M = 500;
const SERVICE = 'petition'; // the default choice

/** The CLI's stats, run in this process (the same runAnalyze as `npm run analyze`, without a tsx start-up per call). */
function cliStats(): Stats {
  const r = runCli(sampleArgs('--radius', String(RADIUS_M), '--services', SERVICE));
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Stats;
}

test('loads and the served / over capacity / out of range split on the sample equal the CLI’s, in the table, the hall list, the popup and the map', async ({
  page,
}) => {
  const cli = cliStats();
  const loads = cli.halls!.filter((h) => h.service === SERVICE);
  const over = loads.filter((h) => h.capacity !== null && h.load > h.capacity).map((h) => h.index);
  expect(over.length).toBeGreaterThan(0);
  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, RADIUS_M, [SERVICE]);

  // The table: served, over capacity and out of range (the uncovered column) per area and in total.
  const shown = await readTable(page);
  const split = (a: Stats['total']) => ({ served: a.served![SERVICE], over: a.over_capacity![SERVICE], out: a.out_of_range![SERVICE] });
  const pick = (v: Record<string, number>) => ({ served: v[`served:${SERVICE}`], over: v[`over:${SERVICE}`], out: v.uncovered });
  expect(shown.rows.map((r) => pick(r.values))).toEqual(cli.areas.map(split));
  expect(pick(shown.total)).toEqual(split(cli.total));
  await expect(page.getByTestId('area-table').locator('thead')).toContainText('超出容量');

  // The hall list: every hall's load and capacity, flagged over capacity exactly when the CLI counts it so.
  await page.getByTestId('hall-list-summary').click();
  // The list renders after the click: read it once every hall is in it.
  await expect(page.getByTestId('hall-load')).toHaveCount(loads.length);
  const listed = await page.getByTestId('hall-load').evaluateAll((els) =>
    els.map((el) => ({
      index: Number(el.closest('[data-index]')!.getAttribute('data-index')),
      load: Number(el.getAttribute('data-load')),
      capacity: el.getAttribute('data-capacity') === '' ? null : Number(el.getAttribute('data-capacity')),
      over: el.getAttribute('data-over') === 'true',
    })),
  );
  expect(listed).toEqual(loads.map((h) => ({ index: h.index, load: h.load, capacity: h.capacity, over: over.includes(h.index) })));

  // The map rings exactly those halls, and the legend says what the ring means.
  await expect(page.getByTestId('map')).toHaveAttribute('data-halls-over', over.join(','));
  await expect(page.getByTestId('legend-over')).toContainText('超出容量');

  // The popup of a hall over capacity gives its people, capacity and utilisation.
  const first = loads.find((h) => h.index === over[0])!;
  await page.locator(`[data-testid="hall-item"][data-index="${first.index}"]`).getByTestId('hall-locate').click();
  const popup = page.getByTestId('hall-popup');
  await expect(popup).toContainText(
    `服务范围内 ${first.load} 人，容量 ${first.capacity}，使用率 ${((first.load / first.capacity!) * 100).toFixed(1)}%（超出容量）`,
  );
  await waitForMapIdle(page);
  await page.screenshot({ path: `${SCREENS}/capacity-over.png` });
});

test('a what-if hall takes load from its neighbours exactly as the engine says, and carries its own capacity', async ({ page }) => {
  const e = sampleEngine();
  const base = e.capacity({ radiusM: RADIUS_M, services: [SERVICE] });
  // Next to the most loaded hall over capacity, 150 m east of it.
  const busiest = [...base.load[SERVICE].keys()]
    .filter((h) => base.load[SERVICE][h] > e.halls.capacity![h])
    .sort((a, b) => base.load[SERVICE][b] - base.load[SERVICE][a])[0];
  const [lng, lat] = offsetMetres(e.halls.lng[busiest], e.halls.lat[busiest], 0, 150).map((v) => Math.round(v * 1e6) / 1e6);

  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, RADIUS_M, [SERVICE]);
  await openTool(page, 'planning');
  await page.getByTestId('add-at-centre').click();
  const item = page.getByTestId('proposed-item');
  await expect(item).toHaveCount(1);
  await item.getByTestId('proposed-lng').fill(lng.toFixed(6));
  await item.getByTestId('proposed-lng').press('Enter');
  await item.getByTestId('proposed-lat').fill(lat.toFixed(6));
  await item.getByTestId('proposed-lat').press('Enter');
  await expect(item).toHaveAttribute('data-lat', String(lat));
  await item.getByTestId('proposed-capacity').fill('3000');
  await item.getByTestId('proposed-capacity').press('Enter');

  // The reference: the engine on the sample halls with the proposed one appended (a new hall offers every service).
  const h = e.halls;
  const withProposed: HallSet = {
    count: h.count + 1,
    lng: Float64Array.from([...h.lng, lng]),
    lat: Float64Array.from([...h.lat, lat]),
    name: [...h.name, 'p'],
    services: [...h.services, [SERVICE]],
    properties: [...h.properties, {}],
    capacity: Float64Array.from([...h.capacity!, 3000]),
  };
  const planned = new CoverageEngine(withProposed, e.population, e.areas).capacity({ radiusM: RADIUS_M, services: [SERVICE] });
  const changed = [...Array(h.count).keys()].filter((k) => planned.load[SERVICE][k] !== base.load[SERVICE][k]);
  expect(changed).toContain(busiest);

  const proposedEntry = page.locator(`[data-testid="plan-load"][data-service="${SERVICE}"][data-hall="-1"]`);
  await expect(proposedEntry).toHaveAttribute('data-capacity', '3000');
  await expect(proposedEntry).toHaveAttribute('data-load', String(planned.load[SERVICE][h.count]));
  const neighbours = await page.locator(`[data-testid="plan-load"][data-service="${SERVICE}"]:not([data-hall="-1"])`).evaluateAll((els) =>
    els.map((el) => ({
      hall: Number(el.getAttribute('data-hall')),
      baseline: Number(el.getAttribute('data-baseline')),
      load: Number(el.getAttribute('data-load')),
    })),
  );
  expect(neighbours).toEqual(changed.map((k) => ({ hall: k, baseline: base.load[SERVICE][k], load: planned.load[SERVICE][k] })));
  await expect(page.getByTestId('plan-loads')).toContainText(`容量 3000`);
  await page.getByTestId('plan-loads').screenshot({ path: `${SCREENS}/capacity-what-if.png` });
});

test('imported halls: a field named 容量 is preselected as the capacity; without one, a capacity typed for every hall gives the split until it is cleared; the chosen field is kept over a reload', async ({
  page,
}) => {
  const e = sampleEngine();
  const sample = JSON.parse(readFileSync('public/geo/halls.geojson', 'utf8')) as { features: { properties: Record<string, unknown> }[] };
  const renamed = (to: string | null) =>
    JSON.stringify({
      ...sample,
      features: sample.features.map((f) => {
        const { capacity, ...rest } = f.properties;
        return { ...f, properties: to === null ? rest : { ...rest, [to]: capacity } };
      }),
    });
  const split = (stats: Stats) => ({
    served: stats.total.served![SERVICE],
    over: stats.total.over_capacity![SERVICE],
    out: stats.total.out_of_range![SERVICE],
  });
  const shownSplit = async () => {
    const v = (await readTable(page)).total;
    return { served: v[`served:${SERVICE}`], over: v[`over:${SERVICE}`], out: v.uncovered };
  };
  const load = async (name: string, text: string) => {
    await openTool(page, 'import');
    await page.getByTestId('import-files').setInputFiles({ name, mimeType: 'application/geo+json', buffer: Buffer.from(text) });
    await expect(page.getByTestId('import-role')).toHaveValue('halls');
  };

  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, RADIUS_M, [SERVICE]);
  // Halls with no capacity: coverage only, and the uniform capacity can be typed.
  await load('no-capacity.geojson', renamed(null));
  await expect(page.getByTestId('import-capacity-field')).toHaveValue('');
  await page.getByTestId('import-load').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  const input = page.getByTestId('uniform-capacity');
  await expect(input).toBeVisible();
  await expect(page.locator(`[data-testid="total-row"] td[data-col="served:${SERVICE}"]`)).toHaveCount(0);
  await input.fill('4000');
  const uniform = e.capacityStats({ radiusM: RADIUS_M, services: [SERVICE] }, new Float64Array(e.halls.count).fill(4000));
  await expect.poll(shownSplit).toEqual(split(uniform));
  await input.fill('');
  await expect(page.locator(`[data-testid="total-row"] td[data-col="served:${SERVICE}"]`)).toHaveCount(0);

  // Halls whose capacity is in 容量: preselected, read as the capacity; the typed one is then not offered.
  await load('rongliang.geojson', renamed('容量'));
  await expect(page.getByTestId('import-capacity-field')).toHaveValue('容量');
  await page.getByTestId('import-load').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  const halls = parseHalls(renamed('容量'), { file: 'rongliang.geojson', capacityField: '容量' });
  const expected = new CoverageEngine(halls, e.population, e.areas).capacityStats({ radiusM: RADIUS_M, services: [SERVICE] });
  await expect.poll(shownSplit).toEqual(split(expected));
  expect(split(expected)).toEqual(split(e.capacityStats({ radiusM: RADIUS_M, services: [SERVICE] })));
  await expect(input).toHaveCount(0);

  // Kept in this browser with the chosen field: a reload shows the same split again, not coverage alone.
  await expect(page.getByTestId('own-data-banner')).toHaveAttribute('data-kept', '1');
  await page.reload();
  await waitForTable(page, RADIUS_M, [SERVICE]);
  await expect.poll(shownSplit).toEqual(split(expected));
});
