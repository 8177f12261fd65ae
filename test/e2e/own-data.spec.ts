// The planner's own data survives: an import is kept in this browser's
// IndexedDB and shows again, with its view, after a reload and after a browser
// restart, under a dated banner whose button returns to the sample (and
// forgets it); a project file reopens the same table in a fresh browser; a
// link made on own data says so where that data is missing, never "+0".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { chromium, expect, test, type Page } from '@playwright/test';
import { expectedRow, openTool, readTable, sampleEngine, waitForMapIdle, waitForTable } from './app';

const SHOTS = `${process.env.E2E_RESULTS ?? 'test-results/e2e'}/screens`;
const FIX = 'test/fixtures/points';
const file = (name: string, mimeType: string) => ({ name, mimeType, buffer: readFileSync(`${FIX}/${name}`) });
const CITY = [file('halls.csv', 'text/csv'), file('population.geojson', 'application/geo+json'), file('areas.geojson', 'application/geo+json')];
const ROLES: Record<string, string> = { 'halls.csv': 'halls', 'population.geojson': 'population', 'areas.geojson': 'areas' };

/** Import the three fixture files, each with its role set by hand and the halls read as GCJ-02 (a choice that must be kept). */
async function importCity(page: Page): Promise<void> {
  await openTool(page, 'import');
  await page.getByTestId('import-files').setInputFiles(CITY);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-file')).toHaveCount(3);
  for (const [name, role] of Object.entries(ROLES)) {
    await dialog.locator(`[data-testid="import-file"][data-file="${name}"]`).getByTestId('import-role').selectOption(role);
  }
  await dialog.locator('[data-testid="import-file"][data-file="halls.csv"]').getByTestId('import-crs').selectOption('gcj02');
  await dialog.getByTestId('import-load').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await expect(page.getByTestId('data-note')).toHaveAttribute('data-origin', 'own');
}

/** Legal aid at 800 m: a view that differs from the defaults, so its return is seen. */
async function chooseView(page: Page): Promise<void> {
  await page.getByTestId('service-legal-aid').check();
  await page.getByTestId('radius-number').fill('800');
  await page.getByTestId('radius-number').press('Enter');
  await waitForTable(page, 800, ['legal-aid']);
}

async function expectSample(page: Page): Promise<void> {
  const stats = sampleEngine().capacityStats({ radiusM: 500, services: ['petition'] });
  await waitForTable(page, 500, ['petition']);
  await expect.poll(async () => (await readTable(page)).total).toEqual(expectedRow(stats.total, stats.services));
}

/** The kept view is written once the map rests; wait for it in IndexedDB before the page goes. */
async function viewKept(page: Page, part: string): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const req = indexedDB.open('service-circles');
            req.onsuccess = () => {
              const get = req.result.transaction('kv').objectStore('kv').get('own-view');
              get.onsuccess = () => resolve(String(get.result ?? ''));
              get.onerror = () => resolve('');
            };
            req.onerror = () => resolve('');
          }),
      ),
    )
    .toContain(part);
}

