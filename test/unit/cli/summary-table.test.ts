import { describe, expect, it } from 'vitest';
import { summaryTable } from '../../../src/cli/summary-table.ts';
import type { AreaStats, Stats } from '../../../src/core/types.ts';

const block = (population: number, covered: number): Omit<AreaStats, 'name'> => ({
  population,
  covered: { petition: covered, all: covered },
  share: { petition: population ? covered / population : 0, all: population ? covered / population : 0 },
  halls: { total: 0, byService: {} },
  nearestHallM: {},
});

describe('summaryTable', () => {
  it('lists each area and the total with covered people and share, aligned in terminal columns', () => {
    const stats: Stats = { radius_m: 500, services: ['petition'], total: block(1000.5, 500), areas: [{ name: '光明街道', ...block(1000.5, 500) }, { name: 'Empty', ...block(0, 0) }] };
    const lines = summaryTable(stats).split('\n');
    expect(lines[0]).toBe('radius 500 m');
    expect(lines[2]).toMatch(/^光明街道\s+1000\.5\s+500 \(50\.0%\)\s+500 \(50\.0%\)$/);
    expect(lines[3]).toMatch(/^Empty\s+0\s+0 \(0\.0%\)/);
    expect(lines[4]).toMatch(/^total\s+1000\.5/);
    // CJK characters count two columns, so every row has the same display width.
    const width = (s: string) => [...s].reduce((w, c) => w + (/[\u4e00-\u9fff]/.test(c) ? 2 : 1), 0);
    expect(new Set(lines.slice(1).map(width)).size).toBe(1);
  });
});
