// Groups of people are counted by the engine's own stats with the group's
// count as weight: these properties hold for any halls, people and groups.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../../src/core/coverage/engine';
import { groupEngine, groupFieldsOf, withGroups } from '../../../../src/core/coverage/stats-groups';
import type { AreaSet, PopulationSet, Stats } from '../../../../src/core/types';
import { LAT0, LNG0, positionArb, rect } from '../../helpers/coverage-reference';
import { hallSet } from '../../helpers/hall-set';
import { popSet } from '../../helpers/pop-set';

const AREAS: AreaSet = (() => {
  const features = [rect('West', [LNG0, LAT0, LNG0 + 0.015, LAT0 + 0.03]), rect('East', [LNG0 + 0.015, LAT0, LNG0 + 0.03, LAT0 + 0.015])];
  return { names: features.map((f) => f.properties!.name as string), features };
})();

const unitArb = fc.record({ p: positionArb(true), w: fc.integer({ min: 0, max: 50 }), g: fc.integer({ min: 0, max: 50 }) });
const hallArb = fc.record({ p: positionArb(true), s: fc.subarray(['a', 'b'], { minLength: 1 }) });

function engineOf(units: { p: [number, number]; w: number; g: number }[], halls: { p: [number, number]; s: string[] }[]): CoverageEngine {
  const population: PopulationSet = {
    ...popSet(units),
    groups: [
      { field: 'same', weight: Float64Array.from(units, (u) => u.w) },
      { field: 'age65', weight: Float64Array.from(units, (u) => u.g) },
    ],
  };
  return new CoverageEngine(hallSet(halls), population, AREAS);
}

const blocks = (s: Stats) => [s.total, ...s.areas];

describe('withGroups', () => {
  it('counts a group exactly as the main count: a group equal to the population gives the same numbers; others add up and never exceed their population', () => {
    fc.assert(
      fc.property(
        fc.array(unitArb, { minLength: 1, maxLength: 40 }),
        fc.array(hallArb, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 2500 }),
        (units, halls, radiusM) => {
          const engine = engineOf(units, halls);
          const opts = { radiusM, services: engine.services };
          const stats = withGroups(engine.stats(opts), engine, ['same', 'age65'], opts);
          const keys = [...stats.services, 'all'];
          for (const b of blocks(stats)) {
            expect(b.groups!.same).toEqual({ population: b.population, covered: b.covered });
            for (const k of keys) expect(b.groups!.age65.covered[k]).toBeLessThanOrEqual(b.groups!.age65.population);
          }
          const sum = (f: (b: Stats['total']) => number) => stats.areas.reduce((s, a) => s + f(a), 0);
          expect(sum((a) => a.groups!.age65.population)).toBe(stats.total.groups!.age65.population);
          for (const k of keys) expect(sum((a) => a.groups!.age65.covered[k])).toBe(stats.total.groups!.age65.covered[k]);
          // Brute force over the engine's exact nearest-hall distances.
          for (const k of stats.services) {
            const d = engine.nearest(k);
            expect(stats.total.groups!.age65.covered[k]).toBe(units.reduce((s, u, i) => s + (d[i] <= radiusM ? u.g : 0), 0));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('leaves the rest of the stats as they were and refuses a group that was not read', () => {
    const engine = engineOf([{ p: [LNG0 + 0.001, LAT0 + 0.001], w: 3, g: 1 }], [{ p: [LNG0 + 0.001, LAT0 + 0.001], s: ['a'] }]);
    const opts = { radiusM: 500, services: ['a'] };
    const plain = engine.stats(opts);
    const out = withGroups(plain, engine, ['age65'], opts);
    expect({ ...out.total, groups: undefined }).toEqual({ ...plain.total, groups: undefined });
    expect(out.total.groups).toEqual({ age65: { population: 1, covered: { a: 1, all: 1 } } });
    expect(() => withGroups(plain, engine, ['children'], opts)).toThrow('the population has no group "children"');
  });

  it('the app’s group view (groupEngine) gives each block’s groups numbers as its own population and covered, with shares from them', () => {
    fc.assert(
      fc.property(
        fc.array(unitArb, { minLength: 1, maxLength: 30 }),
        fc.array(hallArb, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 2500 }),
        (units, halls, radiusM) => {
          const engine = engineOf(units, halls);
          const opts = { radiusM, services: ['a', 'b'] };
          const fields = groupFieldsOf(engine);
          expect(fields).toEqual(['same', 'age65']);
          const g = withGroups(engine.stats(opts), engine, fields, opts);
          const view = groupEngine(engine, 'age65').stats(opts);
          expect(blocks(view).map((b) => ({ population: b.population, covered: b.covered }))).toEqual(blocks(g).map((b) => b.groups?.age65));
          for (const b of blocks(view)) for (const k of Object.keys(b.share)) expect(b.share[k]).toBe(b.population > 0 ? b.covered[k] / b.population : 0);
        },
      ),
      { numRuns: 60 },
    );
    expect(groupFieldsOf(new CoverageEngine(hallSet([{ p: [LNG0, LAT0], s: ['a'] }]), popSet([{ p: [LNG0, LAT0], w: 1 }]), AREAS))).toEqual([]);
  });
});
