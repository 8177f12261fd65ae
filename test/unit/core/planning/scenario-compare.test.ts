import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Feature, Polygon } from 'geojson';
import { CoverageEngine } from '../../../../src/core/coverage/engine';
import { compareScenarios, compareStats, differenceZones, hallsWith, ScenarioEngines } from '../../../../src/core/planning/scenario-compare';
import type { AreaSet, HallSet, Stats } from '../../../../src/core/types';
import { hallSet } from '../../helpers/hall-set';
import { popSet } from '../../helpers/pop-set';

const LNG0 = 113.9;
const LAT0 = 22.7;
const SERVICES = ['legal-aid', 'petition'];

const rect = (name: string, [w, s, e, n]: number[]): Feature<Polygon> => ({
  type: 'Feature',
  properties: { name },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  },
});
// Two areas; people north of them fall outside every area.
const AREAS: AreaSet = {
  names: ['West', 'East'],
  features: [rect('West', [LNG0, LAT0, LNG0 + 0.01, LAT0 + 0.01]), rect('East', [LNG0 + 0.01, LAT0, LNG0 + 0.02, LAT0 + 0.01])],
};

const position = fc
  .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 14 }))
  .map(([i, j]) => [LNG0 + i * 0.001, LAT0 + j * 0.001] as [number, number]);
const services = fc.subarray(SERVICES);
const unitArb = fc.record({ p: position, w: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.double({ min: 0, max: 50, noNaN: true })) });
const hallArb = fc.record({ p: position, s: services });
const proposedArb = fc.array(fc.record({ p: position, s: services, capacity: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }) }), {
  maxLength: 4,
});
const withCapacity = (h: HallSet, caps: number[]): HallSet => ({ ...h, capacity: Float64Array.from(caps) });

type Proposed = { p: [number, number]; s: string[]; capacity?: number };
const asScenario = (hs: Proposed[]) =>
  hs.map((h) => ({ lng: h.p[0], lat: h.p[1], services: h.s, ...(h.capacity !== undefined ? { capacity: h.capacity } : {}) }));

/** A fresh engine built from scratch on the loaded plus the proposed halls, as a run of the CLI on both files would be. */
function freshStats(loaded: HallSet, proposed: Proposed[], people: ReturnType<typeof popSet>, radiusM: number, svc: string[]): Stats {
  const extra = hallSet(proposed);
  const halls: HallSet = {
    ...hallSet([]),
    count: loaded.count + extra.count,
    lng: Float64Array.from([...loaded.lng, ...extra.lng]),
    lat: Float64Array.from([...loaded.lat, ...extra.lat]),
    name: [...loaded.name, ...extra.name],
    services: [...loaded.services, ...extra.services],
    properties: [...loaded.properties, ...extra.properties],
  };
  if (loaded.capacity) halls.capacity = Float64Array.from([...loaded.capacity, ...proposed.map((h) => h.capacity ?? Infinity)]);
  const e = new CoverageEngine(halls, people, AREAS);
  return loaded.capacity ? e.capacityStats({ radiusM, services: svc }) : e.stats({ radiusM, services: svc });
}

