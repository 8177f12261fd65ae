import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXACT_MCLP_MAX_CANDIDATES, exactSites } from './exact-mclp';
import { instanceArb, optionsOf, reachTable, type Instance } from './mclp-instances';

// People newly covered by a set of candidates, from the brute-force reach table.
function valueOf(inst: Instance, picks: number[], area?: number): number {
  const { reach } = reachTable(inst, area);
  const hit = new Set(picks.flatMap((c) => reach.get(c)!));
  let v = 0;
  for (const u of hit) v += inst.units.weight[u];
  return v;
}

describe('exactSites', () => {
  it('returns the best value over every subset of at most count candidates (bitmask enumeration)', () => {
    fc.assert(
      fc.property(
        instanceArb({ maxUnits: 12, maxCandidates: 10, maxCount: 4 }),
        fc.option(fc.integer({ min: -1, max: 2 }), { nil: undefined }),
        (inst, area) => {
          const exact = exactSites(inst.units, optionsOf(inst, area));
          const { scope } = reachTable(inst, area);
          let best = 0;
          for (let mask = 0; mask < 1 << scope.length; mask++) {
            const picks = scope.filter((_, j) => mask & (1 << j));
            if (picks.length <= inst.count) best = Math.max(best, valueOf(inst, picks, area));
          }
          expect(exact.value).toBe(best);
          expect(exact.candidates.length).toBeLessThanOrEqual(inst.count);
          expect(valueOf(inst, exact.candidates, area)).toBe(exact.value);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('never decreases when one more site is allowed', () => {
    fc.assert(
      fc.property(instanceArb({ maxUnits: 12, maxCandidates: 8, maxCount: 4 }), (inst) => {
        const a = exactSites(inst.units, optionsOf(inst)).value;
        const b = exactSites(inst.units, { ...optionsOf(inst), count: inst.count + 1 }).value;
        expect(b).toBeGreaterThanOrEqual(a);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it(`refuses more than ${EXACT_MCLP_MAX_CANDIDATES} candidates in scope`, () => {
    const n = EXACT_MCLP_MAX_CANDIDATES + 1;
    const units = {
      lng: new Float64Array(n).fill(113.9),
      lat: new Float64Array(n).fill(22.7),
      weight: new Float64Array(n).fill(1),
      covered: new Uint8Array(n),
    };
    expect(() => exactSites(units, { radiusM: 500, count: 2 })).toThrow(/17 candidates in scope, at most 16/);
  });
});
