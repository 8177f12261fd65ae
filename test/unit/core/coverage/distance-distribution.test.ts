// The distance distribution at radius r is the stats' share at r, bit for
// bit, for every service, 'all', area and the total, with whole and
// fractional people alike.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceDistribution } from '../../../../src/core/coverage/distance-distribution';
import { CoverageEngine } from '../../../../src/core/coverage/engine';
import { OUTSIDE_AREAS, type AreaSet } from '../../../../src/core/types';
import { LAT0, LNG0, positionArb, rect } from '../../helpers/coverage-reference';
import { hallSet } from '../../helpers/hall-set';
import { popSet } from '../../helpers/pop-set';

const AREAS: AreaSet = (() => {
  const features = [rect('West', [LNG0, LAT0, LNG0 + 0.015, LAT0 + 0.025]), rect('East', [LNG0 + 0.015, LAT0, LNG0 + 0.03, LAT0 + 0.015])];
  return { names: features.map((f) => f.properties!.name as string), features };
})();

function engineOf(units: { p: [number, number]; w: number }[], halls: { p: [number, number]; s: string[] }[]): CoverageEngine {
  return new CoverageEngine(hallSet(halls), popSet(units), AREAS);
}

const weightArb = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1e-3, noNaN: true }));
const hallArb = fc.record({ p: positionArb(true), s: fc.subarray(['a', 'b', 'c'], { minLength: 1 }) });

describe('distanceDistribution', () => {
  it("equals the stats' share at every radius exactly, per service, all, area and in total", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ p: positionArb(true), w: weightArb }), { minLength: 1, maxLength: 50 }),
        fc.array(hallArb, { maxLength: 4 }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.double({ min: 0, max: 3000, noNaN: true })), { minLength: 1, maxLength: 8 }),
        fc.subarray(['a', 'b', 'c']),
        (units, halls, radii, wanted) => {
          const engine = engineOf(units, halls);
          const services = wanted.filter((s) => engine.services.includes(s));
          const dd = distanceDistribution(engine, { services, radii });
          expect(dd.radii).toEqual([...new Set(radii)].sort((x, y) => x - y));
          dd.radii.forEach((r, j) => {
            const stats = engine.stats({ radiusM: r, services });
            expect(dd.keys).toEqual([...stats.services, 'all']);
            expect(dd.areas.map((a) => a.name)).toEqual(stats.areas.map((a) => a.name));
            for (const k of dd.keys) {
              expect(dd.total[k][j]).toBe(stats.total.share[k]);
              stats.areas.forEach((a, g) => expect(dd.areas[g].share[k][j]).toBe(a.share[k]));
            }
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is a cumulative distribution: non-decreasing in the radius, 1 once every person is reached, 0 for nobody', () => {
    const engine = engineOf(
      [
        { p: [LNG0 + 0.001, LAT0 + 0.001], w: 3 },
        { p: [LNG0 + 0.02, LAT0 + 0.001], w: 1 },
        { p: [LNG0 + 0.05, LAT0 + 0.05], w: 0 },
      ],
      [{ p: [LNG0 + 0.001, LAT0 + 0.001], s: ['a'] }],
    );
    const dd = distanceDistribution(engine, { services: ['a'], radii: [5000, 0, 1000, 1900, 2000] });
    expect(dd.radii).toEqual([0, 1000, 1900, 2000, 5000]); // the East person is 1 948 m from the hall
    expect(dd.total.a).toEqual([0.75, 0.75, 0.75, 1, 1]);
    expect(dd.areas.map((a) => a.name)).toEqual(['West', 'East', OUTSIDE_AREAS]);
    expect(dd.areas[1].share.a).toEqual([0, 0, 0, 1, 1]);
    expect(dd.areas[2].share.all).toEqual([0, 0, 0, 0, 0]);
  });

  it('refuses a radius that is not a finite number of metres >= 0, and the reserved key', () => {
    const engine = engineOf([{ p: [LNG0, LAT0], w: 1 }], []);
    expect(() => distanceDistribution(engine, { services: [], radii: [-1] })).toThrow(RangeError);
    expect(() => distanceDistribution(engine, { services: ['all'], radii: [1] })).toThrow(RangeError);
  });
});
