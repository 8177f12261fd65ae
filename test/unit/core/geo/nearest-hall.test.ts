import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestHallDistances } from '../../../../src/core/geo/nearest-hall';
import { bruteNearest, positionArb, turfM } from '../../helpers/coverage-reference';

const f64 = (xs: number[]) => Float64Array.from(xs);

describe('nearestHallDistances', () => {
  it('equals the brute-force minimum of turf.distance over all halls', () => {
    fc.assert(
      fc.property(
        fc
          .boolean()
          .chain((coarse) =>
            fc.tuple(
              fc.array(positionArb(coarse), { minLength: 1, maxLength: 200, size: 'max' }),
              fc.array(positionArb(coarse), { minLength: 1, maxLength: 40, size: 'max' }),
            ),
          ),
        ([units, halls]) => {
          const got = nearestHallDistances(f64(units.map((u) => u[0])), f64(units.map((u) => u[1])), f64(halls.map((h) => h[0])), f64(halls.map((h) => h[1])));
          const hs = halls.map(([lng, lat]) => ({ lng, lat }));
          units.forEach(([x, y], i) => expect(got[i]).toBe(bruteNearest(x, y, hs)));
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('names the nearest hall, the first in the list of equally near ones (issue 15), with the distance unchanged', () => {
    // Dyadic grid: differences are exact, so halls placed symmetrically about a unit tie exactly.
    const grid = fc
      .tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }))
      .map(([i, j]) => [113.9375 + i * 2 ** -10, 22.75 + j * 2 ** -10] as [number, number]);
    fc.assert(
      fc.property(fc.array(grid, { minLength: 1, maxLength: 100 }), fc.array(grid, { maxLength: 30 }), (units, halls) => {
        const which = new Int32Array(units.length);
        const got = nearestHallDistances(
          f64(units.map((u) => u[0])),
          f64(units.map((u) => u[1])),
          f64(halls.map((h) => h[0])),
          f64(halls.map((h) => h[1])),
          undefined,
          undefined,
          which,
        );
        units.forEach(([x, y], i) => {
          const d = halls.map(([hx, hy]) => turfM(x, y, hx, hy));
          expect(got[i]).toBe(halls.length === 0 ? Infinity : Math.min(...d));
          expect(which[i]).toBe(halls.length === 0 ? -1 : d.indexOf(Math.min(...d)));
        });
      }),
      { seed: 15, numRuns: 300 },
    );
  });

  it('finds far halls when units and halls are kilometres apart or spread over a wide region', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 100, max: 130, noNaN: true }), fc.double({ min: 0, max: 45, noNaN: true })), { minLength: 1, maxLength: 100 }),
        fc.array(fc.tuple(fc.double({ min: 100, max: 130, noNaN: true }), fc.double({ min: 0, max: 45, noNaN: true })), { minLength: 1, maxLength: 10 }),
        (units, halls) => {
          const got = nearestHallDistances(f64(units.map((u) => u[0])), f64(units.map((u) => u[1])), f64(halls.map((h) => h[0])), f64(halls.map((h) => h[1])));
          const hs = halls.map(([lng, lat]) => ({ lng, lat }));
          units.forEach(([x, y], i) => expect(got[i]).toBe(bruteNearest(x, y, hs)));
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('returns Infinity for every unit when there are no halls', () => {
    expect([...nearestHallDistances(f64([113.9, 114]), f64([22.7, 22.8]), f64([]), f64([]))]).toEqual([Infinity, Infinity]);
  });
});
