import { expect, test } from '@playwright/test';
import { HOSTILE_NAME as HOSTILE, mapView, project, SCREENS, serveHostileHalls, waitForMapIdle } from './app';

test('hall names and addresses that look like HTML are shown as text and never run', async ({ page }) => {
  const { dialogs, halls } = await serveHostileHalls(page);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await waitForMapIdle(page);
  // The district hall (feature 0) is drawn largest; click its centre.
  const canvas = page.locator('canvas.maplibregl-canvas');
  const box = (await canvas.boundingBox())!;
  const at = project(halls.features[0].geometry.coordinates, await mapView(page), box);
  await canvas.hover({ position: at });
  await expect(page.getByTestId('map-tooltip')).toContainText(HOSTILE);
  await canvas.click({ position: at });
  const popup = page.getByTestId('hall-popup');
  await expect(popup).toBeVisible();
  await expect(page.getByTestId('hall-popup-title')).toContainText(HOSTILE);
  await expect(popup).toContainText('<b onmouseover=alert(2)>bold</b>');
  expect(await popup.locator('img, b').count()).toBe(0);
  await page.screenshot({ path: `${SCREENS}/hostile-popup.png` });
  expect(dialogs).toEqual([]);
});
