// "Suggest N new halls for service S" maximising people served, not only
// covered: each new site has a capacity, and the people served are
// Σ_h min(load_h, capacity_h) over every hall offering S, old and new, where
// a hall's load is its catchment (each person goes to the nearest hall
// within the radius; ties to the existing halls, then to the site picked
// first), as in capacity.ts. A new site relieves a full neighbour by taking
// the people nearer to it, and serves uncovered people up to its capacity.
//
// Greedy: each round adds the candidate with the largest gain in people
// served (ties to the lower candidate index), evaluated exactly from the
// units within the radius of the candidate and their distances from it. Those
// come from a ServedReach, so one greedy serves both distance modes: by
// straight line (straightServedReach, haversine) or along the roads
// (walkingServedReach in network-sites.ts); "nearer" is measured in
// the same distance as the base's nearestM. Served people is not a
// submodular function of the set of sites (a site can take people from a
// hall with room, gaining nothing, and later sites change whose catchment
// it takes), so greedy carries no (1 − 1/e) guarantee here; one round (N = 1)
// is exact, and test/unit/core/planning/served-sites.test.ts compares it with
// exhaustive search on small instances.
//
// Pruning without changing a pick: a site's gain is at most min(own, its
// capacity), where own is the people nearer to it than to their hall (every
// hall it takes people from serves fewer or the same), and own never grows
// from round to round (the picked sites only bring people nearer). So
// min(own, capacity) at a candidate's last evaluation bounds its gain for
// good, and a round skips the candidates whose bound cannot beat the best
// found so far (an equal gain loses to a candidate earlier in the scope).
// Each round first evaluates the candidate with the largest bound, so the
// best is high early. With weights >= 0 the float sums keep the bound (a sum
// over fewer of the same terms, in the same order, is not larger), so the
// picks and gains are the plain greedy's, bit for bit (opts.lazy === false).
import { haversineM } from '../geo/haversine';
import type { UnitCells } from '../geo/nearest-hall';
import { UnitList, unitsWithin } from '../geo/units-within';

export interface ServedUnits {
  lng: Float64Array;
  lat: Float64Array;
  weight: Float64Array;
  cos: Float64Array; // unitCosines(lat)
  cells: UnitCells;
}

/** The existing halls' side for the service: each unit's nearest hall within the radius, and every hall's load and capacity. */
export interface ServedBase {
  nearestM: Float64Array; // per unit, Infinity when none
  nearestHall: Int32Array; // per unit, -1 when none
  load: ArrayLike<number>; // per hall (file order)
  capacity: ArrayLike<number>; // per hall, Infinity = unlimited
}

export interface ServedSiteOptions {
  radiusM: number;
  count: number;
  capacity: number; // of each new site, people; Infinity = unlimited
  candidates: { lng: ArrayLike<number>; lat: ArrayLike<number> };
  /** Candidate indexes that may be picked (default: all). */
  scope?: readonly number[];
  /** false evaluates every candidate each round (tests, benchmarks); the picks are the same. */
  lazy?: boolean;
}

export interface ServedSite {
  candidateIndex: number;
  /** People newly served by this site, given the sites picked before it. */
  added: number;
  cumulative: number;
}

export interface ServedSuggestion {
  sites: ServedSite[]; // in pick order; fewer than count when no site adds anyone
  /** People served by the existing halls alone. */
  baselineServed: number;
  /** Number of candidate gain evaluations done, the picked sites' moves not counted (for benchmarks). */
  evaluations: number;
}

const served = (load: number, cap: number) => (load > cap ? cap : load);

/**
 * Calls visit(u, d) for every unit u within the radius of candidate c (d <= radiusM),
 * d its distance from c measured as ServedBase.nearestM is; in the same order on every call.
 */
export type ServedReach = (c: number, visit: (u: number, d: number) => void) => void;

/** Units within the radius of a candidate by straight line: the units' cells, then haversine. */
export function straightServedReach(units: ServedUnits, candidates: ServedSiteOptions['candidates'], radiusM: number): ServedReach {
  const near = new UnitList();
  return (c, visit) => {
    const x = candidates.lng[c],
      y = candidates.lat[c];
    const m = unitsWithin(units.cells, units.lng, units.lat, units.cos, x, y, radiusM, near);
    for (let k = 0; k < m; k++) {
      const u = near.ids[k];
      visit(u, haversineM(units.lng[u], units.lat[u], x, y));
    }
  };
}

