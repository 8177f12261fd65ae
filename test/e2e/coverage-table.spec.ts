import { expect, test, type Page } from '@playwright/test';
import type { Stats } from '../../src/core/types';
import { runCli, sampleArgs } from '../unit/helpers/run-cli';
import { expectedRow, mapView, project, readTable, sampleEngine, SCREENS, sharedSamplePage, waitForMapIdle, waitForTable } from './app';

/** The table shows exactly these stats: every area row and the total, raw values. */
async function expectTableShows(page: Page, stats: Stats) {
  await waitForTable(page, stats.radius_m, stats.services);
  const shown = await readTable(page);
  expect(shown.rows.map((r) => r.area)).toEqual(stats.areas.map((a) => a.name));
  stats.areas.forEach((a, k) => expect(shown.rows[k].values, a.name).toEqual(expectedRow(a, stats.services)));
  expect(shown.total).toEqual(expectedRow(stats.total, stats.services));
}

async function expectTableMatchesEngine(page: Page, services: string[], radiusM: number) {
  // The sample's halls carry modelled capacities: the table shows the capacity split too.
  await expectTableShows(page, sampleEngine().capacityStats({ radiusM, services }));
}

// Checks that read the table only, each setting the service and radius it
// needs (the first starts from the page's own 500 m): one page load serves
// them all (the page's first map draw is most of a short test's time).
// Sorting comes last, as it leaves the rows sorted.
test.describe.serial('on one loaded page', () => {
  const shared = sharedSamplePage();

  test('the table shows exactly the engine numbers for each service choice and radius', async () => {
    const page = shared();
    await page.getByTestId('service-petition').check();
    await expectTableMatchesEngine(page, ['petition'], 500);

    await page.getByTestId('service-all').check();
    await expectTableMatchesEngine(page, ['legal-aid', 'petition', 'psych-support'], 500);

    await page.getByTestId('service-legal-aid').check();
    await expectTableMatchesEngine(page, ['legal-aid'], 500);

    await page.getByTestId('radius-number').fill('1250');
    await page.getByTestId('radius-number').press('Enter');
    await expectTableMatchesEngine(page, ['legal-aid'], 1250);

    await page.getByTestId('service-psych-support').check();
    await page.getByTestId('radius-slider').fill('300');
    await expectTableMatchesEngine(page, ['psych-support'], 300);
    await expect(page.getByTestId('radius-number')).toHaveValue('300');
    await page.screenshot({ path: `${SCREENS}/psych-300m.png` });
  });

  test('a radius typed outside 100–3000 m is clamped when the field is left', async () => {
    const page = shared();
    await page.getByTestId('service-petition').check();
    await page.getByTestId('radius-number').fill('9000');
    await page.getByTestId('radius-number').blur();
    await waitForTable(page, 3000, ['petition']);
    await expect(page.getByTestId('radius-number')).toHaveValue('3000');
  });

  test('the table equals what the analyze CLI prints for the same data and radius', async () => {
    const page = shared();
    // The CLI's own runAnalyze, in this process: the same code as `npm run analyze` without a tsx start-up.
    const run = runCli(sampleArgs('--radius', '800', '--services', 'legal-aid'));
    expect(run.status, run.stderr).toBe(0);
    const cli = JSON.parse(run.stdout) as Stats;
    await page.getByTestId('service-legal-aid').check();
    await page.getByTestId('radius-number').fill('800');
    await page.getByTestId('radius-number').press('Enter');
    await expectTableShows(page, cli);
  });

  test('sorting by a column orders the rows and sets aria-sort; the total stays last', async () => {
    const page = shared();
    await page.getByTestId('sort-population').click();
    const th = page.getByRole('columnheader', { name: /人口/ }).first();
    await expect(th).toHaveAttribute('aria-sort', 'descending');
    const desc = (await readTable(page)).rows.map((r) => r.values.population);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    await page.getByTestId('sort-population').click();
    await expect(th).toHaveAttribute('aria-sort', 'ascending');
    const asc = (await readTable(page)).rows.map((r) => r.values.population);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    await expect(page.getByTestId('total-row')).toBeVisible();
  });
});

