import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../../src/core/coverage/engine';
import { OUTSIDE_AREAS, type AreaSet, type HallSet, type PopulationSet } from '../../../../src/core/types';
import { bruteArea, bruteNearest, LAT0, LNG0, rect } from '../../helpers/coverage-reference';

const STEP = 0.001; // degrees, the population grid
const AREAS: AreaSet = (() => {
  const features = [
    rect('West', [LNG0 - 0.0005, LAT0 - 0.0005, LNG0 + 0.0095, LAT0 + 0.0195]),
    rect('East', [LNG0 + 0.0095, LAT0 - 0.0005, LNG0 + 0.0195, LAT0 + 0.0145], [LNG0 + 0.0125, LAT0 + 0.0035, LNG0 + 0.0165, LAT0 + 0.0075]),
  ];
  return { names: ['West', 'East'], features };
})();

interface Case {
  units: { i: number; j: number; w: number }[];
  halls: { i: number; j: number; s: string[] }[];
  radius: number;
  services: string[];
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  units: fc.uniqueArray(fc.record({ i: fc.integer({ min: 0, max: 22 }), j: fc.integer({ min: 0, max: 22 }), w: fc.integer({ min: 0, max: 9 }) }), {
    selector: (u) => u.i * 100 + u.j,
    minLength: 1,
    maxLength: 250,
    size: 'max',
  }),
  halls: fc.array(fc.record({ i: fc.integer({ min: -3, max: 25 }), j: fc.integer({ min: -3, max: 25 }), s: fc.subarray(['a', 'b']) }), { maxLength: 6 }),
  radius: fc.integer({ min: 0, max: 900 }),
  services: fc.subarray(['a', 'b']),
});

function build(c: Case, gapCellsMax?: number) {
  const halls: HallSet = {
    count: c.halls.length,
    lng: Float64Array.from(c.halls, (h) => LNG0 + h.i * STEP),
    lat: Float64Array.from(c.halls, (h) => LAT0 + h.j * STEP),
    name: c.halls.map((_, k) => `h${k}`),
    services: c.halls.map((h) => h.s),
    properties: c.halls.map(() => ({})),
  };
  const pop: PopulationSet = {
    count: c.units.length,
    lng: Float64Array.from(c.units, (u) => LNG0 + u.i * STEP),
    lat: Float64Array.from(c.units, (u) => LAT0 + u.j * STEP),
    weight: Float64Array.from(c.units, (u) => u.w),
    feature: Int32Array.from(c.units, (_, k) => k),
    total: c.units.reduce((s, u) => s + u.w, 0),
    kind: 'points',
  };
  return { engine: new CoverageEngine(halls, pop, AREAS, { gapCellsMax }), halls, pop };
}

