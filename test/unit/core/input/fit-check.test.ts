import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoverageEngine, parseAreas, parseHalls, parsePopulation } from '../../../../src/core';
import { FIT_MIN_SHARE, fitCheck, NEAR_M, type FitInput } from '../../../../src/core/input/fit-check';
import { haversineM } from '../../../../src/core/geo/haversine';
import { otherCityEngine, otherCityHalls, otherCityPopulation } from '../../../fixtures/other-city';

const read = (f: string) => readFileSync(`public/geo/${f}`, 'utf8');
const sample = () => ({
  halls: parseHalls(read('halls.geojson'), { file: 'halls.geojson' }),
  population: parsePopulation(read('population.geojson'), { file: 'population.geojson' }),
  areas: parseAreas(read('areas.geojson'), { file: 'areas.geojson' }),
});

describe('fitCheck on real mixes', () => {
  it("finds nothing wrong with the sample, nor with the other city's three files", () => {
    const s = sample();
    expect(fitCheck(new CoverageEngine(s.halls, s.population, s.areas))).toEqual([]);
    expect(fitCheck(otherCityEngine())).toEqual([]);
  });

  it("names the counts when another city's halls are loaded over the sample: none inside the areas, none near the people", () => {
    const s = sample();
    const halls = parseHalls(JSON.stringify(otherCityHalls()), { file: 'cd-halls.geojson' });
    expect(fitCheck(new CoverageEngine(halls, s.population, s.areas))).toEqual([
      { kind: 'halls-outside-areas', inside: 0, total: 12 },
      { kind: 'halls-away-from-people', near: 0, total: 12 },
    ]);
  });

  it("names the people when another city's population is loaded over the sample areas", () => {
    const s = sample();
    const pop = parsePopulation(JSON.stringify(otherCityPopulation()), { file: 'cd-population.geojson' });
    const total = Math.round(pop.total);
    expect(fitCheck(new CoverageEngine(s.halls, pop, s.areas))).toEqual([
      { kind: 'people-outside-areas', inside: 0, total },
      { kind: 'halls-away-from-people', near: 0, total: 236 },
    ]);
  });

  it('warns that no hall offers a known service when the population file is picked as halls (14 397 "halls")', () => {
    const s = sample();
    const asHalls = parseHalls(read('population.geojson'), { file: 'population.geojson' });
    expect(fitCheck(new CoverageEngine(asHalls, s.population, s.areas))).toEqual([{ kind: 'no-known-service', total: 14_397 }]);
  });

  it('warns the same for halls whose services are all unknown, and not when one hall offers a known one', () => {
    const s = sample();
    const text = (services: string[][]) =>
      JSON.stringify({
        type: 'FeatureCollection',
        features: services.map((sv, k) => ({
          type: 'Feature',
          properties: { services: sv },
          geometry: { type: 'Point', coordinates: [113.93 + k * 0.001, 22.76] },
        })),
      });
    const unknown = parseHalls(text([['调解'], ['Petition'], []]), { file: 'h.geojson' });
    expect(fitCheck(new CoverageEngine(unknown, s.population, s.areas))).toEqual([{ kind: 'no-known-service', total: 3 }]);
    const one = parseHalls(text([['调解'], ['petition']]), { file: 'h.geojson' });
    expect(fitCheck(new CoverageEngine(one, s.population, s.areas))).toEqual([]);
  });
});

describe('fitCheck against a brute-force reading of its rules', () => {
  const hall = fc.record({
    lng: fc.double({ min: 100, max: 102, noNaN: true }),
    lat: fc.double({ min: 20, max: 22, noNaN: true }),
    area: fc.integer({ min: -1, max: 2 }),
    services: fc.array(fc.constantFrom('petition', 'x', 'legal-aid', 'Petition'), { maxLength: 2 }),
  });
  const unit = fc.record({
    lng: fc.double({ min: 100.5, max: 101.5, noNaN: true }),
    lat: fc.double({ min: 20.5, max: 21.5, noNaN: true }),
    area: fc.integer({ min: -1, max: 2 }),
    weight: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 50, noNaN: true })),
  });

  it('warns exactly when fewer than half are inside or near, with the counts', () => {
    fc.assert(
      fc.property(fc.array(hall, { maxLength: 20 }), fc.array(unit, { maxLength: 30 }), (hs, us) => {
        const input: FitInput = {
          halls: { count: hs.length, lng: Float64Array.from(hs, (h) => h.lng), lat: Float64Array.from(hs, (h) => h.lat), services: hs.map((h) => h.services) },
          population: {
            count: us.length,
            lng: Float64Array.from(us, (u) => u.lng),
            lat: Float64Array.from(us, (u) => u.lat),
            weight: Float64Array.from(us, (u) => u.weight),
          },
          hallArea: Int32Array.from(hs, (h) => h.area),
          unitArea: Int32Array.from(us, (u) => u.area),
        };
        const got = fitCheck(input);
        const kinds = got.map((w) => w.kind);
        const inside = hs.filter((h) => h.area >= 0).length;
        expect(kinds.includes('halls-outside-areas')).toBe(hs.length > 0 && inside < FIT_MIN_SHARE * hs.length);
        const people = us.reduce((t, u) => t + u.weight, 0);
        const peopleIn = us.filter((u) => u.area >= 0).reduce((t, u) => t + u.weight, 0);
        expect(kinds.includes('people-outside-areas')).toBe(people > 0 && peopleIn < FIT_MIN_SHARE * people);
        expect(kinds.includes('no-known-service')).toBe(
          hs.length > 0 && !hs.some((h) => h.services.some((s) => ['petition', 'legal-aid', 'psych-support'].includes(s))),
        );
        // Near: inside the box of the populated units, widened by NEAR_M; checked by the distance to the box's nearest point.
        const lived = us.filter((u) => u.weight > 0);
        if (lived.length && hs.length) {
          const [w, e] = [Math.min(...lived.map((u) => u.lng)), Math.max(...lived.map((u) => u.lng))];
          const [s, n] = [Math.min(...lived.map((u) => u.lat)), Math.max(...lived.map((u) => u.lat))];
          const clearlyNear = hs.filter(
            (h) => haversineM(h.lng, h.lat, Math.min(e, Math.max(w, h.lng)), Math.min(n, Math.max(s, h.lat))) <= NEAR_M * 0.99,
          ).length;
          const clearlyFar = hs.filter((h) => haversineM(h.lng, h.lat, Math.min(e, Math.max(w, h.lng)), Math.min(n, Math.max(s, h.lat))) > NEAR_M * 1.5).length;
          if (clearlyNear >= FIT_MIN_SHARE * hs.length) expect(kinds).not.toContain('halls-away-from-people');
          if (clearlyFar > (1 - FIT_MIN_SHARE) * hs.length) expect(kinds).toContain('halls-away-from-people');
        } else expect(kinds).not.toContain('halls-away-from-people');
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