test('selecting a row by click or Enter zooms the map into that area and highlights the row', async ({ page }) => {
  await page.goto('./');
  await waitForMapIdle(page);
  const start = await mapView(page);
  const areas = sampleEngine().areas;
  const k = areas.names.indexOf('凤凰街道');
  const row = page.locator('[data-testid="area-row"][data-area="凤凰街道"]');
  await row.getByTestId('select-area').click();
  await expect(row).toHaveAttribute('aria-current', 'true');
  await expect.poll(async () => (await mapView(page)).zoom).toBeGreaterThan(start.zoom + 0.3);
  await waitForMapIdle(page);
  const v = await mapView(page);
  const ring = areas.features[k].geometry.coordinates[0] as number[][];
  const [w, e] = [Math.min(...ring.map((p) => p[0])), Math.max(...ring.map((p) => p[0]))];
  const [s, n] = [Math.min(...ring.map((p) => p[1])), Math.max(...ring.map((p) => p[1]))];
  expect(v.center[0]).toBeGreaterThan(w);
  expect(v.center[0]).toBeLessThan(e);
  expect(v.center[1]).toBeGreaterThan(s);
  expect(v.center[1]).toBeLessThan(n);
  await page.screenshot({ path: `${SCREENS}/area-selected.png` });

  // Keyboard: Enter on another row's button moves the map again.
  const other = page.locator('[data-testid="area-row"][data-area="公明街道"]').getByTestId('select-area');
  await other.focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await mapView(page)).center[0]).toBeLessThan(v.center[0] - 0.01);
});

test('the worst-gaps list names gap zones of the selected service and flies to one on click', async ({ page }) => {
  await page.goto('./');
  await waitForMapIdle(page);
  await page.getByTestId('service-psych-support').check();
  await waitForTable(page, 500, ['psych-support']);
  const gaps = sampleEngine()
    .gaps({ radiusM: 500, services: ['psych-support'] })
    .features.filter((f) => f.properties.service === 'psych-support')
    .sort((a, b) => a.properties.rank - b.properties.rank);
  const items = page.getByTestId('gap-item');
  await expect(items).toHaveCount(Math.min(8, gaps.length));
  expect(Number(await items.first().getAttribute('data-population'))).toBe(gaps[0].properties.population);
  await items.first().click();
  const target = gaps[0].properties.centroid;
  await expect
    .poll(async () => {
      const v = await mapView(page);
      return Math.hypot(v.center[0] - target[0], v.center[1] - target[1]);
    })
    .toBeLessThan(0.001);
  await waitForMapIdle(page);
  await page.screenshot({ path: `${SCREENS}/worst-gap.png` });
});

test('clicking a subdistrict on the map selects its table row', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await waitForMapIdle(page);
  // A populated cell of 马田街道 at least 600 m from every hall, so the click lands on the area, not a marker.
  const e = sampleEngine();
  const k = e.areas.names.indexOf('马田街道');
  const far = (i: number) => {
    for (let h = 0; h < e.halls.count; h++)
      if (Math.hypot((e.halls.lng[h] - e.population.lng[i]) * 102_500, (e.halls.lat[h] - e.population.lat[i]) * 111_195) < 600) return false;
    return true;
  };
  let unit = -1;
  for (let i = 0; i < e.population.count && unit < 0; i++) if (e.unitArea[i] === k && far(i)) unit = i;
  expect(unit).toBeGreaterThanOrEqual(0);
  const canvas = page.locator('canvas.maplibregl-canvas');
  const box = (await canvas.boundingBox())!;
  await canvas.click({ position: project([e.population.lng[unit], e.population.lat[unit]], await mapView(page), box) });
  await expect(page.locator('[data-testid="area-row"][data-area="马田街道"]')).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('[data-testid="area-row"][aria-current="true"]')).toHaveCount(1);
});
