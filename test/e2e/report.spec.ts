// The app's printable report (issue 18): opened with its button, printed to
// PDF by headless Chromium, and read back from the PDF's text. Every number
// of the district table and the largest gaps equals the CLI's (`npm run
// analyze`) stats and gap files for the same inputs, for the sample and for
// an imported data set, in Chinese and English; pages are numbered; the map
// image is at least twice the screen's size. The render time is printed,
// not asserted. Also: the PNG export at 2× carries the report's legend.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { GapCollection, Stats } from '../../src/core/types.ts';
import { REPORT_STRINGS } from '../../src/core/report/report-strings.ts';
import { openTool, waitForMapIdle, waitForTable } from './app';
import { decodePng } from './png';
import { pdfPages } from './pdf-text';

const SHOTS = `${process.env.E2E_RESULTS ?? 'test-results/e2e'}/screens`;
const FIX = 'test/fixtures/points';
const tmp = mkdtempSync(join(tmpdir(), 'report-e2e-'));
mkdirSync(SHOTS, { recursive: true });

interface CliRun {
  stats: Stats;
  gaps: GapCollection;
}

/** `npm run analyze` on these files (petition at 500 m, as the app starts), its stats and gap files. */
function cli(halls: string, population: string, areas: string, extra: string[] = []): CliRun {
  const out = mkdtempSync(join(tmp, 'cli-'));
  execFileSync(
    process.execPath,
    [
      'scripts/run-analyze.mjs',
      '--halls',
      halls,
      '--population',
      population,
      '--areas',
      areas,
      '--services',
      'petition',
      '--radius',
      '500',
      '--stats',
      join(out, 'stats.json'),
      '--gaps',
      join(out, 'gaps.geojson'),
      ...extra,
    ],
    {
      env: { ...process.env, SC_CLI_CACHE: join(tmp, 'cli-cache') },
      stdio: 'ignore',
    },
  );
  return { stats: JSON.parse(readFileSync(join(out, 'stats.json'), 'utf8')), gaps: JSON.parse(readFileSync(join(out, 'gaps.geojson'), 'utf8')) };
}

// The report's number formats, written out here so the check does not borrow the app's code.
const people = (x: number) => {
  const [w, f] = (Number.isInteger(x) ? String(x) : x.toFixed(1)).split('.');
  return w.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f === undefined ? '' : `.${f}`);
};
const share = (x: number) => `${(x * 100).toFixed(1)}%`;
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Open the report, wait for its map, print it; the PDF's pages as text, and how long the report took to show. */
async function printReport(page: Page, name: string): Promise<{ pages: string[]; ms: number }> {
  // By keyboard: Enter on the button opens it, Escape closes it and gives the focus back to the button.
  await page.getByTestId('open-report').focus();
  await page.keyboard.press('Enter');
  const body = page.getByTestId('report-body');
  await expect(body).not.toHaveAttribute('data-render-ms', '');
  const ms = Number(await body.getAttribute('data-render-ms'));
  console.log(`report render (${name}): ${ms} ms`);
  // The map is drawn at print resolution: at least twice the size it has on the page.
  const img = await page.getByTestId('report-map').evaluate((i: HTMLImageElement) => ({ w: i.naturalWidth, css: i.getBoundingClientRect().width }));
  expect(img.w).toBeGreaterThanOrEqual(2 * Math.min(img.css, 906) - 1);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(`${SHOTS}/report-${name}.pdf`, pdf);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('report')).toHaveCount(0);
  await expect(page.getByTestId('open-report')).toBeFocused();
  return { pages: pdfPages(pdf), ms };
}

/** Every row of the district table, the total and the ten largest gaps, as the CLI computed them, are in the PDF's text. */
function expectCliNumbers(pages: string[], run: CliRun, lang: 'zh' | 'en'): void {
  const t = REPORT_STRINGS[lang];
  const all = squeeze(pages.join(''));
  const row = (a: Stats['total']) =>
    [
      people(a.population),
      String(a.halls.byService.petition),
      people(a.covered.petition),
      share(a.share.petition),
      people(a.population - a.covered.petition),
    ].join('');
  for (const a of run.stats.areas) expect(all).toContain(squeeze((a.name === '(outside areas)' ? t.outsideAreas : a.name) + row(a)));
  expect(all).toContain(squeeze(t.total + row(run.stats.total)));
  const zones = run.gaps.features.filter((z) => z.properties.service === 'petition').slice(0, 10);
  expect(zones.length).toBeGreaterThan(0);
  for (const z of zones) {
    const p = z.properties;
    const area = p.area === '(outside areas)' ? t.outsideAreas : p.area;
    const near = p.nearest_hall_m === null || !Number.isFinite(p.nearest_hall_m) ? t.noHall : people(Math.round(p.nearest_hall_m));
    expect(all).toContain(squeeze(`${p.rank}${area}`));
    expect(all).toContain(squeeze(`${people(p.population)}${near}`));
  }
  // Radius, the five lines of method, and page numbers "n / N" on every page.
  expect(all).toContain(squeeze(t.radiusLine(t.metres('500'))));
  for (const m of [t.methodDistance(false), t.methodRadius(t.metres('500'), false), t.methodAreal, t.methodFirstArea, t.methodCrs])
    expect(all).toContain(squeeze(m));
  pages.forEach((text, i) => expect(squeeze(text)).toContain(`${i + 1}/${pages.length}`));
}

