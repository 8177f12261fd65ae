import { expect, test } from '@playwright/test';
import { SCREENS, waitForMapIdle } from './app';

test('on a 375 px phone the panel is a drawer opened and closed by a button', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('./');
  await waitForMapIdle(page);
  const toggle = page.getByTestId('panel-toggle');
  const panel = page.getByTestId('panel');
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(panel).toBeHidden();
  // The map uses the whole width while the drawer is closed.
  expect((await page.getByTestId('map').boundingBox())?.width).toBe(375);
  await page.screenshot({ path: `${SCREENS}/phone-map.png` });

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('service-petition')).toBeInViewport();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
  await page.screenshot({ path: `${SCREENS}/phone-panel.png` });
  await toggle.click();
  await expect(panel).toBeHidden();

  // Choosing an area from the table closes the drawer so the map shows it.
  await toggle.click();
  await page.locator('[data-testid="area-row"][data-area="玉塘街道"]').getByTestId('select-area').click();
  await expect(panel).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await waitForMapIdle(page);
  await page.screenshot({ path: `${SCREENS}/phone-area.png` });
});
