import { describe, expect, it } from 'vitest';
import { compareLegend } from '../../../../src/ui/report/compare-map';
import type { LegendGroup } from '../../../../src/ui/export/map-png';
import { COMPARE_HALL_A, COMPARE_HALL_B } from '../../../../src/map/palette';

// The app's legend as printLegend gives it with a scenario active: its proposed halls and a suggestion drawn.
const base: LegendGroup[] = [
  { title: 'people', items: [{ swatch: 'fill', color: '#fef287', label: '0–10' }] },
  { title: 'halls', items: [{ swatch: 'dot', color: '#0072B2', label: 'legal aid' }] },
  {
    title: 'circles',
    items: [
      { swatch: 'ring', color: '#0072B2', label: 'legal aid' },
      { swatch: 'hatch', color: '#7a0019', label: 'gaps' },
      { swatch: 'proposed', color: '#111111', label: '拟建服务点' },
      { swatch: 'suggested', color: '#6a3d9a', label: '推荐新址' },
    ],
  },
];
const words = {
  title: '方案对比：南片 与 北片',
  legendTitle: '方案对比',
  gained: '南片 覆盖而 北片 未覆盖',
  lost: '北片 覆盖而 南片 未覆盖',
  hallsA: '方案 A（北片）拟建服务点',
  hallsB: '方案 B（南片）拟建服务点',
};

describe('compareLegend', () => {
  it('drops the gaps and the active scenario’s proposed halls and suggested sites, and adds the two hatches and A’s and B’s markers', () => {
    const got = compareLegend(base, words, { a: [[113.9, 22.74]], b: [[113.91, 22.8]] });
    expect(got.map((g) => g.title)).toEqual(['people', 'halls', 'circles', '方案对比']);
    expect(got[2].items.map((i) => i.swatch)).toEqual(['ring']);
    expect(got.flatMap((g) => g.items.map((i) => i.swatch))).not.toContain('proposed');
    expect(got[3].items.map((i) => [i.swatch, i.label])).toEqual([
      ['hatch', words.gained],
      ['hatch', words.lost],
      ['square', words.hallsA],
      ['diamond', words.hallsB],
    ]);
    expect(got[3].items[2].color).toBe(COMPARE_HALL_A);
    expect(got[3].items[3].color).toBe(COMPARE_HALL_B);
    expect(got[3].items[1].rising).toBe(true);
  });
  it('lists a side’s marker only when it holds proposed halls (today holds none)', () => {
    const got = compareLegend(base, words, { a: [], b: [[113.91, 22.8]] });
    expect(got[3].items.map((i) => i.swatch)).toEqual(['hatch', 'hatch', 'diamond']);
  });
  it('leaves the legend it was given as it was', () => {
    compareLegend(base, words, { a: [], b: [] });
    expect(base[2].items).toHaveLength(4);
  });
});
