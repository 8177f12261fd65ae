// Capacity analysis (issue 15) against the brute-force reference in
// helpers/capacity-reference.ts: catchments (ties to the first hall in the
// file, units exactly at the radius), loads, the served / over capacity / out
// of range split and 2SFCA, on random inputs; and the split adding up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hallServed, servedFractions, withCapacity } from '../../../../src/core/coverage/capacity';
import { CoverageEngine } from '../../../../src/core/coverage/engine';
import type { AreaSet, HallSet, Stats } from '../../../../src/core/types';
import { refCapacity, type RefHall, type RefUnit } from '../../helpers/capacity-reference';
import { nextDown, rect, turfM } from '../../helpers/coverage-reference';
import { popSet } from '../../helpers/pop-set';
import { hallSet as plainHalls } from '../../helpers/hall-set';

const SERVICES = ['a', 'b', 'c'];
// Dyadic positions (exact in binary, and so are their differences), so halls
// placed symmetrically about a unit are at exactly the same distance.
const X0 = 113.9375,
  Y0 = 22.75,
  STEP = 2 ** -10; // ~100 m

const AREAS: AreaSet = (() => {
  const features = [rect('West', [X0, Y0, X0 + 12 * STEP, Y0 + 24 * STEP]), rect('East', [X0 + 12 * STEP, Y0, X0 + 24 * STEP, Y0 + 12 * STEP])];
  return { names: features.map((f) => f.properties!.name as string), features };
})();

// The shared helper's halls, each with its capacity.
function hallSet(hs: RefHall[]): HallSet {
  return { ...plainHalls(hs), capacity: Float64Array.from(hs, (h) => h.cap) };
}

const position = fc
  .tuple(fc.integer({ min: -2, max: 26 }), fc.integer({ min: -2, max: 26 }))
  .map(([i, j]) => [X0 + i * STEP, Y0 + j * STEP] as [number, number]);
const capacity = fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 40, noNaN: true }));
const hallArb = (cap: fc.Arbitrary<number>) => fc.record({ p: position, s: fc.subarray(SERVICES, { minLength: 1 }), cap });
const unitArb = (w: fc.Arbitrary<number>) => fc.record({ p: position, w });
const radius = fc.oneof(fc.constantFrom(0, 100, 300, 500, 1000), fc.double({ min: 0, max: 2000, noNaN: true }));

const close = (a: number, b: number, scale: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(scale)));
const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);

function run(halls: RefHall[], units: RefUnit[], r: number, services: string[]): { engine: CoverageEngine; stats: Stats } {
  const engine = new CoverageEngine(hallSet(halls), popSet(units), AREAS);
  return { engine, stats: engine.capacityStats({ radiusM: r, services }) };
}

/** Everything the contract defines, engine against reference. */
function checkAgainstReference(halls: RefHall[], units: RefUnit[], r: number, services: string[]): void {
  const { engine, stats } = run(halls, units, r, services);
  const sorted = [...new Set(services)].sort();
  const ref = refCapacity(halls, units, AREAS.features, r, sorted);
  const groups = stats.areas.map((a, k) => (k < AREAS.names.length ? k : AREAS.names.length));
  for (const s of sorted) {
    // Catchments: the same hall for every unit, exactly.
    const d = engine.nearest(s),
      which = engine.nearestHall(s);
    expect(Array.from(which, (h, u) => (d[u] <= r ? h : -1))).toEqual(ref.catchment[s]);
    stats.areas.forEach((a, k) => {
      const g = groups[k];
      close(a.served![s], ref.served[s][g], ref.population[g]);
      close(a.over_capacity![s], ref.over[s][g], ref.population[g]);
      close(a.out_of_range![s], ref.out[s][g], ref.population[g]);
      const acc = ref.access[s][g];
      if (acc === null) expect(a.access_2sfca![s]).toBeNull();
      else close(a.access_2sfca![s]!, acc, acc);
    });
    close(stats.total.served![s], sum(ref.served[s]), sum(ref.population));
    close(stats.total.over_capacity![s], sum(ref.over[s]), sum(ref.population));
    close(stats.total.out_of_range![s], sum(ref.out[s]), sum(ref.population));
    const accT = ref.accessTotal[s];
    if (accT === null) expect(stats.total.access_2sfca![s]).toBeNull();
    else close(stats.total.access_2sfca![s]!, accT, accT);
    // Loads: one entry per hall offering s, in file order.
    const entries = stats.halls!.filter((e) => e.service === s);
    expect(entries.map((e) => e.index)).toEqual(halls.flatMap((h, k) => (h.s.includes(s) ? [k] : [])));
    for (const e of entries) {
      close(e.load, ref.load[s][e.index], ref.load[s][e.index]);
      expect(e.capacity).toBe(halls[e.index].cap === Infinity ? null : halls[e.index].cap);
      expect(e.served).toBe(Math.min(e.load, halls[e.index].cap));
    }
  }
  // 'all' carries no split.
  expect(Object.keys(stats.total.served!)).toEqual(sorted);
  expect(Object.keys(stats.total.access_2sfca!)).toEqual(sorted);
}

