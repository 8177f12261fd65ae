// Suggested sites as a planner uses them (issue 12, item 6): they default to
// the service chosen above, each names where it is, and clicking one moves
// the map there and marks it. The candidate file goes through the import's
// reader (issue 19): GBK names read right, an over-limit file is refused with
// the import's one line.
import { expect, test, type Page } from '@playwright/test';
import { areaIndexes, assignAreas } from '../../src/core';
import { mapView, openTool, sampleEngine, SCREENS, waitForMapIdle, waitForTable } from './app';
import { greedySites } from './plan-check';

async function open(page: Page, service: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('./');
  await waitForMapIdle(page);
  await page.getByTestId(`service-${service}`).check();
  await waitForTable(page, 500, [service]);
  await openTool(page, 'suggest');
}

test('suggestions default to the chosen service, name each site’s subdistrict and position, and a click flies the map there', async ({ page }) => {
  await open(page, 'psych-support');
  await expect(page.getByTestId('suggest-service')).toHaveValue('psych-support');
  await expect(page.getByTestId('suggest-run')).toHaveText('为社会心理服务推荐 5 处新址');
  // Another service chosen above: the suggestion follows it…
  await page.getByTestId('service-legal-aid').check();
  await waitForTable(page, 500, ['legal-aid']);
  await expect(page.getByTestId('suggest-service')).toHaveValue('legal-aid');

  await page.getByTestId('suggest-count').fill('3');
  await page.getByTestId('suggest-run').click();
  const items = page.getByTestId('suggested-site');
  await expect(items).toHaveCount(3);
  const ref = greedySites(3); // the core's ranking for legal aid at 500 m
  const e = sampleEngine();
  const area = assignAreas(
    ref.map((s) => s.lng),
    ref.map((s) => s.lat),
    areaIndexes(e.areas),
  );
  for (let k = 0; k < 3; k++) {
    const name = e.areas.names[area[k]];
    await expect(items.nth(k).getByTestId('site-place')).toHaveText(`${name} · 东经 ${ref[k].lng.toFixed(5)}°，北纬 ${ref[k].lat.toFixed(5)}°`);
  }

  // A click on the second site: the map centres on it, zoomed in, and the button says it is the one shown.
  const before = await mapView(page);
  await items.nth(1).getByTestId('show-site').click();
  await expect
    .poll(
      async () => {
        const v = await mapView(page);
        return Math.hypot((v.center[0] - ref[1].lng) * 102_700, (v.center[1] - ref[1].lat) * 111_195);
      },
      { message: 'metres between the map centre and the site' },
    )
    .toBeLessThan(5);
  expect((await mapView(page)).zoom).toBeGreaterThan(before.zoom);
  await expect(items.nth(1).getByTestId('show-site')).toHaveAttribute('aria-pressed', 'true');
  await expect(items.nth(0).getByTestId('show-site')).toHaveAttribute('aria-pressed', 'false');
  await waitForMapIdle(page);
  await page.screenshot({ path: `${SCREENS}/suggest-site-shown.png` });

  // …until the planner picks one here; that choice stays.
  await page.getByTestId('suggest-service').selectOption('petition');
  await page.getByTestId('service-psych-support').check();
  await waitForTable(page, 500, ['psych-support']);
  await expect(page.getByTestId('suggest-service')).toHaveValue('petition');

  // English: the place in English words.
  await page.getByTestId('lang-en').click();
  const en = e.areas.features[area[0]].properties!.name_en as string;
  await expect(items.first().getByTestId('site-place')).toHaveText(`${en} · ${ref[0].lat.toFixed(5)}° N, ${ref[0].lng.toFixed(5)}° E`);
});

/**
 * Put a file on the candidate input as a person picking it would: `parts` copies of one
 * 1 MiB blob of spaces, so the File has that size while the page holds 1 MiB.
 */
async function pickRepeated(page: Page, name: string, parts: number): Promise<void> {
  await page.getByTestId('suggest-candidates').evaluate(
    (input: HTMLInputElement, [n, k]) => {
      const mib = new Blob([new Uint8Array(2 ** 20).fill(0x20)]);
      const dt = new DataTransfer();
      dt.items.add(
        new File(
          Array.from({ length: Number(k) }, () => mib),
          String(n),
          { type: 'text/csv' },
        ),
      );
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [name, parts],
  );
}

test('a GBK candidate file (Excel on Chinese Windows) shows its Chinese names', async ({ page }) => {
  await open(page, 'legal-aid');
  const best = greedySites(2);
  // 光明公园 = B9E2 C3F7 B9AB D4B0, 公明站 = B9AB C3F7 D5BE in GBK: not UTF-8.
  const csv = Buffer.concat([
    Buffer.from('name,lng,lat,services\n'),
    Buffer.from('B9E2C3F7B9ABD4B0', 'hex'),
    Buffer.from(`,${best[0].lng},${best[0].lat},\n`),
    Buffer.from('B9ABC3F7D5BE', 'hex'),
    Buffer.from(`,${best[1].lng},${best[1].lat},\n`),
  ]);
  await page.getByTestId('suggest-candidates').setInputFiles({ name: 'candidates-gbk.csv', mimeType: 'text/csv', buffer: csv });
  await page.getByTestId('suggest-count').fill('2');
  await page.getByTestId('suggest-run').click();
  const items = page.getByTestId('suggested-site');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0).getByTestId('show-site')).toContainText('光明公园');
  await expect(items.nth(1).getByTestId('show-site')).toContainText('公明站');
  await expect(page.getByTestId('suggest-error')).toHaveCount(0);
  expect(await items.allTextContents()).not.toContainEqual(expect.stringContaining('\uFFFD'));
});

test('a candidate file over the browser limit is refused at once with the import’s message', async ({ page }) => {
  await open(page, 'legal-aid');
  await pickRepeated(page, 'candidates.csv', 551);
  await expect(page.getByTestId('suggest-error')).toHaveText(
    'candidates.csv（551 MiB）超出浏览器可载入的上限（512 MiB），请改用命令行：npm run analyze -- --halls 服务点文件 --population candidates.csv --areas 区域文件',
  );
  // Nothing was taken: a run uses the population grid points.
  await expect(page.getByTestId('suggest-candidates-crs')).toHaveCount(0);
  await page.getByTestId('suggest-count').fill('1');
  await page.getByTestId('suggest-run').click();
  await expect(page.getByTestId('suggested-site')).toHaveCount(1);
  await expect(page.getByTestId('suggested-site')).toHaveAttribute('data-lng', String(greedySites(1)[0].lng));
});