/** Greedy sites maximising people served by straight line (see the top of this file). */
export function suggestServedSites(units: ServedUnits, base: ServedBase, opts: ServedSiteOptions): ServedSuggestion {
  return greedyServedSites(units.weight, straightServedReach(units, opts.candidates, opts.radiusM), base, opts);
}

/** Greedy sites maximising people served, with the units within reach of each candidate from `reach`. */
export function greedyServedSites(weight: ArrayLike<number>, reach: ServedReach, base: ServedBase, opts: ServedSiteOptions): ServedSuggestion {
  const { radiusM, capacity } = opts;
  const H = base.load.length;
  // Hall keys: existing halls 0..H-1, the k-th picked site H + k.
  const dist = Float64Array.from(base.nearestM, (d) => (d <= radiusM ? d : Infinity));
  const who = Int32Array.from(base.nearestHall, (h, u) => (base.nearestM[u] <= radiusM ? h : -1));
  const load = [...Array.from(base.load)];
  const cap = [...Array.from(base.capacity)];
  let baselineServed = 0;
  for (let h = 0; h < H; h++) baselineServed += served(load[h], cap[h]);
  const scope = opts.scope ?? Array.from({ length: opts.candidates.lng.length }, (_, c) => c);
  // Per candidate, an upper bound on its gain (see the top of this file); only with weights >= 0.
  let lazy = opts.lazy !== false;
  for (let u = 0; u < weight.length && lazy; u++) if (!(weight[u] >= 0)) lazy = false;
  const bound = new Float64Array(opts.candidates.lng.length).fill(Infinity);
  const picked = new Set<number>();
  const moved = new Map<number, number>(); // hall key → people it would hand over
  const sites: ServedSite[] = [];
  let cumulative = 0;
  let evaluations = 0;

  // One visitor for every evaluation (no closure per candidate): these say what it is for.
  let own = 0,
    apply = false,
    key = 0;
  const visit = (u: number, d: number): void => {
    if (!(d < dist[u])) return; // an equally near hall keeps the person: it comes first
    own += weight[u];
    const h = who[u];
    if (h >= 0) moved.set(h, (moved.get(h) ?? 0) + weight[u]);
    if (apply) {
      dist[u] = d;
      who[u] = key;
    }
  };
  // Gain of a new site at candidate c, and (when `commit`) the move of its people.
  const evaluate = (c: number, commit: boolean): number => {
    if (!commit) evaluations++;
    moved.clear();
    own = 0;
    apply = commit;
    key = H + sites.length;
    reach(c, visit);
    bound[c] = served(own, capacity);
    let gain = bound[c];
    for (const [h, p] of moved) gain += served(load[h] - p, cap[h]) - served(load[h], cap[h]);
    if (commit) {
      for (const [h, p] of moved) load[h] -= p;
      load.push(own);
      cap.push(capacity);
    }
    return gain;
  };

  for (let round = 0; round < opts.count; round++) {
    let best = -1,
      bestGain = 0,
      bestAt = scope.length; // position of best in the scope
    // The largest bound first (the first of equal ones), so the scan below can skip more.
    let first = -1;
    if (lazy) for (let i = 0; i < scope.length; i++) if (!picked.has(scope[i]) && (first < 0 || bound[scope[i]] > bound[scope[first]])) first = i;
    if (first >= 0 && bound[scope[first]] < Infinity) {
      const g = evaluate(scope[first], false);
      if (g > 0) [best, bestGain, bestAt] = [scope[first], g, first];
    } else first = -1;
    for (let i = 0; i < scope.length; i++) {
      const c = scope[i];
      if (picked.has(c) || i === first) continue;
      // Cannot beat the best: a smaller bound, or an equal one after it in the scope, or one that adds no one.
      if (lazy && (bound[c] < bestGain || (bound[c] === bestGain && i > bestAt) || bound[c] === 0)) continue;
      const g = evaluate(c, false);
      if (g > bestGain || (g === bestGain && g > 0 && i < bestAt)) {
        bestGain = g;
        best = c;
        bestAt = i;
      }
    }
    if (best < 0) break; // no site adds anyone
    evaluate(best, true);
    picked.add(best);
    cumulative += bestGain;
    sites.push({ candidateIndex: best, added: bestGain, cumulative });
  }
  return { sites, baselineServed, evaluations };
}
