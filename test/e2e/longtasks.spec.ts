import { expect, test } from '@playwright/test';
import { readTable, SCREENS, waitForMapIdle, waitForTable } from './app';

// Reports (does not assert) main-thread long tasks while the radius slider is
// dragged: the coverage work runs in the worker, so the page should stay responsive.
test('dragging the radius slider: long tasks on the main thread are reported', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await waitForMapIdle(page);
  // The heaviest view: three services, three circle shapes and the 'all' gaps.
  await page.getByTestId('service-all').check();
  await waitForTable(page, 500, ['legal-aid', 'petition', 'psych-support']);
  await waitForMapIdle(page);
  await page.evaluate(() => ((window as unknown as { __long: number[] }).__long.length = 0));

  const slider = page.getByTestId('radius-slider');
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 4, y);
  await page.mouse.down();
  const t0 = Date.now();
  // Each step is an input event the page answers (table live, map shapes once
  // the radius rests), about a second apiece with software WebGL on a busy
  // machine: 30 steps over the same path show the long tasks as well as more.
  await page.mouse.move(box.x + box.width * 0.8, y, { steps: 20 });
  await page.mouse.move(box.x + box.width * 0.3, y, { steps: 10 });
  await page.mouse.up();
  const dragMs = Date.now() - t0;
  const radius = Number(await page.getByTestId('radius-number').inputValue());
  await waitForTable(page, radius, ['legal-aid', 'petition', 'psych-support']);
  await waitForMapIdle(page);
  expect((await readTable(page)).rows).toHaveLength(6);

  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  const summary = `drag ${dragMs} ms, final radius ${radius} m: ${long.length} long tasks, max ${Math.round(Math.max(0, ...long))} ms, total ${Math.round(long.reduce((a, b) => a + b, 0))} ms`;
  console.log(`[longtasks] ${summary}`);
  test.info().annotations.push({ type: 'longtasks', description: summary });
  await page.screenshot({ path: `${SCREENS}/after-drag.png` });
});
