// Bring your own data: a GCJ-02 halls CSV made here from the sample (core
// fromWgs84) gives the sample's numbers once read as GCJ-02; a broken file
// shows the core's one-line message and leaves the numbers as they were.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { fromWgs84 } from '../../src/core';
import { expectedRow, readTable, sampleEngine, SCREENS, sharedSamplePage, waitForMapIdle, waitForTable, openTool } from './app';

function hallsCsv(): Buffer {
  const fc = JSON.parse(readFileSync('public/geo/halls.geojson', 'utf8'));
  const rows = fc.features.map((f: { properties: { name: string; services: string[]; capacity: number }; geometry: { coordinates: [number, number] } }) => {
    const [x, y] = fromWgs84(f.geometry.coordinates[0], f.geometry.coordinates[1], 'gcj02');
    return `"${f.properties.name}",${x},${y},"${f.properties.services.join(',')}",${f.properties.capacity}`;
  });
  return Buffer.from(`name,lng,lat,services,capacity\n${rows.join('\n')}\n`);
}

async function expectSampleNumbers(page: Page) {
  // The sample's halls carry capacities, so the table splits covered into served and over capacity.
  const stats = sampleEngine().capacityStats({ radiusM: 500, services: ['petition'] });
  await expect.poll(async () => (await readTable(page)).total).toEqual(expectedRow(stats.total, stats.services));
  const shown = await readTable(page);
  stats.areas.forEach((a, k) => expect(shown.rows[k].values, a.name).toEqual(expectedRow(a, stats.services)));
}

test('halls in GCJ-02 are recognised, and read as GCJ-02 give the same numbers as the WGS84 sample; reset restores the sample', async ({ page }) => {
  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, 500, ['petition']);
  await expectSampleNumbers(page);
  const file = { name: 'halls-gcj02.csv', mimeType: 'text/csv', buffer: hallsCsv() };

  // Read as WGS84 against the advice: every hall sits ~500 m off, the numbers change.
  await openTool(page, 'import');
  await page.getByTestId('import-files').setInputFiles(file);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-file')).toHaveCount(1);
  await expect(dialog.getByTestId('import-role')).toHaveValue('halls');
  await expect(dialog.getByTestId('import-shift-hint')).toHaveAttribute('data-crs', 'gcj02');
  await expect(dialog.getByTestId('import-crs')).toHaveValue('gcj02');
  await expect(dialog).toContainText('236');
  await page.getByTestId('import').screenshot({ path: `${SCREENS}/import-dialog.png` });
  await dialog.getByTestId('import-crs').selectOption('wgs84');
  await dialog.getByTestId('import-load').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  const sample = sampleEngine().capacityStats({ radiusM: 500, services: ['petition'] });
  await expect.poll(async () => (await readTable(page)).total['covered:petition']).not.toBe(sample.total.covered.petition);
  // The note no longer claims the data is the sample.
  await expect(page.getByTestId('data-note')).toHaveAttribute('data-origin', 'own');
  await expect(page.getByTestId('data-note')).toContainText('自有数据');

  await page.getByTestId('reset-sample').click();
  await expectSampleNumbers(page);
  await expect(page.getByTestId('data-note')).toHaveAttribute('data-origin', 'sample');
  await expect(page.getByTestId('data-note')).toContainText('模拟');

  // As GCJ-02 (preselected): the sample's numbers exactly.
  await page.getByTestId('import-files').setInputFiles(file);
  await expect(dialog.getByTestId('import-crs')).toHaveValue('gcj02');
  await dialog.getByTestId('import-load').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await expectSampleNumbers(page);
  await waitForMapIdle(page);
});

