// What-if numbers in the browser against a fresh engine run in Node (src/core)
// on the sample halls plus the proposed ones, and suggesting sites on the
// sample: shared by the planning, keyboard and export specs.
import { expect, type Locator, type Page } from '@playwright/test';
import { CoverageEngine, suggestSites } from '../../src/core';
import type { HallSet } from '../../src/core/types';
import { openTool, sampleEngine, waitForMapIdle, waitForTable } from './app';

/** The service the planning specs choose (legal aid: not offered everywhere, so new halls add people). */
export const SERVICE = 'legal-aid';

/** Stats at 500 m for SERVICE from a new engine on the sample halls plus `extra`. */
export function freshStats(extra: { lng: number; lat: number; services: string[] }[]) {
  const e = sampleEngine();
  const h = e.halls;
  const halls: HallSet = {
    count: h.count + extra.length,
    lng: Float64Array.from([...h.lng, ...extra.map((x) => x.lng)]),
    lat: Float64Array.from([...h.lat, ...extra.map((x) => x.lat)]),
    name: [...h.name, ...extra.map((_, k) => `p${k}`)],
    services: [...h.services, ...extra.map((x) => x.services)],
    properties: [...h.properties, ...extra.map(() => ({}))],
  };
  return new CoverageEngine(halls, e.population, e.areas).stats({ radiusM: 500, services: [SERVICE] });
}

/** The sample's served / over capacity split with these halls added, each without a capacity of its own (unlimited), for SERVICE at 500 m. */
export function freshCapacityStats(extra: { lng: number; lat: number }[]) {
  const e = sampleEngine();
  const h = e.halls;
  const halls: HallSet = {
    count: h.count + extra.length,
    lng: Float64Array.from([...h.lng, ...extra.map((x) => x.lng)]),
    lat: Float64Array.from([...h.lat, ...extra.map((x) => x.lat)]),
    name: [...h.name, ...extra.map((_, k) => `p${k}`)],
    services: [...h.services, ...extra.map(() => [SERVICE])],
    properties: [...h.properties, ...extra.map(() => ({}))],
    capacity: Float64Array.from([...h.capacity!, ...extra.map(() => Infinity)]),
  };
  return new CoverageEngine(halls, e.population, e.areas).capacityStats({ radiusM: 500, services: [SERVICE] });
}

/** The core's greedy sites for SERVICE at 500 m on the sample, computed here in Node. */
export function greedySites(count: number) {
  const e = sampleEngine();
  const p = e.population;
  return suggestSites({ lng: p.lng, lat: p.lat, weight: p.weight, covered: e.covered(SERVICE, 500) }, { radiusM: 500, count }).sites;
}

/** The sample opened for SERVICE at 500 m and `count` sites suggested for it by the tool: the listed sites, all there. */
export async function suggestOnSample(page: Page, count: number): Promise<Locator> {
  await page.goto('./');
  await waitForMapIdle(page);
  await page.getByTestId(`service-${SERVICE}`).check();
  await waitForTable(page, 500, [SERVICE]);
  await openTool(page, 'suggest');
  await page.getByTestId('suggest-count').fill(String(count));
  await page.getByTestId('suggest-service').selectOption(SERVICE);
  await page.getByTestId('suggest-run').click();
  const sites = page.getByTestId('suggested-site');
  await expect(sites).toHaveCount(count);
  return sites;
}

/** Positions of the proposed halls as listed (data-lng, data-lat), in list order. */
export async function proposedHalls(page: Page) {
  return page
    .getByTestId('proposed-item')
    .evaluateAll((items) => items.map((li) => ({ lng: Number(li.getAttribute('data-lng')), lat: Number(li.getAttribute('data-lat')) })));
}

/** The plan table's numbers once they belong to the given halls (all three services each), compared with a fresh engine. */
export async function expectPlanEqualsFresh(page: Page, halls: { lng: number; lat: number }[]) {
  const fresh = freshStats(halls.map((h) => ({ ...h, services: ['legal-aid', 'petition', 'psych-support'] })));
  const base = sampleEngine().capacityStats({ radiusM: 500, services: [SERVICE] });
  await expect(page.getByTestId('plan-total')).toHaveAttribute('data-planned', String(fresh.total.covered[SERVICE]));
  await expect(page.getByTestId('plan-total')).toHaveAttribute('data-baseline', String(base.total.covered[SERVICE]));
  const rows = await page.getByTestId('plan-row').evaluateAll((trs) =>
    trs.map((tr) => ({
      area: tr.getAttribute('data-area'),
      planned: Number(tr.getAttribute('data-planned')),
      baseline: Number(tr.getAttribute('data-baseline')),
    })),
  );
  expect(rows).toEqual(fresh.areas.map((a, k) => ({ area: a.name, planned: a.covered[SERVICE], baseline: base.areas[k].covered[SERVICE] })));
  const added = fresh.total.covered[SERVICE] - base.total.covered[SERVICE];
  await expect(page.locator(`[data-testid="plan-summary"] li[data-key="${SERVICE}"]`)).toHaveAttribute('data-added', String(added));
  return added;
}
