import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

test('a broken sample file gives one clear line naming the file and feature, no stack trace', async ({ page }) => {
  const halls = JSON.parse(readFileSync('public/geo/halls.geojson', 'utf8'));
  halls.features[3].geometry.coordinates = ['abc', 22.7];
  await page.route('**/geo/halls.geojson', (route) => route.fulfill({ contentType: 'application/geo+json', body: JSON.stringify(halls) }));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  const alert = page.getByTestId('load-error');
  await expect(alert).toContainText('halls.geojson: feature 3');
  const text = (await alert.textContent()) ?? '';
  expect(text).not.toMatch(/\n|\bat \w+ \(|Error:/);
  await expect(page.getByTestId('area-table')).toHaveCount(0);
  expect(errors).toEqual([]);
});
