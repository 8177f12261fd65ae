import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHART_STEPS, chartEnd, chartRadii, tableRadii } from '../../../../src/ui/distance/chart-radii';

const MARKS = [300, 500, 1000];

describe('chartEnd', () => {
  it('is at least 1 500 m and reaches past the radius and every mark by a quarter, on a 250 m step', () => {
    expect(chartEnd(500, MARKS)).toBe(1500);
    expect(chartEnd(3000, MARKS)).toBe(3750);
    expect(chartEnd(1300, MARKS)).toBe(1750);
    expect(chartEnd(100, [2000])).toBe(2500);
  });
});

describe('chartRadii and tableRadii', () => {
  it('hold the radius, the marks and each data-table row among the radii asked for, ascending without repeats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 3000 }), (radius) => {
        const radii = chartRadii(radius, MARKS);
        const rows = tableRadii(radius, MARKS);
        expect(radii).toEqual([...new Set(radii)].sort((a, b) => a - b));
        expect(rows).toEqual([...new Set(rows)].sort((a, b) => a - b));
        for (const r of [radius, ...MARKS, ...rows]) expect(radii).toContain(r);
        expect(radii[0]).toBe(0);
        expect(radii[radii.length - 1]).toBe(chartEnd(radius, MARKS));
        expect(radii.every((r) => Number.isInteger(r))).toBe(true);
      }),
    );
  });
  it('samples the grid in CHART_STEPS steps and lists the table every 100 m (250 m past 2 500 m)', () => {
    const radii = chartRadii(500, MARKS);
    expect(radii.filter((r) => r % 25 === 0)).toHaveLength(CHART_STEPS + 1); // 1 500 m in steps of 25 m
    expect(tableRadii(500, MARKS)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200, 1300, 1400, 1500]);
    expect(tableRadii(2600, MARKS).slice(0, 3)).toEqual([250, 300, 500]);
    expect(tableRadii(2600, MARKS)).toContain(2600);
  });
});
