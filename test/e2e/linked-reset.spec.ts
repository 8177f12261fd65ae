import { expect, test, type Page } from '@playwright/test';
import { openTool } from './app';

// Issue 7: "Reset to sample" or an import while the files a link names are
// still downloading. The user's load wins from the moment it starts: the
// linked file that arrives afterwards is not loaded, and the app still applies
// the link's view and keeps the hash in step with what is shown. A user's load
// that fails leaves start-up to load the linked data as usual.

const CSV = 'name,lng,lat,services\n甲站,113.935,22.748,petition\n乙站,113.90,22.78,petition\n';

function hallsTotal(page: Page): Promise<number> {
  return page.locator('[data-testid=total-row] td[data-col=halls]').getAttribute('data-value').then(Number);
}

function populationTotal(page: Page): Promise<number> {
  return page.locator('[data-testid=total-row] td[data-col=population]').getAttribute('data-value').then(Number);
}

/** Hold back the linked halls file until `release` is called; `served()` tells whether it was sent. */
async function holdLinked(page: Page): Promise<{ release: () => void; served: () => boolean }> {
  let release: () => void = () => {};
  const released = new Promise<void>((r) => (release = r));
  let served = false;
  await page.route('**/slow/halls.csv', async (route) => {
    await released;
    await route.fulfill({ status: 200, contentType: 'text/csv; charset=utf-8', body: CSV });
    served = true;
  });
  return { release, served: () => served };
}

// People at two of the sample's halls: 1234 + 4321 = 5555 in all.
const people = [
  [113.935, 22.748, 1234],
  [113.94, 22.75, 4321],
].map(([lng, lat, population]) => ({ type: 'Feature', properties: { population }, geometry: { type: 'Point', coordinates: [lng, lat] } }));
const POPULATION = {
  name: 'people.geojson',
  mimeType: 'application/geo+json',
  buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: people })),
};

async function importPopulation(page: Page): Promise<void> {
  await page.getByTestId('import-files').setInputFiles(POPULATION);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-role')).toHaveValue('population');
  await dialog.getByTestId('import-load').click();
}

