import { expect, test, type Page, type Route } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { names, recordScripts, type Fetched } from './fetched';
import { SCREENS, TOOL_SECTION, waitForMapIdle } from './app';

// The panel tools and the worker's planning and import code load on first
// use (src/ui/LazyTool.svelte, src/worker/on-first-use.ts): the first load
// fetches none of them, and each first use fetches its own chunk.
const CHUNK = {
  planning: /^PlanningPanel\.js$/,
  suggest: /^SuggestSites\.js$/,
  export: /^ExportMenu\.js$/,
  import: /^ImportDialog\.js$/,
  workerPlanning: /^planning-session\.js$/,
  workerInspect: /^inspect-input\.js$/,
  workerNetwork: /^network\.js$/, // walking distance: fetched with the first roads file
  planningStrings: /^planning-strings\.js$/, // the tools' strings: fetched with the first tool
  workerReading: /^read-files\.js$/, // decoders and the streaming parser: fetched with the first picked file
  englishStrings: /^strings-en\.js$/, // the interface in English: fetched on the first switch to it
  hallRows: /^HallRows\.js$/, // the hall list's rows: fetched when the folded list is first opened
  linkReader: /^url-decode\.js$/, // reading a link's hash: fetched when the address has one, or on its first hand edit
  ownActions: /^own-actions\.js$/, // keeping an import, back to the sample, opening a project: with those tools
} as const;

const fetchedNow = (files: Fetched[]) => names(files);
const has = (files: Fetched[], re: RegExp) => fetchedNow(files).some((n) => re.test(n));

async function firstLoad(page: Page) {
  const rec = recordScripts(page.context());
  await page.goto('./');
  await expect(page.getByTestId('area-table').locator('tfoot td[data-col="population"]')).toHaveAttribute('data-value', /^[1-9]\d*$/);
  await waitForMapIdle(page);
  await rec.settled();
  return rec;
}

// Holds the first request for a chunk until released, so the loading state can be seen.
async function holdChunk(page: Page, re: RegExp): Promise<{ release: () => Promise<void> }> {
  let held: Route | null = null;
  let arrived!: () => void;
  const seen = new Promise<void>((r) => (arrived = r));
  await page.route(
    (url) =>
      re.test(
        url.pathname
          .split('/')
          .pop()!
          .replace(/-[\w-]{8}\.(m?js|css)$/, '.$1'),
      ),
    (route) => {
      held = route;
      arrived();
    },
  );
  return {
    release: async () => {
      await seen;
      await held!.continue();
      await page.unrouteAll();
    },
  };
}

test('the first load fetches no tool; each tool, and the worker code it needs, is fetched on its first use, with a loading state', async ({ page }) => {
  mkdirSync(SCREENS, { recursive: true });
  const rec = await firstLoad(page);
  for (const re of Object.values(CHUNK)) expect(has(rec.files, re), `${re} in the first load: ${fetchedNow(rec.files).join(', ')}`).toBe(false);
  for (const name of Object.keys(TOOL_SECTION) as (keyof typeof TOOL_SECTION)[]) {
    await expect(page.getByTestId(`open-${name}`)).toBeVisible();
    await expect(page.getByTestId(TOOL_SECTION[name])).toHaveCount(0);
  }

  // Import: while its chunk is on the way the placeholder says so.
  const hold = await holdChunk(page, CHUNK.import);
  await page.getByTestId('open-import').click();
  await expect(page.getByTestId('tool-import').getByTestId('tool-loading')).toBeVisible();
  await page.getByTestId('tool-import').screenshot({ path: `${SCREENS}/lazy-tool-loading.png` });
  await hold.release();
  await expect(page.getByTestId('import')).toBeVisible();
  await expect(page.getByTestId('import-files')).toBeFocused(); // focus moves into the tool
  await rec.settled();
  expect(has(rec.files, CHUNK.import)).toBe(true);
  expect(has(rec.files, CHUNK.planningStrings)).toBe(true);
  expect(has(rec.files, CHUNK.workerReading)).toBe(false);
  expect(has(rec.files, CHUNK.suggest) || has(rec.files, CHUNK.export) || has(rec.files, CHUNK.planning)).toBe(false);
  expect(has(rec.files, CHUNK.workerInspect)).toBe(false);

  // Picking a file is the worker's first look at one: its inspection code comes now.
  await page.getByTestId('import-files').setInputFiles('public/geo/halls.geojson');
  await expect(page.getByTestId('import-dialog').getByTestId('import-file')).toHaveCount(1);
  await rec.settled();
  expect(has(rec.files, CHUNK.workerInspect)).toBe(true);
  expect(has(rec.files, CHUNK.workerReading)).toBe(true);
  expect(has(rec.files, CHUNK.workerPlanning)).toBe(false);
  await page.getByTestId('import-cancel').click();

  // Suggestions: the panel, then the worker's planning code on the first run.
  await page.getByTestId('open-suggest').click();
  await expect(page.getByTestId('suggest')).toBeVisible();
  await rec.settled();
  expect(has(rec.files, CHUNK.suggest)).toBe(true);
  expect(has(rec.files, CHUNK.workerPlanning)).toBe(false);
  await page.getByTestId('suggest-count').fill('1');
  await page.getByTestId('suggest-run').click();
  await expect(page.getByTestId('suggested-site')).toHaveCount(1);
  await rec.settled();
  expect(has(rec.files, CHUNK.workerPlanning)).toBe(true);

  for (const name of ['export', 'planning'] as const) {
    expect(has(rec.files, CHUNK[name])).toBe(false);
    await page.getByTestId(`open-${name}`).click();
    await expect(page.getByTestId(TOOL_SECTION[name])).toBeVisible();
    await rec.settled();
    expect(has(rec.files, CHUNK[name])).toBe(true);
  }
  await page.getByTestId('panel').screenshot({ path: `${SCREENS}/lazy-tools-open.png` });
});

