// Issue 7, "Big inputs" in the browser: a big population GeoJSON (the seed-7
// file of test/bench/big-input-data.ts) imports through the dialog with a
// progress bar that moves, while the page keeps painting, and the table then
// holds exactly the file's people. A file over the browser limit is refused
// with one line pointing to the CLI before a byte of it is read, and a GBK
// file, which cannot be streamed, is still read (whole).
// Memory and times are measured by test/bench/browser-import.bench.ts, not here.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CoverageEngine, parseHalls, parsePopulation, withinCells } from '../../src/core';
import { cellSidesM } from '../../src/worker/build-layers';
import { generateBigInput, type BigInput } from '../bench/big-input-data';
import { readTable, sampleEngine, SCREENS, waitForMapIdle, waitForTable, openTool } from './app';
import { DISPLAY_CELLS_MAX } from '../../src/core/limits';

// 800 000 points ≈ 101 MiB (the "100 MB"); BIG_IMPORT_POINTS changes it.
const POINTS = Number(process.env.BIG_IMPORT_POINTS ?? 800_000);
let dir = '';
let data: BigInput;

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'big-import-'));
  data = generateBigInput(dir, POINTS, 0);
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Seen {
  progress: { stage: string; value: number }[];
  frames: number;
  toggled: number[]; // the load's progress when the areas layer switch changed (-1: no load bar)
}
declare global {
  interface Window {
    __seen: Seen;
  }
}

test(`a ${POINTS.toLocaleString('en')}-point population file imports with a moving progress bar, the page keeps painting, and the table holds its people`, async ({
  page,
}) => {
  test.setTimeout(300_000);
  console.log(`big import: ${POINTS} points, ${(statSync(data.population).size / 2 ** 20).toFixed(1)} MiB, ${data.totalPopulation} people`);
  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, 500, ['petition']);
  // Record in the page what a person would see: every value the progress bar shows, and every frame painted.
  await page.evaluate(() => {
    const seen: Seen = { progress: [], frames: 0, toggled: [] };
    window.__seen = seen;
    const bar = () => document.querySelector<HTMLProgressElement>('[data-testid="import-progress"]');
    new MutationObserver(() => {
      const b = bar();
      if (b?.hasAttribute('value')) seen.progress.push({ stage: b.dataset.stage ?? '', value: b.value });
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
    document.querySelector('[data-testid="layer-areas"]')!.addEventListener('change', () => {
      const b = bar();
      seen.toggled.push(b?.dataset.stage === 'load' ? b.value : -1);
    });
    const tick = () => {
      seen.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });

  // The first look at the file streams through it, with its own progress.
  await openTool(page, 'import');
  await page.getByTestId('import-files').setInputFiles(data.population);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-role')).toHaveValue('population', { timeout: 120_000 });
  await expect(dialog.getByTestId('import-field')).toHaveValue('population');
  await expect(dialog).toContainText(`${POINTS} 个点`);
  const inspect = await page.evaluate(() => window.__seen.progress.filter((p) => p.stage === 'inspect').map((p) => p.value));
  expect(new Set(inspect.filter((v) => v > 0 && v < 1)).size).toBeGreaterThanOrEqual(5);
  expect(inspect).toEqual([...inspect].sort((a, b) => a - b));

  const framesBefore = await page.evaluate(() => window.__seen.frames);
  await dialog.getByTestId('import-load').click();
  const bar = page.locator('[data-testid="import-progress"][data-stage="load"]');
  await expect.poll(async () => Number((await bar.getAttribute('value')) ?? 0), { timeout: 120_000, intervals: [50] }).toBeGreaterThan(0);
  // While the worker parses, the page answers: a layer switch the user clicks turns off (the page notes how far the load was then).
  const areas = page.getByTestId('layer-areas');
  await areas.click();
  await expect(areas).not.toBeChecked();
  await page.getByTestId('import').screenshot({ path: `${SCREENS}/import-big-progress.png` });
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 240_000 });
  await areas.click();

  const seen = await page.evaluate(() => window.__seen);
  const load = seen.progress.filter((p) => p.stage === 'load').map((p) => p.value);
  expect(new Set(load.filter((v) => v > 0 && v < 1)).size).toBeGreaterThanOrEqual(10);
  expect(load).toEqual([...load].sort((a, b) => a - b));
  // Painting went on through the import (at 60 Hz an import of a few seconds paints hundreds of frames; a page blocked throughout paints none).
  expect(seen.frames - framesBefore).toBeGreaterThanOrEqual(30);
  expect(seen.toggled).toHaveLength(2);
  expect(seen.toggled[0]).toBeGreaterThan(0); // the switch changed during the load's parse…
  expect(seen.toggled[0]).toBeLessThan(1); // …before it was done
  // The numbers follow the "loaded" line once the first coverage run is done.
  await expect.poll(async () => (await readTable(page)).total.population, { timeout: 120_000 }).toBe(data.totalPopulation);
  await waitForMapIdle(page);
  // Dense points are drawn on whole blocks of the gap grid (at most DISPLAY_CELLS_MAX squares), and the legend says how big.
  const pop = parsePopulation(readFileSync(data.population, 'utf8'), { file: 'p' });
  const engine = new CoverageEngine(parseHalls(readFileSync('public/geo/halls.geojson', 'utf8'), { file: 'h.geojson' }), pop, { names: [], features: [] });
  const display = withinCells(engine.gapGrid(), DISPLAY_CELLS_MAX);
  expect(display.coarsen).toBeGreaterThan(1); // precondition: this file is dense enough to be coarsened
  await expect(page.getByTestId('legend').locator('h3').first()).toHaveText(`人口密度（人/公顷，按 ${cellSidesM(display)[1]} 米网格统计）`);
  await page.getByTestId('map').screenshot({ path: `${SCREENS}/import-big-map.png` });
});

