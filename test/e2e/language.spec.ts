import { expect, test } from '@playwright/test';
import { SCREENS, waitForMapIdle } from './app';

test('the language switch changes the visible labels and is remembered after a reload', async ({ page }) => {
  await page.goto('./');
  await waitForMapIdle(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('app-title')).toHaveText('服务圈');
  await expect(page.getByRole('table')).toContainText('全区合计');
  await expect(page.getByTestId('lang-zh')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: '放大' })).toBeVisible();
  await expect(page.locator('.maplibregl-ctrl-scale')).toHaveText(/\d+\s?(米|公里)$/);

  await page.getByTestId('lang-en').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('app-title')).toHaveText('Service Circles');
  await expect(page.getByRole('table')).toContainText('District total');
  await expect(
    page.locator('[data-testid="area-row"][data-area="光明街道"] th').getByRole('button', { name: 'Show Guangming Subdistrict on the map' }),
  ).toHaveText('Guangming Subdistrict');
  await expect(page.getByRole('group', { name: 'Layers' })).toBeVisible();
  await expect(page.getByLabel('Service radius (metres)')).toHaveValue('500');
  await expect(page.getByRole('button', { name: 'Zoom in' })).toBeVisible();
  await expect(page.locator('.maplibregl-ctrl-scale')).toHaveText(/\d+\s(m|km)$/);
  // English numbers use thousands separators, Chinese ones 万.
  await expect(page.locator('[data-testid="total-row"] td[data-col="population"]')).toHaveText('1,095,289');
  // No Chinese left in the panel except the other-language names beside each service and the 中文 button.
  const stray = await page.getByTestId('panel').evaluate((panel) => {
    const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
    const out: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (/\p{Script=Han}/u.test(n.textContent ?? '') && !el?.closest('[lang^="zh"]')) out.push(n.textContent ?? '');
    }
    return out;
  });
  expect(stray).toEqual([]);
  await waitForMapIdle(page);
  await page.screenshot({ path: `${SCREENS}/english.png` });

  await page.reload();
  await waitForMapIdle(page);
  await expect(page.getByTestId('app-title')).toHaveText('Service Circles');
  await page.getByTestId('lang-zh').click();
  await expect(page.locator('[data-testid="total-row"] td[data-col="population"]')).toHaveText('109.53万');
});