test('Reset to sample during the linked download: the sample stays, the link view applies, the hash follows', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The linked file is held back until the reset has been answered.
  const linked = await holdLinked(page);
  await page.goto('./?halls=slow/halls.csv#s=petition&r=800');
  await openTool(page, 'import');
  const reset = page.getByTestId('reset-sample');
  await expect(reset).toBeEnabled();
  await reset.click();
  // The reset's sample is on screen (the hash still holds the link: nothing applied yet).
  await expect.poll(() => hallsTotal(page), { timeout: 30_000 }).toBeGreaterThan(100);
  linked.release();
  await expect.poll(linked.served).toBe(true);
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
  const linked = await holdLinked(page);
  // A host page on the app's own origin (allowed by default) that records what the app posts.
  const src = 'index.html?embed=1&tools=1&halls=slow/halls.csv#s=petition&r=800';
  await page.route('**/host.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><iframe id="app" src="${src}" width="900" height="700"></iframe>` }),
  );
  await page.goto('./host.html');
  await page.evaluate(() => {
    const seen: { type: string; radius: number }[] = [];
    (window as unknown as { seen: typeof seen }).seen = seen;
    window.addEventListener('message', (e) => seen.push({ type: e.data?.type, radius: e.data?.radius }));
  });
  const app = page.frameLocator('#app');
  await app.getByTestId('panel-toggle').click();
  await openTool(app, 'import');
  await expect(app.getByTestId('reset-sample')).toBeEnabled();
  await app.getByTestId('reset-sample').click();
  await expect
    .poll(() => app.locator('[data-testid=total-row] td[data-col=halls]').getAttribute('data-value').then(Number), { timeout: 30_000 })
    .toBeGreaterThan(100);
  linked.release();
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

test('an import after Reset to sample during the linked download stays when the linked file arrives', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const linked = await holdLinked(page);
  await page.goto('./?halls=slow/halls.csv#s=petition&r=800');
  await openTool(page, 'import');
  await expect(page.getByTestId('reset-sample')).toBeEnabled();
  await page.getByTestId('reset-sample').click();
  await expect.poll(() => hallsTotal(page), { timeout: 30_000 }).toBeGreaterThan(100);
  await importPopulation(page);
  await expect(page.getByTestId('import-done')).toBeVisible();
  await expect.poll(() => populationTotal(page)).toBe(5555);
  linked.release();
  await expect.poll(linked.served).toBe(true);
  // The link's radius applies to the imported numbers; the linked halls are not loaded over them.
  await expect(page.getByTestId('area-table')).toHaveAttribute('data-radius', '800');
  expect(await populationTotal(page)).toBe(5555);
  expect(await hallsTotal(page)).toBeGreaterThan(100);
  await expect(page.getByTestId('data-note')).toHaveAttribute('data-origin', 'own');
  await page.getByTestId('radius-number').fill('1200');
  await page.getByTestId('radius-number').press('Enter');
  await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toMatch(/(^#|&)r=1200(&|$)/);
  expect(await populationTotal(page)).toBe(5555);
  expect(errors).toEqual([]);
});

test('a file picked during the linked download that cannot be read yet does not hold up start-up: the linked data loads', async ({ page }) => {
  const linked = await holdLinked(page);
  await page.goto('./?halls=slow/halls.csv#s=petition&r=800');
  await openTool(page, 'import');
  await expect(page.getByTestId('reset-sample')).toBeEnabled();
  // Nothing is loaded yet, so the worker cannot judge the file (it has no areas): the pick fails.
  await page.getByTestId('import-files').setInputFiles(POPULATION);
  await expect(page.getByTestId('import-error')).toBeVisible();
  linked.release();
  await expect(page.getByTestId('area-table')).toHaveAttribute('data-radius', '800', { timeout: 30_000 });
  expect(await hallsTotal(page)).toBe(2);
  await expect(page.getByTestId('data-note')).toHaveAttribute('data-origin', 'own');
});

test('a reset still running when the linked file arrives keeps the linked file from the worker, then shows the sample', async ({ page }) => {
  // Every request the page sends the worker, by type and halls file name.
  await page.addInitScript(() => {
    const sent: string[] = [];
    (window as unknown as { sent: string[] }).sent = sent;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, m: { type?: string; payload?: { halls?: { file?: string } } }, ...rest: never[]) {
      sent.push(`${m?.type}:${m?.payload?.halls?.file ?? ''}`);
      return (post as (...a: unknown[]) => void).call(this, m, ...rest);
    } as typeof Worker.prototype.postMessage;
  });
  const linked = await holdLinked(page);
  // The reset's own download of the sample (the second request for it) is held too, so the reset runs on.
  let releaseReset: () => void = () => {};
  const resetReleased = new Promise<void>((r) => (releaseReset = r));
  let sampleFetches = 0;
  await page.route('**/geo/halls.geojson', async (route) => {
    if (++sampleFetches > 1) await resetReleased;
    await route.continue();
  });
  await page.goto('./?halls=slow/halls.csv#s=petition&r=800');
  await openTool(page, 'import');
  await expect(page.getByTestId('reset-sample')).toBeEnabled();
  await page.getByTestId('reset-sample').click();
  await expect.poll(() => sampleFetches).toBe(2);
  linked.release();
  await expect.poll(linked.served).toBe(true);
  releaseReset();
  await expect(page.getByTestId('area-table')).toHaveAttribute('data-radius', '800', { timeout: 30_000 });
  expect(await hallsTotal(page)).toBeGreaterThan(100);
  await expect(page.getByTestId('data-note')).toHaveAttribute('data-origin', 'sample');
  const loads = (await page.evaluate(() => (window as unknown as { sent: string[] }).sent)).filter((m) => m.startsWith('load:'));
  expect(loads).toEqual(['load:halls.geojson']); // the reset's sample only: the linked halls never went to the worker
});
