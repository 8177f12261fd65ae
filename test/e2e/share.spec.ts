import { expect, test, type Page } from '@playwright/test';
import { openTool } from './app';

// Links that reopen a view, and data sets given by URL (issue 6).

async function waitIdle(page: Page) {
  await expect(page.locator('canvas.maplibregl-canvas')).toBeVisible();
  await page.waitForFunction(() => document.documentElement.dataset.mapIdle === '1', null, { timeout: 30_000 });
}

function collect(page: Page) {
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  return { errors, warnings };
}

test('a link with state reopens that state: service, radius, language, area, layers and view', async ({ page }) => {
  const { errors, warnings } = collect(page);
  await page.goto('./#c=113.91,22.76&z=12.5&s=legal-aid&r=800&l=en&layers=areas,halls,circles&a=光明街道');
  await waitIdle(page);
  const table = page.getByTestId('area-table');
  await expect(table).toHaveAttribute('data-radius', '800');
  await expect(table).toHaveAttribute('data-services', 'legal-aid');
  await expect(page.getByTestId('radius-number')).toHaveValue('800');
  await expect(page.getByTestId('service-legal-aid')).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('lang', /^en/);
  await expect(page.getByTestId('lang-en')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('layer-population')).not.toBeChecked();
  await expect(page.getByTestId('layer-halls')).toBeChecked();
  await expect(page.locator('[data-testid=area-row][data-area="光明街道"]')).toHaveAttribute('aria-current', 'true');
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-center', '113.91000,22.76000');
  await expect(map).toHaveAttribute('data-zoom', '12.500');
  await page.screenshot({ path: 'test-results/screens/share-link.png' });
  expect(errors).toEqual([]);
  expect(warnings.filter((w) => w.startsWith('link:'))).toEqual([]);
});

test('changing the radius rewrites the hash in place, without new history entries', async ({ page }) => {
  await page.goto('./');
  await waitIdle(page);
  const before = await page.evaluate(() => history.length);
  const input = page.getByTestId('radius-number');
  await input.fill('1200');
  await input.press('Enter');
  await expect(page.getByTestId('area-table')).toHaveAttribute('data-radius', '1200');
  await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toMatch(/(^#|&)r=1200(&|$)/);
  expect(await page.evaluate(() => history.length)).toBe(before);
  // The rewritten link reopens the same radius.
  await page.reload();
  await expect(page.getByTestId('area-table')).toHaveAttribute('data-radius', '1200');
});

test('malformed hash values are ignored with console warnings, and the page works with defaults', async ({ page }) => {
  const { errors, warnings } = collect(page);
  await page.addInitScript(() => localStorage.removeItem('service-circles.lang'));
  await page.goto('./#r=abc&z=99&c=1,2,3&s=cooking&l=fr&a=%E5&layers=<b>&bogus=1&p=x,y');
  await waitIdle(page);
  await expect(page.getByTestId('area-table')).toHaveAttribute('data-radius', '500');
  await expect(page.getByTestId('radius-number')).toHaveValue('500');
  await expect(page.locator('html')).toHaveAttribute('lang', /^zh/);
  await expect(page.getByTestId('area-row').first()).toBeVisible();
  expect(errors).toEqual([]);
  const linkWarnings = warnings.filter((w) => w.startsWith('link:'));
  for (const key of ['r=', 'z=', 'c=', 'l=', 'a=', 'bogus', 'p=']) {
    expect(
      linkWarnings.some((w) => w.includes(key)),
      `a warning about ${key}`,
    ).toBe(true);
  }
});

test('a data set given by URL replaces the sample', async ({ page }) => {
  const { errors } = collect(page);
  // Two halls offering petition service, as a percent-encoded data: URL.
  const csv = 'name,lng,lat,services\n甲站,113.935,22.748,petition\n乙站,113.90,22.78,petition';
  await page.goto(`./?halls=${encodeURIComponent('data:text/csv;charset=utf-8,' + encodeURIComponent(csv))}#s=petition`);
  await waitIdle(page);
  await expect(page.locator('[data-testid=total-row] td[data-col=halls]')).toHaveAttribute('data-value', '2');
  await expect(page.getByTestId('data-note')).toHaveAttribute('data-origin', 'own');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('bad data URLs are reported in an alert and the sample stays', async ({ page }) => {
  const { errors } = collect(page);
  await page.goto('./?halls=missing/halls.csv&areas=javascript:alert(1)#s=petition');
  await waitIdle(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('halls:');
  await expect(alert).toContainText('missing/halls.csv');
  await expect(alert).toContainText('areas:');
  await expect(alert).toContainText('rejected');
  // The sample's halls are still there.
  const halls = Number(await page.locator('[data-testid=total-row] td[data-col=halls]').getAttribute('data-value'));
  expect(halls).toBeGreaterThan(100);
  await page.screenshot({ path: 'test-results/screens/share-bad-data-url.png' });
  expect(errors).toEqual([]);
  // Once other data is loaded, the start-up failure no longer describes what is shown.
  await expect(page.getByTestId('load-error')).toBeVisible();
  await openTool(page, 'import');
  await page.getByTestId('reset-sample').click();
  await expect(page.getByTestId('load-error')).toHaveCount(0);
});

test('an invalid linked file shows the parser message and keeps the sample', async ({ page }) => {
  const csv = 'name,lng,lat,services\n甲站,abc,22.748,petition';
  await page.goto(`./?halls=${encodeURIComponent('data:text/csv,' + encodeURIComponent(csv))}#s=petition`);
  await waitIdle(page);
  await expect(page.getByRole('alert')).toContainText('halls (data: URL)');
  const halls = Number(await page.locator('[data-testid=total-row] td[data-col=halls]').getAttribute('data-value'));
  expect(halls).toBeGreaterThan(100);
});

test('proposed halls in a link reopen in the planning list, and stay in the link', async ({ page }) => {
  const { errors } = collect(page);
  await page.goto('./#s=petition&p=113.93,22.76,petition;113.9,22.78,legal-aid,petition');
  await waitIdle(page);
  await openTool(page, 'planning');
  const items = page.getByTestId('proposed-item');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toHaveAttribute('data-lng', '113.93');
  await expect(items.first()).toHaveAttribute('data-lat', '22.76');
  // The rewritten hash (with the map's view added) still carries both halls.
  await expect
    .poll(() => page.evaluate(() => decodeURIComponent(location.hash)))
    .toMatch(/[#&]c=.*[#&]p=113\.93,22\.76,petition;113\.9,22\.78,legal-aid,petition($|&)/);
  expect(errors).toEqual([]);
  // The link keeps them, so leaving the page does not ask (after a click, so Chromium would show the dialog).
  let asked = 0;
  page.on('dialog', (d) => {
    if (d.type() === 'beforeunload') asked++;
    void d.dismiss();
  });
  await page.getByTestId('data-note').click();
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(asked).toBe(0);
});

test('editing the hash by hand applies it without a reload', async ({ page }) => {
  await page.goto('./');
  await waitIdle(page);
  await page.evaluate(() => (location.hash = '#r=900&s=psych-support'));
  await expect(page.getByTestId('area-table')).toHaveAttribute('data-radius', '900');
  await expect(page.getByTestId('area-table')).toHaveAttribute('data-services', 'psych-support');
  await expect(page.getByTestId('service-psych-support')).toBeChecked();
});