test('a tool whose code cannot be fetched (e.g. after a redeploy) says so, and opens when it can be fetched again', async ({ page }) => {
  await firstLoad(page);
  await page.route(/\/ExportMenu-[\w-]{8}\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.getByTestId('open-export').click();
  const alert = page.getByTestId('tool-export').getByTestId('tool-error');
  await expect(alert).toHaveText('“导出”未能加载：网络中断，或网站已更新。请刷新页面后再试。');
  await expect(alert).toHaveAttribute('role', 'alert');
  await page.getByTestId('tool-export').screenshot({ path: `${SCREENS}/lazy-tool-failed.png` });
  await expect(page.getByTestId('export-menu')).toHaveCount(0);
  // The rest of the page goes on working.
  await expect(page.getByTestId('area-table')).toBeVisible();

  // So does the hall list when its rows cannot be fetched.
  await page.route(/\/HallRows-[\w-]{8}\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.getByTestId('hall-list-summary').click();
  await expect(page.getByTestId('hall-list-failed')).toContainText('“服务点清单”未能加载：网络中断，或网站已更新。');
  await expect(page.getByTestId('hall-item')).toHaveCount(0);

  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.getByTestId('open-export').click();
  await expect(page.getByTestId('export-menu')).toBeVisible();
  await expect(page.getByTestId('tool-export')).toHaveCount(0);
  await page.getByTestId('hall-list-retry').click();
  await expect(page.getByTestId('hall-item')).toHaveCount(236);
});

test('when the worker cannot fetch its planning code, the suggestion says so instead of waiting forever', async ({ page }) => {
  await firstLoad(page);
  await page.context().route(/\/planning-session-[\w-]{8}\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.getByTestId('open-suggest').click();
  await page.getByTestId('suggest-count').fill('1');
  await page.getByTestId('suggest-run').click();
  await expect(page.getByTestId('suggest-error')).toContainText('could not be loaded');
  await expect(page.getByTestId('suggested-site')).toHaveCount(0);
});

test('the hall list’s rows are fetched when it is first opened, with a loading line; the English strings on the first switch to English, the page staying Chinese with the button busy until they arrive; a failed fetch says so and the next click tries again', async ({
  page,
}) => {
  const rec = await firstLoad(page);
  expect(has(rec.files, CHUNK.englishStrings)).toBe(false);
  expect(has(rec.files, CHUNK.hallRows)).toBe(false);

  const list = page.getByTestId('hall-list');
  await expect(page.getByTestId('hall-list-summary')).toHaveText('服务点清单：全区，提供诉求服务（236 处）');
  const holdRows = await holdChunk(page, CHUNK.hallRows);
  await page.getByTestId('hall-list-summary').click();
  await expect(list.getByTestId('hall-list-loading')).toHaveText('正在加载“服务点清单”…');
  await holdRows.release();
  await expect(list.getByTestId('hall-item')).toHaveCount(236);
  await expect(list.getByTestId('hall-list-loading')).toHaveCount(0);
  await rec.settled();
  expect(has(rec.files, CHUNK.hallRows)).toBe(true);
  const title = page.getByTestId('app-title');

  await page.route(/\/strings-en-[\w-]{8}\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('language-failed')).toHaveText('英文界面未能加载（网络中断或页面已更新），请重试。');
  await expect(page.getByTestId('language-failed')).toHaveAttribute('role', 'alert');
  await expect(title).toHaveText('服务圈');
  await expect(page.getByTestId('lang-zh')).toHaveAttribute('aria-pressed', 'true');
  await page.unrouteAll({ behavior: 'ignoreErrors' });

  const hold = await holdChunk(page, CHUNK.englishStrings);
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('language-switch')).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByTestId('language-failed')).toHaveCount(0);
  await expect(title).toHaveText('服务圈');
  await expect(page.getByTestId('lang-zh')).toHaveAttribute('aria-pressed', 'true');
  await hold.release();
  await expect(title).toHaveText('Service Circles');
  await expect(page.getByTestId('lang-en')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('language-switch')).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('[data-testid="total-row"] td[data-col="population"]')).toHaveText('1,095,289');
  await rec.settled();
  expect(has(rec.files, CHUNK.englishStrings)).toBe(true);
});
