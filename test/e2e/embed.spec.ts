import { expect, test, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { CSP } from '../../vite.config';

// A second origin on another loopback port: the bureau's site. It serves the
// built dist/ (embed-example.* included, copied from public/) at / and again
// under /some/folder/, to check that the build works from a sub-path.
const HOST_PORT = Number(process.env.E2E_PORT ?? 4173) + 1;
const HOST = `http://127.0.0.1:${HOST_PORT}`;
const APP = process.env.E2E_APP ?? 'http://127.0.0.1:4173';
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
      const body = await readFile(join('dist', rel.endsWith('/') ? rel + 'index.html' : rel));
      res.writeHead(200, {
        'content-type': TYPES[extname(rel)] ?? 'application/octet-stream',
        'content-security-policy': inFolder ? CSP : HOST_CSP,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(HOST_PORT, '127.0.0.1', resolve));
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
  await page.waitForFunction(() => document.documentElement.dataset.mapIdle === '1', null, { timeout: 30_000 });
  await page.screenshot({ path: 'test-results/screens/embed-subpath.png' });
  expect(failed).toEqual([]);
  expect(external).toEqual([]);
  expect(errors).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
});
