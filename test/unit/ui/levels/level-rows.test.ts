import { describe, expect, it } from 'vitest';
import type { LevelStats } from '../../../../src/core/types';
import { addsUp, childrenOf } from '../../../../src/ui/levels/level-rows';

const block = (population: number, all: number) => ({
  population,
  covered: { petition: all, all },
  share: {},
  halls: { total: 0, byService: {} },
  nearestHallM: {},
});
const level: LevelStats = {
  file: 'c.geojson',
  field: 'name',
  areas: [
    { name: 'a1', parent: 'A', ...block(10, 5) },
    { name: 'b1', parent: 'B', ...block(7, 7) },
    { name: 'a2', parent: 'A', ...block(20, 15) },
    { name: '(outside areas)', parent: null, ...block(3, 0) },
  ],
};

describe('childrenOf', () => {
  it('lists the areas whose parent is the row, in file order', () => {
    expect(childrenOf(level, 'A').map((a) => a.name)).toEqual(['a1', 'a2']);
    expect(childrenOf(level, 'C')).toEqual([]);
  });
});

describe('addsUp', () => {
  it('is true when population and every covered count sum to the parent, false when any differs', () => {
    expect(addsUp(childrenOf(level, 'A'), block(30, 20))).toBe(true);
    expect(addsUp(childrenOf(level, 'A'), block(31, 20))).toBe(false);
    expect(addsUp(childrenOf(level, 'A'), block(30, 19))).toBe(false);
  });

  it('accepts fractional people summed in another order, to the last bits', () => {
    const kids = [0.1, 0.2, 0.3].map((p) => block(p, p));
    expect(addsUp(kids, block(0.6, 0.6))).toBe(true);
  });
});
