import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const DIST = process.env.SC_DIST ?? 'dist';

// Playwright's webServer runs `vite build` before the tests, so dist/ is the
// build under test here. Budget from issue 6, in kB (1000 bytes) gzip.
test('dist/ stays within the gzip size budgets: everything but MapLibre ≤ 90 kB, the whole dist/ ≤ 520 kB', () => {
  expect(existsSync(join(DIST, 'index.html')), 'dist/ missing: the webServer build did not run').toBe(true);
  const run = spawnSync(process.execPath, ['scripts/size-report.mjs', DIST, '--check', '--json'], { encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as {
    files: { file: string; group: string; gzip: number }[];
    totals: { maplibreKb: number; otherKb: number; totalKb: number };
    over: string[];
  };
  console.log(`size: MapLibre ${report.totals.maplibreKb.toFixed(1)} kB, rest ${report.totals.otherKb.toFixed(1)} kB, total ${report.totals.totalKb.toFixed(1)} kB gzip`);
  // MapLibre must really be split out, or the "rest" figure would be meaningless.
  expect(report.files.some((f) => f.group === 'maplibre' && f.file.endsWith('.js'))).toBe(true);
  expect(report.totals.maplibreKb).toBeGreaterThan(300);
  expect(report.over).toEqual([]);
  expect(report.totals.otherKb).toBeLessThanOrEqual(90);
  expect(report.totals.totalKb).toBeLessThanOrEqual(520);
  test.info().annotations.push({ type: 'size', description: `total ${report.totals.totalKb.toFixed(1)} kB gzip` });
  expect(run.status).toBe(0);
});
