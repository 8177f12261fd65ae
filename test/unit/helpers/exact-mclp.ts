// Exact maximal covering location by enumerating every subset of candidates.
// Exponential: only for small instances, as the reference the greedy
// suggestion is tested against. No spatial index, plain haversine per pair.
import { haversineM } from '../../../src/core/geo/haversine';
import type { SuggestOptions, SuggestUnits } from '../../../src/core/planning/suggest-sites';

/** Largest candidate count accepted; C(16, 8) = 12 870 subsets. */
export const EXACT_MCLP_MAX_CANDIDATES = 16;

export interface ExactSolution {
  /** Most people newly covered by any choice of at most `count` candidates. */
  value: number;
  /** Candidate indices of the first optimal subset in lexicographic order. */
  candidates: number[];
}

/**
 * Optimal maximal covering value by brute force over all C(m, N) subsets
 * (same inputs and semantics as suggestSites; m <= 16 candidates in scope).
 */
export function exactSites(units: SuggestUnits, opts: Omit<SuggestOptions, 'lazy'>): ExactSolution {
  const { radiusM, area } = opts;
  const cand = opts.candidates ?? { lng: units.lng, lat: units.lat };
  const candArea = opts.candidates ? area?.candidateArea : area?.unitArea;
  const scope: number[] = [];
  for (let c = 0; c < cand.lng.length; c++) if (!candArea || candArea[c] === area!.index) scope.push(c);
  if (scope.length > EXACT_MCLP_MAX_CANDIDATES) {
    throw new RangeError(`exactSites: ${scope.length} candidates in scope, at most ${EXACT_MCLP_MAX_CANDIDATES} allowed`);
  }
  // reach[j] = open units (in scope, with people, uncovered) within radiusM of scope[j].
  const open: number[] = [];
  for (let i = 0; i < units.lng.length; i++) {
    if (area && area.unitArea[i] !== area.index) continue;
    if (!units.covered[i] && units.weight[i] > 0) open.push(i);
  }
  const reach = scope.map((c) => open.filter((u) => haversineM(units.lng[u], units.lat[u], cand.lng[c], cand.lat[c]) <= radiusM));
  const k = Math.min(opts.count, scope.length);
  let best: ExactSolution = { value: 0, candidates: [] };
  const chosen: number[] = [];
  const hit = new Uint8Array(units.lng.length);
  const visit = (from: number): void => {
    if (chosen.length === k) {
      hit.fill(0);
      for (const j of chosen) for (const u of reach[j]) hit[u] = 1;
      let v = 0;
      for (const u of open) if (hit[u]) v += units.weight[u];
      if (v > best.value) best = { value: v, candidates: chosen.map((j) => scope[j]) };
      return;
    }
    for (let j = from; j <= scope.length - (k - chosen.length); j++) {
      chosen.push(j);
      visit(j + 1);
      chosen.pop();
    }
  };
  visit(0);
  return best;
}
