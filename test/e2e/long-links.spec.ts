import { expect, test, type Page } from '@playwright/test';
import { HASH_DEBOUNCE_MS } from '../../src/ui/share/hash-sync';

// Links at their limits (issue 19): more proposed halls than a link carries,
// a data file too long for a server's request line, and quick hand edits of
// a long hash.

async function waitIdle(page: Page) {
  await expect(page.locator('canvas.maplibregl-canvas')).toBeVisible();
  await page.waitForFunction(() => document.documentElement.dataset.mapIdle === '1', null, { timeout: 30_000 });
}

// `n` proposed halls on a grid over Guangming, each offering petition service.
function grid(n: number): { lng: number; lat: number; services: string[]; name: string }[] {
  return Array.from({ length: n }, (_, i) => ({ lng: 113.88 + (i % 30) * 0.003, lat: 22.72 + Math.floor(i / 30) * 0.003, services: ['petition'], name: '' }));
}

const hallsInHash = (page: Page) => page.evaluate(() => (/[#&]p=([^&]*)/.exec(location.hash)?.[1] ?? '').split(';').filter(Boolean).length);

test('more proposed halls than a link carries all come back on reload, and a notice says the link carries the first 500', async ({ page }, info) => {
  await page.goto('./#s=petition');
  await waitIdle(page);
  await page.evaluate((halls) => localStorage.setItem('service-circles:proposed', JSON.stringify(halls)), grid(600));
  // Opened again without proposed halls in the link: the 600 kept ones come back, and the link takes the first 500.
  await page.reload();
  await expect(page.getByTestId('proposed-item')).toHaveCount(600, { timeout: 60_000 });
  await expect.poll(() => hallsInHash(page)).toBe(500);
  // Reloaded with those 500 in the link: still all 600.
  await page.reload();
  await expect(page.getByTestId('proposed-item')).toHaveCount(600, { timeout: 60_000 });
  await expect(page.getByTestId('proposed-item').last()).toHaveAttribute('data-lat', String(grid(600)[599].lat));
  const notice = page.getByTestId('link-carries-first');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveText(/只能携带前 500 个拟建服务点（共 600 个）/);
  await notice.screenshot({ path: info.outputPath('link-carries-first-zh.png') });
  await page.getByTestId('lang-en').click();
  await expect(notice).toHaveText(/only the first 500 of the 600 proposed halls/);
  await expect(page.getByTestId('proposed-full')).toHaveCount(0);
  // A hand edit of that link keeps them too.
  await page.evaluate(() => (location.hash = location.hash.replace(/([#&])r=\d+/, '$1r=700')));
  await expect(page.getByTestId('area-table')).toHaveAttribute('data-radius', '700');
  await expect(page.getByTestId('proposed-item')).toHaveCount(600);
});

test('proposed halls kept in this browser are read up to the list limit of 1000, and the panel says the list is full', async ({ page }) => {
  await page.goto('./#s=petition');
  await waitIdle(page);
  await page.evaluate((halls) => localStorage.setItem('service-circles:proposed', JSON.stringify(halls)), grid(1500));
  await page.reload();
  await expect(page.getByTestId('proposed-full')).toHaveText('拟建服务点已达上限 1000 个：不能再添加，超出的部分未载入。', { timeout: 60_000 });
  await expect(page.getByTestId('proposed-item')).toHaveCount(1000);
  await expect(page.getByTestId('add-at-centre')).toBeDisabled();
  await expect(page.getByTestId('link-carries-first')).toHaveText(/（共 1000 个）/);
});

test('a data file of about 100 KB in the hash loads through the preview server, which refuses it in the query', async ({ page, request }) => {
  const rows = Array.from(
    { length: 2400 },
    (_, i) => `站点${i},${(113.85 + (i % 60) * 0.002).toFixed(4)},${(22.7 + Math.floor(i / 60) * 0.002).toFixed(4)},petition`,
  );
  const url = 'data:text/csv;charset=utf-8,' + encodeURIComponent('name,lng,lat,services\n' + rows.join('\n'));
  expect(url.length).toBeGreaterThan(100_000);
  // The query form meets the server's request-line limit.
  expect((await request.get('./?halls=' + url, { failOnStatusCode: false })).status()).toBe(431);

  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./#s=petition&halls=' + url);
  await waitIdle(page);
  await expect(page.locator('[data-testid=total-row] td[data-col=halls]')).toHaveAttribute('data-value', '2400');
  await expect(page.getByTestId('data-note')).toHaveAttribute('data-origin', 'own');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The rewritten hash keeps naming the data, so a reload shows it again.
  await page.getByTestId('service-legal-aid').check();
  await expect.poll(() => page.evaluate(() => /[#&]s=legal-aid(&|$)/.test(location.hash))).toBe(true);
  await page.reload();
  await waitIdle(page);
  await expect(page.locator('[data-testid=total-row] td[data-col=halls]')).toHaveAttribute('data-value', '2400');
  expect(errors).toEqual([]);
});

test('quick hand edits of a hash with more than 500 halls end at the last edit', async ({ page }) => {
  // The last edit lands just as the write queued by the one before comes due,
  // before its hashchange event: the moment a quick typist hits.
  await page.addInitScript((debounceMs) => {
    const w = window as unknown as { editBeforeWrite: string | null };
    w.editBeforeWrite = null;
    const original = window.setTimeout.bind(window);
    window.setTimeout = ((fn: () => void, ms?: number) =>
      original(() => {
        if (ms === debounceMs && w.editBeforeWrite) {
          location.hash = w.editBeforeWrite;
          w.editBeforeWrite = null;
        }
        fn();
      }, ms)) as typeof window.setTimeout;
  }, HASH_DEBOUNCE_MS);
  const p = grid(520)
    .map((h) => `${h.lng},${h.lat},petition`)
    .join(';');
  const link = (r: number) => `#s=petition&r=${r}&p=${p}`;
  await page.goto('./' + link(500));
  await waitIdle(page);
  await expect(page.getByTestId('area-table')).toHaveAttribute('data-radius', '500');
  await page.evaluate(
    ({ edits, last }) => {
      (window as unknown as { editBeforeWrite: string }).editBeforeWrite = last;
      for (const e of edits) location.hash = e;
    },
    { edits: [600, 700, 800, 900].map(link), last: link(1000) },
  );
  await expect(page.getByTestId('area-table')).toHaveAttribute('data-radius', '1000');
  await expect.poll(() => page.evaluate(() => /[#&]r=1000(&|$)/.test(location.hash))).toBe(true);
  await expect(page.getByTestId('area-table')).toHaveAttribute('data-radius', '1000');
});

test('a hash of 100 000 unknown keys writes a few warnings and a count, and the data shows', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' && m.text().startsWith('link:')) warnings.push(m.text());
  });
  const junk = Array.from({ length: 100_000 }, (_, i) => `k${i}=1`).join('&');
  await page.goto(`./#r=700&${junk}`);
  await expect(page.getByTestId('area-table')).toHaveAttribute('data-radius', '700');
  await expect.poll(() => warnings.at(-1)).toBe('link: 99990 more problems in the link not listed');
  expect(warnings).toHaveLength(11);
});
