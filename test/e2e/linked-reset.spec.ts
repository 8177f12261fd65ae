import { expect, test, type Page } from '@playwright/test';

// Issue 7: "Reset to sample" pressed while the files a link names are still
// downloading. The user's reset wins: the linked file that arrives afterwards
// is not loaded, and the app still applies the link's view and keeps the hash
// in step with what is shown.

const CSV = 'name,lng,lat,services\n甲站,113.935,22.748,petition\n乙站,113.90,22.78,petition\n';

function hallsTotal(page: Page): Promise<number> {
  return page.locator('[data-testid=total-row] td[data-col=halls]').getAttribute('data-value').then(Number);
}

test('Reset to sample during the linked download: the sample stays, the link view applies, the hash follows', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The linked file is held back until the reset has been answered.
  let release: () => void = () => {};
  const released = new Promise<void>((r) => (release = r));
  let served = false;
  await page.route('**/slow/halls.csv', async (route) => {
    await released;
    await route.fulfill({ status: 200, contentType: 'text/csv; charset=utf-8', body: CSV });
    served = true;
  });
  await page.goto('./?halls=slow/halls.csv#s=petition&r=800');
  const reset = page.getByTestId('reset-sample');
  await expect(reset).toBeEnabled();
  await reset.click();
  // The reset's sample is on screen (the hash still holds the link: nothing applied yet).
  await expect.poll(() => hallsTotal(page), { timeout: 30_000 }).toBeGreaterThan(100);
  release();
  await expect.poll(() => served).toBe(true);
  // Start-up ends on the sample: the link's radius applied to it, the linked halls not loaded.
  await expect(page.getByTestId('area-table')).toHaveAttribute('data-radius', '800');
  expect(await hallsTotal(page)).toBeGreaterThan(100);
  await expect(page.getByTestId('data-note')).toHaveAttribute('data-origin', 'sample');
  // The hash is written again: it follows the radius the user sets.
  const input = page.getByTestId('radius-number');
  await input.fill('1200');
  await input.press('Enter');
  await expect(page.getByTestId('area-table')).toHaveAttribute('data-radius', '1200');
  await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toMatch(/(^#|&)r=1200(&|$)/);
  expect(await hallsTotal(page)).toBeGreaterThan(100);
  expect(errors).toEqual([]);
});

test('embedded, a reset during the linked download still ends in one ready message, for the link view on the sample', async ({ page }) => {
  let release: () => void = () => {};
  const released = new Promise<void>((r) => (release = r));
  await page.route('**/slow/halls.csv', async (route) => {
    await released;
    await route.fulfill({ status: 200, contentType: 'text/csv; charset=utf-8', body: CSV });
  });
  // A host page on the app's own origin (allowed by default) that records what the app posts.
  const src = 'index.html?embed=1&tools=1&halls=slow/halls.csv#s=petition&r=800';
  await page.route('**/host.html', (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><iframe id="app" src="${src}" width="900" height="700"></iframe>` }));
  await page.goto('./host.html');
  await page.evaluate(() => {
    const seen: { type: string; radius: number }[] = [];
    (window as unknown as { seen: typeof seen }).seen = seen;
    window.addEventListener('message', (e) => seen.push({ type: e.data?.type, radius: e.data?.radius }));
  });
  const app = page.frameLocator('#app');
  await app.getByTestId('panel-toggle').click();
  await expect(app.getByTestId('reset-sample')).toBeEnabled();
  await app.getByTestId('reset-sample').click();
  await expect.poll(() => app.locator('[data-testid=total-row] td[data-col=halls]').getAttribute('data-value').then(Number), { timeout: 30_000 }).toBeGreaterThan(100);
  release();
  await expect(app.getByTestId('area-table')).toHaveAttribute('data-radius', '800');
  const seen = () => page.evaluate(() => (window as unknown as { seen: { type: string; radius: number }[] }).seen);
  await expect.poll(async () => (await seen()).filter((m) => m.type === 'service-circles:ready')).toEqual([{ type: 'service-circles:ready', radius: 800 }]);
  expect(Number(await app.locator('[data-testid=total-row] td[data-col=halls]').getAttribute('data-value'))).toBeGreaterThan(100);
  // Later changes are announced as changes; ready stays the only one.
  await app.getByTestId('radius-number').fill('1200');
  await app.getByTestId('radius-number').press('Enter');
  await expect.poll(async () => (await seen()).filter((m) => m.type === 'service-circles:change').map((m) => m.radius)).toContain(1200);
  expect((await seen()).filter((m) => m.type === 'service-circles:ready')).toHaveLength(1);
});
