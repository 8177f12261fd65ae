import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedQuantiles } from '../../../../src/core/coverage/weighted-quantiles';

/** Brute force: sort each group's units by value and walk the cumulative weight. */
function reference(values: number[], weights: number[], groups: number[], g: number) {
  const us = values
    .map((v, i) => ({ v, w: weights[i] }))
    .filter((_, i) => groups[i] === g && weights[i] > 0)
    .sort((a, b) => a.v - b.v);
  const total = us.reduce((s, u) => s + u.w, 0);
  const q = (p: number) => {
    let cum = 0;
    for (const u of us) {
      cum += u.w;
      if (cum >= p * total) return u.v;
    }
    return 0;
  };
  return { p50: q(0.5), p90: q(0.9), max: us.length ? us[us.length - 1].v : 0 };
}

describe('weightedQuantiles', () => {
  it('matches a per-group sort with integer weights, ties and Infinity, also with values spread over many buckets', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            v: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(Infinity), fc.double({ min: 0, max: 5000, noNaN: true })),
            w: fc.integer({ min: 0, max: 5 }),
            g: fc.integer({ min: -1, max: 2 }),
          }),
          { maxLength: 60, size: 'max' },
        ),
        (us) => {
          const got = weightedQuantiles(
            Float64Array.from(us, (u) => u.v),
            Float64Array.from(us, (u) => u.w),
            Int32Array.from(us, (u) => u.g),
            3,
          );
          for (let g = 0; g < 3; g++)
            expect(got[g]).toEqual(
              reference(
                us.map((u) => u.v),
                us.map((u) => u.w),
                us.map((u) => u.g),
                g,
              ),
            );
          // The last entry is over all groups (units with group >= 0).
          expect(got[3]).toEqual(
            reference(
              us.map((u) => u.v),
              us.map((u) => u.w),
              us.map((u) => (u.g >= 0 ? 0 : -1)),
              0,
            ),
          );
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it('gives the median person, not the median unit', () => {
    const [q] = weightedQuantiles(Float64Array.from([100, 200, 300]), Float64Array.from([1, 1, 10]), new Int32Array(3), 1);
    expect(q).toEqual({ p50: 300, p90: 300, max: 300 });
  });

  it('returns a unit value when the total is so small that the quantile target underflows to 0', () => {
    const [q, all] = weightedQuantiles(Float64Array.from([1234.5]), Float64Array.from([5e-324]), new Int32Array(1), 1);
    expect(q).toEqual({ p50: 1234.5, p90: 1234.5, max: 1234.5 });
    expect(all).toEqual(q);
  });
});