test('an import is kept: after a reload the same table, its view and the dated banner; the banner returns to the sample and forgets it', async ({ page }) => {
  test.slow(); // several full loads and reloads
  await page.goto('./');
  await waitForTable(page, 500, ['petition']);
  await expect(page.getByTestId('own-data-banner')).toHaveCount(0);
  await importCity(page);
  await chooseView(page);
  const banner = page.getByTestId('own-data-banner');
  await expect(banner).toHaveAttribute('data-kept', '1');
  await expect(page.getByTestId('own-data-date')).toContainText('自有数据，载入于 ');
  const before = await readTable(page);
  await page.screenshot({ path: `${SHOTS}/own-data-banner.png` });

  // The address holds the view once the hash is written (it is debounced): reload that address.
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/[#&]r=800(&|$)/);
  await page.reload();
  await waitForTable(page, 800, ['legal-aid']);
  await expect.poll(() => readTable(page)).toEqual(before);
  await expect(page.getByTestId('data-note')).toHaveAttribute('data-origin', 'own');
  await expect(page.getByTestId('own-data-date')).toContainText('自有数据，载入于 ');

  // English banner.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('own-data-date')).toContainText('Own data, loaded on ');
  await page.getByRole('button', { name: '中文' }).click();

  await page.getByTestId('own-data-return').click();
  await expect(page.getByTestId('data-note')).toHaveAttribute('data-origin', 'sample');
  await expect(page.getByTestId('own-data-banner')).toHaveCount(0);
  await page.getByTestId('service-petition').check();
  await page.getByTestId('radius-number').fill('500');
  await page.getByTestId('radius-number').press('Enter');
  await expectSample(page);
  // Forgotten: a reload (and a fresh address) shows the sample.
  await page.goto('./');
  await page.reload();
  await expectSample(page);
  await expect(page.getByTestId('own-data-banner')).toHaveCount(0);
});

// eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern for the fixtures argument; this test uses none.
test('after a browser restart the kept data and view open again from a bare address', async ({}, testInfo) => {
  test.slow(); // several full loads and reloads
  const dir = mkdtempSync(join(tmpdir(), 'sc-profile-'));
  const use = testInfo.project.use;
  const launch = () => chromium.launchPersistentContext(dir, { ...use.launchOptions, headless: true, baseURL: use.baseURL, acceptDownloads: true });
  try {
    let context = await launch();
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto('./');
    await waitForTable(page, 500, ['petition']);
    await importCity(page);
    await chooseView(page);
    const before = await readTable(page);
    await viewKept(page, 'r=800');
    await context.close();

    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('./'); // no hash: the view comes from the browser's store
    await waitForTable(page, 800, ['legal-aid']);
    await expect.poll(() => readTable(page)).toEqual(before);
    await expect(page.getByTestId('own-data-date')).toContainText('自有数据，载入于 ');
    await context.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a project file saved here opens in a fresh browser with the identical table, view and proposed halls', async ({ page, browser }) => {
  test.slow(); // several full loads and reloads
  await page.goto('./');
  await waitForTable(page, 500, ['petition']);
  await importCity(page);
  await chooseView(page);
  await waitForMapIdle(page);
  await openTool(page, 'planning');
  await page.getByTestId('add-at-centre').click();
  await expect(page.getByTestId('plan-total')).toBeVisible();
  const before = await readTable(page);
  const plan = await page.getByTestId('plan-total').getAttribute('data-planned');
  await openTool(page, 'project');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-project').click()]);
  expect(download.suggestedFilename()).toMatch(/^service-circles_project_\d{4}-\d{2}-\d{2}\.servicecircles\.json$/);
  const path = testInfo().outputPath('project.servicecircles.json');
  await download.saveAs(path);
  const project = JSON.parse(readFileSync(path, 'utf8'));
  expect(project.format).toBe('service-circles-project');
  expect(project.data.files.map((f: { role: string; crs: string }) => `${f.role}:${f.crs}`).sort()).toEqual(['areas:wgs84', 'halls:gcj02', 'population:wgs84']);
  expect(project.view).toMatchObject({ service: 'legal-aid', radius_m: 800 });
  expect(project.scenarios[project.active_scenario].proposed).toHaveLength(1);

  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    await other.goto('./');
    await expectSample(other);
    await openTool(other, 'project');
    await other.getByTestId('open-project').setInputFiles(path);
    await expect(other.getByTestId('project-opened')).toBeVisible();
    await waitForTable(other, 800, ['legal-aid']);
    await expect.poll(() => readTable(other)).toEqual(before);
    await expect(other.getByTestId('plan-total')).toHaveAttribute('data-planned', plan!);
    await expect(other.getByTestId('own-data-date')).toContainText('自有数据，载入于 ');
    await other.screenshot({ path: `${SHOTS}/project-opened.png` });
  } finally {
    await fresh.close();
  }
});

test('a bad project file is refused with one line naming what is wrong, and nothing changes', async ({ page }) => {
  await page.goto('./');
  await expectSample(page);
  const before = await readTable(page);
  await openTool(page, 'project');
  await page.getByTestId('open-project').setInputFiles({
    name: 'x.servicecircles.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"service-circles-project","version":1,"data":{"files":[]},"view":{"service":"fire"}}'),
  });
  await expect(page.getByTestId('project-error')).toContainText('x.servicecircles.json: view.service: "fire" is not one of');
  expect(await readTable(page)).toEqual(before);
  await expect(page.getByTestId('data-note')).toHaveAttribute('data-origin', 'sample');
});

