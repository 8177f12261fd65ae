import { expect, test, type Page } from '@playwright/test';
import { gzipKb, names, recordScripts } from './fetched';
import { waitForMapIdle } from './app';

// What a visitor's browser fetches before the map and the table can be used,
// JavaScript and CSS, gzip (kB of 1000 bytes), MapLibre and its worker
// included. The whole dist/ is reported (scripts/size-report.mjs) but not
// capped: tools that load on first use do not count here.
// Issue 13 sets the budget at 500 kB. The first load is not there yet (see
// docs/embedding.md, "Size budget", for what it is made of and what is left to
// move), so this test holds it at CAP_KB, which may only go down, and reports
// the distance to BUDGET_KB. Walking distance (issue 17) raised it by 3 kB:
// its strings and switch (1.3 kB), and the worker's core split into a chunk
// shared with the network code fetched on first use (1.6 kB more than when
// the core was inlined in the worker's entry).
const BUDGET_KB = 500;
// 519.8 kB (./) and 521.2 kB (?embed=1) measured on 2026-12-06: the worker's
// file reading, the planning tools' and own-data strings, the own-data banner,
// the English interface strings, the hall list's rows and (on ./) the host
// page API fetched on first use. docs/embedding.md says what is left (mostly
// MapLibre: 435 kB of it).
const CAP_KB = 522;

async function firstLoad(page: Page, url: string): Promise<{ kb: number; files: string[] }> {
  const rec = recordScripts(page.context());
  await page.goto(url);
  // Numbers in the table's total row, and the map drawn (so MapLibre's worker has been fetched).
  await expect(page.getByTestId('area-table').locator('tfoot td[data-col="population"]')).toHaveAttribute('data-value', /^[1-9]\d*$/);
  await waitForMapIdle(page);
  await rec.settled();
  const kb = gzipKb(rec.files);
  const files = names(rec.files);
  console.log(
    `first load ${url}: ${kb.toFixed(1)} kB gzip JS+CSS\n  ${rec.files.map((f) => `${(f.gzip / 1000).toFixed(1).padStart(6)} kB  ${f.path}`).join('\n  ')}`,
  );
  test.info().annotations.push({ type: 'size', description: `${url}: ${kb.toFixed(1)} kB gzip` });
  return { kb, files };
}

for (const url of ['./', './?embed=1']) {
  test(`the first load of ${url} fetches at most ${CAP_KB} kB gzip of JavaScript and CSS, MapLibre and its worker included (budget ${BUDGET_KB})`, async ({
    page,
  }) => {
    const { kb, files } = await firstLoad(page, url);
    // MapLibre, its worker and the coverage worker are in the count, or it means nothing.
    expect(
      files.some((f) => /^maplibre-gl-worker/.test(f)),
      files.join(', '),
    ).toBe(true);
    expect(
      files.some((f) => /^maplibre(-gl)?\.js$/.test(f)),
      files.join(', '),
    ).toBe(true);
    expect(
      files.some((f) => /^coverage\.worker/.test(f)),
      files.join(', '),
    ).toBe(true);
    expect(kb, files.join(', ')).toBeGreaterThan(300);
    if (kb > BUDGET_KB) test.info().annotations.push({ type: 'over budget', description: `${(kb - BUDGET_KB).toFixed(1)} kB over issue 13's ${BUDGET_KB} kB` });
    expect(kb, files.join(', ')).toBeLessThanOrEqual(CAP_KB);
  });
}
