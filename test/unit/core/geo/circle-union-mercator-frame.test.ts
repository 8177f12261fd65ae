import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { destination } from '@turf/destination';
import { EARTH_RADIUS_M } from '../../../../src/core/geo/haversine';
import { mercatorFrame } from '../../../../src/core/geo/circle-union/mercator-frame';

const lngArb = fc.double({ min: 100, max: 125, noNaN: true });
const latArb = fc.double({ min: -60, max: 60, noNaN: true });

describe('mercatorFrame', () => {
  it('lngLat(x(lng), y(lat)) gives back the point to 1e-11°', () => {
    fc.assert(
      fc.property(lngArb, latArb, fc.double({ min: -0.5, max: 0.5, noNaN: true }), fc.double({ min: -0.5, max: 0.5, noNaN: true }), (lng0, lat0, dx, dy) => {
        const f = mercatorFrame(lng0, lat0);
        const [lng, lat] = f.lngLat(f.x(lng0 + dx), f.y(lat0 + dy));
        expect(Math.abs(lng - (lng0 + dx))).toBeLessThan(1e-11);
        expect(Math.abs(lat - (lat0 + dy))).toBeLessThan(1e-11);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('maps a circle of r ground metres to one of r·scale frame metres, within r²·tan|φ|/R + r³/R², at any distance from the origin', () => {
    // The origin is up to 0.5° (55 km) away, to show the bound does not grow with the group's size.
    fc.assert(
      fc.property(
        lngArb,
        latArb,
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        fc.double({ min: 10, max: 50_000, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        (lng, lat, oLng, oLat, r, bearing) => {
          const f = mercatorFrame(lng + oLng, lat + oLat);
          const [pl, pt] = destination([lng, lat], r, bearing, { units: 'meters' }).geometry.coordinates;
          const dx = f.x(pl) - f.x(lng),
            dy = f.y(pt) - f.y(lat);
          const groundM = Math.hypot(dx, dy) / f.scale(lat);
          const tanPhi = Math.abs(Math.tan((lat * Math.PI) / 180));
          const bound = (r * r * tanPhi) / EARTH_RADIUS_M + (r * r * r) / EARTH_RADIUS_M ** 2 + 1e-8; // + rounding of the coordinates (~1e-9 m)
          expect(Math.abs(groundM - r)).toBeLessThanOrEqual(bound);
          // Conformal: the frame angle is the bearing (90° − angle), to r·tan|φ|/R + r²/R² radians.
          const angle = Math.atan2(dy, dx);
          const b = (bearing * Math.PI) / 180;
          const diff = Math.abs(Math.atan2(Math.sin(Math.PI / 2 - b - angle), Math.cos(Math.PI / 2 - b - angle)));
          expect(diff).toBeLessThanOrEqual((r * tanPhi) / EARTH_RADIUS_M + (r / EARTH_RADIUS_M) ** 2 + 1e-8 / r);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it('scale(lat) is sec φ', () => {
    const f = mercatorFrame(113.9, 22.77);
    expect(f.scale(0)).toBe(1);
    expect(f.scale(60)).toBeCloseTo(2, 12);
  });
});
