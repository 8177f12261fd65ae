import { expect, test, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { CSP } from '../../vite.config';
import { openTool, waitForMapIdle } from './app';

// A second origin on another loopback port: the bureau's site. It serves the
// built dist/ (embed-example.* included, copied from public/) at / and again
// under /some/folder/, to check that the build works from a sub-path.
// The app on the test server's port (playwright.config.ts), the host on any
// port that is free when the spec starts.
const APP = process.env.E2E_APP!;
let HOST = ''; // set once the host's server listens
// Waits for the app's first numbers have no limit of their own: how long the
// first load takes depends on the machine, so only the test's timeout bounds it.
const FIRST_LOAD = 0;
const PREFIX = '/some/folder/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
// The host page runs under a strict policy of its own, allowing only the app in frames.
const HOST_CSP = `default-src 'self'; script-src 'self'; style-src 'self'; frame-src ${APP}; object-src 'none'; base-uri 'self'`;

let server: Server;

test.beforeAll(async () => {
  server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', HOST).pathname);
    const inFolder = path.startsWith(PREFIX);
    const rel = normalize(inFolder ? path.slice(PREFIX.length) : path.slice(1)) || 'index.html';
    if (rel.startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(join(process.env.SC_DIST ?? 'dist', rel.endsWith('/') ? rel + 'index.html' : rel));
      res.writeHead(200, {
        'content-type': TYPES[extname(rel)] ?? 'application/octet-stream',
        'content-security-policy': inFolder ? CSP : HOST_CSP,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  HOST = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

test('the build works from a sub-path of another site (relative base)', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const failed: string[] = [];
  const external: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  // Self-contained: every request stays on the site that serves the copy (data:/blob: are local).
  page.on('request', (r) => {
    if (!r.url().startsWith(HOST + '/') && !/^(data|blob):/.test(r.url())) external.push(r.url());
  });
  await watchCsp(page);
  await page.goto(`${HOST}${PREFIX}index.html`);
  await expect(page.locator('canvas.maplibregl-canvas')).toBeVisible();
  await waitForMapIdle(page);
  await page.screenshot({ path: 'test-results/screens/embed-subpath.png' });
  expect(failed).toEqual([]);
  expect(external).toEqual([]);
  expect(errors).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
});

test('the embed example on another origin shows the map and gets ready and change messages', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await watchCsp(page);
  await page.goto(`${HOST}/embed-example.html?app=${encodeURIComponent(`${APP}/index.html`)}`);
  const iframe = page.locator('#circles');
  await expect(iframe).toHaveAttribute('src', `${APP}/index.html?embed=1&origins=${encodeURIComponent(HOST)}`);
  const app = page.frameLocator('#circles');
  await expect(app.locator('canvas.maplibregl-canvas')).toBeVisible();
  await expect(page.locator('body')).toHaveAttribute('data-ready', '1', { timeout: FIRST_LOAD });
  await expect(page.locator('#log li').first()).toContainText('service-circles:ready');
  await expect(page.locator('#log li').first()).toContainText('radius=500 m');

  // A command from the host changes the radius; the app answers with a change message.
  await page.locator('#radius').fill('800');
  await page.locator('#send-radius').click();
  await expect(app.getByTestId('radius-number')).toHaveValue('800');
  await expect(app.getByTestId('area-table')).toHaveAttribute('data-radius', '800');
  await expect(page.locator('#log li', { hasText: 'service-circles:change' }).last()).toContainText('radius=800 m');
  await expect(page.locator('body')).toHaveAttribute('data-last-radius', '800');

  // A change made inside the app is announced too.
  await page.locator('#service').selectOption('legal-aid');
  await page.locator('#send-service').click();
  await expect(page.locator('#log li', { hasText: 'service-circles:change' }).last()).toContainText('services=legal-aid');
  await page.screenshot({ path: 'test-results/screens/embed-example.png' });
  expect(errors).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
});

test('commands from an origin that is not allowed are ignored', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  // The app is told to trust only another origin, so this host's commands must not work.
  await page.goto(`${HOST}/embed-example.html?app=${encodeURIComponent(`${APP}/index.html`)}`);
  const frame = page.locator('#circles');
  await expect(page.locator('body')).toHaveAttribute('data-ready', '1', { timeout: FIRST_LOAD });
  // Until the frame has navigated, the first app (which trusts this host) is
  // still there with the same table; a command sent to it would be obeyed.
  const navigated = page.waitForEvent('framenavigated', (f) => f.url().includes('origins=https://elsewhere.example'));
  await frame.evaluate((el: HTMLIFrameElement, app) => {
    delete document.body.dataset.ready;
    el.src = `${app}/index.html?embed=1&origins=https://elsewhere.example`;
  }, APP);
  const app = await navigated;
  await expect(app.getByTestId('area-table')).toHaveAttribute('data-radius', '500', { timeout: FIRST_LOAD });
  // The app's command listener comes with the host page API's chunk, which may
  // arrive after the numbers; this host gets no ready message to wait for, so
  // it sends again until the app has heard (and ignored) a command.
  await page.locator('#radius').fill('900');
  await expect
    .poll(async () => {
      await page.locator('#send-radius').click();
      return warnings.some((w) => w.includes(`message from ${HOST} ignored`));
    })
    .toBe(true);
  await expect(app.getByTestId('area-table')).toHaveAttribute('data-radius', '500');
  // Nor does this host hear from the app: its messages go to the allowed origin only.
  await expect(page.locator('body')).not.toHaveAttribute('data-ready', '1');
});

for (const [w, h] of [
  [320, 240],
  [640, 400],
] as const) {
  test(`the embedded app fits a ${w}×${h} frame: map shown, nothing overflows`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await watchCsp(page);
    await page.goto(`${APP}/index.html?embed=1`);
    await expect(page.locator('canvas.maplibregl-canvas')).toBeVisible();
    await waitForMapIdle(page);
    const box = await page.locator('canvas.maplibregl-canvas').boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(w - 2);
    expect(box!.height).toBeGreaterThanOrEqual(h * 0.6);
    const size = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, sh: document.documentElement.scrollHeight }));
    expect(size.sw).toBeLessThanOrEqual(w);
    expect(size.sh).toBeLessThanOrEqual(h);
    await expect(page.getByTestId('compact-legend')).toBeVisible();
    // Compact mode: the panel (and its table) stays folded away until asked for.
    await expect(page.getByTestId('area-table')).toBeHidden();
    await page.screenshot({ path: `test-results/screens/embed-${w}x${h}.png` });
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  });
}

test('embed mode hides the planning tools unless tools=1; the panel and table open on demand', async ({ page }) => {
  await page.goto(`${APP}/index.html?embed=1`);
  await expect(page.getByTestId('area-table')).toBeAttached({ timeout: FIRST_LOAD });
  await expect(page.getByTestId('planning-panel')).toHaveCount(0);
  await expect(page.getByTestId('tool-planning')).toHaveCount(0);
  await page.getByTestId('panel-toggle').click();
  await expect(page.getByTestId('table-fold')).toBeVisible();
  await expect(page.getByTestId('area-table')).toBeHidden();
  await page.getByTestId('table-fold').locator('summary').click();
  await expect(page.getByTestId('area-table')).toBeVisible();

  await page.goto(`${APP}/index.html?embed=1&tools=1`);
  await expect(page.getByTestId('tool-planning')).toHaveCount(1, { timeout: FIRST_LOAD });
  await page.getByTestId('panel-toggle').click();
  await openTool(page, 'planning');
  await expect(page.getByTestId('planning-panel')).toHaveCount(1);
});
