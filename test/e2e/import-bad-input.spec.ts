// Issue 7: every documented bad-input case, imported in the browser, shows the
// same exact one-line message as the parsers and the CLI
// (test/unit/helpers/bad-inputs.ts), and the loaded sample stays untouched.
// These files are small, so read whole; import-bad-input-streamed.spec.ts
// repeats the population cases in files the import streams.
import { expect, test } from '@playwright/test';
import { BAD_INPUTS } from '../unit/helpers/bad-inputs';
import { readTable, waitForMapIdle, waitForTable, openTool } from './app';

test('each documented bad input shows its exact message on import and the numbers stay', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./');
  await waitForMapIdle(page);
  await waitForTable(page, 500, ['petition']);
  const before = await readTable(page);
  await openTool(page, 'import');
  const alert = page.getByTestId('import-error');
  const mismatches: string[] = [];

  for (const [i, c] of BAD_INPUTS.entries()) {
    const file = `bad-${i}.${c.ext}`;
    await page.getByTestId('import-files').setInputFiles({ name: file, mimeType: 'text/plain', buffer: Buffer.from(c.text) });
    // Either the first look at the file already fails, or it is staged: then say what it is and load it.
    await expect(alert.or(page.getByTestId('import-dialog'))).toBeVisible();
    if (await page.getByTestId('import-dialog').isVisible()) {
      await page.getByTestId('import-role').selectOption(c.role);
      await page.getByTestId('import-load').click();
    }
    await expect(alert).toBeVisible();
    // The panel says "导入失败，原有数据保持不变：" before the core's own line.
    const text = (await alert.textContent()) ?? '';
    const shown = text.slice(text.indexOf('：') + 1);
    const expected = c.message(file);
    if (shown !== expected) mismatches.push(`${c.name}: shown «${shown}», expected «${expected}»`);
    if (await page.getByTestId('import-cancel').isVisible()) await page.getByTestId('import-cancel').click();
  }
  expect(mismatches).toEqual([]);
  expect(await readTable(page)).toEqual(before);
});
