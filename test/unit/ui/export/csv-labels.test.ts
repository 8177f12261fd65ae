import { beforeAll, describe, expect, it } from 'vitest';
import { csvLabels } from '../../../../src/ui/export/csv-labels';
import { loadPlanningStrings, loadStrings, STRINGS } from '../../../../src/ui/i18n';

// English is a chunk the page fetches when it first shows it.
await loadStrings('en');

const ALL3 = ['legal-aid', 'petition', 'psych-support'];
const gapsTitle = { kind: 'gaps' as const, key: 'petition', radius: '500 米', date: '2026-12-06', crs: 'GCJ-02', sample: false };

describe('csvLabels', () => {
  beforeAll(loadPlanningStrings); // the export tool's strings, fetched with the tool in the page
  it('names every service and "all", with the interface’s service names', () => {
    const l = csvLabels(STRINGS.zh, ALL3, gapsTitle);
    expect(Object.keys(l.byKey).sort()).toEqual([...ALL3, 'all'].sort());
    expect(l.byKey.petition).toMatchObject({ name: '诉求服务', covered: '诉求服务覆盖人口', share: '诉求服务覆盖率（%）', uncovered: '诉求服务未覆盖人口' });
    expect(l.byKey.all).toMatchObject({ name: '全部三项', covered: '全部服务覆盖人口', uncovered: '缺任一服务人口' });
    expect(csvLabels(STRINGS.en, ALL3, gapsTitle).byKey.all.uncovered).toBe('Missing any service');
  });
  it('keeps a service from the planner’s data under its own name', () => {
    expect(csvLabels(STRINGS.en, ['housing'], { ...gapsTitle, key: 'housing' }).byKey.housing.covered).toBe('Covered: housing');
  });
  it('titles the file with what, service, radius, date, coordinates and whose data', () => {
    expect(csvLabels(STRINGS.zh, ['petition'], gapsTitle).title).toBe('服务圈 缺口清单 · 诉求服务 · 服务半径 500 米 · 2026-12-06 · 坐标 GCJ-02 · 自有数据');
    const stats = { ...gapsTitle, kind: 'stats' as const, key: 'all', radius: '1.2 km', crs: null, sample: true };
    expect(csvLabels(STRINGS.en, ALL3, stats).title).toBe(
      'Service Circles district statistics · All three · radius 1.2 km · 2026-12-06 · sample data: approximate subdistricts and communities; modelled population and halls',
    );
  });
  it('makes titles that need no CSV quoting, so a spreadsheet shows them as written', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const sample of [true, false]) {
        const title = csvLabels(STRINGS[lang], ALL3, { ...gapsTitle, key: 'all', sample }).title;
        expect(title, `${lang} ${sample}`).not.toMatch(/[",\r\n]/);
      }
    }
  });
  it('names the total row and the people outside every area as the district table does', () => {
    expect(csvLabels(STRINGS.zh, ALL3, gapsTitle)).toMatchObject({ total: STRINGS.zh.total, outsideAreas: STRINGS.zh.outsideAreas });
  });
  it('is plain data, so it can be posted to the worker', () => {
    const l = csvLabels(STRINGS.en, ALL3, gapsTitle);
    expect(structuredClone(l)).toEqual(l);
  });
});
