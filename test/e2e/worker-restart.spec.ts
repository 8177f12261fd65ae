// Nothing lost when the coverage worker dies (issue 7): the page starts a new
// worker, loads into it the same data (imported files included), recomputes,
// and says so. Two ways to die: silently (the worker closes itself, as after a
// crash that fires no event; found by the page's heartbeat) and with an
// uncaught error (an `error` event).
import { readFileSync } from 'node:fs';
import { expect, test, type Page, type Worker } from '@playwright/test';
import { CoverageEngine, fromWgs84, parseAreas, parseHalls, parsePopulation } from '../../src/core';
import { expectedRow, readTable, sampleEngine, SCREENS, waitForMapIdle, waitForTable, openTool } from './app';
import { DEFAULTS as WORKER_CLIENT } from '../../src/ui/worker-client';

/** The sample's halls moved ~500 m off (written as GCJ-02, read as WGS84): numbers that differ from the sample's. */
function shiftedHallsCsv(): string {
  const fc = JSON.parse(readFileSync('public/geo/halls.geojson', 'utf8'));
  const rows = fc.features.map((f: { properties: { name: string; services: string[] }; geometry: { coordinates: [number, number] } }) => {
    const [x, y] = fromWgs84(f.geometry.coordinates[0], f.geometry.coordinates[1], 'gcj02');
    return `"${f.properties.name}",${x},${y},"${f.properties.services.join(',')}"`;
  });
  return `name,lng,lat,services\n${rows.join('\n')}\n`;
}

function shiftedEngine(csv: string): CoverageEngine {
  const read = (f: string) => readFileSync(`public/geo/${f}`, 'utf8');
  return new CoverageEngine(
    parseHalls(csv, { file: 'halls-moved.csv' }),
    parsePopulation(read('population.geojson'), { file: 'population.geojson' }),
    parseAreas(read('areas.geojson'), { file: 'areas.geojson' }),
  );
}

function coverageWorkers(page: Page): Worker[] {
  return page.workers().filter((w) => w.url().includes('coverage.worker'));
}

async function setRadius(page: Page, m: number): Promise<void> {
  await page.getByTestId('radius-number').fill(String(m));
  await page.getByTestId('radius-number').press('Enter');
}

async function expectTable(page: Page, engine: CoverageEngine, radiusM: number): Promise<void> {
  await waitForTable(page, radiusM, ['petition']);
  // Halls with capacities (the sample's) split covered into served and over capacity in the table.
  const opts = { radiusM, services: ['petition'] };
  const stats = engine.halls.capacity !== undefined ? engine.capacityStats(opts) : engine.stats(opts);
  await expect.poll(async () => (await readTable(page)).total).toEqual(expectedRow(stats.total, stats.services));
  const shown = await readTable(page);
  stats.areas.forEach((a, k) => expect(shown.rows[k].values, a.name).toEqual(expectedRow(a, stats.services)));
}

test('a worker that dies silently is found, restarted with the imported data, and the user is told', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const pageErrors: Error[] = [];
  page.on('pageerror', (e) => pageErrors.push(e));
  // The page's clock is the test's, so the heartbeat's checks come when the test moves time on, not seconds later.
  await page.clock.install();
  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, 500, ['petition']);

  // Own data first: the restart must bring back these halls, not the sample's.
  const csv = shiftedHallsCsv();
  await openTool(page, 'import');
  await page.getByTestId('import-files').setInputFiles({ name: 'halls-moved.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-crs').selectOption('wgs84');
  await dialog.getByTestId('import-load').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  const own = shiftedEngine(csv);
  await expectTable(page, own, 500);
  expect(own.stats({ radiusM: 500, services: ['petition'] }).total.covered.petition).not.toBe(
    sampleEngine().capacityStats({ radiusM: 500, services: ['petition'] }).total.covered.petition,
  );

  const [first] = coverageWorkers(page);
  expect(first).toBeDefined();
  // Close it from inside: no error event, no message; only the heartbeat can tell.
  void first.evaluate(() => setTimeout(() => (self as unknown as { close(): void }).close(), 0)).catch(() => {});
  const notice = page.getByTestId('worker-notice');
  // One heartbeat interval per look until the page has found the silence (a ping, then two intervals unanswered).
  await expect
    .poll(async () => {
      await page.clock.runFor(WORKER_CLIENT.checkMs);
      return notice.isVisible();
    })
    .toBe(true);
  await expect(notice).toHaveAttribute('role', 'status');
  await expect(notice).toContainText('计算进程意外停止，已自动重启');
  await page.getByTestId('panel').screenshot({ path: `${SCREENS}/worker-restarted.png` });
  expect(warnings.some((w) => w.includes('coverage worker restarted: the coverage worker stopped answering'))).toBe(true);

  // The new worker holds the imported halls: a radius never computed before gives their numbers.
  await setRadius(page, 800);
  await expectTable(page, own, 800);
  await expect(page.getByTestId('data-note')).toHaveAttribute('data-origin', 'own');
  await notice.getByRole('button').click();
  await expect(notice).toBeHidden();
  expect(pageErrors).toEqual([]);
});

test('a worker that throws an uncaught error is replaced at once and the numbers come back', async ({ page }) => {
  const pageErrors: Error[] = [];
  page.on('pageerror', (e) => pageErrors.push(e));
  await page.goto('./');
  await waitForMapIdle(page);
  await expectTable(page, sampleEngine(), 500);
  const [first] = coverageWorkers(page);
  void first
    .evaluate(() =>
      setTimeout(() => {
        throw new Error('simulated crash');
      }, 0),
    )
    .catch(() => {});
  await expect(page.getByTestId('worker-notice')).toBeVisible();
  await setRadius(page, 1250);
  await expectTable(page, sampleEngine(), 1250);
  // The map settles again: the new worker answered the circles for the new radius too.
  await waitForMapIdle(page);
  expect(pageErrors).toEqual([]);
});
