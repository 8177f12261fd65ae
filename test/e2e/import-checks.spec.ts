// The import's checks, as a planner meets them: the three files of another
// city picked together are read right with no change in the dialog and give
// the engine's numbers; two files for one role are refused before anything
// loads; data that does not fit together loads with a visible warning naming
// the counts; and a reset while a file is still being read says it dropped it.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectedRow, openTool, readTable, sampleEngine, SCREENS, waitForMapIdle, waitForTable } from './app';
import { formatPeopleWithUnit } from '../../src/ui/format';
import { OTHER_CITY_HALLS, otherCityEngine, otherCityFiles } from '../fixtures/other-city';

const fileRow = (page: Page, name: string) => page.locator(`[data-testid="import-file"][data-file="${name}"]`);

async function start(page: Page): Promise<void> {
  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, 500, ['petition']);
  await openTool(page, 'import');
}

async function expectSampleTable(page: Page): Promise<void> {
  const stats = sampleEngine().capacityStats({ radiusM: 500, services: ['petition'] });
  await expect.poll(async () => (await readTable(page)).total).toEqual(expectedRow(stats.total, stats.services));
}

test("the three files of another city, picked together, are read right with no change in the dialog and give the engine's table", async ({ page }) => {
  await start(page);
  const [halls, population, areas] = otherCityFiles();
  // Picked in another order than halls, population, areas: roles come from the content.
  await page.getByTestId('import-files').setInputFiles([population, areas, halls]);
  await expect(page.getByTestId('import-file')).toHaveCount(3);
  const h = fileRow(page, halls.name);
  await expect(h.getByTestId('import-role')).toHaveValue('halls');
  await expect(h.getByTestId('import-field')).toHaveValue('services');
  await expect(h.getByTestId('import-fields')).toContainText('services');
  await expect(h.getByTestId('import-why')).toContainText('“services”列出已知服务');
  await expect(fileRow(page, population.name).getByTestId('import-role')).toHaveValue('population');
  await expect(fileRow(page, population.name).getByTestId('import-field')).toHaveValue('population');
  await expect(fileRow(page, areas.name).getByTestId('import-role')).toHaveValue('areas');
  await expect(fileRow(page, areas.name).getByTestId('import-field')).toHaveValue('name');
  await page.getByTestId('import').screenshot({ path: `${SCREENS}/import-three-files.png` });

  await page.getByTestId('import-load').click();
  const engine = otherCityEngine();
  const stats = engine.stats({ radiusM: 500, services: ['petition'] });
  const done = page.getByTestId('import-done');
  await expect(done).toContainText(`服务点 ${halls.name}（${OTHER_CITY_HALLS}）`);
  await expect(done).toContainText(`人口 ${population.name}（${formatPeopleWithUnit(engine.population.total, 'zh')}）`);
  await expect(done).toContainText(`区域（街道） ${areas.name}（3）`);
  await expect(page.getByTestId('import-fit')).toHaveCount(0);
  await waitForTable(page, 500, ['petition']);
  await expect.poll(async () => (await readTable(page)).total).toEqual(expectedRow(stats.total, stats.services));
  const shown = await readTable(page);
  expect(shown.rows.map((r) => r.area)).toEqual(stats.areas.map((a) => a.name));
  stats.areas.forEach((a, k) => expect(shown.rows[k].values, a.name).toEqual(expectedRow(a, stats.services)));
  expect(stats.total.covered.petition).toBeGreaterThan(0);
  await waitForMapIdle(page);
});

test('two files set as one role are refused before anything loads, with one line naming both', async ({ page }) => {
  await start(page);
  const before = await readTable(page);
  const [, population] = otherCityFiles();
  const second = { ...population, name: 'cd-population-2024.geojson' };
  await page.getByTestId('import-files').setInputFiles([population, second]);
  await expect(page.getByTestId('import-file')).toHaveCount(2);
  await expect(fileRow(page, second.name).getByTestId('import-role')).toHaveValue('population');
  await page.getByTestId('import-load').click();
  const alert = page.getByTestId('import-error');
  await expect(alert).toHaveText(
    `导入失败，原有数据保持不变：${population.name} 和 ${second.name} 都设为“人口”：每种用途只能载入一个文件，请改选其中一个的用途`,
  );
  await expect(page.getByTestId('import-dialog')).toBeVisible();
  await expect(page.getByTestId('import-done')).toHaveCount(0);
  await expect(page.getByTestId('data-note')).toHaveAttribute('data-origin', 'sample');
  expect(await readTable(page)).toEqual(before);
});

