// unitsWithin against a brute-force turf scan: every unit within the radius,
// each once, also across the antimeridian and near a pole.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unitCells } from '../../../../src/core/geo/nearest-hall';
import { unitCosines, UnitList, unitsWithin } from '../../../../src/core/geo/units-within';
import { nextDown, turfM } from '../../helpers/coverage-reference';

function check(units: [number, number][], at: [number, number], r: number, halls: number): void {
  const lng = Float64Array.from(units, (u) => u[0]);
  const lat = Float64Array.from(units, (u) => u[1]);
  const out = new UnitList();
  const n = unitsWithin(unitCells(lng, lat, halls), lng, lat, unitCosines(lat), at[0], at[1], r, out);
  const got = Array.from(out.ids.subarray(0, n)).sort((a, b) => a - b);
  const want = units.flatMap((u, i) => (turfM(u[0], u[1], at[0], at[1]) <= r ? [i] : []));
  expect(got).toEqual(want);
}

const near = (x0: number, y0: number, span: number) =>
  fc.tuple(fc.double({ min: x0 - span, max: x0 + span, noNaN: true }), fc.double({ min: y0 - span, max: y0 + span, noNaN: true }));
const wrap = ([x, y]: [number, number]): [number, number] => [x > 180 ? x - 360 : x < -180 ? x + 360 : x, Math.max(-90, Math.min(90, y))];

describe('unitsWithin', () => {
  it('lists exactly the units within the radius (inclusive), near Guangming', () => {
    fc.assert(
      fc.property(
        fc.array(near(113.93, 22.75, 0.05), { minLength: 1, maxLength: 300 }),
        near(113.93, 22.75, 0.06),
        fc.double({ min: 0, max: 8000, noNaN: true }),
        fc.integer({ min: 1, max: 500 }),
        (units, at, r, halls) => check(units, at, r, halls),
      ),
      { seed: 1, numRuns: 200 },
    );
  });

  it('counts a unit exactly at the radius, and not at one rounding step less', () => {
    fc.assert(
      fc.property(fc.array(near(113.93, 22.75, 0.02), { minLength: 1, maxLength: 100 }), near(113.93, 22.75, 0.02), fc.nat(), (units, at, k) => {
        const u = units[k % units.length];
        const r = turfM(u[0], u[1], at[0], at[1]);
        check(units, at, r, 10);
        if (r > 0) check(units, at, nextDown(r), 10);
      }),
      { seed: 2, numRuns: 200 },
    );
  });

  it('finds units across the antimeridian and near the poles, each once', () => {
    fc.assert(
      fc.property(
        fc.array(near(180, 0, 0.05).map(wrap), { minLength: 1, maxLength: 100 }),
        near(180, 0, 0.05).map(wrap),
        fc.double({ min: 0, max: 9000, noNaN: true }),
        (units, at, r) => check(units, at, r, 5),
      ),
      { seed: 3, numRuns: 150 },
    );
    fc.assert(
      fc.property(
        fc.array(near(10, 89.97, 0.05).map(wrap), { minLength: 1, maxLength: 100 }),
        near(10, 89.97, 0.05).map(wrap),
        fc.double({ min: 0, max: 9000, noNaN: true }),
        (units, at, r) => check(units, at, r, 5),
      ),
      { seed: 4, numRuns: 150 },
    );
  });
});