test('a file over the browser limit is refused before it is read, with one line naming it and the CLI command', async ({ page }) => {
  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, 500, ['petition']);
  const before = await readTable(page);
  // 600 parts that are all the same 1 MiB blob: the File says 600 MiB (the limit is 512), but the page holds 1 MiB.
  await openTool(page, 'import');
  await page.getByTestId('import-drop').evaluate((zone) => {
    const mib = new Blob([new Uint8Array(2 ** 20).fill(0x20)]);
    const dt = new DataTransfer();
    dt.items.add(
      new File(
        Array.from({ length: 600 }, () => mib),
        'huge.geojson',
        { type: 'application/geo+json' },
      ),
    );
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId('import-error')).toHaveText(
    '导入失败，原有数据保持不变：huge.geojson（600 MiB）超出浏览器可载入的上限（512 MiB），请改用命令行：npm run analyze -- --halls 服务点文件 --population huge.geojson --areas 区域文件',
  );
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  expect(await readTable(page)).toEqual(before);
  // The same line in English.
  await page.getByTestId('lang-en').click();
  await page.getByTestId('import-drop').evaluate((zone) => {
    const mib = new Blob([new Uint8Array(2 ** 20)]);
    const dt = new DataTransfer();
    dt.items.add(
      new File(
        Array.from({ length: 513 }, () => mib),
        'big.csv',
      ),
    );
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId('import-error')).toHaveText(
    'Import failed; the data already loaded is unchanged: big.csv (513 MiB) is more than the browser can load (512 MiB); use the command line instead: npm run analyze -- --halls HALLS --population big.csv --areas AREAS',
  );
});

test('a GBK population file over 1 MiB cannot be streamed, is read whole in the worker, and gives the sample numbers', async ({ page }) => {
  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, 500, ['petition']);
  // The sample population with a Chinese property in GBK bytes (街道 = BD D6 B5 C0, 光明 = B9 E2 C3 F7): not UTF-8.
  const gbk = Buffer.from([0x22, 0xbd, 0xd6, 0xb5, 0xc0, 0x22, 0x3a, 0x22, 0xb9, 0xe2, 0xc3, 0xf7, 0x22, 0x2c]);
  const parts = readFileSync('public/geo/population.geojson', 'latin1').split('"properties":{');
  const bytes = Buffer.concat(parts.flatMap((p, k) => (k === 0 ? [Buffer.from(p, 'latin1')] : [Buffer.from('"properties":{'), gbk, Buffer.from(p, 'latin1')])));
  expect(bytes.length).toBeGreaterThan(2 ** 20);
  await openTool(page, 'import');
  await page.getByTestId('import-files').setInputFiles({ name: 'population-gbk.geojson', mimeType: 'application/geo+json', buffer: bytes });
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-role')).toHaveValue('population');
  await expect(dialog).toContainText('街道'); // the field name, decoded from GBK
  await dialog.getByTestId('import-load').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  const stats = sampleEngine().capacityStats({ radiusM: 500, services: ['petition'] });
  await expect.poll(async () => (await readTable(page)).total['covered:petition']).toBe(stats.total.covered.petition);
  expect((await readTable(page)).total.population).toBe(stats.total.population);
});

test('polygon population that would make more sample points than the browser holds is refused at the feature that passes the limit, pointing to the CLI', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, 500, ['petition']);
  const before = await readTable(page);
  // 801 squares of 0.01° (≈ 1 km): 100 × 100 samples each, so 800 make 8 000 000 and the 801st passes the browser's 8 million.
  const features = Array.from({ length: 801 }, (_, k) => {
    const x = 113.6 + (k % 30) * 0.01,
      y = 22.5 + Math.floor(k / 30) * 0.01;
    return {
      type: 'Feature',
      properties: { population: 100 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + 0.01, y],
            [x + 0.01, y + 0.01],
            [x, y + 0.01],
            [x, y],
          ],
        ],
      },
    };
  });
  const buffer = Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
  await openTool(page, 'import');
  await page.getByTestId('import-files').setInputFiles({ name: 'city-1km.geojson', mimeType: 'application/geo+json', buffer });
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-role')).toHaveValue('population');
  await dialog.getByTestId('import-load').click();
  await expect(page.getByTestId('import-error')).toHaveText(
    '导入失败，原有数据保持不变：city-1km.geojson: feature 800: the polygons up to this one are spread over more than 8 million sample points (one per 10 m cell at most), more than the browser can hold; use the command line (npm run analyze), which takes up to 30 million, or give the population as points (one per polygon, at its centroid)',
    { timeout: 60_000 },
  );
  expect(await readTable(page)).toEqual(before);
  await expect(page.getByTestId('import-done')).toHaveCount(0);
});