test('a broken file shows the core message naming file, row and field, and the numbers stay as they were', async ({ page }) => {
  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, 500, ['petition']);
  const before = await readTable(page);

  const bad = 'name,lng,lat,services\nA,113.9,22.75,petition\nB,abc,22.76,petition\n';
  await openTool(page, 'import');
  await page.getByTestId('import-files').setInputFiles({ name: 'halls-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByTestId('import-load').click();
  const alert = page.getByTestId('import-error');
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText('halls-bad.csv');
  await expect(alert).toContainText('"lng"');
  await expect(alert).toContainText('abc');
  expect(await readTable(page)).toEqual(before);

  // Not even JSON: the inspection fails with the core's message, nothing is staged.
  await page
    .getByTestId('import-files')
    .setInputFiles({ name: 'areas.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('{"type":"FeatureCollection","features":[') });
  await expect(alert).toContainText('areas.geojson');
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  await page.getByTestId('import').screenshot({ path: `${SCREENS}/import-error.png` });

  // The app still works on the old data: another radius computes as usual.
  await page.getByTestId('radius-number').fill('800');
  await page.getByTestId('radius-number').press('Enter');
  await waitForTable(page, 800, ['petition']);
  const stats = sampleEngine().capacityStats({ radiusM: 800, services: ['petition'] });
  expect((await readTable(page)).total).toEqual(expectedRow(stats.total, stats.services));
});

test('a population file over 1 MiB parses in the worker in pieces with a progress bar that fills up', async ({ page }) => {
  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, 500, ['petition']);
  await openTool(page, 'import');
  await page
    .getByTestId('import-files')
    .setInputFiles({ name: 'population.geojson', mimeType: 'application/geo+json', buffer: readFileSync('public/geo/population.geojson') });
  await expect(page.getByTestId('import-role')).toHaveValue('population');
  await expect(page.getByTestId('import-field')).toHaveValue('population');
  // Record every value the progress bar shows.
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { __progress: number[] }).__progress = seen;
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('[data-testid="import-progress"]');
      if (bar?.hasAttribute('value')) seen.push(bar.value);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
  });
  await page.getByTestId('import-load').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  const seen = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
  expect(seen.some((v) => v > 0 && v < 1)).toBe(true);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  await expectSampleNumbers(page);
});

// Checks of the import dialog that load nothing: one loaded page serves them
// (its first map draw is most of a short test's time); each starts with the
// dialog open and no file staged.
test.describe.serial('on one loaded page', () => {
  const shared = sharedSamplePage();

  async function noStagedFiles(page: Page) {
    await openTool(page, 'import');
    if (await page.getByTestId('import-cancel').isVisible()) await page.getByTestId('import-cancel').click();
    await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  }

  test('files dropped on the drop zone open the same dialog as the file picker', async () => {
    const page = shared();
    await noStagedFiles(page);
    const csv = hallsCsv().toString('utf8');
    await openTool(page, 'import');
    await page.getByTestId('import-drop').evaluate((zone, text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped-halls.csv', { type: 'text/csv' }));
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, csv);
    const file = page.getByTestId('import-file');
    await expect(file).toHaveAttribute('data-file', 'dropped-halls.csv');
    await expect(file.getByTestId('import-shift-hint')).toHaveAttribute('data-crs', 'gcj02');
  });

  test('points picked with an areas file are judged against those areas, in the CRS chosen for them', async () => {
    const page = shared();
    await noStagedFiles(page);
    const fc = JSON.parse(readFileSync('public/geo/areas.geojson', 'utf8'));
    const conv = (c: unknown): unknown =>
      typeof (c as number[])[0] === 'number' ? fromWgs84((c as number[])[0], (c as number[])[1], 'gcj02') : (c as unknown[]).map(conv);
    for (const f of fc.features) f.geometry.coordinates = conv(f.geometry.coordinates);
    await openTool(page, 'import');
    await page.getByTestId('import-files').setInputFiles([
      { name: 'halls-gcj02.csv', mimeType: 'text/csv', buffer: hallsCsv() },
      { name: 'areas-gcj02.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(fc)) },
    ]);
    const halls = page.locator('[data-testid="import-file"][data-file="halls-gcj02.csv"]');
    const areas = page.locator('[data-testid="import-file"][data-file="areas-gcj02.geojson"]');
    await expect(areas.getByTestId('import-role')).toHaveValue('areas');
    // Both shifted alike: as given they agree, so no hint.
    await expect(halls.getByTestId('import-shift-hint')).toHaveCount(0);
    await expect(halls.getByTestId('import-crs')).toHaveValue('wgs84');
    // Areas read as GCJ-02: now the halls only fit when read as GCJ-02 too.
    await areas.getByTestId('import-crs').selectOption('gcj02');
    await expect(halls.getByTestId('import-shift-hint')).toHaveAttribute('data-crs', 'gcj02');
    await expect(halls.getByTestId('import-crs')).toHaveValue('gcj02');
  });

  test('two picked files with the same name are refused with one line, nothing staged (review finding)', async () => {
    const page = shared();
    await noStagedFiles(page);
    const csv = Buffer.from('name,lng,lat,services\nA,113.93,22.75,petition\n');
    await openTool(page, 'import');
    await page.getByTestId('import-files').setInputFiles([
      { name: 'halls.csv', mimeType: 'text/csv', buffer: csv },
      { name: 'halls.csv', mimeType: 'text/csv', buffer: csv },
    ]);
    await expect(page.getByTestId('import-error')).toContainText('halls.csv：选中了两个同名文件');
    await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  });
});
