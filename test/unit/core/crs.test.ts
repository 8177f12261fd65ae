import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromWgs84, toWgs84 } from '../../../src/core/crs.ts';
import { haversineM } from '../../../src/core/haversine.ts';

// Shenzhen's extent, degrees.
const lng = fc.double({ min: 113.75, max: 114.62, noNaN: true });
const lat = fc.double({ min: 22.44, max: 22.87, noNaN: true });

describe('crs', () => {
  for (const crs of ['gcj02', 'bd09'] as const) {
    it(`round-trips WGS84 -> ${crs} -> WGS84 to better than 1 m in Shenzhen`, () => {
      fc.assert(fc.property(lng, lat, (x, y) => {
        const [a, b] = fromWgs84(x, y, crs);
        const [x2, y2] = toWgs84(a, b, crs);
        expect(haversineM(x, y, x2, y2)).toBeLessThan(1);
      }), { seed: 42, numRuns: 500 });
    });

    it(`moves Guangming points by 300-1500 m between WGS84 and ${crs}`, () => {
      const [a, b] = fromWgs84(113.93, 22.75, crs);
      const d = haversineM(113.93, 22.75, a, b);
      expect(d).toBeGreaterThan(300);
      expect(d).toBeLessThan(1500);
    });
  }

  it('leaves WGS84 untouched', () => {
    expect(toWgs84(113.93, 22.75, 'wgs84')).toEqual([113.93, 22.75]);
    expect(fromWgs84(113.93, 22.75, 'wgs84')).toEqual([113.93, 22.75]);
  });
});
