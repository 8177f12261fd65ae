// Fuzz: the coverage engine on whatever the parsers accept — duplicate
// halls and units, zero weights, halls with no services, degenerate and
// overlapping areas, no areas, radius 0 or larger than the Earth. Stats and
// gap zones must stay finite and self-consistent; nothing may throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../src/core/coverage/engine';
import { parseAreas } from '../../../src/core/input/parse-areas';
import { parseHalls } from '../../../src/core/input/parse-halls';
import { parsePopulation } from '../../../src/core/input/parse-population';
import type { AreaSet, Stats } from '../../../src/core/types';
import { fuzzParams } from './fuzz-config';
import { goodPosition, ring } from './geojson-arbitraries';
import { resultOrInputError } from './outcome';

const SERVICES = ['petition', 'legal-aid', 'psych-support'];
const fcText = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const point = (p: unknown, properties: Record<string, unknown>) => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: p } });

/** Positions that repeat often, so duplicates and ties are common. */
const clustered = (pos: fc.Arbitrary<[number, number]>) =>
  fc.array(pos, { minLength: 1, maxLength: 6 }).chain((pool) => fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 40 }));
const everywhere = fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }));
const extremes = fc.constantFrom<[number, number]>([180, 90], [-180, -90], [180, 0], [-180, 0], [0, 90], [0, -90], [179.9999, 0], [-179.9999, 0], [0, 0]);

// Includes subnormal counts (5e-324 people): they once made p50 undefined.
const people = fc.double({ min: 0, max: 1e4, noNaN: true });

const scene = (pos: fc.Arbitrary<[number, number]>) =>
  fc.record({
    halls: clustered(pos).chain((ps) => fc.tuple(fc.constant(ps), fc.array(fc.subarray(SERVICES), { minLength: ps.length, maxLength: ps.length }))),
    units: fc.oneof(
      clustered(pos)
        .chain((ps) => fc.tuple(fc.constant(ps), fc.array(fc.oneof(fc.constant(0), people), { minLength: ps.length, maxLength: ps.length })))
        .map(([ps, w]) => fcText(ps.map((p, i) => point(p, { population: w[i] })))),
      fc
        .array(fc.tuple(ring, people), { minLength: 1, maxLength: 3 })
        .map((rs) => fcText(rs.map(([r, n]) => ({ type: 'Feature', properties: { population: n }, geometry: { type: 'Polygon', coordinates: [r] } })))),
    ),
    areas: fc.array(ring, { maxLength: 3 }),
    radii: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5000, noNaN: true }), fc.constantFrom(1e-9, 2.1e7, 1e12, Number.MAX_VALUE)), {
      minLength: 1,
      maxLength: 3,
    }),
    wanted: fc.subarray([...SERVICES, 'ghost']),
  });

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function checkStats(s: Stats, total: number, services: string[]): void {
  const keys = [...services, 'all'];
  expect(close(s.total.population, total)).toBe(true);
  expect(
    close(
      s.areas.reduce((a, x) => a + x.population, 0),
      total,
    ),
  ).toBe(true);
  for (const block of [s.total, ...s.areas]) {
    expect(Number.isFinite(block.population) && block.population >= 0).toBe(true);
    for (const k of keys) {
      const c = block.covered[k];
      expect(Number.isFinite(c) && c >= 0 && c <= block.population * (1 + 1e-12) + 1e-9).toBe(true);
      expect(block.share[k] >= 0 && block.share[k] <= 1 + 1e-12).toBe(true);
      const q = block.nearestHallM[k];
      for (const v of [q.p50, q.p90, q.max]) expect(Number.isNaN(v) || v < 0).toBe(false);
      expect(q.p50 <= q.p90 && q.p90 <= q.max).toBe(true);
    }
    for (const k of services) expect(block.covered.all).toBeLessThanOrEqual(block.covered[k] * (1 + 1e-12) + 1e-9);
  }
}

type Scene = ReturnType<typeof scene> extends fc.Arbitrary<infer T> ? T : never;

function runScene(sc: Scene): void {
  const [hp, hs] = sc.halls;
  const halls = parseHalls(fcText(hp.map((p, i) => point(p, { services: hs[i] }))), { file: 'h.geojson' });
  const population = resultOrInputError('p.geojson', () => parsePopulation(sc.units, { file: 'p.geojson', samplesPerSide: 10 }));
  if (population === null) return; // e.g. a ring of junk: the parser's business, fuzzed elsewhere
  const areaText = fcText(sc.areas.map((r, i) => ({ type: 'Feature', properties: { name: `a${i}` }, geometry: { type: 'Polygon', coordinates: [r] } })));
  const parsed = sc.areas.length === 0 ? null : resultOrInputError('a.geojson', () => parseAreas(areaText, { file: 'a.geojson' }));
  const areas: AreaSet = parsed ?? { names: [], features: [] };
  const engine = new CoverageEngine(halls, population, areas);
  const services = [...new Set(sc.wanted)].sort();
  let previous: Stats | null = null;
  for (const radiusM of [...sc.radii].sort((a, b) => a - b)) {
    const stats = engine.stats({ radiusM, services });
    checkStats(stats, population.total, services);
    if (previous !== null) for (const k of [...services, 'all']) expect(stats.total.covered[k] >= previous.total.covered[k] * (1 - 1e-12) - 1e-9).toBe(true);
    previous = stats;
    for (const k of services) {
      const mask = engine.covered(k, radiusM);
      expect(mask.length).toBe(population.count);
      let sum = 0;
      for (let i = 0; i < mask.length; i++) if (mask[i] === 1) sum += population.weight[i];
      expect(close(sum, stats.total.covered[k])).toBe(true);
    }
    const gaps = engine.gaps({ radiusM, services });
    for (const k of [...services, 'all']) {
      const zones = gaps.features.filter((f) => f.properties.service === k);
      const people = zones.reduce((a, f) => a + f.properties.population, 0);
      expect(Math.abs(people - (stats.total.population - stats.total.covered[k]))).toBeLessThanOrEqual(1e-6 * Math.max(1, stats.total.population));
      for (const z of zones) {
        expect(z.properties.population > 0 && Number.isFinite(z.properties.population)).toBe(true);
        expect(z.properties.centroid.every(Number.isFinite)).toBe(true);
        const coords = JSON.stringify(z.geometry.coordinates);
        expect(coords).not.toMatch(/null|NaN|Infinity/);
      }
    }
  }
}

describe('fuzz: CoverageEngine on parsed input', () => {
  it('keeps stats and gap zones finite and consistent around Guangming (duplicates, zero weights, odd areas, any radius)', () => {
    fc.assert(fc.property(scene(goodPosition), runScene), fuzzParams(300));
  });

  it('keeps stats and gap zones finite and consistent at the poles, the antimeridian and across the globe', () => {
    fc.assert(fc.property(scene(fc.oneof(extremes, everywhere)), runScene), fuzzParams(150));
  });

  // Regression (fixed in 8df5229): the p50 target underflowed to 0 and nearestHallM.p50 came out undefined.
  it('keeps nearestHallM.p50 defined when the whole population is 5e-324 people', () => {
    const halls = parseHalls('name,lng,lat,services\na,113.83,22.65,petition\n', { file: 'h.csv' });
    const population = parsePopulation(fcText([point([113.9, 22.8], { population: 5e-324 })]), { file: 'p.geojson' });
    const stats = new CoverageEngine(halls, population, { names: [], features: [] }).stats({ radiusM: 100, services: ['petition'] });
    expect(Number.isFinite(stats.total.nearestHallM.petition.p50)).toBe(true);
  });
});
