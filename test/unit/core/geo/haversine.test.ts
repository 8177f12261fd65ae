import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineM, radiusBoxes } from '../../../../src/core/geo/haversine';
import { turfM } from '../../helpers/coverage-reference';

const lng = fc.double({ min: -180, max: 180, noNaN: true });
const lat = fc.double({ min: -89.9, max: 89.9, noNaN: true });
const near = fc.tuple(fc.double({ min: -0.05, max: 0.05, noNaN: true }), fc.double({ min: -0.05, max: 0.05, noNaN: true }));

describe('haversineM', () => {
  it('is bit-identical to turf.distance in metres, anywhere on the globe', () => {
    fc.assert(
      fc.property(lng, lat, lng, lat, (a, b, c, d) => {
        expect(haversineM(a, b, c, d)).toBe(turfM(a, b, c, d));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('is bit-identical to turf.distance for nearby points in Shenzhen', () => {
    fc.assert(
      fc.property(near, near, ([a, b], [c, d]) => {
        expect(haversineM(113.9 + a, 22.7 + b, 113.9 + c, 22.7 + d)).toBe(turfM(113.9 + a, 22.7 + b, 113.9 + c, 22.7 + d));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('gives 111 195 m for one degree of latitude', () => {
    expect(haversineM(0, 0, 0, 1)).toBeCloseTo(111_195.08, 1);
  });
});

describe('radiusBoxes', () => {
  it('holds every point within the radius, also across the antimeridian', () => {
    fc.assert(
      fc.property(
        lng,
        fc.double({ min: -85, max: 85, noNaN: true }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        (x, y, r, f, theta) => {
          // A point at distance <= r: step along a bearing in small angular units, then re-measure.
          const dLat = (((f * r) / 6_371_008.8) * 180) / Math.PI;
          const px = ((x + (dLat * Math.sin(theta)) / Math.cos((y * Math.PI) / 180) + 540) % 360) - 180;
          const py = y + dLat * Math.cos(theta);
          fc.pre(haversineM(px, py, x, y) <= r);
          const inside = radiusBoxes(x, y, r).some(([a, b, c, d]) => px >= a && px <= c && py >= b && py <= d);
          expect(inside).toBe(true);
        },
      ),
      { seed: 42, numRuns: 3000 },
    );
  });

  it('splits a box that crosses 180 degrees into two', () => {
    expect(radiusBoxes(179.9999, 0, 1000)).toHaveLength(2);
    expect(radiusBoxes(113.9, 22.7, 1000)).toHaveLength(1);
  });
});