describe('CoverageEngine.gaps', () => {
  it('puts every uncovered person in exactly one zone of the service, inside its outline, in the right area', () => {
    // A cell budget below the unit count makes the engine coarsen its gap grid; the same must hold there.
    const budget = fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined });
    fc.assert(
      fc.property(caseArb, budget, (c, gapCellsMax) => {
        const { engine, halls, pop } = build(c, gapCellsMax);
        const grid = engine.gapGrid();
        expect(new Set(Array.from(grid.i, (i, u) => `${i},${grid.j[u]}`)).size).toBeLessThanOrEqual(gapCellsMax ?? Infinity);
        const gaps = engine.gaps({ radiusM: c.radius, services: c.services });
        const keys = [...[...c.services].sort(), 'all'];
        const hallsOf = (s: string) =>
          [...Array(halls.count).keys()].filter((h) => halls.services[h].includes(s)).map((h) => ({ lng: halls.lng[h], lat: halls.lat[h] }));
        for (const key of keys) {
          const zones = gaps.features.filter((f) => f.properties.service === key);
          const popOf = new Array(zones.length).fill(0);
          const worst = new Array(zones.length).fill(0);
          for (let u = 0; u < pop.count; u++) {
            const x = pop.lng[u],
              y = pop.lat[u];
            const d =
              key === 'all'
                ? c.services.length === 0
                  ? Infinity
                  : Math.max(...c.services.map((s) => bruteNearest(x, y, hallsOf(s))))
                : bruteNearest(x, y, hallsOf(key));
            const a = bruteArea(x, y, AREAS.features);
            const area = a < 0 ? OUTSIDE_AREAS : AREAS.names[a];
            const hits = zones.map((z, k) => (z.properties.area === area && booleanPointInPolygon([x, y], z) ? k : -1)).filter((k) => k >= 0);
            if (d > c.radius && pop.weight[u] > 0) {
              expect(hits).toHaveLength(1);
              popOf[hits[0]] += pop.weight[u];
              worst[hits[0]] = Math.max(worst[hits[0]], d);
            }
          }
          zones.forEach((z, k) => {
            expect(z.properties.population).toBe(popOf[k]);
            expect(z.properties.nearest_hall_m).toBe(worst[k]);
            expect(z.properties.rank).toBe(k + 1);
            expect(z.properties.population).toBeGreaterThan(0);
          });
          for (let k = 1; k < zones.length; k++) expect(zones[k - 1].properties.population).toBeGreaterThanOrEqual(zones[k].properties.population);
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('adds up, per service and area, to the area population minus its covered population', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { engine } = build(c);
        const opts = { radiusM: c.radius, services: c.services };
        const stats = engine.stats(opts);
        const gaps = engine.gaps(opts);
        for (const a of stats.areas) {
          for (const key of [...stats.services, 'all']) {
            const sum = gaps.features
              .filter((f) => f.properties.service === key && f.properties.area === a.name)
              .reduce((s, f) => s + f.properties.population, 0);
            expect(sum).toBe(a.population - a.covered[key]);
          }
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('adds up to within 1e-9 relative for fractional people (polygon population samples)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 50, maxLength: 50 }), fc.integer({ min: 0, max: 900 }), (ws, radius) => {
        const units = ws.map((w, k) => ({ i: k % 10, j: Math.floor(k / 10) * 3, w }));
        const { engine } = build({ units, halls: [{ i: 3, j: 6, s: ['a'] }], radius, services: ['a'] });
        const stats = engine.stats({ radiusM: radius, services: ['a'] });
        const gaps = engine.gaps({ radiusM: radius, services: ['a'] });
        for (const a of stats.areas) {
          const sum = gaps.features
            .filter((f) => f.properties.service === 'a' && f.properties.area === a.name)
            .reduce((s, f) => s + f.properties.population, 0);
          expect(Math.abs(sum - (a.population - a.covered.a))).toBeLessThanOrEqual(1e-9 * a.population);
        }
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('merges diagonal neighbours into one zone but never joins zones across an area boundary', () => {
    // A diagonal line of uncovered units crossing from West (i <= 9) into East.
    const c: Case = { units: Array.from({ length: 14 }, (_, k) => ({ i: 3 + k, j: 1 + k, w: 1 })), halls: [], radius: 500, services: ['a'] };
    const gaps = build(c)
      .engine.gaps({ radiusM: 500, services: ['a'] })
      .features.filter((f) => f.properties.service === 'a');
    expect(gaps.map((f) => [f.properties.area, f.properties.population])).toEqual([
      ['West', 7],
      ['East', 7],
    ]);
  });

  it('outlines exactly the uncovered cells of a dense 100 m-style grid: covered points lie outside every zone', () => {
    const units = [];
    for (let i = 0; i <= 22; i++) for (let j = 0; j <= 22; j++) units.push({ i, j, w: 1 + ((i * j) % 3) });
    const c: Case = {
      units,
      halls: [
        { i: 5, j: 5, s: ['a'] },
        { i: 15, j: 12, s: ['a', 'b'] },
      ],
      radius: 400,
      services: ['a', 'b'],
    };
    const { engine, pop } = build(c);
    const gaps = engine.gaps({ radiusM: 400, services: ['a', 'b'] });
    for (const key of ['a', 'b', 'all']) {
      const cov = engine.covered(key, 400);
      for (let u = 0; u < pop.count; u++) {
        const inside = gaps.features.some((f) => f.properties.service === key && booleanPointInPolygon([pop.lng[u], pop.lat[u]], f));
        expect(inside).toBe(cov[u] === 0);
      }
    }
  });

  it('writes RFC 7946 polygons: counter-clockwise outer rings, clockwise holes, closed rings', () => {
    // Uncovered ring of units around a covered centre makes a zone with a hole.
    const units = [];
    for (let i = 0; i <= 8; i++) for (let j = 0; j <= 8; j++) units.push({ i, j, w: 1 });
    const c: Case = { units, halls: [{ i: 4, j: 4, s: ['a'] }], radius: 250, services: ['a'] };
    const [zone] = build(c).engine.gaps({ radiusM: 250, services: ['a'] }).features;
    expect(zone.geometry.type).toBe('Polygon');
    const rings = zone.geometry.coordinates as number[][][];
    expect(rings).toHaveLength(2);
    const area2 = (r: number[][]) => r.slice(0, -1).reduce((s, p, k) => s + p[0] * r[k + 1][1] - r[k + 1][0] * p[1], 0);
    expect(area2(rings[0])).toBeGreaterThan(0);
    expect(area2(rings[1])).toBeLessThan(0);
    for (const r of rings) expect(r[0]).toEqual(r[r.length - 1]);
    expect(zone.properties.centroid[0]).toBeCloseTo(LNG0 + 4 * STEP, 9);
  });
});
