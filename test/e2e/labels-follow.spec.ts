// Words that must follow what is shown (issue 12, item 6): the subtitle and
// page title once other data is loaded, the map's own labels after a language
// switch, the embed table fold's radius, and the import hint's map providers.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { fromWgs84 } from '../../src/core';
import { openTool, SCREENS, waitForMapIdle, waitForTable } from './app';

/** The sample halls as CSV, positions written in `crs`. */
function hallsCsv(crs: 'wgs84' | 'gcj02' | 'bd09'): Buffer {
  const fc = JSON.parse(readFileSync('public/geo/halls.geojson', 'utf8'));
  const rows = fc.features.map((f: { geometry: { coordinates: [number, number] }; properties: { name: string; services: string[] } }) => {
    const [x, y] = crs === 'wgs84' ? f.geometry.coordinates : fromWgs84(f.geometry.coordinates[0], f.geometry.coordinates[1], crs);
    return `"${f.properties.name}",${x},${y},"${f.properties.services.join(',')}"`;
  });
  return Buffer.from(`name,lng,lat,services\n${rows.join('\n')}\n`);
}

test('with data of one’s own loaded, the subtitle and page title no longer name 光明区; back on the sample they do', async ({ page }) => {
  await page.goto('./');
  await waitForMapIdle(page);
  await expect(page.getByTestId('app-subtitle')).toHaveText('光明区群众诉求服务覆盖分析');
  await openTool(page, 'import');
  await page.getByTestId('import-files').setInputFiles({ name: 'halls.csv', mimeType: 'text/csv', buffer: hallsCsv('wgs84') });
  await page.getByTestId('import-dialog').getByTestId('import-load').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await expect(page.getByTestId('app-subtitle')).toHaveText('自有数据：服务覆盖分析');
  await expect(page).toHaveTitle('服务圈 · 自有数据：服务覆盖分析');
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('app-subtitle')).toHaveText('Own data: service coverage analysis');
  await expect(page).toHaveTitle('Service Circles · Own data: service coverage analysis');
  await page.locator('header').screenshot({ path: `${SCREENS}/own-data-title.png` });
  await page.getByTestId('reset-sample').click();
  await expect(page.getByTestId('app-subtitle')).toHaveText('Coverage of citizen-appeal service halls in Guangming District');
});

test('the embed table fold names the current radius in the interface’s units', async ({ page }) => {
  await page.goto('./?embed=1');
  await expect(page.getByTestId('area-table')).toBeAttached({ timeout: 30_000 });
  await page.getByTestId('panel-toggle').click();
  const fold = page.getByTestId('table-fold').locator('summary');
  await expect(fold).toHaveText('各街道覆盖情况（半径 500 米）');
  await page.getByTestId('radius-number').fill('1250');
  await page.getByTestId('radius-number').press('Enter');
  await waitForTable(page, 1250, ['petition']);
  await expect(fold).toHaveText('各街道覆盖情况（半径 1.3 公里）');
  await page.getByTestId('lang-en').click();
  await expect(fold).toHaveText('Coverage by subdistrict (radius 1.3 km)');
  await page.getByTestId('radius-number').fill('800');
  await page.getByTestId('radius-number').press('Enter');
  await expect(fold).toHaveText('Coverage by subdistrict (radius 800 m)');
  await page.getByTestId('panel').screenshot({ path: `${SCREENS}/embed-fold-radius.png` });
});

// Labels read on the sample as loaded, one page for both: the map's labels
// test switches the language and back; the import hint test, last, sets the
// language it starts in and leaves the import dialog open.
test.describe.serial('on one loaded page', () => {
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage();
    await page.goto('./');
    await waitForMapIdle(page);
  });
  test.afterAll(async () => {
    await page.close();
  });

  test('after switching to English, the map canvas’s name and the attribution toggle are English too', async () => {
    const canvas = page.locator('canvas.maplibregl-canvas');
    const attribution = page.locator('.maplibregl-ctrl-attrib-button');
    await expect(canvas).toHaveAttribute('aria-label', '地图');
    await expect(attribution).toHaveAttribute('aria-label', '显示或隐藏数据来源');
    await page.getByTestId('lang-en').click();
    await expect(page.getByTestId('map')).toHaveAttribute('aria-label', 'Coverage map');
    await expect(canvas).toHaveAttribute('aria-label', 'Map');
    await expect(attribution).toHaveAttribute('aria-label', 'Toggle attribution');
    await expect(attribution).toHaveAttribute('title', 'Toggle attribution');
    await expect(page.locator('.maplibregl-ctrl-attrib')).toHaveCount(1);
    await page.getByTestId('lang-zh').click();
    await expect(canvas).toHaveAttribute('aria-label', '地图');
    await expect(attribution).toHaveAttribute('aria-label', '显示或隐藏数据来源');
  });

  test('the coordinate-system hint names Amap, Tencent and Google China for GCJ-02, and Baidu only for BD-09', async () => {
    await page.getByTestId('lang-zh').click();
    await openTool(page, 'import');
    const hint = page.getByTestId('import-shift-hint');
    await page.getByTestId('import-files').setInputFiles({ name: 'halls-gcj02.csv', mimeType: 'text/csv', buffer: hallsCsv('gcj02') });
    await expect(hint).toHaveAttribute('data-crs', 'gcj02');
    await expect(hint).toContainText('（高德、腾讯或谷歌中国地图常见）');
    await expect(hint).not.toContainText('百度');
    await page.getByTestId('import-files').setInputFiles({ name: 'halls-bd09.csv', mimeType: 'text/csv', buffer: hallsCsv('bd09') });
    await expect(hint).toHaveAttribute('data-crs', 'bd09');
    await expect(hint).toContainText('（百度地图常见）');
    await page.getByTestId('lang-en').click();
    await expect(hint).toContainText('(common from Baidu maps)');
    await page.getByTestId('import-files').setInputFiles({ name: 'halls-gcj02-again.csv', mimeType: 'text/csv', buffer: hallsCsv('gcj02') });
    await expect(hint).toHaveAttribute('data-crs', 'gcj02');
    await expect(hint).toContainText('(common from Amap, Tencent or Google China maps)');
    await expect(hint).not.toContainText('Baidu');
  });
});
