// Issue 7: the documented population bad inputs, in files of over 1 MiB that
// the browser import streams (src/worker/inspect-input.ts and load-inputs.ts
// read a picked file of BROWSER_STREAM_FROM_BYTES or more in BROWSER_SLICE_BYTES slices, feature by
// feature), show the same exact line as the small files read whole
// (import-bad-input.spec.ts) and the parsers (test/unit/helpers/bad-inputs.ts),
// with the feature and line numbers moved by the valid points put first; and
// the loaded sample stays untouched. Each file has valid points (or blanks,
// for the empty cases) filling its first MiB, so the error comes in the second
// slice, after the progress bar has shown the first one.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

import { BAD_INPUTS, madeBig } from '../unit/helpers/bad-inputs';
import { readTable, waitForMapIdle, waitForTable, openTool } from './app';
import { BROWSER_SLICE_BYTES, BROWSER_STREAM_FROM_BYTES } from '../../src/core/limits';

/** Bytes before each case's own text: past the first slice, so it is read in the second. */
const FILL = Math.max(BROWSER_STREAM_FROM_BYTES, BROWSER_SLICE_BYTES) + 2 ** 14;
const CASES = BAD_INPUTS.filter((c) => c.role === 'population');
const FAILED = '导入失败，原有数据保持不变：'; // the panel's words before the core's line
// The loaded inputs beside an imported population file: the sample's halls and areas, as texts (progress counts their characters).
const SAMPLE_CHARS = { halls: readFileSync('public/geo/halls.geojson', 'utf8').length, areas: readFileSync('public/geo/areas.geojson', 'utf8').length };

declare global {
  interface Window {
    __bar: { stage: string; value: number }[];
  }
}

test('each documented population bad input in a file over 1 MiB is streamed and shows its exact message; the numbers stay', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, 500, ['petition']);
  const before = await readTable(page);
  // Every value the progress bar shows, with its stage (inspect: the first look at a file; load: the import).
  await page.evaluate(() => {
    window.__bar = [];
    const bar = () => document.querySelector<HTMLProgressElement>('[data-testid="import-progress"]');
    new MutationObserver(() => {
      const b = bar();
      if (b?.hasAttribute('value')) window.__bar.push({ stage: b.dataset.stage ?? '', value: b.value });
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
  });
  await openTool(page, 'import');
  const alert = page.getByTestId('import-error');
  const dialog = page.getByTestId('import-dialog');

  for (const [i, c] of CASES.entries()) {
    await test.step(c.name, async () => {
      const file = `big-bad-${i}.geojson`;
      const big = madeBig(c, FILL);
      const bytes = Buffer.from(big.text, 'utf8');
      expect(bytes.length).toBeGreaterThanOrEqual(BROWSER_STREAM_FROM_BYTES); // the size that takes the streamed path
      await page.evaluate(() => (window.__bar = []));
      await page.getByTestId('import-files').setInputFiles({ name: file, mimeType: 'application/geo+json', buffer: bytes });
      // The first look fails (broken JSON, nothing in it), or the file is staged: then load it as population.
      await expect(alert.or(dialog)).toBeVisible();
      const loaded = await dialog.isVisible();
      if (loaded) {
        await dialog.getByTestId('import-role').selectOption('population'); // a string among the numbers may make it look like halls
        await dialog.getByTestId('import-load').click();
      }
      await expect.soft(alert).toHaveText(FAILED + c.message(file, big.before), { timeout: 10_000 });

      // Streamed, not read whole: the first look reports each slice read (a whole read reports none), and the
      // import got past the halls and half a MiB of the population before failing (read whole, the
      // population's progress is reported only once it is all parsed).
      const bar = await page.evaluate(() => window.__bar);
      const inspect = bar.filter((b) => b.stage === 'inspect').map((b) => b.value);
      expect
        .soft(
          inspect.some((v) => v > 0 && v < 1),
          `inspect progress ${JSON.stringify(inspect)}`,
        )
        .toBe(true);
      if (loaded) {
        const load = bar.filter((b) => b.stage === 'load').map((b) => b.value);
        const past = (SAMPLE_CHARS.halls + 2 ** 19) / (SAMPLE_CHARS.halls + bytes.length + SAMPLE_CHARS.areas);
        expect.soft(Math.max(...load), `load progress ${JSON.stringify(load)}`).toBeGreaterThan(past);
      }
      if (await page.getByTestId('import-cancel').isVisible()) await page.getByTestId('import-cancel').click();
      expect.soft(await readTable(page)).toEqual(before);
    });
  }
  await expect(page.getByTestId('import-done')).toHaveCount(0);
});
