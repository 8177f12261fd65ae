import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meetsTarget, withTarget } from '../../../../src/core/coverage/stats-target';
import type { AreaStats, Stats } from '../../../../src/core/types';

// A block as the engine builds it: share = covered / population.
function block(covered: number, population: number): Omit<AreaStats, 'name'> {
  return {
    population,
    covered: { x: covered, all: covered },
    share: { x: population > 0 ? covered / population : 0, all: population > 0 ? covered / population : 0 },
    halls: { total: 0, byService: {} },
    nearestHallM: {},
  };
}

describe('meetsTarget', () => {
  it('meets a target typed as a decimal exactly at the boundary, and misses it one person below', () => {
    // covered / population equals the decimal m / 10^k exactly; the target is that decimal as typed.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.nat(), fc.integer({ min: 1, max: 1000 }), (k, m0, q) => {
        const m = m0 % (10 ** k + 1);
        const typed = m === 10 ** k ? '1' : `0.${String(m).padStart(k, '0')}`;
        const target = Number(typed);
        const population = 10 ** k * q;
        const covered = m * q;
        expect(meetsTarget(block(covered, population), target).x).toBe(true);
        if (covered > 0) expect(meetsTarget(block(covered - 1, population), target).x).toBe(false);
      }),
    );
  });

  it('does not fall for target × population: 7 of 100 meets 0.07 although 0.07 * 100 > 7', () => {
    expect(0.07 * 100).toBeGreaterThan(7);
    expect(meetsTarget(block(7, 100), 0.07)).toEqual({ x: true, all: true });
    expect(meetsTarget(block(19, 20), 0.95)).toEqual({ x: true, all: true });
    expect(meetsTarget(block(18, 20), 0.95)).toEqual({ x: false, all: false });
  });

  it('gives null for every entry of a block without people, and true for any block at target 0', () => {
    expect(meetsTarget(block(0, 0), 0)).toEqual({ x: null, all: null });
    expect(meetsTarget(block(0, 5), 0)).toEqual({ x: true, all: true });
    expect(meetsTarget(block(5, 5), 1)).toEqual({ x: true, all: true });
  });
});

describe('withTarget', () => {
  it('adds the target and marks the total, every area and every further level, leaving the rest as it was', () => {
    const stats: Stats = {
      radius_m: 500,
      services: ['x'],
      total: block(10, 20),
      areas: [
        { name: 'a', ...block(10, 10) },
        { name: 'b', ...block(0, 10) },
      ],
      levels: [{ file: 'c.geojson', field: 'name', areas: [{ name: 'c', parent: 'a', ...block(0, 0) }] }],
    };
    const out = withTarget(stats, 0.5);
    expect(out.target).toBe(0.5);
    expect(out.total.meets_target).toEqual({ x: true, all: true });
    expect(out.areas.map((a) => a.meets_target?.x)).toEqual([true, false]);
    expect(out.levels![0].areas[0].meets_target).toEqual({ x: null, all: null });
    expect({ ...out.areas[0], meets_target: undefined }).toEqual({ ...stats.areas[0], meets_target: undefined });
    expect(stats.total.meets_target).toBeUndefined();
  });

  it('refuses a target outside 0–1', () => {
    for (const t of [-0.1, 1.01, NaN, Infinity]) expect(() => withTarget({ radius_m: 1, services: [], total: block(0, 0), areas: [] }, t)).toThrow(RangeError);
  });
});
