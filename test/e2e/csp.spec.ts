import { expect, test } from '@playwright/test';

test('the app runs under the strict Content-Security-Policy without violations', async ({ page }) => {
  // Listen from the very first script on, so early violations count too.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto('./');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(response?.headers()['content-security-policy']).not.toContain('unsafe');
  // No MIME sniffing, on the page and on the data files it fetches.
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  const data = await page.request.get('./geo/halls.geojson');
  expect(data.headers()['x-content-type-options']).toBe('nosniff');
  await expect(page.locator('canvas.maplibregl-canvas')).toBeVisible();
  await page.waitForFunction(() => document.documentElement.dataset.mapIdle === '1', null, { timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
});
