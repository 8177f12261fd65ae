import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { withTarget } from '../../src/core/index.ts';
import { openTool, sampleEngine, waitForMapIdle, waitForTable } from './app';

// Issue 16: a coverage target marks the rows below it (text, not colour alone), limits the
// largest-gaps list to failing areas, and the statistics JSON carries target and meets_target.
test('a coverage target marks rows below it, can limit the gap list to them, and reaches the statistics JSON', async ({ page }) => {
  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, 500, ['petition']);
  await expect(page.getByTestId('below-target')).toHaveCount(0); // no target until asked for
  await page.getByTestId('target-toggle').click();
  await expect(page.getByTestId('target-input')).toHaveValue('100');
  // Every row is below 100 %: six subdistricts and the total.
  await expect(page.getByTestId('below-target')).toHaveCount(7);

  await page.getByTestId('target-input').fill('90');
  const expected = withTarget(sampleEngine().capacityStats({ radiusM: 500, services: ['petition'] }), 0.9);
  const failing = expected.areas.filter((a) => a.meets_target?.petition === false).map((a) => a.name);
  expect(failing.length).toBeGreaterThan(0);
  expect(failing.length).toBeLessThan(6);
  await expect(page.locator('tr[data-testid="area-row"]:has([data-testid="below-target"])')).toHaveCount(failing.length);
  const marked = await page
    .locator('tr[data-testid="area-row"]:has([data-testid="below-target"])')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-area')));
  expect(marked).toEqual(failing);
  await expect(page.getByTestId('below-target').first()).toHaveText('▼ 未达目标');

  await page.getByTestId('gaps-failing-only').check();
  const items = page.getByTestId('gap-item');
  await expect(items.first()).toBeVisible();
  for (const text of await items.allTextContents())
    expect(
      failing.some((n) => text.includes(n)),
      text,
    ).toBe(true);

  await openTool(page, 'export');
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-stats-json').click()]);
  const json = JSON.parse(readFileSync((await d.path()) as string, 'utf8'));
  expect(json.target).toBe(0.9);
  expect(json.areas.map((a: { meets_target: Record<string, boolean> }) => a.meets_target)).toEqual(expected.areas.map((a) => a.meets_target));
  expect(json.total.meets_target).toEqual(expected.total.meets_target);
  // The communities' level carries it too, decided on each community's own share.
  type Block = { name: string; population: number; share: Record<string, number>; meets_target: Record<string, boolean | null> };
  const communities: Block[] = json.levels[0].areas;
  expect(communities.length).toBeGreaterThanOrEqual(31);
  for (const a of communities) expect(a.meets_target.petition, a.name).toBe(a.population > 0 ? a.share.petition >= 0.9 : null);
  expect(communities.some((a) => a.meets_target.petition === false)).toBe(true);
});
