import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IncrementalCoverage, type CoverageUnits, type WhatIfHall } from '../../../../src/core/coverage/incremental-coverage';
import { haversineM } from '../../../../src/core/geo/haversine';
import { ALL_KEY } from '../../../../src/core/services';
import { CoverageEngine } from '../../../../src/core/coverage/engine';
import type { AreaSet, HallSet, PopulationSet } from '../../../../src/core/types';
import { rect, turfM } from '../../helpers/coverage-reference';

const SERVICES = ['legal-aid', 'petition', 'psych-support'];
const AREAS = 3;
const LNG0 = 113.9; // degrees
const LAT0 = 22.7; // degrees

type Op =
  | { kind: 'add'; p: readonly [number, number]; services: string[] }
  | { kind: 'move'; pick: number; p: readonly [number, number] }
  | { kind: 'remove'; pick: number }
  | { kind: 'services'; pick: number; services: string[] };

interface Case {
  units: CoverageUnits;
  halls: WhatIfHall[];
  radiusM: number;
  ops: Op[];
}

// Coarse grid points (~200 m apart) put many unit-hall pairs at exactly the
// same distance, so a radius equal to one grid distance puts units exactly at r.
const coarse = fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })).map(([i, j]) => [LNG0 + i * 0.002, LAT0 + j * 0.002] as const);
const fine = fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 })).map(([i, j]) => [LNG0 + i * 1e-5, LAT0 + j * 1e-5] as const);
const services = fc.subarray([...SERVICES, 'other']);

function caseArb(maxUnits: number, maxOps: number): fc.Arbitrary<Case> {
  return fc.constantFrom(coarse, fine).chain((point) =>
    fc
      .record({
        units: fc.array(
          fc.record({
            p: point,
            w: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 1000, noNaN: true })),
            area: fc.integer({ min: -1, max: AREAS - 1 }),
          }),
          { maxLength: maxUnits, size: 'max' },
        ),
        halls: fc.array(fc.record({ p: point, services }), { maxLength: 12 }),
        radius: fc.oneof(
          fc.integer({ min: 0, max: 900 }),
          fc.tuple(point, point).map(([a, b]) => haversineM(a[0], a[1], b[0], b[1])),
        ),
        ops: fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('add' as const), p: point, services }),
            fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), p: point }),
            fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
            fc.record({ kind: fc.constant('services' as const), pick: fc.nat(), services }),
          ),
          { maxLength: maxOps, size: 'max' },
        ),
      })
      .map(({ units, halls, radius, ops }) => ({
        units: {
          lng: Float64Array.from(units, (u) => u.p[0]),
          lat: Float64Array.from(units, (u) => u.p[1]),
          weight: Float64Array.from(units, (u) => u.w),
          area: Int32Array.from(units, (u) => u.area),
        },
        halls: halls.map((h) => ({ lng: h.p[0], lat: h.p[1], services: h.services })),
        radiusM: radius,
        ops,
      })),
  );
}

function hallsArg(halls: WhatIfHall[]) {
  return { lng: halls.map((h) => h.lng), lat: halls.map((h) => h.lat), services: halls.map((h) => h.services) };
}

// Applies one op to both the engine and a plain list of live halls (id -> hall).
function step(cov: IncrementalCoverage, live: Map<number, WhatIfHall>, op: Op): void {
  const ids = [...live.keys()];
  if (op.kind === 'add') {
    const h = { lng: op.p[0], lat: op.p[1], services: op.services };
    live.set(cov.addHall(h), h);
    return;
  }
  if (ids.length === 0) return;
  const id = ids[op.pick % ids.length];
  const h = live.get(id)!;
  if (op.kind === 'move') {
    cov.moveHall(id, op.p[0], op.p[1]);
    live.set(id, { ...h, lng: op.p[0], lat: op.p[1] });
  } else if (op.kind === 'remove') {
    cov.removeHall(id);
    live.delete(id);
  } else {
    cov.setHallServices(id, op.services);
    live.set(id, { ...h, services: op.services });
  }
}

// From scratch with turf.distance, no index: halls of each service within r of each unit, and people covered per area.
function bruteForce(units: CoverageUnits, halls: WhatIfHall[], radiusM: number) {
  const n = units.lng.length;
  const counts = SERVICES.map((s) =>
    Array.from({ length: n }, (_, u) => halls.filter((h) => h.services.includes(s) && turfM(units.lng[u], units.lat[u], h.lng, h.lat) <= radiusM).length),
  );
  const byArea = (covered: (u: number) => boolean) => {
    const sums = new Array<number>(AREAS + 1).fill(0);
    for (let u = 0; u < n; u++) if (covered(u)) sums[units.area[u] === -1 ? AREAS : units.area[u]] += units.weight[u];
    return sums;
  };
  const areas: Record<string, number[]> = {};
  SERVICES.forEach((s, i) => (areas[s] = byArea((u) => counts[i][u] > 0)));
  areas[ALL_KEY] = byArea((u) => counts.every((c) => c[u] > 0));
  return { counts, areas };
}