test('halls of another city loaded over the sample stay loaded, with a warning naming how many lie inside the areas', async ({ page }) => {
  await start(page);
  const [halls] = otherCityFiles();
  await page.getByTestId('import-files').setInputFiles(halls);
  await expect(page.getByTestId('import-role')).toHaveValue('halls');
  await page.getByTestId('import-load').click();
  const warning = page.getByTestId('import-fit');
  await expect(warning).toBeVisible();
  await expect(warning.locator('li[data-kind="halls-outside-areas"]')).toHaveText(
    `${OTHER_CITY_HALLS} 个服务点中只有 0 个落在区域内——文件选错了，还是坐标系不对？`,
  );
  await expect(warning.locator('li[data-kind="halls-away-from-people"]')).toBeVisible();
  // The load is kept, so the planner can replace the wrong file.
  await expect(page.getByTestId('data-note')).toHaveAttribute('data-origin', 'own');
  await expect(page.getByTestId('import-done')).toContainText(`服务点 ${halls.name}（${OTHER_CITY_HALLS}）`);
  await expect.poll(async () => (await readTable(page)).rows.map((r) => r.values.halls).filter((n) => n > 0)).toEqual([]);
  await page.getByTestId('import').screenshot({ path: `${SCREENS}/import-fit-warning.png` });

  await page.getByTestId('lang-en').click();
  await expect(warning.locator('li[data-kind="halls-outside-areas"]')).toHaveText(
    `0 of ${OTHER_CITY_HALLS} halls lie inside the areas — wrong file or coordinate system?`,
  );
  await page.getByTestId('lang-zh').click();

  await page.getByTestId('reset-sample').click();
  await expectSampleTable(page);
  await expect(warning).toHaveCount(0);
});

test('a population file picked as halls loads with a warning that none of its "halls" offers a known service', async ({ page }) => {
  await start(page);
  await page
    .getByTestId('import-files')
    .setInputFiles({ name: 'population.geojson', mimeType: 'application/geo+json', buffer: readFileSync('public/geo/population.geojson') });
  await expect(page.getByTestId('import-role')).toHaveValue('population');
  await page.getByTestId('import-role').selectOption('halls');
  await page.getByTestId('import-load').click();
  const warning = page.getByTestId('import-fit');
  await expect(warning.locator('li[data-kind="no-known-service"]')).toHaveText(
    '14397 个服务点，没有一个提供已知服务（诉求服务、公共法律服务、社会心理服务）——是把别的文件当成了服务点，还是服务字段选错了？',
  );
  await expect(page.getByTestId('import-done')).toContainText('服务点 population.geojson（14397）');
});

test('resetting to the sample while a picked file is still being read says the file was not loaded', async ({ page }) => {
  await start(page);
  // Big enough (≈ 20 MB) that its first read is still running when the reset is pressed.
  const features = Array.from(
    { length: 200_000 },
    (_, k) =>
      `{"type":"Feature","properties":{"population":${k % 50}},"geometry":{"type":"Point","coordinates":[${(113.85 + (k % 500) * 0.0004).toFixed(6)},${(22.7 + Math.floor(k / 500) * 0.0003).toFixed(6)}]}}`,
  );
  const big = {
    name: 'big-population.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(`{"type":"FeatureCollection","features":[${features.join(',')}]}`),
  };
  await page.getByTestId('import-files').setInputFiles(big);
  await expect(page.locator('[data-testid="import-progress"][data-stage="inspect"]')).toBeVisible();
  await page.getByTestId('reset-sample').click();
  await expect(page.getByTestId('import-done')).toHaveText(`已恢复示例数据；选中的 ${big.name} 未载入（恢复时还在读取或等待载入），如需要请重新选择。`);
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  await expectSampleTable(page);
  // The read that was running has ended by now (the worker answers in order): nothing of it was staged.
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  await expect(page.getByTestId('data-note')).toHaveAttribute('data-origin', 'sample');
});
