// The --report file in a real browser (issue 18): served with the CSP that
// allows no script and no fetch, it shows its styled table and map without a
// single violation, and prints to an A4 PDF. Skipped where Debian's Chromium
// is not installed (scripts/ensure-chromium.mjs installs it for npm test).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, describe, expect, it } from 'vitest';
import { REPORT_CSP } from '../../../src/core/report/report-html';
import { ROOT, runCli } from '../helpers/run-cli';

const CHROMIUM = '/usr/bin/chromium';
const tmp = mkdtempSync(join(tmpdir(), 'report-print-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!existsSync(CHROMIUM))('the report in Chromium', () => {
  it('renders under the strict CSP with no violation and prints to at least one A4 page', async () => {
    const geo = join(ROOT, 'public/geo');
    const report = join(tmp, 'report.html');
    const r = runCli([
      '--halls',
      join(geo, 'halls.geojson'),
      '--population',
      join(geo, 'population.geojson'),
      '--areas',
      join(geo, 'areas.geojson'),
      '--stats',
      join(tmp, 'stats.json'),
      '--report',
      report,
    ]);
    expect(r.status).toBe(0);
    const html = readFileSync(report, 'utf8');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      const refused: string[] = [];
      page.on('console', (m) => refused.push(m.text()));
      const requests: string[] = [];
      page.on('request', (q) => requests.push(q.url()));
      await page.route('http://report.invalid/', (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': REPORT_CSP }, body: html }),
      );
      await page.goto('http://report.invalid/');
      // The inline styles applied (CSP allows them), the map and table have boxes.
      // 16pt is 21.33 CSS px.
      expect(parseFloat(await page.locator('h1').evaluate((e) => getComputedStyle(e).fontSize))).toBeCloseTo(21.33, 1);
      expect((await page.locator('svg.map').boundingBox())!.height).toBeGreaterThan(300);
      expect(await page.locator('table.districts tbody tr').count()).toBe(7);
      expect(refused).toEqual([]);
      expect(requests).toEqual(['http://report.invalid/']);
      const pdf = await page.pdf({ format: 'A4' });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(1);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
