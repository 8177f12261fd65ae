import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compensatedSum, SumAccumulators } from '../../../../src/core/coverage/compensated-sum';

describe('compensatedSum', () => {
  it('is exact for integer populations in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e6 }), { maxLength: 200 }), (xs) => {
        expect(compensatedSum(xs)).toBe(xs.reduce((a, b) => a + b, 0));
        expect(compensatedSum([...xs].reverse())).toBe(compensatedSum(xs));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('recovers what a naive sum loses: 1 + 1e-16 * 10 - 1', () => {
    const xs = [1, ...new Array(10).fill(1e-16), -1];
    expect(xs.reduce((a, b) => a + b, 0)).toBe(0);
    expect(compensatedSum(xs)).toBeCloseTo(1e-15, 25);
  });

  it('agrees across groupings of fractional values to 1e-15 relative', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 300 }), (xs) => {
        const acc = new SumAccumulators(2);
        xs.forEach((x, i) => acc.add(i % 2, x));
        const parts = compensatedSum([acc.value(0), acc.value(1)]);
        const whole = compensatedSum(xs);
        expect(Math.abs(parts - whole)).toBeLessThanOrEqual(1e-15 * whole);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
