import { expect, test, type Page } from '@playwright/test';
import { distanceDistribution } from '../../src/core/coverage/distance-distribution';
import { openTool, readTable, sampleEngine, SCREENS, waitForMapIdle, waitForTable } from './app';

// Issue 16, "the shape of access": the cumulative chart of distances to the
// nearest hall. Its value at the radius is the table's share, for the district
// and for the selected area, and it follows the radius.

const chart = (page: Page) => page.getByTestId('distance-chart');
const atRadius = (page: Page, scope: 'district' | 'area', key: string) =>
  page.getByTestId('chart-at-radius').locator(`[data-scope="${scope}"][data-key="${key}"]`);

test("the chart's value at the radius is the table's share, district and selected area, and follows a radius change; the data table says the same", async ({
  page,
}) => {
  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, 500, ['petition']);
  // Not fetched with the first load: the tool shows its open button until asked.
  await expect(page.getByTestId('open-access')).toBeVisible();
  await openTool(page, 'access');
  await expect(chart(page)).toHaveAttribute('data-radius', '500');

  let table = await readTable(page);
  await expect(atRadius(page, 'district', 'petition')).toHaveAttribute('data-value', String(table.total['share:petition']));
  // The engine's own distribution in this process says the same at 500 m and 1 km (the 15-minute preset).
  const curve = distanceDistribution(sampleEngine(), { services: ['petition'], radii: [500, 1000] });
  expect(table.total['share:petition']).toBe(curve.total.petition[0]);

  // Radius, three distinct preset marks (300, 500, 1 000 m), one line per service and scope; accessible name and description.
  await expect(page.getByTestId('chart-radius')).toHaveCount(1);
  await expect(page.getByTestId('chart-preset')).toHaveCount(3);
  await expect(chart(page).locator('path[data-scope="district"]')).toHaveCount(1);
  const svg = page.getByTestId('distance-chart-svg');
  await expect(svg).toHaveAttribute('role', 'img');
  await expect(svg.locator('desc')).toContainText('300');

  // The data table fallback, opened by keyboard: its 1 000 m row is the engine's share there, as the table shows shares.
  await page.getByTestId('chart-table-fold').locator('summary').focus();
  await page.keyboard.press('Enter');
  const row1000 = page.getByTestId('chart-table').locator('tr[data-r="1000"] td[data-scope="district"][data-key="petition"]');
  await expect(row1000).toHaveAttribute('data-value', String(curve.total.petition[1]));
  await expect(row1000).toHaveText(`${(curve.total.petition[1] * 100).toFixed(1)}%`);

  // A selected area gets its own curve, equal to its row's share.
  const second = table.rows[1];
  await page.locator(`tr[data-testid="area-row"][data-area="${second.area}"]`).getByTestId('select-area').click();
  await expect(atRadius(page, 'area', 'petition')).toHaveAttribute('data-value', String(second.values['share:petition']));
  await expect(chart(page).locator('path[data-scope="area"]')).toHaveCount(1);
  await chart(page).screenshot({ path: `${SCREENS}/distance-chart.png` });

  // A new radius: the chart follows, still equal to the table (district and area).
  await page.getByTestId('radius-number').fill('750');
  await page.getByTestId('radius-number').press('Enter');
  await waitForTable(page, 750, ['petition']);
  await expect(chart(page)).toHaveAttribute('data-radius', '750');
  table = await readTable(page);
  await expect(atRadius(page, 'district', 'petition')).toHaveAttribute('data-value', String(table.total['share:petition']));
  const row = table.rows.find((r) => r.area === second.area)!;
  await expect(atRadius(page, 'area', 'petition')).toHaveAttribute('data-value', String(row.values['share:petition']));
  await expect(page.getByTestId('chart-table').locator('tr[data-r="750"]')).toHaveCount(1);

  // All three services: one curve per service and one for all three, each equal to its table column.
  await page.getByTestId('service-all').check();
  await waitForTable(page, 750, ['legal-aid', 'petition', 'psych-support']);
  table = await readTable(page);
  for (const s of ['legal-aid', 'petition', 'psych-support'])
    await expect(atRadius(page, 'district', s)).toHaveAttribute('data-value', String(table.total[`share:${s}`]));
  await expect(chart(page).locator('path[data-scope="district"]')).toHaveCount(4);
});
