import { expect, test } from '@playwright/test';
import { expectedRow, readTable, sampleEngine, waitForMapIdle, waitForTable } from './app';

// Issue 16: presets next to the radius set it, and the table follows; each names its source.
test('a standard preset sets the radius and the table; each preset names its source; custom goes to the number field', async ({ page }) => {
  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, 500, ['petition']);
  const toggle = page.getByTestId('radius-presets-toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  // At the default 500 m both 500 m presets are on, and the custom one is off.
  await expect(page.getByTestId('preset-gb-10min')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('preset-district-500')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('preset-custom')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('preset-gb-15min')).toHaveAttribute('title', /GB 50180-2018/);
  await expect(page.getByTestId('radius-presets')).toContainText('GB 50180-2018');

  await page.getByTestId('preset-gb-15min').click();
  await expect(page.getByTestId('radius-number')).toHaveValue('1000');
  await waitForTable(page, 1000, ['petition']);
  const stats = sampleEngine().capacityStats({ radiusM: 1000, services: ['petition'] });
  const shown = await readTable(page);
  expect(shown.total).toEqual(expectedRow(stats.total, ['petition']));
  expect(shown.rows.map((r) => r.values)).toEqual(stats.areas.map((a) => expectedRow(a, ['petition'])));
  await expect(page.getByTestId('preset-gb-15min')).toHaveAttribute('aria-pressed', 'true');

  await page.getByTestId('preset-gb-5min').press('Enter');
  await waitForTable(page, 300, ['petition']);

  await page.getByTestId('preset-custom').click();
  await expect(page.getByTestId('radius-number')).toBeFocused();
});
