import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outlineCells, signedArea2, type CornerRing } from '../../../../src/core/coverage/cell-outline';

function inRing(r: CornerRing, x: number, y: number): boolean {
  let inside = false;
  for (let k = 0; k + 1 < r.length; k++) {
    const [x1, y1] = r[k];
    const [x2, y2] = r[k + 1];
    if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
  }
  return inside;
}

const cellsArb = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })), {
  selector: ([i, j]) => i * 100 + j,
  maxLength: 70,
  size: 'max',
});

describe('outlineCells', () => {
  it('covers exactly the member cells: each cell centre is in one polygon iff it is a member', () => {
    fc.assert(
      fc.property(cellsArb, (cells) => {
        const polys = outlineCells(
          cells.map((c) => c[0]),
          cells.map((c) => c[1]),
        );
        const member = new Set(cells.map(([i, j]) => i * 100 + j));
        for (let i = -1; i <= 10; i++) {
          for (let j = -1; j <= 10; j++) {
            const hits = polys.filter(([outer, ...holes]) => inRing(outer, i + 0.5, j + 0.5) && !holes.some((h) => inRing(h, i + 0.5, j + 0.5))).length;
            expect(hits).toBe(member.has(i * 100 + j) ? 1 : 0);
          }
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('has outer rings counter-clockwise and holes clockwise, with areas adding up to the cell count', () => {
    fc.assert(
      fc.property(cellsArb, (cells) => {
        const polys = outlineCells(
          cells.map((c) => c[0]),
          cells.map((c) => c[1]),
        );
        let area2 = 0;
        for (const [outer, ...holes] of polys) {
          expect(signedArea2(outer)).toBeGreaterThan(0);
          for (const h of holes) expect(signedArea2(h)).toBeLessThan(0);
          for (const r of [outer, ...holes]) expect(r[0]).toEqual(r[r.length - 1]);
          area2 += signedArea2(outer) + holes.reduce((s, h) => s + signedArea2(h), 0);
        }
        expect(area2).toBe(2 * cells.length);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('never visits a corner twice within one ring (rings are simple)', () => {
    fc.assert(
      fc.property(cellsArb, (cells) => {
        for (const poly of outlineCells(
          cells.map((c) => c[0]),
          cells.map((c) => c[1]),
        )) {
          for (const r of poly) {
            const seen = new Set(r.slice(0, -1).map(([x, y]) => x * 1000 + y));
            expect(seen.size).toBe(r.length - 1);
          }
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('outlines a ring of 8 cells as a square with a square hole, merging straight runs', () => {
    const cells = [
      [0, 0],
      [1, 0],
      [2, 0],
      [0, 1],
      [2, 1],
      [0, 2],
      [1, 2],
      [2, 2],
    ];
    const polys = outlineCells(
      cells.map((c) => c[0]),
      cells.map((c) => c[1]),
    );
    expect(polys).toHaveLength(1);
    expect(polys[0]).toHaveLength(2);
    expect(polys[0][0]).toHaveLength(5);
    expect(polys[0][1]).toHaveLength(5);
  });
});
