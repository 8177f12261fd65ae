// The district table and the planning table show every column without
// sideways scrolling, in both languages, for one service and for all three,
// at common laptop widths and on a phone; no header breaks inside a word.
import { expect, test, type Page } from '@playwright/test';
import { openTool, SCREENS, sharedSamplePage, waitForTable } from './app';
import { expectTableFits } from './layout';
import { tableColumns } from '../../src/ui/table-columns';
import { loadStrings, STRINGS } from '../../src/ui/i18n';

const ALL = ['legal-aid', 'petition', 'psych-support'];
const SIZES = [
  { width: 1366, height: 768, phone: false },
  { width: 1024, height: 768, phone: false },
  { width: 375, height: 667, phone: true },
];

/** On a phone the panel is a drawer: open it and wait until it has slid in. */
async function openDrawer(page: Page): Promise<void> {
  await page.getByTestId('panel-toggle').click();
  await expect(page.getByTestId('panel')).toBeVisible();
  await expect.poll(() => page.getByTestId('panel').evaluate((p) => p.getBoundingClientRect().left)).toBe(0);
}

type Size = (typeof SIZES)[number];

// The expected English headers: the English strings are a chunk of their own, here as in the page.
test.beforeAll(() => loadStrings('en'));

/** Every column of the district table in view at this size, in both languages, for one service and for all three. */
async function districtTableFits(page: Page, size: Size): Promise<void> {
  const table = page.getByTestId('area-table');
  for (const lang of ['zh', 'en'] as const) {
    await page.getByTestId(`lang-${lang}`).click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
    for (const services of [['petition'], ALL]) {
      await page.getByTestId(`service-${services.length === 1 ? services[0] : 'all'}`).check();
      await waitForTable(page, 500, services);
      const what = `${size.width} px, ${lang}, ${services.length === 1 ? 'one service' : 'all three'}`;
      await expectTableFits(table, what);
      // Whatever the layout, screen readers get each column's full name as its header (the sample's halls have capacities).
      for (const c of tableColumns(services, STRINGS[lang], lang, null, true)) {
        await expect(table.getByRole('columnheader', { name: c.full, exact: true }), `${what}: header ${c.key}`).toHaveCount(1);
      }
      await table.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENS}/table-fit-${size.width}-${lang}-${services.length === 1 ? 'one' : 'all'}.png` });
    }
  }
}

// The laptop widths and the planning table on one loaded page: each test sets
// the window size, language and services it checks, so the page's first map
// draw is paid once. The planning test comes last, as it adds a proposed hall.
test.describe.serial('on one loaded page', () => {
  const shared = sharedSamplePage();

  for (const size of SIZES.filter((s) => !s.phone)) {
    test(`every column of the district table is in view, zh and en, one service and all three (${size.width} px)`, async () => {
      const page = shared();
      await page.setViewportSize({ width: size.width, height: size.height });
      await districtTableFits(page, size);
    });
  }

  test('the planning table shows its Added column in full at 1366, 1024 and 375 px, zh and en', async () => {
    const page = shared();
    test.slow(); // twelve states, each a new what-if computation in the worker
    await page.setViewportSize({ width: 1366, height: 768 });
    // The hall is added as on a fresh page: in Chinese, for the first service.
    await page.getByTestId('lang-zh').click();
    await page.getByTestId('service-petition').check();
    await waitForTable(page, 500, ['petition']);
    await openTool(page, 'planning');
    await page.getByTestId('add-at-centre').click();
    const table = page.getByTestId('plan-table');
    await expect(table).toBeVisible();
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      if (size.phone) await openDrawer(page);
      for (const lang of ['en', 'zh'] as const) {
        await page.getByTestId(`lang-${lang}`).click();
        await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
        for (const services of [['petition'], ALL]) {
          await page.getByTestId(`service-${services.length === 1 ? services[0] : 'all'}`).check();
          await expect.poll(async () => (await table.getAttribute('data-services'))?.split(',').sort().join(',')).toBe(services.join(','));
          await expectTableFits(table, `planning table, ${size.width} px, ${lang}, ${services.length === 1 ? 'one service' : 'all three'}`);
        }
        if (lang === 'en') await expect(table.locator('thead th').last()).toHaveText('Added');
        await table.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SCREENS}/plan-table-fit-${size.width}-${lang}.png` });
      }
    }
  });
});

// A phone: touch, and the panel a drawer.
const PHONE = SIZES.find((s) => s.phone)!;
test.describe(`${PHONE.width}×${PHONE.height}`, () => {
  test.use({ viewport: { width: PHONE.width, height: PHONE.height }, hasTouch: true });

  test(`every column of the district table is in view, zh and en, one service and all three (${PHONE.width} px)`, async ({ page }) => {
    await page.goto('./');
    await waitForTable(page, 500, ['petition']);
    await openDrawer(page);
    await districtTableFits(page, PHONE);
  });
});
