import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineM } from '../../../../src/core/geo/haversine';
import { offsetMetres } from '../../../../src/core/crs/offset-metres';

const lng = fc.double({ min: -179, max: 179, noNaN: true });
const lat = fc.double({ min: -85, max: 85, noNaN: true });
const step = fc.double({ min: 0.5, max: 1000, noNaN: true }); // metres

describe('offsetMetres', () => {
  it('moves a point north or south by exactly that many haversine metres, longitude unchanged', () => {
    fc.assert(
      fc.property(lng, lat, step, fc.boolean(), (x, y, m, south) => {
        const [x2, y2] = offsetMetres(x, y, south ? -m : m, 0);
        expect(x2 === x).toBe(true); // -0 and 0 alike
        expect(Math.sign(y2 - y)).toBe(south ? -1 : 1);
        expect(Math.abs(haversineM(x, y, x2, y2) - m)).toBeLessThan(1e-6);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('moves a point east or west by that many haversine metres (within 1 mm), latitude unchanged', () => {
    // Along the parallel, not the great circle: the chord is shorter by ~d³·tan²(lat)/(24 R²), 0.14 mm for 1 km at 85°.
    fc.assert(
      fc.property(lng, lat, step, fc.boolean(), (x, y, m, west) => {
        const [x2, y2] = offsetMetres(x, y, 0, west ? -m : m);
        expect(y2 === y).toBe(true);
        expect(Math.sign(x2 - x)).toBe(west ? -1 : 1);
        expect(Math.abs(haversineM(x, y, x2, y2) - m)).toBeLessThan(1e-3);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('moves a point 50 m east in Shenzhen by 50 haversine metres within a micrometre', () => {
    fc.assert(
      fc.property(fc.double({ min: 113.7, max: 114.6, noNaN: true }), fc.double({ min: 22.4, max: 22.9, noNaN: true }), (x, y) => {
        const [x2, y2] = offsetMetres(x, y, 0, 50);
        expect(Math.abs(haversineM(x, y, x2, y2) - 50)).toBeLessThan(1e-6);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('puts a 50 m step in Guangming at about 0.00045° of latitude and 0.00049° of longitude', () => {
    const [, yN] = offsetMetres(113.93, 22.77, 50, 0);
    const [xE] = offsetMetres(113.93, 22.77, 0, 50);
    expect(yN - 22.77).toBeCloseTo(50 / 111_195.08, 9);
    expect(xE - 113.93).toBeCloseTo(50 / (111_195.08 * Math.cos((22.77 * Math.PI) / 180)), 9);
  });

  it('comes back to the start after a step and the opposite step (within 1e-12°)', () => {
    fc.assert(
      fc.property(lng, lat, step, step, (x, y, n, e) => {
        const [a, b] = offsetMetres(x, y, 0, e);
        const [c, d] = offsetMetres(a, b, 0, -e);
        const [p, q] = offsetMetres(c, d, n, 0);
        const [r, s] = offsetMetres(p, q, -n, 0);
        expect(Math.abs(r - x)).toBeLessThan(1e-12);
        expect(Math.abs(s - y)).toBeLessThan(1e-12);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
