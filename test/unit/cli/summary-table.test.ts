import { describe, expect, it } from 'vitest';
import { summaryTable } from '../../../src/cli/summary-table';
import type { AreaStats, Stats } from '../../../src/core/types';

const block = (population: number, covered: number): Omit<AreaStats, 'name'> => ({
  population,
  covered: { petition: covered, all: covered },
  share: { petition: population ? covered / population : 0, all: population ? covered / population : 0 },
  halls: { total: 0, byService: {} },
  nearestHallM: {},
});

describe('summaryTable', () => {
  it('lists each area and the total with covered people and share, aligned in terminal columns', () => {
    const stats: Stats = {
      radius_m: 500,
      services: ['petition'],
      total: block(1000.5, 500),
      areas: [
        { name: '光明街道', ...block(1000.5, 500) },
        { name: 'Empty', ...block(0, 0) },
      ],
    };
    const lines = summaryTable(stats).split('\n');
    expect(lines[0]).toBe('radius 500 m');
    expect(lines[2]).toMatch(/^光明街道\s+1000\.5\s+500 \(50\.0%\)\s+500 \(50\.0%\)$/);
    expect(lines[3]).toMatch(/^Empty\s+0\s+0 \(0\.0%\)/);
    expect(lines[4]).toMatch(/^total\s+1000\.5/);
    // CJK characters count two columns, so every row has the same display width.
    const width = (s: string) => [...s].reduce((w, c) => w + (/[\u4e00-\u9fff]/.test(c) ? 2 : 1), 0);
    expect(new Set(lines.slice(1).map(width)).size).toBe(1);
  });

  it('shows control characters in area and service names as spaces, so data cannot drive the terminal or forge a row', () => {
    const evil = 'A\u001b[2J\u001b]0;pwned\u0007\nforged  100  100 (100.0%)\u009b31m\u202eB';
    const cov = (x: number) => ({ ['p\u001b[31m']: x, all: x });
    const area = { ...block(10, 5), covered: cov(5), share: cov(0.5) };
    const stats: Stats = { radius_m: 500, services: ['p\u001b[31m'], total: area, areas: [{ name: evil, ...area }] };
    const out = summaryTable(stats);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const lines = out.split('\n');
    expect(lines).toHaveLength(4); // radius, header, the one area, total
    expect(lines[1]).toMatch(/^area\s+population\s+p \[31m covered\s+all covered$/);
    expect(lines[2]).toMatch(/^A \[2J \]0;pwned forged {2}100 {2}100 \(100\.0%\) 31m B\s+10\s+5 \(50\.0%\)/);
  });
});
