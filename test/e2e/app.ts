// Helpers shared by the app's browser tests: waiting for the map, reading the
// district table's raw numbers, the engine's own numbers for comparison, and
// the Web Mercator maths to find a coordinate on the canvas.
import { readFileSync } from 'node:fs';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { CoverageEngine, parseAreas, parseHalls, parsePopulation } from '../../src/core';
import type { Stats } from '../../src/core/types';

export const SCREENS = 'test-results/screens';

/**
 * Wait until the map has drawn the data it was last given (the app sets
 * data-map-idle). No limit of its own: how long the software-rendered first
 * draw takes depends on the machine, so only the test's timeout bounds it.
 */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.mapIdle === '1', null, { timeout: 0 });
}

/** Wait until the table shows the given radius and services. */
export async function waitForTable(page: Page, radiusM: number, services: string[]): Promise<void> {
  const table = page.getByTestId('area-table');
  await expect(table).toHaveAttribute('data-radius', String(radiusM));
  await expect(table).toHaveAttribute('data-services', [...services].sort().join(','));
}

export interface TableRow {
  area: string;
  values: Record<string, number>;
}

/** Every body row (file order unless sorted) and the total row, as raw data-value numbers by column key. */
export async function readTable(page: Page): Promise<{ rows: TableRow[]; total: Record<string, number> }> {
  return page.getByTestId('area-table').evaluate((table) => {
    const values = (tr: Element) =>
      Object.fromEntries([...tr.querySelectorAll('td[data-col]')].map((td) => [td.getAttribute('data-col'), Number(td.getAttribute('data-value'))]));
    const rows = [...table.querySelectorAll('tbody tr[data-testid="area-row"]')].map((tr) => ({
      area: tr.getAttribute('data-area') ?? '',
      values: values(tr),
    }));
    return { rows, total: values(table.querySelector('tfoot tr') as Element) };
  });
}

let engine: CoverageEngine | null = null;

/** The core engine on the sample files, in this (Node) process, read as the app reads them. */
export function sampleEngine(): CoverageEngine {
  if (!engine) {
    const read = (f: string) => readFileSync(`public/geo/${f}`, 'utf8');
    engine = new CoverageEngine(
      parseHalls(read('halls.geojson'), { file: 'halls.geojson' }),
      // As the app loads the sample: with its group of people (src/ui/load-sample.ts); the engine's own numbers do not depend on it.
      parsePopulation(read('population.geojson'), { file: 'population.geojson', groupFields: ['age65'] }),
      parseAreas(read('areas.geojson'), { file: 'areas.geojson' }),
    );
  }
  return engine;
}

/** What the table must show for these stats: the same columns the UI derives (src/ui/table-columns.ts). */
export function expectedRow(s: Omit<Stats['areas'][number], 'name'>, services: string[]): Record<string, number> {
  const key = services.length === 1 ? services[0] : 'all';
  const out: Record<string, number> = { population: s.population };
  for (const svc of services) {
    out[`covered:${svc}`] = s.covered[svc];
    out[`share:${svc}`] = s.share[svc];
  }
  // With capacity analysis, one service's covered people split into served and over capacity.
  if (services.length === 1 && s.served) {
    out[`served:${key}`] = s.served[key];
    out[`over:${key}`] = s.over_capacity![key];
  }
  out.uncovered = s.population - s.covered[key];
  out.halls = services.length === 1 ? s.halls.byService[services[0]] : s.halls.total;
  return out;
}

/** Current map view, from the attributes the app keeps on the map element. */
export async function mapView(page: Page): Promise<{ center: [number, number]; zoom: number }> {
  const map = page.getByTestId('map');
  const center = (await map.getAttribute('data-center'))!.split(',').map(Number) as [number, number];
  return { center, zoom: Number(await map.getAttribute('data-zoom')) };
}

/** Pixel position of [lng, lat] inside the map canvas (MapLibre: 512 px tiles, no rotation or pitch). */
export function project(
  lngLat: [number, number],
  view: { center: [number, number]; zoom: number },
  size: { width: number; height: number },
): { x: number; y: number } {
  const world = 512 * 2 ** view.zoom;
  const mx = (lng: number) => (world * (lng + 180)) / 360;
  const my = (lat: number) => (world * (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI)) / 2;
  return { x: size.width / 2 + mx(lngLat[0]) - mx(view.center[0]), y: size.height / 2 + my(lngLat[1]) - my(view.center[1]) };
}

/** Hall names that look like HTML, for the "data is text" tests. */
export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

/**
 * Serve the sample halls with every name and address replaced by HTML-like
 * text (so whichever marker is on top is one of them), and record any dialog
 * a payload would open. Returns the list the dialogs' messages go into, and
 * the halls as served.
 */
export async function serveHostileHalls(page: Page): Promise<{ dialogs: string[]; halls: { features: { geometry: { coordinates: [number, number] } }[] } }> {
  const halls = JSON.parse(readFileSync('public/geo/halls.geojson', 'utf8'));
  halls.features.forEach((f: { properties: Record<string, unknown> }, i: number) => {
    f.properties.name = `${HOSTILE_NAME} #${i}`;
    f.properties.address = '<b onmouseover=alert(2)>bold</b>';
  });
  await page.route('**/geo/halls.geojson', (route) => route.fulfill({ contentType: 'application/geo+json', body: JSON.stringify(halls) }));
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { dialogs, halls };
}

/** The panel tools that load on first use (src/ui/LazyTool.svelte), by name, with the test id of the tool's own section. */
export const TOOL_SECTION = {
  planning: 'planning-panel',
  suggest: 'suggest',
  export: 'export-menu',
  import: 'import',
  project: 'project-file',
  access: 'distance-chart',
} as const;

/**
 * Open a tool the way a person does, with its "open" button, and wait until
 * the tool itself shows. Does nothing more when it is open already (or
 * opening by itself, as planning does when proposed halls exist).
 */
export async function openTool(page: Page | FrameLocator, name: keyof typeof TOOL_SECTION): Promise<void> {
  const tool = page.getByTestId(TOOL_SECTION[name]);
  await expect(page.getByTestId(`tool-${name}`).or(tool)).toBeVisible();
  const open = page.getByTestId(`open-${name}`);
  if (await open.isVisible()) await open.click();
  await expect(tool).toBeVisible();
}

/**
 * Inside a test.describe.serial: one page on the sample, loaded once until its
 * table shows numbers, for checks that each set what they need (a page's first
 * map draw is most of a short test's time). Returns the page's getter.
 */
export function sharedSamplePage(): () => Page {
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage();
    await page.goto('./');
    await waitForTable(page, 500, ['petition']);
  });
  test.afterAll(async () => {
    await page.close();
  });
  return () => page;
}
