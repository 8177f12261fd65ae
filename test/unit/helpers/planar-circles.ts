// Planar circle sets for the circle-union module tests (frame metres): random
// centres, and exactly degenerate ones whose crossings coincide in floating
// point (integer centres on a circle of radius 5 around the origin, so 3 to 5
// circles of radius 5 pass exactly through the origin).
import fc from 'fast-check';
import type { Circles } from '../../../src/core/geo/circle-union/circle-crossings';

/** Integer points 5 from the origin. */
export const PYTHAGOREAN: [number, number][] = [
  [3, 4],
  [4, 3],
  [5, 0],
  [0, 5],
  [-3, 4],
  [-4, 3],
  [-5, 0],
  [0, -5],
  [3, -4],
  [4, -3],
  [-3, -4],
  [-4, -3],
];

export function circlesOf(pts: [number, number][], r: number | number[]): Circles {
  return {
    x: Float64Array.from(pts, (p) => p[0]),
    y: Float64Array.from(pts, (p) => p[1]),
    r: Float64Array.from(pts, (_, k) => (typeof r === 'number' ? r : r[k])),
  };
}

/**
 * Random circles of radius r, or radii varying by up to 2e-4 r as sec φ does
 * across a city, centres in a 6 r square, none within 1e-6 r of another (the
 * contract of crossings(): distinctCentres() runs first).
 */
export const randomCirclesArb = fc
  .record({
    r: fc.double({ min: 0.5, max: 2, noNaN: true }),
    pts: fc.array(fc.tuple(fc.double({ min: 0, max: 6, noNaN: true }), fc.double({ min: 0, max: 6, noNaN: true })), { minLength: 1, maxLength: 25 }),
    wobble: fc.boolean(),
  })
  .map(({ r, pts, wobble }) => {
    const kept = pts.filter((p, k) => pts.slice(0, k).every((q) => Math.hypot(p[0] - q[0], p[1] - q[1]) > 1e-6));
    return circlesOf(
      kept.map(([x, y]) => [x * r, y * r]),
      kept.map((_, k) => r * (wobble ? 1 + 2e-4 * Math.sin(k) : 1)),
    );
  });

/** 3 to 12 circles of radius 5s through one point (s·(x0, y0)), at scale s and offset, plus up to 6 random ones. */
export const degenerateCirclesArb = fc
  .record({
    through: fc.subarray(PYTHAGOREAN, { minLength: 3 }),
    s: fc.constantFrom(1, 100, 137.5, 1000),
    shift: fc.constantFrom<[number, number]>([0, 0], [1234.5, -987.25], [1e5, 3e4]),
    extra: fc.array(fc.tuple(fc.integer({ min: -12, max: 12 }), fc.integer({ min: -12, max: 12 })), { maxLength: 6 }),
  })
  .map(({ through, s, shift, extra }) =>
    circlesOf(
      [...through, ...extra].map(([x, y]) => [x * s + shift[0], y * s + shift[1]]),
      5 * s,
    ),
  );