/** served + over = covered and served + over + out = population, per area and in total. */
function checkAddsUp(stats: Stats): void {
  for (const a of [...stats.areas, stats.total]) {
    for (const s of stats.services) {
      close(a.served![s] + a.over_capacity![s], a.covered[s], a.population);
      close(a.served![s] + a.over_capacity![s] + a.out_of_range![s], a.population, a.population);
      expect(a.served![s]).toBeGreaterThanOrEqual(0);
      expect(a.over_capacity![s]).toBeGreaterThanOrEqual(0);
    }
  }
  for (const s of stats.services) {
    close(sum(stats.areas.map((a) => a.served![s])), stats.total.served![s], stats.total.population);
    close(sum(stats.areas.map((a) => a.over_capacity![s])), stats.total.over_capacity![s], stats.total.population);
    close(sum(stats.areas.map((a) => a.out_of_range![s])), stats.total.out_of_range![s], stats.total.population);
  }
}

describe('capacity analysis', () => {
  it('matches the brute-force reference: catchments, loads, split and 2SFCA, on random inputs with many exact ties', () => {
    fc.assert(
      fc.property(
        fc.array(hallArb(capacity), { maxLength: 14, size: 'max' }),
        fc.array(unitArb(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.double({ min: 0, max: 9, noNaN: true }))), { maxLength: 80, size: 'max' }),
        radius,
        fc.subarray(SERVICES, { minLength: 1 }),
        (halls, units, r, services) => checkAgainstReference(halls, units, r, services),
      ),
      { seed: 15, numRuns: 250 },
    );
  });

  it('gives a unit between equidistant halls to the one first in the file, whichever is listed where', () => {
    const u: RefUnit = { p: [X0 + 10 * STEP, Y0 + 10 * STEP], w: 7 };
    // Four halls 3 steps east, west, north and south; and a fifth on the same spot as the second.
    const around: [number, number][] = [
      [13, 10],
      [7, 10],
      [10, 13],
      [10, 7],
      [7, 10],
    ].map(([i, j]) => [X0 + i * STEP, Y0 + j * STEP]);
    expect(turfM(...u.p, ...around[0])).toBe(turfM(...u.p, ...around[1])); // the construction really ties
    expect(turfM(...u.p, ...around[2])).toBe(turfM(...u.p, ...around[3]));
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 2 }), (order) => {
        const halls: RefHall[] = order.map((k) => ({ p: around[k], s: ['a'], cap: 1 }));
        const { engine } = run(halls, [u], 2000, ['a']);
        const d = halls.map((h) => turfM(...u.p, ...h.p));
        const first = d.findIndex((x) => x === Math.min(...d));
        expect(engine.nearestHall('a')[0]).toBe(first);
        checkAgainstReference(halls, [u], 2000, ['a']);
      }),
      { seed: 3, numRuns: 60 },
    );
  });

  it('counts a unit exactly at the radius in the catchment, and not one rounding step inside it', () => {
    fc.assert(
      fc.property(
        fc.array(hallArb(capacity), { minLength: 1, maxLength: 8 }),
        fc.array(unitArb(fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.nat(),
        (halls, units, i, j) => {
          const u = units[i % units.length],
            h = halls[j % halls.length];
          const r = turfM(...u.p, ...h.p);
          if (r === 0) return;
          for (const radiusM of [r, nextDown(r)]) checkAgainstReference(halls, units, radiusM, ['a', 'b', 'c']);
        },
      ),
      { seed: 5, numRuns: 150 },
    );
  });

  it('adds up: served + over capacity = covered, and + out of range = population, per area and in total', () => {
    fc.assert(
      fc.property(
        fc.array(hallArb(capacity), { maxLength: 14 }),
        fc.array(unitArb(fc.double({ min: 0, max: 1e6, noNaN: true })), { maxLength: 80 }),
        radius,
        (halls, units, r) => checkAddsUp(run(halls, units, r, SERVICES).stats),
      ),
      { seed: 8, numRuns: 200 },
    );
  });

  it('is exact for whole people where every hall has room: served = covered, nothing over, out = population - covered', () => {
    fc.assert(
      fc.property(
        fc.array(hallArb(fc.constantFrom(Infinity, 1e9)), { maxLength: 14 }),
        fc.array(unitArb(fc.integer({ min: 0, max: 1e6 })), { maxLength: 80 }),
        radius,
        (halls, units, r) => {
          const { stats } = run(halls, units, r, SERVICES);
          for (const a of [...stats.areas, stats.total]) {
            for (const s of SERVICES) {
              expect(a.covered[s]).toBe(Math.round(a.covered[s]));
              expect(a.served![s]).toBe(a.covered[s]);
              expect(a.over_capacity![s]).toBe(0);
              expect(a.out_of_range![s]).toBe(a.population - a.covered[s]);
            }
          }
        },
      ),
      { seed: 9, numRuns: 150 },
    );
  });

  it('treats capacity 0 as a capacity: nobody served, 2SFCA 0', () => {
    const u: RefUnit = { p: [X0 + STEP, Y0 + STEP], w: 10 };
    const { stats } = run([{ p: u.p, s: ['a'], cap: 0 }], [u], 500, ['a']);
    expect(stats.total.served!.a).toBe(0);
    expect(stats.total.over_capacity!.a).toBe(10);
    expect(stats.total.access_2sfca!.a).toBe(0);
    expect(stats.halls).toEqual([{ index: 0, name: 'hall 0', service: 'a', capacity: 0, load: 10, served: 0 }]);
  });

  it('2SFCA: capacity 1 000 over 500 people within reach of one hall is 2 000 per 1 000 residents; null with an unlimited hall or no people', () => {
    const a: RefUnit = { p: [X0 + STEP, Y0 + STEP], w: 200 },
      b: RefUnit = { p: [X0 + 2 * STEP, Y0 + STEP], w: 300 };
    const hall: RefHall = { p: [X0 + STEP, Y0 + STEP], s: ['a'], cap: 1000 };
    const { stats } = run([hall], [a, b], 500, ['a']);
    expect(stats.total.access_2sfca!.a).toBe(2000);
    expect(stats.areas[1].access_2sfca!.a).toBeNull(); // East has no people
    expect(run([hall, { ...hall, cap: Infinity }], [a, b], 500, ['a']).stats.total.access_2sfca!.a).toBeNull();
  });

  it("takes a capacity per hall other than the file's (a uniform one typed by the user)", () => {
    const u: RefUnit = { p: [X0 + STEP, Y0 + STEP], w: 10 };
    const halls: RefHall[] = [{ p: u.p, s: ['a'], cap: Infinity }];
    const engine = new CoverageEngine(hallSet(halls), popSet([u]), AREAS);
    const r = engine.capacity({ radiusM: 500, services: ['a'] }, Float64Array.of(4));
    expect(Array.from(r.load.a)).toEqual([10]);
    expect(Array.from(r.served.a)).toEqual([4, 0, 0]);
    expect(() => engine.capacity({ radiusM: 500, services: ['a'] }, Float64Array.of(1, 2))).toThrow(RangeError);
  });

  it('leaves the coverage numbers as they are', () => {
    const halls: RefHall[] = [{ p: [X0, Y0], s: ['a', 'b'], cap: 3 }];
    const units: RefUnit[] = [
      { p: [X0 + STEP, Y0], w: 5 },
      { p: [X0 + 30 * STEP, Y0], w: 2 },
    ];
    const engine = new CoverageEngine(hallSet(halls), popSet(units), AREAS);
    const plain = engine.stats({ radiusM: 500, services: ['a', 'b'] });
    const { halls: list, ...withCap } = engine.capacityStats({ radiusM: 500, services: ['a', 'b'] });
    expect(list).toHaveLength(2);
    const strip = ({ served: _s, over_capacity: _o, out_of_range: _r, access_2sfca: _a, ...rest }: Stats['total']) => rest;
    expect({ ...withCap, total: strip(withCap.total), areas: withCap.areas.map((a) => ({ ...strip(a), name: a.name })) }).toEqual(plain);
  });
});

