import { expect, test } from '@playwright/test';
import { waitForTable } from './app';

test('without WebGL2 the app says so and the table still works', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      if (type === 'webgl2') return null;
      return (original as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
    } as typeof original;
  });
  await page.goto('./');
  await expect(page.getByTestId('map-error')).toContainText('WebGL2');
  await waitForTable(page, 500, ['petition']);
  await expect(page.getByTestId('area-row')).toHaveCount(6);
  expect(errors).toEqual([]);
});
