import { describe, expect, it } from 'vitest';
import { tableColumns, type Row } from '../../../src/ui/table-columns';
import { loadStrings, STRINGS } from '../../../src/ui/i18n';
import type { Stats } from '../../../src/core/types';

// English is a chunk the page fetches when it first shows it.
await loadStrings('en');

const row: Row = {
  population: 120_000,
  covered: { petition: 90_000, 'legal-aid': 60_000, all: 55_000 },
  share: { petition: 0.75, 'legal-aid': 0.5, all: 55_000 / 120_000 },
  halls: { total: 30, byService: { petition: 30, 'legal-aid': 18 } },
  nearestHallM: {},
};

describe('tableColumns', () => {
  it('shows population, covered and share of one service, its uncovered people and the halls offering it', () => {
    const cols = tableColumns(['legal-aid'], STRINGS.zh, 'zh');
    expect(cols.map((c) => c.key)).toEqual(['population', 'covered:legal-aid', 'share:legal-aid', 'uncovered', 'halls']);
    expect(cols.map((c) => c.value(row))).toEqual([120_000, 60_000, 0.5, 60_000, 18]);
    expect(cols.map((c) => c.format(c.value(row)))).toEqual(['12.00万', '6.00万', '50.0%', '6.00万', '18']);
  });
  it('with capacity analysis and one service splits the covered people into served and over capacity, before the uncovered', () => {
    const capped: Row = { ...row, served: { 'legal-aid': 45_000.4 }, over_capacity: { 'legal-aid': 14_999.6 }, out_of_range: { 'legal-aid': 60_000 } };
    const cols = tableColumns(['legal-aid'], STRINGS.en, 'en', null, true);
    expect(cols.map((c) => c.key)).toEqual(['population', 'covered:legal-aid', 'share:legal-aid', 'served:legal-aid', 'over:legal-aid', 'uncovered', 'halls']);
    expect(cols.map((c) => c.format(c.value(capped)))).toEqual(['120,000', '60,000', '50.0%', '45,000', '15,000', '60,000', '18']);
    expect(cols.find((c) => c.key === 'served:legal-aid')?.full).toBe('Public legal service served');
    expect([...cols].sort((a, b) => a.stackOrder - b.stackOrder).map((c) => c.key)).toEqual(cols.map((c) => c.key));
    // Not defined for several services at once ("all"): no split columns.
    expect(tableColumns(['legal-aid', 'petition'], STRINGS.en, 'en', null, true).some((c) => c.key.startsWith('served'))).toBe(false);
  });
  it('for several services counts as uncovered everyone missing at least one, and all halls', () => {
    const cols = tableColumns(['legal-aid', 'petition'], STRINGS.en, 'en');
    expect(cols.map((c) => c.key)).toEqual(['population', 'covered:legal-aid', 'share:legal-aid', 'covered:petition', 'share:petition', 'uncovered', 'halls']);
    const uncovered = cols.find((c) => c.key === 'uncovered');
    expect(uncovered?.value(row)).toBe(65_000);
    expect(uncovered?.label).toBe('Missing any service');
    expect(cols.find((c) => c.key === 'halls')?.value(row)).toBe(30);
  });
  it('gives each header a full name with the whole service name, for screen readers', () => {
    expect(tableColumns(['psych-support'], STRINGS.zh, 'zh').find((c) => c.key === 'share:psych-support')?.full).toBe('社会心理服务覆盖率');
    expect(tableColumns(['psych-support'], STRINGS.en, 'en').find((c) => c.key === 'covered:psych-support')?.full).toBe('Psychological support covered');
    expect(tableColumns(['legal-aid', 'petition'], STRINGS.zh, 'zh').find((c) => c.key === 'uncovered')?.full).toBe('缺任一服务');
  });
  it('stacks several services so that each service keeps its own place on every line', () => {
    const cols = tableColumns(['legal-aid', 'petition', 'psych-support'], STRINGS.en, 'en');
    const byOrder = [...cols].sort((a, b) => a.stackOrder - b.stackOrder).map((c) => c.key);
    expect(byOrder).toEqual([
      'population',
      'uncovered',
      'halls',
      'covered:legal-aid',
      'covered:petition',
      'covered:psych-support',
      'share:legal-aid',
      'share:petition',
      'share:psych-support',
    ]);
    const one = tableColumns(['petition'], STRINGS.en, 'en');
    expect([...one].sort((a, b) => a.stackOrder - b.stackOrder).map((c) => c.key)).toEqual(one.map((c) => c.key));
  });
  it('with both distance modes, adds the straight and the walking share of each service side by side, row by row', () => {
    const stats = (east: number, total: number): Stats => ({
      radius_m: 500,
      services: ['petition'],
      total: { ...row, share: { petition: total } },
      areas: [
        { ...row, name: 'west', share: { petition: 0.25 } },
        { ...row, name: 'east', share: { petition: east } },
      ],
    });
    const both = { straight: stats(0.896, 0.8), network: stats(0.712, 0.6) };
    const zh = tableColumns(['petition'], STRINGS.zh, 'zh', both);
    expect(zh.map((c) => c.key)).toEqual(['population', 'covered:petition', 'share:petition', 'modes:petition', 'uncovered', 'halls']);
    const modes = zh.find((c) => c.key === 'modes:petition')!;
    expect(modes.text?.(both.straight.areas[1])).toBe('直线 89.6% · 步行 71.2%');
    expect(modes.value(both.straight.areas[1])).toBe(0.712);
    expect(modes.text?.(both.network.total)).toBe('直线 80.0% · 步行 60.0%');
    expect(
      tableColumns(['petition'], STRINGS.en, 'en', both)
        .find((c) => c.key === 'modes:petition')!
        .text?.(both.network.areas[0]),
    ).toBe('straight 25.0% · walking 25.0%');
    expect(tableColumns(['petition'], STRINGS.zh, 'zh').some((c) => c.key.startsWith('modes:'))).toBe(false);
  });
});