describe('served fraction', () => {
  it('is min(1, capacity / load), 1 for no load or unlimited; a hall serves min(load, capacity)', () => {
    expect(Array.from(servedFractions(Float64Array.of(0, 10, 10, 10, 4), Float64Array.of(0, Infinity, 5, 20, 0)))).toEqual([1, 1, 0.5, 1, 0]);
    expect([hallServed(10, 5), hallServed(10, Infinity), hallServed(0, 0)]).toEqual([5, 10, 0]);
  });
});

describe('withCapacity', () => {
  it('puts the fields after the existing ones and the halls list last, so the JSON reads in that order', () => {
    const { stats } = run([{ p: [X0, Y0], s: ['a'], cap: 3 }], [{ p: [X0 + STEP, Y0 + STEP], w: 5 }], 500, ['a']);
    expect(Object.keys(stats)).toEqual(['radius_m', 'services', 'total', 'areas', 'halls']);
    expect(Object.keys(stats.total)).toEqual([
      'population',
      'covered',
      'share',
      'halls',
      'nearestHallM',
      'served',
      'over_capacity',
      'out_of_range',
      'access_2sfca',
    ]);
    expect(withCapacity).toBeTypeOf('function');
  });
});

describe('served people of a full hall', () => {
  it('are exactly its capacity when its catchment lies in one area, and split by the people in each area otherwise', () => {
    // 88 people in West within reach of one hall with room for 30 (30/88 does not divide exactly).
    const units: RefUnit[] = [3, 5, 7, 11, 13, 17, 19, 13].map((w, k) => ({ p: [X0 + (1 + k) * STEP, Y0 + STEP], w }));
    expect(sum(units.map((u) => u.w))).toBe(88);
    const halls: RefHall[] = [{ p: [X0 + 4 * STEP, Y0 + STEP], s: ['a'], cap: 30 }];
    const { stats } = run(halls, units, 1000, ['a']);
    expect(stats.areas[0].served!.a).toBe(30);
    expect(stats.total.served!.a).toBe(30);
    expect(stats.total.over_capacity!.a).toBe(58);
    // Moved so its catchment spans West and East: 44 people each side of the border.
    const across = units.map((u, k) => ({ ...u, p: [X0 + (8 + k) * STEP, Y0 + STEP] as [number, number] }));
    const west = sum(across.filter((u) => u.p[0] < X0 + 12 * STEP || u.p[0] === X0 + 12 * STEP).map((u) => u.w));
    const split = run([{ ...halls[0], p: [X0 + 12 * STEP, Y0 + STEP] }], across, 1000, ['a']).stats;
    close(split.areas[0].served!.a, (30 * west) / 88, 30);
    close(split.areas[1].served!.a, (30 * (88 - west)) / 88, 30);
    close(split.total.served!.a, 30, 30);
  });
});