test('a link made on own data says, where that data is missing, that it refers to data this browser lacks, and opens a project file', async ({
  page,
  browser,
}) => {
  test.slow(); // several full loads and reloads
  await page.goto('./');
  await waitForTable(page, 500, ['petition']);
  await importCity(page);
  await chooseView(page);
  await waitForMapIdle(page);
  await openTool(page, 'planning');
  await page.getByTestId('add-at-centre').click();
  await expect(page.getByTestId('plan-total')).toBeVisible();
  await expect.poll(() => new URL(page.url()).hash).toMatch(/[#&]d=[0-9a-f]{8}(&|$)/);
  await expect.poll(() => new URL(page.url()).hash).toContain('r=800');
  const link = page.url();
  const before = await readTable(page);
  await openTool(page, 'project');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-project').click()]);
  const path = testInfo().outputPath('link.servicecircles.json');
  await download.saveAs(path);

  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    await other.goto(link);
    const notice = other.getByTestId('link-data-missing');
    await expect(notice).toBeVisible();
    await expect(notice).toHaveAttribute('role', 'alert');
    await expect(notice).toContainText('此浏览器中没有这些数据');
    // The sample at its own defaults, not the link's view or halls on the wrong data.
    await expectSample(other);
    await expect(other.getByTestId('plan-summary')).toHaveCount(0);
    expect(new URL(other.url()).hash).toBe(new URL(link).hash); // the address keeps the link while the notice stands
    await other.screenshot({ path: `${SHOTS}/link-data-missing.png` });

    await other.getByTestId('link-open-project').setInputFiles(path);
    await expect(notice).toHaveCount(0);
    await waitForTable(other, 800, ['legal-aid']);
    await expect.poll(() => readTable(other)).toEqual(before);
    // Now this browser holds the data: the same link applies.
    await other.goto(link);
    await other.reload();
    await waitForTable(other, 800, ['legal-aid']);
    await expect(other.getByTestId('link-data-missing')).toHaveCount(0);
    await expect.poll(() => readTable(other)).toEqual(before);
  } finally {
    await fresh.close();
  }
});

test('storage that cannot be used is said in the panel and the imported data still shows', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await page.goto('./');
  await waitForTable(page, 500, ['petition']);
  await importCity(page);
  const problem = page.getByTestId('own-data-problem');
  await expect(problem).toHaveAttribute('data-kind', 'unavailable');
  await expect(problem).toContainText('自有数据未能保存在此浏览器中');
  await expect(page.getByTestId('data-note')).toHaveAttribute('data-origin', 'own');
  await expect.poll(async () => (await readTable(page)).rows.length).toBeGreaterThan(0);
  expect((await readTable(page)).rows.map((r) => r.area)).not.toContain('光明街道');
});

function testInfo() {
  return test.info();
}

test('kept data that no longer loads gives the loader message and the sample, and the banner forgets it', async ({ page }) => {
  await page.goto('./');
  await expectSample(page);
  // A kept record whose halls file is broken (as if damaged on disk), written the way the app writes it.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('service-circles', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('kv');
        req.onsuccess = () => {
          const tx = req.result.transaction('kv', 'readwrite');
          const blob = new Blob(['name,lng,lat,services\nA,abc,22.7,petition\n']);
          tx.objectStore('kv').put(
            { version: 1, loadedAt: '2026-12-06T08:00:00.000Z', inputs: [{ role: 'halls', file: 'halls-broken.csv', blob, crs: 'wgs84' }] },
            'own-data',
          );
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }),
  );
  await page.reload();
  await expectSample(page);
  await expect(page.getByTestId('load-error')).toContainText('halls-broken.csv');
  await expect(page.getByTestId('own-data-problem')).toHaveAttribute('data-kind', 'restore');
  await page.getByTestId('own-data-return').click();
  await expect(page.getByTestId('own-data-banner')).toHaveCount(0);
  await page.reload();
  await expectSample(page);
  await expect(page.getByTestId('load-error')).toHaveCount(0);
});