describe('scenario-compare', () => {
  it('every B − A (covered, share, served, over capacity; each area and the total) is exactly the difference of two fresh engine runs (property)', () => {
    fc.assert(
      fc.property(
        fc.array(hallArb, { maxLength: 5 }),
        fc.array(unitArb, { minLength: 1, maxLength: 40 }),
        proposedArb,
        proposedArb,
        fc.integer({ min: 50, max: 900 }),
        fc.subarray(SERVICES, { minLength: 1 }),
        fc.option(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 5, maxLength: 5 }), { nil: undefined }),
        (loadedHalls, units, a, b, radiusM, svc, caps) => {
          const loaded = caps ? withCapacity(hallSet(loadedHalls), caps.slice(0, loadedHalls.length)) : hallSet(loadedHalls);
          const people = popSet(units);
          const engine = new CoverageEngine(loaded, people, AREAS);
          const c = compareScenarios(engine, { radiusM, services: svc }, asScenario(a), asScenario(b));
          const sa = freshStats(loaded, a, people, radiusM, svc);
          const sb = freshStats(loaded, b, people, radiusM, svc);
          expect(c.capacity).toBe(caps !== undefined);
          const blocks = [...sa.areas.map((x, i) => [x, sb.areas[i], c.areas[i]] as const), [sa.total, sb.total, c.total] as const];
          for (const [x, y, row] of blocks) {
            expect(row.population).toBe(x.population);
            for (const k of c.keys) {
              expect(row.a[k].covered).toBe(x.covered[k]);
              expect(row.b[k].covered).toBe(y.covered[k]);
              expect(row.diff[k].covered).toBe(y.covered[k] - x.covered[k]);
              expect(row.diff[k].share).toBe(y.share[k] - x.share[k]);
              if (caps && k !== 'all') {
                expect(row.diff[k].served).toBe(y.served![k] - x.served![k]);
                expect(row.diff[k].over_capacity).toBe(y.over_capacity![k] - x.over_capacity![k]);
              } else {
                expect(row.diff[k].served).toBeUndefined();
              }
            }
          }
        },
      ),
      { seed: 18, numRuns: 150 },
    );
  });

  it('the difference zones hold, per area and key, the people B gains minus those it loses: B − A covered', () => {
    fc.assert(
      fc.property(
        fc.array(hallArb, { maxLength: 4 }),
        fc.array(unitArb, { minLength: 1, maxLength: 40 }),
        proposedArb,
        proposedArb,
        fc.integer({ min: 50, max: 700 }),
        (loadedHalls, units, a, b, radiusM) => {
          const engine = new CoverageEngine(hallSet(loadedHalls), popSet(units), AREAS);
          const opts = { radiusM, services: SERVICES };
          const c = compareScenarios(engine, opts, asScenario(a), asScenario(b));
          const zones = differenceZones(engine, opts, asScenario(a), asScenario(b));
          for (const row of c.areas) {
            for (const k of c.keys) {
              const net = zones
                .filter((z) => z.properties.area === row.name && z.properties.service === k)
                .reduce((s, z) => s + (z.properties.side === 'gained' ? 1 : -1) * z.properties.population, 0);
              expect(net).toBeCloseTo(row.diff[k].covered, 6);
            }
          }
        },
      ),
      { seed: 7, numRuns: 100 },
    );
  });

  it('the same scenario twice differs by exactly zero, with no zones', () => {
    const engine = new CoverageEngine(
      hallSet([{ p: [LNG0 + 0.005, LAT0 + 0.005], s: ['petition'] }]),
      popSet([
        { p: [LNG0 + 0.006, LAT0 + 0.005], w: 10 },
        { p: [LNG0 + 0.015, LAT0 + 0.005], w: 7 },
      ]),
      AREAS,
    );
    const a = [{ lng: LNG0 + 0.015, lat: LAT0 + 0.005, services: ['petition'] }];
    const c = compareScenarios(engine, { radiusM: 300, services: ['petition'] }, a, a);
    expect(c.total.diff.petition).toEqual({ covered: 0, share: 0 });
    expect(c.total.b.petition.covered).toBe(17);
    expect(differenceZones(engine, { radiusM: 300, services: ['petition'] }, a, a)).toEqual([]);
    const gained = differenceZones(engine, { radiusM: 300, services: ['petition'] }, [], a);
    expect(gained.map((z) => z.properties)).toEqual([
      { service: 'petition', area: 'East', population: 7, side: 'gained' },
      { service: 'all', area: 'East', population: 7, side: 'gained' },
    ]);
  });

  it('appends proposed halls after the loaded ones, an unusable capacity counting as unlimited', () => {
    const loaded = withCapacity(hallSet([{ p: [LNG0, LAT0], s: ['petition'] }]), [100]);
    const h = hallsWith(loaded, [
      { lng: 1, lat: 2, services: ['petition', 'petition'], name: 'P', capacity: 50 },
      { lng: 3, lat: 4, services: [], capacity: 'lots' },
    ]);
    expect([...h.lng]).toEqual([LNG0, 1, 3]);
    expect(h.services).toEqual([['petition'], ['petition'], []]);
    expect([...h.capacity!]).toEqual([100, 50, Infinity]);
    expect(h.name).toEqual(['hall 0', 'P', '']);
  });

  it('refuses to compare stats of different radii', () => {
    const e = new CoverageEngine(hallSet([]), popSet([{ p: [LNG0, LAT0], w: 1 }]), AREAS);
    expect(() => compareStats(e.stats({ radiusM: 300, services: [] }), e.stats({ radiusM: 400, services: [] }))).toThrow(/different radii/);
  });
});

describe('ScenarioEngines', () => {
  it('reuses the engine of the same halls (services in any order), keeps the last few, and compares with them exactly as without', () => {
    const engine = new CoverageEngine(
      hallSet([{ p: [LNG0, LAT0], s: ['petition'] }]),
      popSet([
        { p: [LNG0 + 0.001, LAT0], w: 5 },
        { p: [LNG0 + 0.012, LAT0 + 0.002], w: 3 },
      ]),
      AREAS,
    );
    const engines = new ScenarioEngines(engine, 2);
    const a = [{ lng: LNG0 + 0.012, lat: LAT0 + 0.002, services: ['petition', 'legal-aid'] }];
    const first = engines.get(a);
    expect(engines.get([{ ...a[0], services: ['legal-aid', 'petition'] }])).toBe(first);
    engines.get([]);
    engines.get([{ ...a[0], lng: LNG0 }]);
    expect(engines.get(a)).not.toBe(first); // pushed out by two others
    const opts = { radiusM: 300, services: SERVICES };
    expect(compareScenarios(engine, opts, [], a, engines)).toEqual(compareScenarios(engine, opts, [], a));
  });
});
