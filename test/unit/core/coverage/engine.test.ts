import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../../src/core/coverage/engine';
import { OUTSIDE_AREAS, type AreaSet, type PopulationSet } from '../../../../src/core/types';
import { bruteArea, LAT0, LNG0, nextDown, nextUp, positionArb, rect, turfM } from '../../helpers/coverage-reference';
import { hallSet } from '../../helpers/hall-set';
import { popSet } from '../../helpers/pop-set';

const SERVICES = ['a', 'b', 'c'];

// Three areas on the coarse grid: West and East share the edge lng0+0.015
// (points on it go to West, first in file order); North has a hole.
const AREAS: AreaSet = (() => {
  const features = [
    rect('West', [LNG0, LAT0, LNG0 + 0.015, LAT0 + 0.015]),
    rect('East', [LNG0 + 0.015, LAT0, LNG0 + 0.03, LAT0 + 0.015]),
    rect('North', [LNG0, LAT0 + 0.02, LNG0 + 0.03, LAT0 + 0.03], [LNG0 + 0.01, LAT0 + 0.022, LNG0 + 0.02, LAT0 + 0.028]),
  ];
  return { names: features.map((f) => f.properties!.name as string), features };
})();

/** Brute-force stats: turf.distance for every pair, turf point-in-polygon for every area. */
function reference(halls: { p: [number, number]; s: string[] }[], units: { p: [number, number]; w: number }[], radius: number, services: string[]) {
  const groups = AREAS.names.length + 1;
  const pop = new Array(groups).fill(0);
  const cov: Record<string, number[]> = Object.fromEntries([...services, 'all'].map((s) => [s, new Array(groups).fill(0)]));
  for (const u of units) {
    const a = bruteArea(u.p[0], u.p[1], AREAS.features);
    const g = a < 0 ? groups - 1 : a;
    pop[g] += u.w;
    const by = services.map((s) => halls.some((h) => h.s.includes(s) && turfM(u.p[0], u.p[1], h.p[0], h.p[1]) <= radius));
    services.forEach((s, k) => {
      if (by[k]) cov[s][g] += u.w;
    });
    if (services.length > 0 && by.every(Boolean)) cov.all[g] += u.w;
  }
  return { pop, cov };
}

const hallArb = (coarse: boolean) => fc.record({ p: positionArb(coarse), s: fc.subarray(SERVICES) });
const unitArb = (coarse: boolean) => fc.record({ p: positionArb(coarse), w: fc.integer({ min: 0, max: 9 }) });

function checkAgainstReference(halls: { p: [number, number]; s: string[] }[], units: { p: [number, number]; w: number }[], radius: number, services: string[]) {
  const engine = new CoverageEngine(hallSet(halls), popSet(units), AREAS);
  const stats = engine.stats({ radiusM: radius, services });
  const ref = reference(halls, units, radius, [...services].sort());
  const outside = units.some((u) => bruteArea(u.p[0], u.p[1], AREAS.features) < 0);
  expect(stats.areas.map((a) => a.name)).toEqual([...AREAS.names, ...(outside ? [OUTSIDE_AREAS] : [])]);
  stats.areas.forEach((a, g) => {
    expect(a.population).toBe(ref.pop[g]);
    for (const s of [...services, 'all']) expect(a.covered[s]).toBe(ref.cov[s][g]);
  });
  expect(stats.total.population).toBe(ref.pop.reduce((x, y) => x + y, 0));
  for (const s of [...services, 'all']) expect(stats.total.covered[s]).toBe(ref.cov[s].reduce((x, y) => x + y, 0));
}

