import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detSign } from '../../../../src/core/geo/exact-sign';

// Reference: exact rational arithmetic on the doubles' binary expansions.
function bigSign(a: number, b: number, c: number, d: number): number {
  const scale = (x: number) => {
    // Every double near Shenzhen coordinates is a multiple of 2^-60.
    const s = x * 2 ** 60;
    if (!Number.isInteger(s)) throw new Error('not on the 2^-60 grid');
    return BigInt(s);
  };
  const v = scale(a) * scale(d) - scale(b) * scale(c);
  return v > 0n ? 1 : v < 0n ? -1 : 0;
}

describe('detSign', () => {
  it('is exact for near-degenerate differences of coordinates near Shenzhen', () => {
    const coord = fc.integer({ min: -2000, max: 2000 }).map((i) => 113.9 + i * 0.001);
    fc.assert(
      fc.property(coord, coord, coord, coord, coord, (x, p, q, r, s) => {
        // Differences of nearby coordinates, as the point-in-polygon test forms them.
        const [a, b, c, d] = [p - x, q - x, r - x, s - x];
        expect(detSign(a, b, c, d)).toBe(bigSign(a, b, c, d));
      }),
      { seed: 42, numRuns: 5000 },
    );
  });

  it('finds exact zeros where floating point gives a tiny non-zero', () => {
    const [a, b, c, d] = [0.1, 0.3, 0.2, 0.6];
    expect(detSign(a, b, c, d)).toBe(bigSign(a, b, c, d));
    expect(detSign(3, 2, 6, 4)).toBe(0);
    expect(detSign(1, 0, 0, 1)).toBe(1);
    expect(detSign(0, 1, 1, 0)).toBe(-1);
  });
});
