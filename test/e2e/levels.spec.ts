import { expect, test } from '@playwright/test';
import { levelStats, parseAreas } from '../../src/core/index.ts';
import { readFileSync } from 'node:fs';
import { openTool, readTable, sampleEngine, SCREENS, waitForMapIdle, waitForTable } from './app';

// Issue 16: the sample loads its 31 communities as a second level under the subdistricts.
test('each subdistrict opens to its communities, which show the engine numbers and add up to it; then the map switches to community outlines', async ({
  page,
}) => {
  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, 500, ['petition']);
  const first = await readTable(page);
  const communities = parseAreas(readFileSync('public/geo/communities.geojson', 'utf8'), { file: 'communities.geojson' });
  const level = levelStats(sampleEngine(), { file: 'communities.geojson', field: 'name', areas: communities }, { radiusM: 500, services: ['petition'] });

  // Keyboard: focus the first row's toggle and press Enter; then open the rest by click.
  const toggles = page.getByTestId('expand-area');
  await expect(toggles).toHaveCount(6);
  await toggles.first().focus();
  await page.keyboard.press('Enter');
  await expect(toggles.first()).toHaveAttribute('aria-expanded', 'true');
  for (let k = 1; k < 6; k++) await toggles.nth(k).click();
  const rows = page.getByTestId('level-row');
  await expect(rows).toHaveCount(31);
  await expect(page.getByTestId('level-note')).toHaveCount(0); // they nest: no "does not add up" line

  const shown = await page.getByTestId('area-table').evaluate((table) =>
    [...table.querySelectorAll('tr[data-testid="level-row"]')].map((tr) => ({
      parent: tr.getAttribute('data-parent'),
      area: tr.getAttribute('data-area'),
      population: Number(tr.querySelector('td[data-col="population"]')?.getAttribute('data-value')),
      covered: Number(tr.querySelector('td[data-col="covered:petition"]')?.getAttribute('data-value')),
    })),
  );
  expect(shown.map((r) => [r.area, r.parent, r.population, r.covered])).toEqual(
    first.rows.flatMap((row) => level.areas.filter((a) => a.parent === row.area).map((a) => [a.name, a.parent, a.population, a.covered.petition])),
  );
  for (const row of first.rows) {
    const kids = shown.filter((r) => r.parent === row.area);
    expect(
      kids.reduce((s, r) => s + r.population, 0),
      row.area,
    ).toBe(row.values.population);
    expect(
      kids.reduce((s, r) => s + r.covered, 0),
      row.area,
    ).toBe(row.values['covered:petition']);
  }

  // Closing by keyboard hides that row's communities.
  await toggles.first().focus();
  await page.keyboard.press('Space');
  await expect(toggles.first()).toHaveAttribute('aria-expanded', 'false');
  await expect(rows).toHaveCount(31 - shown.filter((r) => r.parent === first.rows[0].area).length);

  await page.getByTestId('map-level').selectOption({ label: '社区' });
  await expect(page.getByTestId('map-level')).toHaveValue('1');
  await waitForMapIdle(page);
  await page.screenshot({ path: `${SCREENS}/levels-communities.png` });

  // In English the communities are named by their name_en (the sample's pinyin names), as the subdistricts are.
  await page.getByTestId('lang-en').click();
  const shangcun = page.locator('tr[data-testid="level-row"][data-area="上村社区"]');
  await expect(shangcun).toContainText('Shangcun Community');
  await expect(shangcun).not.toContainText('上村社区');
  await expect(page.getByTestId('map-level').locator('option:checked')).toHaveText('Communities');
});

test('the import dialog takes two area files as levels, coarse to fine in list order, and the table opens to the finer one, also after a reload', async ({
  page,
}) => {
  await page.goto('./');
  await waitForTable(page, 500, ['petition']);
  await openTool(page, 'import');
  const file = (name: string, path: string) => ({ name, mimeType: 'application/geo+json', buffer: readFileSync(path) });
  await page.getByTestId('import-files').setInputFiles([file('jd.geojson', 'public/geo/areas.geojson'), file('sq.geojson', 'public/geo/communities.geojson')]);
  await expect(page.getByTestId('import-file')).toHaveCount(2);
  for (const f of await page.getByTestId('import-role').all()) await f.selectOption('areas');
  await expect(page.getByTestId('import-levels-hint')).toBeVisible();
  await expect(page.getByTestId('import-level')).toHaveText(['区域第 1 级', '区域第 2 级']);
  await page.getByTestId('import-load').click();
  await expect(page.getByTestId('import-done')).toContainText('sq.geojson');
  await waitForTable(page, 500, ['petition']);
  const first = await readTable(page);
  await page.getByTestId('expand-area').nth(1).click();
  const rows = page.locator('tr[data-testid="level-row"]');
  await expect(rows).toHaveCount(5); // 公明街道's five communities
  const pops = await rows.locator('td[data-col="population"]').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
  expect(pops.reduce((s, v) => s + v, 0)).toBe(first.rows[1].values.population);
  await expect(page.getByTestId('level-note')).toHaveCount(0);

  // Kept in this browser with both levels: a reload shows the imported communities again, not none, not the sample's.
  await expect(page.getByTestId('own-data-banner')).toHaveAttribute('data-kept', '1');
  await page.reload();
  await waitForTable(page, 500, ['petition']);
  await expect(page.getByTestId('data-note')).toHaveAttribute('data-origin', 'own');
  expect(await readTable(page)).toEqual(first);
  await page.getByTestId('expand-area').nth(1).click();
  await expect(rows).toHaveCount(5);
  await expect(page.getByTestId('map-level').locator('option')).toHaveText(['第 1 级', 'sq.geojson']);
  expect(await rows.locator('td[data-col="population"]').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))))).toEqual(pops);
});