describe('CoverageEngine.stats', () => {
  it('matches a brute-force turf reference on random halls, points and radii', () => {
    fc.assert(
      fc.property(
        fc.boolean().chain((coarse) =>
          fc.record({
            halls: fc.array(hallArb(coarse), { maxLength: 25, size: 'max' }),
            units: fc.array(unitArb(coarse), { maxLength: 120, size: 'max' }),
            radius: fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.double({ min: 0, max: 2000, noNaN: true })),
            services: fc.subarray(SERVICES),
          }),
        ),
        ({ halls, units, radius, services }) => checkAgainstReference(halls, units, radius, services),
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('counts points exactly on the circle edge and not one rounding step beyond, as turf does', () => {
    fc.assert(
      fc.property(
        fc.boolean().chain((coarse) =>
          fc.record({
            halls: fc.array(hallArb(coarse), { minLength: 1, maxLength: 15, size: 'max' }),
            units: fc.array(unitArb(coarse), { minLength: 1, maxLength: 60, size: 'max' }),
            pick: fc.nat(),
            step: fc.constantFrom(-1, 0, 1),
          }),
        ),
        ({ halls, units, pick, step }) => {
          // The radius is the exact turf distance of one unit-hall pair, or the
          // next double above or below it, so that unit sits on or at the edge.
          const u = units[pick % units.length];
          const h = halls[Math.floor(pick / units.length) % halls.length];
          const d = turfM(u.p[0], u.p[1], h.p[0], h.p[1]);
          const radius = step === 0 || d === 0 ? d : step > 0 ? nextUp(d) : nextDown(d);
          checkAgainstReference(halls, units, radius, SERVICES);
        },
      ),
      { seed: 42, numRuns: 400 },
    );
  });

  it('counts a point 499.9 m from a hall at radius 500, and not one 500.1 m away', () => {
    // 1 degree of latitude = 111 195.08 m, so 0.0044957 deg ~ 499.9 m.
    const halls = [{ p: [LNG0 + 0.005, LAT0 + 0.005] as [number, number], s: ['a'] }];
    const near = LAT0 + 0.005 + 499.9 / 111_195.08;
    const far = LAT0 + 0.005 + 500.1 / 111_195.08;
    const engine = new CoverageEngine(
      hallSet(halls),
      popSet([
        { p: [LNG0 + 0.005, near], w: 10 },
        { p: [LNG0 + 0.005, far], w: 1 },
      ]),
      AREAS,
    );
    const s = engine.stats({ radiusM: 500, services: ['a'] });
    expect(s.total.covered.a).toBe(10);
    expect(s.total.covered.all).toBe(10);
  });

  it('gives a point on the shared West/East edge to West, the first area in file order', () => {
    const engine = new CoverageEngine(hallSet([]), popSet([{ p: [LNG0 + 0.015, LAT0 + 0.005], w: 7 }]), AREAS);
    const s = engine.stats({ radiusM: 500, services: [] });
    expect(s.areas.map((a) => a.population)).toEqual([7, 0, 0]);
  });

  it('puts a point in the hole of North into the outside bucket, listed last', () => {
    const engine = new CoverageEngine(hallSet([]), popSet([{ p: [LNG0 + 0.015, LAT0 + 0.025], w: 3 }]), AREAS);
    const s = engine.stats({ radiusM: 500, services: [] });
    expect(s.areas.map((a) => [a.name, a.population])).toEqual([
      ['West', 0],
      ['East', 0],
      ['North', 0],
      [OUTSIDE_AREAS, 3],
    ]);
    expect(s.total.population).toBe(3);
  });

  it('lets a hall outside every area cover people inside one, and counts it under outside', () => {
    const engine = new CoverageEngine(hallSet([{ p: [LNG0 - 0.001, LAT0 + 0.005], s: ['a'] }]), popSet([{ p: [LNG0 + 0.001, LAT0 + 0.005], w: 5 }]), AREAS);
    const s = engine.stats({ radiusM: 500, services: ['a'] });
    expect(s.areas[0].covered.a).toBe(5);
    expect(s.areas[0].halls.total).toBe(0);
    expect(s.total.halls).toEqual({ total: 1, byService: { a: 1 } });
  });

  it('keeps a hall with no services: counted as a hall, covering nobody', () => {
    const engine = new CoverageEngine(
      hallSet([
        { p: [LNG0 + 0.001, LAT0 + 0.001], s: [] },
        { p: [LNG0 + 0.02, LAT0 + 0.001], s: ['b'] },
      ]),
      popSet([{ p: [LNG0 + 0.001, LAT0 + 0.001], w: 4 }]),
      AREAS,
    );
    expect(engine.services).toEqual(['b']);
    const s = engine.stats({ radiusM: 500, services: ['b'] });
    expect(s.areas[0].halls.total).toBe(1);
    expect(s.total.covered).toEqual({ b: 0, all: 0 });
  });

  it('reports covered share and population-weighted nearest-hall distances', () => {
    const halls = [{ p: [LNG0 + 0.005, LAT0 + 0.005] as [number, number], s: ['a'] }];
    const units = [
      { p: [LNG0 + 0.005, LAT0 + 0.005] as [number, number], w: 1 },
      { p: [LNG0 + 0.005, LAT0 + 0.01] as [number, number], w: 3 },
    ];
    const s = new CoverageEngine(hallSet(halls), popSet(units), AREAS).stats({ radiusM: 500, services: ['a'] });
    const far = turfM(LNG0 + 0.005, LAT0 + 0.01, LNG0 + 0.005, LAT0 + 0.005);
    expect(s.areas[0].share.a).toBe(0.25);
    expect(s.areas[0].nearestHallM.a).toEqual({ p50: far, p90: far, max: far });
    expect(s.areas[1].nearestHallM.a).toEqual({ p50: 0, p90: 0, max: 0 });
  });

  it('reports "all" as nobody and nearest Infinity when a requested service has no hall', () => {
    const s = new CoverageEngine(hallSet([{ p: [LNG0, LAT0], s: ['a'] }]), popSet([{ p: [LNG0, LAT0], w: 2 }]), AREAS).stats({
      radiusM: 500,
      services: ['a', 'zz'],
    });
    expect(s.total.covered).toEqual({ a: 2, zz: 0, all: 0 });
    expect(s.total.nearestHallM.zz.max).toBe(Infinity);
  });

  it('rejects a negative or non-finite radius and a request for "all"', () => {
    const e = new CoverageEngine(hallSet([]), popSet([]), AREAS);
    expect(() => e.stats({ radiusM: -1, services: [] })).toThrow(RangeError);
    expect(() => e.stats({ radiusM: NaN, services: [] })).toThrow(RangeError);
    expect(() => e.stats({ radiusM: 500, services: ['all'] })).toThrow(RangeError);
  });
});

describe('CoverageEngine.covered', () => {
  it('marks exactly the units whose nearest hall of the service is within the radius', () => {
    fc.assert(
      fc.property(
        fc.array(hallArb(true), { maxLength: 10 }),
        fc.array(unitArb(true), { maxLength: 50 }),
        fc.integer({ min: 0, max: 1500 }),
        (halls, units, r) => {
          const e = new CoverageEngine(hallSet(halls), popSet(units), AREAS);
          const cov = e.covered('a', r);
          const all = e.covered('all', r);
          units.forEach((u, i) => {
            const by = e.services.map((s) => halls.some((h) => h.s.includes(s) && turfM(u.p[0], u.p[1], h.p[0], h.p[1]) <= r));
            expect(cov[i]).toBe(halls.some((h) => h.s.includes('a') && turfM(u.p[0], u.p[1], h.p[0], h.p[1]) <= r) ? 1 : 0);
            expect(all[i]).toBe(e.services.length > 0 && by.every(Boolean) ? 1 : 0);
          });
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });

  it('counts extra (what-if) halls of the service as built, exactly as a brute-force scan of loaded and extra halls', () => {
    fc.assert(
      fc.property(
        fc.array(hallArb(true), { maxLength: 8 }),
        fc.array(hallArb(true), { maxLength: 4 }),
        fc.array(unitArb(true), { maxLength: 50 }),
        fc.integer({ min: 0, max: 1500 }),
        (halls, extra, units, r) => {
          const e = new CoverageEngine(hallSet(halls), popSet(units), AREAS);
          const proposed = extra.map((h) => ({ lng: h.p[0], lat: h.p[1], services: h.s }));
          const cov = e.covered('a', r, proposed);
          const all = e.covered('all', r, proposed);
          units.forEach((u, i) => {
            const near = (hs: typeof halls, s: string) => hs.some((h) => h.s.includes(s) && turfM(u.p[0], u.p[1], h.p[0], h.p[1]) <= r);
            expect(cov[i]).toBe(near(halls, 'a') || near(extra, 'a') ? 1 : 0);
            expect(all[i]).toBe(e.services.length > 0 && e.services.every((s) => near(halls, s) || near(extra, s)) ? 1 : 0);
          });
        },
      ),
      { seed: 43, numRuns: 100 },
    );
  });
});

describe('CoverageEngine.stats with service names that are Object.prototype members', () => {
  it('counts "__proto__" and "constructor" like any other service', () => {
    const halls = hallSet([{ p: [113.93, 22.75], s: ['__proto__', 'constructor'] }]);
    const population: PopulationSet = {
      count: 1,
      lng: Float64Array.of(113.93),
      lat: Float64Array.of(22.7501),
      weight: Float64Array.of(7),
      feature: Int32Array.of(0),
      total: 7,
      kind: 'points',
    };
    const areas: AreaSet = { names: [], features: [] };
    const stats = JSON.parse(
      JSON.stringify(new CoverageEngine(halls, population, areas).stats({ radiusM: 500, services: ['__proto__', 'constructor', 'petition'] })),
    );
    // Compared as entries: in an object literal `__proto__:` would set the prototype, not a key.
    expect(Object.entries(stats.total.covered)).toEqual([
      ['__proto__', 7],
      ['constructor', 7],
      ['petition', 0],
      ['all', 0],
    ]);
    expect(Object.entries(stats.total.halls.byService)).toEqual([
      ['__proto__', 1],
      ['constructor', 1],
      ['petition', 0],
    ]);
  });
});

describe('CoverageEngine.gaps with extra halls', () => {
  it('equals the gaps of an engine built on the loaded and the extra halls together', () => {
    fc.assert(
      fc.property(
        fc.boolean().chain((coarse) =>
          fc.record({
            halls: fc.array(hallArb(coarse), { maxLength: 15, size: 'max' }),
            extra: fc.array(hallArb(coarse), { maxLength: 6, size: 'max' }),
            units: fc.array(unitArb(coarse), { maxLength: 120, size: 'max' }),
            radius: fc.integer({ min: 0, max: 2000 }),
            services: fc.subarray(SERVICES),
          }),
        ),
        ({ halls, extra, units, radius, services }) => {
          const opts = { radiusM: radius, services };
          const withExtra = new CoverageEngine(hallSet(halls), popSet(units), AREAS).gaps(
            opts,
            extra.map((h) => ({ lng: h.p[0], lat: h.p[1], services: h.s })),
          );
          const fresh = new CoverageEngine(hallSet([...halls, ...extra]), popSet(units), AREAS).gaps(opts);
          expect(withExtra).toEqual(fresh);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('leaves the gaps without extra halls as they were, however often asked with some', () => {
    const halls = [{ p: [LNG0 + 0.005, LAT0 + 0.005] as [number, number], s: ['a'] }];
    const units = Array.from({ length: 30 }, (_, i) => ({ p: [LNG0 + 0.001 * i, LAT0 + 0.0007 * i] as [number, number], w: 1 + (i % 3) }));
    const engine = new CoverageEngine(hallSet(halls), popSet(units), AREAS);
    const opts = { radiusM: 400, services: ['a'] };
    const before = engine.gaps(opts);
    const planned = engine.gaps(opts, [{ lng: LNG0 + 0.02, lat: LAT0 + 0.012, services: ['a'] }]);
    expect(planned).not.toEqual(before);
    expect(engine.gaps(opts)).toEqual(before);
  });
});

describe('CoverageEngine views for area levels and groups (issue 16)', () => {
  const OTHER: AreaSet = (() => {
    const features = [rect('Middle', [LNG0 + 0.01, LAT0, LNG0 + 0.02, LAT0 + 0.03]), rect('South', [LNG0, LAT0, LNG0 + 0.03, LAT0 + 0.005])];
    return { names: features.map((f) => f.properties!.name as string), features };
  })();

  it('forAreas gives the stats of an engine built with those areas; forWeight with the same weight gives the same stats', () => {
    fc.assert(
      fc.property(
        fc.array(hallArb(true), { maxLength: 10 }),
        fc.array(unitArb(true), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 2000 }),
        (halls, units, radiusM) => {
          const engine = new CoverageEngine(hallSet(halls), popSet(units), AREAS);
          const opts = { radiusM, services: engine.services };
          engine.stats(opts); // fills the shared nearest-hall cache first
          const fresh = new CoverageEngine(hallSet(halls), popSet(units), OTHER);
          expect(engine.forAreas(OTHER).stats(opts)).toEqual(fresh.stats(opts));
          expect(engine.forWeight(Float64Array.from(units, (u) => u.w)).stats(opts)).toEqual(engine.stats(opts));
        },
      ),
      { seed: 16, numRuns: 80 },
    );
  });

  it('forAreas keeps one view per area set, so asking again at another radius assigns no units anew', () => {
    const engine = new CoverageEngine(hallSet([]), popSet([{ p: [LNG0, LAT0], w: 1 }]), AREAS);
    const view = engine.forAreas(OTHER);
    expect(engine.forAreas(OTHER)).toBe(view);
    expect(engine.forAreas({ ...OTHER })).not.toBe(view);
  });

  it('forWeight refuses a weight of another length', () => {
    const engine = new CoverageEngine(hallSet([]), popSet([{ p: [LNG0, LAT0], w: 1 }]), AREAS);
    expect(() => engine.forWeight(new Float64Array(2))).toThrow(RangeError);
  });
});