test("the report prints the CLI's numbers for the sample and for imported data, in Chinese and English", async ({ page }) => {
  test.setTimeout(240_000);
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(r.url()));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, 500, ['petition']);
  // The report's code is not in the first load: it comes with the first click.
  const reportCode = () => fetched.filter((u) => /\/(ReportView|print-map|print-image)-[^/]*\.js$/.test(u));
  expect(reportCode()).toEqual([]);

  const sample = cli('public/geo/halls.geojson', 'public/geo/population.geojson', 'public/geo/areas.geojson');
  const zh = await printReport(page, 'sample-zh');
  expectCliNumbers(zh.pages, sample, 'zh');
  expect(reportCode().some((u) => /\/ReportView-/.test(u))).toBe(true);
  expect(squeeze(zh.pages[0])).toContain(squeeze(REPORT_STRINGS.zh.title(REPORT_STRINGS.zh.sampleName)));
  expect(squeeze(zh.pages.join(''))).toContain(squeeze(REPORT_STRINGS.zh.sampleNote));

  await page.getByTestId('lang-en').click();
  const en = await printReport(page, 'sample-en');
  expectCliNumbers(en.pages, sample, 'en');
  await page.getByTestId('open-report').click();
  await expect(page.getByTestId('report-map')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/report-sample-en.png` });
  await page.getByTestId('report-close').click();

  // Imported data: halls as CSV in GCJ-02, as the own-data test imports them.
  const city = ['halls.csv', 'population.geojson', 'areas.geojson'].map((n) => ({
    name: n,
    mimeType: n.endsWith('.csv') ? 'text/csv' : 'application/geo+json',
    buffer: readFileSync(`${FIX}/${n}`),
  }));
  await openTool(page, 'import');
  await page.getByTestId('import-files').setInputFiles(city);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-file')).toHaveCount(3);
  for (const [name, role] of [
    ['halls.csv', 'halls'],
    ['population.geojson', 'population'],
    ['areas.geojson', 'areas'],
  ]) {
    await dialog.locator(`[data-testid="import-file"][data-file="${name}"]`).getByTestId('import-role').selectOption(role);
  }
  await dialog.locator('[data-testid="import-file"][data-file="halls.csv"]').getByTestId('import-crs').selectOption('gcj02');
  await dialog.getByTestId('import-load').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await expect(page.getByTestId('data-note')).toHaveAttribute('data-origin', 'own');
  await waitForMapIdle(page);

  const own = cli(`${FIX}/halls.csv`, `${FIX}/population.geojson`, `${FIX}/areas.geojson`, ['--halls-crs', 'gcj02']);
  const ownEn = await printReport(page, 'own-en');
  expectCliNumbers(ownEn.pages, own, 'en');
  const enT = REPORT_STRINGS.en;
  expect(squeeze(ownEn.pages[0])).toContain(squeeze(enT.title('halls.csv')));
  expect(squeeze(ownEn.pages.join(''))).toContain(squeeze(enT.crsNote(enT.crsConverted('halls.csv', 'GCJ-02'))));

  await page.getByTestId('lang-zh').click();
  const ownZh = await printReport(page, 'own-zh');
  expectCliNumbers(ownZh.pages, own, 'zh');
  console.log(`report render times: ${[zh, en, ownEn, ownZh].map((r) => r.ms).join(', ')} ms`);
});

test("a #report link opens the report of its area; the PNG at print resolution is twice the map with the report's legend", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./#report&a=光明街道');
  await expect(page.getByTestId('report-scope-area')).toBeChecked();
  const body = page.getByTestId('report-body');
  await expect(body).not.toHaveAttribute('data-render-ms', '');
  await expect(body.locator('h1')).toHaveText(REPORT_STRINGS.zh.areaTitle(REPORT_STRINGS.zh.sampleName, '光明街道'));
  await expect(page.getByTestId('report-table').locator('tbody th')).toHaveText(['光明街道', REPORT_STRINGS.zh.total]);
  await expect(page.getByTestId('report-gaps').locator('td[data-col="area"]').first()).toHaveText('光明街道');
  await page.getByTestId('report-scope-district').check();
  await expect(page.getByTestId('report-table').locator('tbody tr')).toHaveCount(7);
  await page.getByTestId('report-close').click();
  await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('report');
  await waitForMapIdle(page);
  await waitForTable(page, 500, ['petition']);
  await openTool(page, 'export');
  await page.getByTestId('png-ratio-2').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  const bytes = readFileSync((await download.path())!);
  const img = decodePng(bytes);
  const css = await page.locator('canvas.maplibregl-canvas').evaluate((c: HTMLCanvasElement) => ({ w: c.clientWidth, h: c.clientHeight }));
  expect(img.width).toBe(2 * css.w);
  // Title band (56 px) and a legend band below the map, all at 2×.
  expect(img.height).toBeGreaterThan(2 * css.h + 2 * 56 + 2 * 100);
  // The population ramp's darkest class (#9873a1) is in the legend band below the map.
  const below = { ...img, height: img.height - (2 * css.h + 2 * 56), data: img.data.subarray((2 * css.h + 2 * 56) * img.width * 4) };
  let dark = 0;
  for (let i = 0; i < below.data.length; i += 4) if (below.data[i] === 0x98 && below.data[i + 1] === 0x73 && below.data[i + 2] === 0xa1) dark++;
  expect(dark).toBeGreaterThan(100);
  writeFileSync(`${SHOTS}/map-print-2x.png`, bytes);
});