const closeRel = (got: number, want: number) => Math.abs(got - want) <= 1e-9 * Math.abs(want);

function expectMatchesBruteForce(cov: IncrementalCoverage, units: CoverageUnits, halls: WhatIfHall[], radiusM: number): void {
  const bf = bruteForce(units, halls, radiusM);
  SERVICES.forEach((s, i) => {
    for (let u = 0; u < units.lng.length; u++) expect(cov.hallsInReach(s, u)).toBe(bf.counts[i][u]);
  });
  for (const key of [...SERVICES, ALL_KEY]) {
    const got = cov.coveredByArea(key);
    const want = bf.areas[key];
    for (let a = 0; a <= AREAS; a++) {
      if (!closeRel(got[a], want[a])) expect([key, a, got[a]]).toEqual([key, a, want[a]]);
    }
    const total = want.reduce((x, y) => x + y, 0);
    if (!closeRel(cov.covered(key), total)) expect([key, cov.covered(key)]).toEqual([key, total]);
  }
}

// Every total, as exact bits, for comparing two engines.
const snapshot = (cov: IncrementalCoverage) => [...SERVICES, ALL_KEY].map((k) => [cov.covered(k), ...cov.coveredByArea(k)]);

describe('IncrementalCoverage', () => {
  it('matches a brute-force recompute after every add, move, remove and service change', () => {
    fc.assert(
      fc.property(caseArb(80, 60), ({ units, halls, radiusM, ops }) => {
        const cov = new IncrementalCoverage(units, hallsArg(halls), SERVICES, radiusM, AREAS);
        const live = new Map(halls.map((h, id) => [id, h]));
        expectMatchesBruteForce(cov, units, [...live.values()], radiusM);
        for (const op of ops) {
          step(cov, live, op);
          expectMatchesBruteForce(cov, units, [...live.values()], radiusM);
        }
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('after long edit sequences stays within 1e-9 of brute force and equals a fresh build bit for bit', () => {
    fc.assert(
      fc.property(caseArb(400, 1500), ({ units, halls, radiusM, ops }) => {
        const cov = new IncrementalCoverage(units, hallsArg(halls), SERVICES, radiusM, AREAS);
        const live = new Map(halls.map((h, id) => [id, h]));
        ops.forEach((op, i) => {
          step(cov, live, op);
          if (i % 50 === 0) cov.covered(ALL_KEY); // interleave reads with edits
        });
        const final = [...live.values()];
        expectMatchesBruteForce(cov, units, final, radiusM);
        const fresh = new IncrementalCoverage(units, hallsArg(final), SERVICES, radiusM, AREAS);
        expect(snapshot(cov)).toEqual(snapshot(fresh));
        const before = snapshot(cov);
        cov.rebuild();
        expect(snapshot(cov)).toEqual(before);
      }),
      { seed: 42, numRuns: 12 },
    );
  });

  it('agrees with CoverageEngine.stats rebuilt from scratch after each edit', () => {
    // Two areas over part of the test grid; other units fall outside both.
    const areas: AreaSet = {
      names: ['West', 'East'],
      features: [rect('West', [LNG0, LAT0, LNG0 + 0.01, LAT0 + 0.02]), rect('East', [LNG0 + 0.01, LAT0, LNG0 + 0.02, LAT0 + 0.01])],
    };
    const hallSet = (hs: WhatIfHall[]): HallSet => ({
      count: hs.length,
      lng: Float64Array.from(hs, (h) => h.lng),
      lat: Float64Array.from(hs, (h) => h.lat),
      name: hs.map((_, i) => `hall ${i}`),
      services: hs.map((h) => [...h.services]),
      properties: hs.map(() => ({})),
    });
    fc.assert(
      fc.property(caseArb(60, 15), ({ units, halls, radiusM, ops }) => {
        const pop: PopulationSet = {
          count: units.lng.length,
          lng: units.lng,
          lat: units.lat,
          weight: units.weight,
          feature: Int32Array.from(units.lng, (_, i) => i),
          total: 0,
          kind: 'points',
        };
        const unitArea = new CoverageEngine(hallSet([]), pop, areas).unitArea;
        const cov = new IncrementalCoverage({ ...units, area: unitArea }, hallsArg(halls), SERVICES, radiusM, 2);
        const live = new Map(halls.map((h, id) => [id, h]));
        for (const op of [null, ...ops]) {
          if (op) step(cov, live, op);
          const stats = new CoverageEngine(hallSet([...live.values()]), pop, areas).stats({ radiusM, services: SERVICES });
          for (const key of [...SERVICES, ALL_KEY]) {
            const byArea = cov.coveredByArea(key);
            const want = stats.total.covered[key];
            expect(Math.abs(cov.covered(key) - want)).toBeLessThanOrEqual(1e-12 * want);
            stats.areas.forEach((a, i) => {
              const got = i < 2 ? byArea[i] : byArea[2]; // engine lists '(outside areas)' last when it holds people
              expect(Math.abs(got - a.covered[key])).toBeLessThanOrEqual(1e-12 * a.covered[key]);
            });
          }
        }
      }),
      { seed: 42, numRuns: 40 },
    );
  });

  it('covers a unit at exactly radiusM and not one a hair beyond, also after a move', () => {
    const units = { lng: Float64Array.of(113.9031, 113.95), lat: Float64Array.of(22.7017, 22.75), weight: Float64Array.of(4, 1), area: Int32Array.of(0, -1) };
    const r = haversineM(113.9031, 22.7017, 113.9, 22.7); // metres, unit to hall
    const cov = new IncrementalCoverage(units, { lng: [113.9], lat: [22.7], services: [['petition']] }, ['petition'], r, 1);
    expect(cov.covered('petition')).toBe(4);
    cov.moveHall(0, 113.95, 22.75);
    expect([...cov.coveredByArea('petition')]).toEqual([0, 1]);
    cov.moveHall(0, 113.9, 22.7);
    expect(cov.covered('petition')).toBe(4);
    const tight = new IncrementalCoverage(units, { lng: [113.9], lat: [22.7], services: [['petition']] }, ['petition'], r * (1 - 1e-12), 1);
    expect(tight.covered('petition')).toBe(0);
  });

  it("counts a unit for 'all' only when every tracked service reaches it", () => {
    const units = { lng: Float64Array.of(113.9, 113.9), lat: Float64Array.of(22.7, 22.8), weight: Float64Array.of(3, 5), area: Int32Array.of(0, 0) };
    const halls = { lng: [113.9, 113.9, 113.9], lat: [22.7, 22.7, 22.8], services: [['petition'], ['legal-aid'], ['petition']] };
    const cov = new IncrementalCoverage(units, halls, ['legal-aid', 'petition'], 500, 1);
    expect(cov.covered(ALL_KEY)).toBe(3);
    expect([...cov.coveredMask(ALL_KEY)]).toEqual([1, 0]);
    cov.setHallServices(2, ['petition', 'legal-aid']);
    expect(cov.covered(ALL_KEY)).toBe(8);
    cov.removeHall(1);
    expect(cov.covered(ALL_KEY)).toBe(5);
    expect(cov.hallIds()).toEqual([0, 2]);
    expect(cov.hall(1)).toBeUndefined();
    expect([...cov.populationByArea()]).toEqual([8, 0]);
  });

  it('rejects unknown halls, services and bad positions with a one-line message', () => {
    const units = { lng: Float64Array.of(113.9), lat: Float64Array.of(22.7), weight: Float64Array.of(1), area: Int32Array.of(0) };
    const cov = new IncrementalCoverage(units, { lng: [113.9], lat: [22.7], services: [['petition']] }, ['petition'], 500, 1);
    cov.removeHall(0);
    expect(() => cov.moveHall(0, 113.9, 22.7)).toThrow(/^IncrementalCoverage: no hall with id 0$/);
    expect(() => cov.covered('legal-aid')).toThrow(/service "legal-aid" is not tracked/);
    expect(() => cov.addHall({ lng: NaN, lat: 22.7, services: [] })).toThrow(/not a valid lng\/lat/);
    expect(() => new IncrementalCoverage({ ...units, area: Int32Array.of(5) }, { lng: [], lat: [], services: [] }, ['petition'], 500, 1)).toThrow(
      /unit 0 has area 5/,
    );
  });

  it('covers units across the antimeridian', () => {
    const units = { lng: Float64Array.of(179.999, -179.999), lat: Float64Array.of(0, 0), weight: Float64Array.of(2, 3), area: Int32Array.of(-1, -1) };
    const cov = new IncrementalCoverage(units, { lng: [179.9995], lat: [0], services: [['petition']] }, ['petition'], 500, 0);
    expect(cov.covered('petition')).toBe(5);
    cov.moveHall(0, -179.9995, 0);
    expect(cov.covered('petition')).toBe(5);
  });

  it('works with no units at all', () => {
    const none = { lng: new Float64Array(0), lat: new Float64Array(0), weight: new Float64Array(0), area: new Int32Array(0) };
    const cov = new IncrementalCoverage(none, { lng: [113.9], lat: [22.7], services: [['petition']] }, ['petition'], 500, 2);
    cov.moveHall(0, 113.91, 22.71);
    expect([...cov.coveredByArea('petition')]).toEqual([0, 0, 0]);
  });
});
