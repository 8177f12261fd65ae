import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levelParents } from '../../../../src/core/coverage/level-parents';

// Brute force: people per (fine, coarse) pair in plain sums of whole numbers, then the first largest.
function reference(fine: number[], coarse: number[], weight: number[], F: number, C: number): number[] {
  const sums = Array.from({ length: F }, () => new Array<number>(C).fill(0));
  weight.forEach((w, i) => {
    if (fine[i] >= 0 && coarse[i] >= 0) sums[fine[i]][coarse[i]] += w;
  });
  return sums.map((s) => (Math.max(0, ...s) > 0 ? s.indexOf(Math.max(...s)) : -1));
}

describe('levelParents', () => {
  it('picks the coarse area holding most people, the first on ties, -1 without people inside the coarse level', () => {
    // fine 0: 3 in coarse 1, 2 in coarse 0; fine 1: a 4–4 tie; fine 2: only outside the coarse level; fine 3: nobody.
    const fine = Int32Array.from([0, 0, 1, 1, 2, -1, 3]);
    const coarse = Int32Array.from([1, 0, 1, 0, -1, 0, 0]);
    const weight = Float64Array.from([3, 2, 4, 4, 9, 7, 0]);
    expect([...levelParents(fine, 4, coarse, 2, weight)]).toEqual([1, 0, -1, -1]);
  });

  it('agrees with a brute-force count on random whole-number people', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.tuple(fc.integer({ min: -1, max: 4 }), fc.integer({ min: -1, max: 3 }), fc.integer({ min: 0, max: 6 })), { maxLength: 60 }),
        (F, C, units) => {
          const u = units.map(([f, c, w]) => [Math.min(f, F - 1), Math.min(c, C - 1), w]);
          const fine = u.map((x) => x[0]);
          const coarse = u.map((x) => x[1]);
          const weight = u.map((x) => x[2]);
          expect([...levelParents(Int32Array.from(fine), F, Int32Array.from(coarse), C, Float64Array.from(weight))]).toEqual(
            reference(fine, coarse, weight, F, C),
          );
        },
      ),
    );
  });
});
