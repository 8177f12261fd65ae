// Random small site-suggestion instances near Guangming and a brute-force
// reference greedy, shared by the suggest-sites and exact-mclp tests.
import fc from 'fast-check';
import { turfM } from './coverage-reference';
import type { SuggestOptions, SuggestUnits } from '../../../src/core/planning/suggest-sites';

export interface Instance {
  units: SuggestUnits;
  unitArea: Int32Array;
  candidates?: { lng: Float64Array; lat: Float64Array; name: string[] };
  candidateArea?: Int32Array;
  radiusM: number;
  count: number;
}

const LNG0 = 113.9; // degrees
const LAT0 = 22.7; // degrees

// Coordinates on a grid: a coarse step (~200 m) makes many exact ties and
// duplicate points, a fine one (~1 m) makes near-continuous positions.
const point = (step: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: step > 1e-3 ? 12 : 2000 }), fc.integer({ min: 0, max: step > 1e-3 ? 12 : 2000 }))
    .map(([i, j]) => [LNG0 + i * step, LAT0 + j * step] as const);

/** Instances with integer weights, so every sum is exact and ties are real. */
export function instanceArb(o: { maxUnits: number; maxCandidates: number; maxCount: number; userCandidates?: boolean }): fc.Arbitrary<Instance> {
  return fc.constantFrom(0.002, 0.00001).chain((step) =>
    fc
      .record({
        units: fc.array(fc.record({ p: point(step), w: fc.integer({ min: 0, max: 9 }), covered: fc.boolean(), area: fc.integer({ min: -1, max: 2 }) }), {
          maxLength: o.maxUnits,
          size: 'max',
        }),
        cands:
          o.userCandidates === false
            ? fc.constant(null)
            : fc.option(
                fc.array(fc.record({ p: point(step), area: fc.integer({ min: -1, max: 2 }) }), { minLength: 1, maxLength: o.maxCandidates, size: 'max' }),
                { nil: null },
              ),
        radiusM: fc.integer({ min: 0, max: 900 }),
        count: fc.integer({ min: 0, max: o.maxCount }),
      })
      .map(({ units, cands, radiusM, count }) => {
        const inst: Instance = {
          units: {
            lng: Float64Array.from(units, (u) => u.p[0]),
            lat: Float64Array.from(units, (u) => u.p[1]),
            weight: Float64Array.from(units, (u) => u.w),
            covered: Uint8Array.from(units, (u) => (u.covered ? 1 : 0)),
          },
          unitArea: Int32Array.from(units, (u) => u.area),
          radiusM,
          count,
        };
        if (cands) {
          inst.candidates = {
            lng: Float64Array.from(cands, (c) => c.p[0]),
            lat: Float64Array.from(cands, (c) => c.p[1]),
            name: cands.map((_, i) => `site ${i}`),
          };
          inst.candidateArea = Int32Array.from(cands, (c) => c.area);
        }
        return inst;
      }),
  );
}

/** suggestSites/exactSites options for an instance, optionally limited to one area. */
export function optionsOf(inst: Instance, area?: number): SuggestOptions {
  const opts: SuggestOptions = { radiusM: inst.radiusM, count: inst.count };
  if (inst.candidates) opts.candidates = inst.candidates;
  if (area !== undefined) opts.area = { index: area, unitArea: inst.unitArea, candidateArea: inst.candidateArea };
  return opts;
}

/** Which open units (in scope, uncovered, with people) each candidate in scope reaches, by brute force with turf.distance. */
export function reachTable(inst: Instance, area?: number): { scope: number[]; open: number[]; reach: Map<number, number[]> } {
  const cand = inst.candidates ?? inst.units;
  const candArea = inst.candidates ? inst.candidateArea! : inst.unitArea;
  const scope: number[] = [];
  for (let c = 0; c < cand.lng.length; c++) if (area === undefined || candArea[c] === area) scope.push(c);
  const open: number[] = [];
  for (let u = 0; u < inst.units.lng.length; u++) {
    if (area !== undefined && inst.unitArea[u] !== area) continue;
    if (!inst.units.covered[u] && inst.units.weight[u] > 0) open.push(u);
  }
  const reach = new Map<number, number[]>();
  for (const c of scope) {
    reach.set(
      c,
      open.filter((u) => turfM(inst.units.lng[u], inst.units.lat[u], cand.lng[c], cand.lat[c]) <= inst.radiusM),
    );
  }
  return { scope, open, reach };
}

/** Textbook greedy on the brute-force reach table: max gain, lowest index on ties, stop at 0. */
export function referenceGreedy(inst: Instance, area?: number): { candidateIndex: number; added: number }[] {
  const { scope, reach } = reachTable(inst, area);
  const taken = new Set<number>();
  const picks: { candidateIndex: number; added: number }[] = [];
  for (let round = 0; round < inst.count; round++) {
    let best = -1;
    let bestGain = 0;
    for (const c of scope) {
      let g = 0;
      for (const u of reach.get(c)!) if (!taken.has(u)) g += inst.units.weight[u];
      if (g > bestGain) {
        bestGain = g;
        best = c;
      }
    }
    if (best < 0) break;
    for (const u of reach.get(best)!) taken.add(u);
    picks.push({ candidateIndex: best, added: bestGain });
  }
  return picks;
}
