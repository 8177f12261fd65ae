import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bd09ToGcj02, gcj02ToBd09 } from '../../../../src/core/crs/bd09';

const globe = fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }));
const edges = fc.constantFrom<[number, number]>([180, 90], [-180, -90], [180, -90], [-180, 90], [0, 0], [0.0065, 0.006], [-180, 0], [0, 90]);

/** Largest coordinate difference, degrees. */
const gap = (a: readonly number[], b: readonly number[]) => Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]));

describe('bd09', () => {
  it('gcj02ToBd09 moves every position by (+0.0065°, +0.006°) plus at most 2e-5° + 3e-6 rad × its distance from (0°, 0°)', () => {
    fc.assert(
      fc.property(fc.oneof(globe, edges), ([x, y]) => {
        const [bx, by] = gcj02ToBd09(x, y);
        // Radial push ≤ 2e-5°; rotation ≤ 3e-6 rad, i.e. ≤ 3e-6 × radius degrees (radius ≤ 201°).
        const slack = 2e-5 + 3e-6 * Math.hypot(x, y) + 1e-12;
        expect(Math.abs(bx - x - 0.0065)).toBeLessThanOrEqual(slack);
        expect(Math.abs(by - y - 0.006)).toBeLessThanOrEqual(slack);
      }),
      { seed: 42, numRuns: 5000 },
    );
  });

  it('bd09ToGcj02 inverts gcj02ToBd09 to 1e-10° everywhere, also at the poles, the antimeridian and (0°, 0°)', () => {
    fc.assert(
      fc.property(fc.oneof(globe, edges), ([x, y]) => {
        const g = bd09ToGcj02(x, y);
        expect(gap(gcj02ToBd09(g[0], g[1]), [x, y])).toBeLessThanOrEqual(1e-10);
      }),
      { seed: 42, numRuns: 5000 },
    );
  });

  it('bd09ToGcj02 takes gcj02ToBd09 output back to where it came from, to 1e-10°', () => {
    fc.assert(
      fc.property(fc.oneof(globe, edges), ([x, y]) => {
        const b = gcj02ToBd09(x, y);
        expect(gap(bd09ToGcj02(b[0], b[1]), [x, y])).toBeLessThanOrEqual(1e-10);
      }),
      { seed: 42, numRuns: 5000 },
    );
  });

  it('bd09ToGcj02 returns NaN for NaN input after a bounded number of steps', () => {
    expect(bd09ToGcj02(NaN, 22.75).every(Number.isNaN)).toBe(true);
    expect(bd09ToGcj02(113.9, NaN).every(Number.isNaN)).toBe(true);
  });
});
