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
// units within the radius of the candidate. Served people is not a
// submodular function of the set of sites (a site can take people from a
// hall with room, gaining nothing, and later sites change whose catchment
// it takes), so greedy carries no (1 − 1/e) guarantee here; one round (N = 1)
// is exact, and test/unit/core/planning/served-sites.test.ts compares it with
// exhaustive search on small instances.
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
}

const served = (load: number, cap: number) => (load > cap ? cap : load);

/** Greedy sites maximising people served (see the top of this file). */
export function suggestServedSites(units: ServedUnits, base: ServedBase, opts: ServedSiteOptions): ServedSuggestion {
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
  const picked = new Set<number>();
  const near = new UnitList();
  const moved = new Map<number, number>(); // hall key → people it would hand over
  const sites: ServedSite[] = [];
  let cumulative = 0;

  // Gain of a new site at candidate c, and (when `apply`) the move of its people.
  const evaluate = (c: number, apply: boolean): number => {
    const x = opts.candidates.lng[c],
      y = opts.candidates.lat[c];
    const m = unitsWithin(units.cells, units.lng, units.lat, units.cos, x, y, radiusM, near);
    moved.clear();
    let own = 0;
    const key = H + sites.length;
    for (let k = 0; k < m; k++) {
      const u = near.ids[k];
      const d = haversineM(units.lng[u], units.lat[u], x, y);
      if (!(d < dist[u])) continue; // an equally near hall keeps the person: it comes first
      own += units.weight[u];
      const h = who[u];
      if (h >= 0) moved.set(h, (moved.get(h) ?? 0) + units.weight[u]);
      if (apply) {
        dist[u] = d;
        who[u] = key;
      }
    }
    let gain = served(own, capacity);
    for (const [h, p] of moved) gain += served(load[h] - p, cap[h]) - served(load[h], cap[h]);
    if (apply) {
      for (const [h, p] of moved) load[h] -= p;
      load.push(own);
      cap.push(capacity);
    }
    return gain;
  };

  for (let round = 0; round < opts.count; round++) {
    let best = -1,
      bestGain = 0;
    for (const c of scope) {
      if (picked.has(c)) continue;
      const g = evaluate(c, false);
      if (g > bestGain) {
        bestGain = g;
        best = c;
      }
    }
    if (best < 0) break; // no site adds anyone
    evaluate(best, true);
    picked.add(best);
    cumulative += bestGain;
    sites.push({ candidateIndex: best, added: bestGain, cumulative });
  }
  return { sites, baselineServed };
}
