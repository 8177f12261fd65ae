import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFields } from '../../../../src/core/input/detect-fields';
import { assignRoles, guessRole, type RoleGuess } from '../../../../src/core/input/guess-role';
import { DATA_ROLES, type DataRole } from '../../../../src/core/types';
import { otherCityAreas, otherCityHalls, otherCityPopulation } from '../../../fixtures/other-city';

const coll = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const pt = (properties: Record<string, unknown>, c = [104, 30.6]) => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: c } });
const poly = (properties: Record<string, unknown>) => ({
  type: 'Feature',
  properties,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ],
  },
});
const guess = (text: string) => guessRole(detectFields(text, 'f'));

describe('guessRole', () => {
  it('takes halls whose services are arrays as halls, even with a numeric id, and says it was the services field', () => {
    const g = guess(JSON.stringify(otherCityHalls()));
    expect(g.role).toBe('halls');
    expect(g.evidence.halls.reasons).toContainEqual({ kind: 'services', field: 'services', known: true });
    expect(g.evidence.halls.reasons).toContainEqual({ kind: 'points' });
  });

  it("recognises the sample files and the other city's population and areas", () => {
    const read = (f: string) => readFileSync(`public/geo/${f}`, 'utf8');
    expect(guess(read('halls.geojson')).role).toBe('halls');
    expect(guess(read('population.geojson')).role).toBe('population');
    expect(guess(read('areas.geojson')).role).toBe('areas');
    const pop = guess(JSON.stringify(otherCityPopulation()));
    expect(pop.role).toBe('population');
    expect(pop.evidence.population.reasons).toContainEqual({ kind: 'people', field: 'population' });
    const areas = guess(JSON.stringify(otherCityAreas()));
    expect(areas.role).toBe('areas');
    expect(areas.evidence.areas.reasons).toContainEqual({ kind: 'name', field: 'name' });
  });

  it('finds a services field by its name (服务, unknown service names) or by known services in text', () => {
    expect(guess(coll([pt({ 编号: 3, 服务: ['调解', '咨询'] })])).evidence.halls.reasons).toContainEqual({ kind: 'services', field: '服务', known: false });
    expect(guess(coll([pt({ staff: 3, offers: 'petition、legal-aid' })])).role).toBe('halls');
  });

  it('reads a CSV only as halls, and polygons never as halls nor points as areas', () => {
    const csv = guessRole(detectFields('name,lng,lat,population\nA,104,30.6,12\n', 'h.csv'));
    expect(csv.role).toBe('halls');
    expect([csv.evidence.population.score, csv.evidence.areas.score]).toEqual([0, 0]);
    expect(guess(coll([poly({ services: ['petition'] })])).evidence.halls.score).toBe(0);
    expect(guess(coll([pt({ name: 'x' })])).evidence.areas.score).toBe(0);
  });

  it('does not take a field with negative values as people', () => {
    const g = guess(coll([pt({ elevation: -3 }), pt({ elevation: 12 })]));
    expect(g.evidence.population.reasons.some((r) => r.kind === 'people' || r.kind === 'number')).toBe(false);
    expect(guess(coll([pt({ population: -1 }), pt({ population: 4 })])).role).toBe('halls');
  });

  it('takes polygons with a people count and no name as population, named polygons as areas', () => {
    expect(guess(coll([poly({ population: 120 })])).role).toBe('population');
    expect(guess(coll([poly({ name: 'A', code: 4 })])).role).toBe('areas');
  });
});

describe('assignRoles', () => {
  const g = (o: object) => guess(JSON.stringify(o));
  // Subdistricts that carry their census count look like population on their own.
  const censusAreas = coll([poly({ name: '甲街道', population: 51_000 }), poly({ name: '乙街道', population: 48_000 })]);
  const popPolygons = coll([poly({ population: 120 }), poly({ population: 80 })]);

  it('gives the three city files their three roles, in any order', () => {
    const files = [g(otherCityPopulation()), g(otherCityAreas()), g(otherCityHalls())];
    expect(assignRoles(files)).toEqual(['population', 'areas', 'halls']);
  });

  it('makes roles distinct where the evidence allows: named census areas become areas beside a population file', () => {
    expect(guess(censusAreas).role).toBe('population');
    expect(assignRoles([guess(censusAreas), guess(popPolygons)])).toEqual(['areas', 'population']);
  });

  it('never forces a file into a role it has no evidence for: two population files stay population (refused at load)', () => {
    expect(assignRoles([g(otherCityPopulation()), g(otherCityPopulation())])).toEqual(['population', 'population']);
  });

  const evidence = fc.record(
    Object.fromEntries(DATA_ROLES.map((r) => [r, fc.integer({ min: 0, max: 12 }).map((score) => ({ score, reasons: [] }))])) as Record<
      DataRole,
      fc.Arbitrary<{ score: number; reasons: [] }>
    >,
  );
  const guesses = fc
    .array(evidence, { minLength: 1, maxLength: 4 })
    .map((evs) => evs.map((e): RoleGuess => ({ role: DATA_ROLES.reduce((b, r) => (e[r].score > e[b].score ? r : b), 'halls' as DataRole), evidence: e })));

  it("returns either distinct roles each with evidence beyond geometry (or the file's own best), at the best total, or every file's own best", () => {
    fc.assert(
      fc.property(guesses, (gs) => {
        const roles = assignRoles(gs);
        const best = gs.map((x) => x.role);
        if (new Set(roles).size < roles.length) {
          expect(roles).toEqual(best);
          return;
        }
        roles.forEach((r, k) => expect(r === gs[k].role || gs[k].evidence[r].score >= 3).toBe(true));
        // Brute force over all distinct assignments with the same rule: none scores higher.
        const total = (rs: DataRole[]) => rs.reduce((t, r, k) => t + gs[k].evidence[r].score, 0);
        const all = (k: number, used: DataRole[]): DataRole[][] =>
          k === gs.length
            ? [used]
            : DATA_ROLES.filter((r) => !used.includes(r) && (r === gs[k].role || gs[k].evidence[r].score >= 3)).flatMap((r) => all(k + 1, [...used, r]));
        for (const other of all(0, [])) expect(total(other)).toBeLessThanOrEqual(total(roles));
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
