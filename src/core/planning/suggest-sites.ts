// "Suggest N new halls for service S" as a maximal covering location problem:
// pick up to N candidate sites that together bring the most people, not yet
// covered by an existing hall offering S, within radiusM of a new site.
//
// Greedy with lazy evaluation (CELF, Leskovec et al. 2007). Coverage is
// monotone submodular, so greedy is within (1 - 1/e) of the optimum
// (Nemhauser, Wolsey & Fisher 1978), and a candidate's gain computed in an
// earlier round is an upper bound of its gain now. Only the top of a heap of
// such bounds is re-evaluated, until a freshly evaluated candidate stays on
// top. Ties go to the lower candidate index in both the lazy and the plain
// greedy, so the two return the same sites.
//
// Floating point: a gain is a sum of non-negative weights taken in the order
// the spatial index returns them for that candidate, which is the same every
// time. Dropping terms from such a sum can never make it larger (rounding is
// monotone), so stale gains stay valid upper bounds even in floating point,
// and lazy and plain greedy compare bit-identical numbers.
import KDBush from 'kdbush';
import { GainHeap } from './gain-heap';
import { haversineM, radiusBoxes } from '../geo/haversine';
import { InputError } from '../input/input-error';

/** Population units for one service: coordinates, people, and who is already covered. */
export interface SuggestUnits {
  lng: Float64Array; // degrees, WGS84
  lat: Float64Array; // degrees, WGS84
  weight: Float64Array; // people
  /** 1 = already within radiusM of an existing hall offering the service. */
  covered: Uint8Array;
}

/** Sites the user proposes; index i is candidate i. */
export interface SiteCandidates {
  lng: ArrayLike<number>; // degrees, WGS84
  lat: ArrayLike<number>; // degrees, WGS84
  name?: readonly string[];
}

/** Restriction of a suggestion to one area (e.g. one subdistrict). */
export interface SuggestAreaFilter {
  /** The area to serve: only its people count, only sites inside it are chosen. */
  index: number;
  /** Area index of each unit (-1 = outside every area). */
  unitArea: Int32Array;
  /** Area index of each user candidate; required with `candidates`. */
  candidateArea?: Int32Array;
}

export interface SuggestOptions {
  radiusM: number; // metres, haversine; distance <= radiusM counts
  count: number; // N, the most sites to return
  /** Candidate sites; default: the population units' own locations. */
  candidates?: SiteCandidates;
  area?: SuggestAreaFilter;
  /** false runs the plain greedy that re-evaluates every candidate each round (benchmarks, tests). */
  lazy?: boolean;
}

export interface SuggestedSite {
  lng: number;
  lat: number;
  candidateIndex: number; // index into the candidates (or the units when none were given)
  name?: string;
  /** People newly covered by this site, given the sites ranked before it. */
  added: number;
  /** People newly covered by this site and all sites ranked before it. */
  cumulative: number;
}

export interface SiteSuggestion {
  sites: SuggestedSite[]; // in pick order; fewer than count when no site adds anyone
  /** People in scope (the area, or everyone). */
  population: number;
  /** People in scope already covered before any new site. */
  baselineCovered: number;
  /** Number of candidate gain evaluations done (for benchmarks). */
  evaluations: number;
}

/**
 * Greedy maximal covering location: up to `count` new sites ranked by the
 * people each newly covers; within (1 - 1/e) of the optimal total.
 * @example suggestSites(units, { radiusM: 500, count: 5 }).sites[0].added
 */
export function suggestSites(units: SuggestUnits, opts: SuggestOptions): SiteSuggestion {
  const sc = greedyScope(units, opts);
  const { open, scope, cand, result } = sc;
  const { radiusM } = opts;
  if (open.length === 0 || scope.length === 0 || opts.count === 0) return result;

  const index = new KDBush(open.length);
  for (const i of open) index.add(units.lng[i], units.lat[i]);
  index.finish();
  // Candidate c reaches open unit k when the unit lies within radiusM; the
  // spatial index returns them in the same order for c every time.
  const reach: ReachFn = (c, visit) => {
    const x = cand.lng[c];
    const y = cand.lat[c];
    for (const [x0, y0, x1, y1] of radiusBoxes(x, y, radiusM)) {
      for (const k of index.range(x0, y0, x1, y1)) {
        const u = open[k];
        // Unit first, site second: the same rounding as the coverage engine's test.
        if (haversineM(units.lng[u], units.lat[u], x, y) <= radiusM) visit(k);
      }
    }
  };
  return greedyCover(units, opts, sc, reach);
}

/**
 * Calls visit(k) for every open unit k (an index into the open units) that
 * candidate c covers, in the same order on every call for the same c.
 */
export type ReachFn = (c: number, visit: (k: number) => void) => void;

/** What suggestSites and its walking twin share before the greedy: the units that can be gained and the candidates in scope. */
export interface GreedyScope {
  open: number[]; // units in scope, with people, not yet covered
  scope: number[]; // candidates in scope
  result: SiteSuggestion; // population and baseline filled, no sites yet
  cand: SiteCandidates;
}

/** Checks the inputs and finds the open units and the candidates in scope. */
export function greedyScope(units: SuggestUnits, opts: SuggestOptions): GreedyScope {
  const n = units.lng.length;
  checkInputs(units, opts);
  const { area } = opts;
  const cand = opts.candidates ?? { lng: units.lng, lat: units.lat };
  const candArea = opts.candidates ? area?.candidateArea : area?.unitArea;
  const m = cand.lng.length;
  let population = 0;
  let baselineCovered = 0;
  const open: number[] = [];
  for (let i = 0; i < n; i++) {
    if (area && area.unitArea[i] !== area.index) continue;
    const w = units.weight[i];
    population += w;
    if (units.covered[i]) baselineCovered += w;
    else if (w > 0) open.push(i);
  }
  const scope: number[] = [];
  for (let c = 0; c < m; c++) if (!candArea || candArea[c] === area!.index) scope.push(c);
  return { open, scope, cand, result: { sites: [], population, baselineCovered, evaluations: 0 } };
}

/**
 * The greedy (lazy, or plain with opts.lazy === false) over any notion of
 * reach: a gain is the people of the open units a candidate reaches that no
 * picked site reaches yet, summed in reach order.
 */
export function greedyCover(units: SuggestUnits, opts: SuggestOptions, sc: GreedyScope, reach: ReachFn): SiteSuggestion {
  const { open, scope, cand, result } = sc;
  const m = cand.lng.length;
  const sites = result.sites;
  if (open.length === 0 || scope.length === 0 || opts.count === 0) return result;
  const taken = new Uint8Array(open.length); // 1 = covered by a site picked so far

  // People in reach of candidate c not yet taken; same summation order every call.
  let s = 0;
  const addOpen = (k: number): void => {
    if (!taken[k]) s += units.weight[open[k]];
  };
  const gain = (c: number): number => {
    result.evaluations++;
    s = 0;
    reach(c, addOpen);
    return s;
  };
  const markTaken = (k: number): void => {
    taken[k] = 1;
  };
  let cumulative = 0;
  const pick = (c: number, added: number): void => {
    reach(c, markTaken);
    cumulative += added;
    const site: SuggestedSite = { lng: cand.lng[c], lat: cand.lat[c], candidateIndex: c, added, cumulative };
    if (cand.name) site.name = cand.name[c];
    sites.push(site);
  };

  if (opts.lazy === false) {
    for (let round = 0; round < opts.count; round++) {
      let best = -1;
      let bestGain = 0;
      for (const c of scope) {
        const g = gain(c);
        if (g > bestGain) {
          bestGain = g;
          best = c;
        }
      }
      if (best < 0) break;
      pick(best, bestGain);
    }
    return result;
  }

  const heap = new GainHeap(scope.length);
  for (const c of scope) {
    const g = gain(c);
    if (g > 0) heap.push(c, g);
  }
  // freshIn[c] = round in which c's heap gain was computed; -1 = never.
  const freshIn = new Int32Array(m).fill(-1);
  for (const c of scope) freshIn[c] = 0;
  for (let round = 0; round < opts.count && heap.size > 0;) {
    const c = heap.topId();
    if (freshIn[c] === round) {
      pick(c, heap.topGain());
      heap.pop();
      round++;
      continue;
    }
    const g = gain(c);
    freshIn[c] = round;
    if (g > 0) heap.updateTop(g);
    else heap.pop(); // gains only shrink: it can never add anyone again
  }
  return result;
}

function checkInputs(units: SuggestUnits, opts: SuggestOptions): void {
  const n = units.lng.length;
  if (units.lat.length !== n || units.weight.length !== n || units.covered.length !== n) {
    throw new RangeError(
      `suggestSites: units arrays differ in length (lng ${n}, lat ${units.lat.length}, weight ${units.weight.length}, covered ${units.covered.length})`,
    );
  }
  if (!(Number.isFinite(opts.radiusM) && opts.radiusM >= 0)) {
    throw new RangeError(`suggestSites: radiusM must be a finite number >= 0, got ${opts.radiusM}`);
  }
  if (!(Number.isInteger(opts.count) && opts.count >= 0)) {
    throw new RangeError(`suggestSites: count must be a whole number >= 0, got ${opts.count}`);
  }
  const cand = opts.candidates;
  if (cand) {
    if (cand.lat.length !== cand.lng.length || (cand.name && cand.name.length !== cand.lng.length)) {
      throw new RangeError('suggestSites: candidate lng, lat and name arrays differ in length');
    }
    for (let c = 0; c < cand.lng.length; c++) {
      const field = !(Math.abs(cand.lng[c]) <= 180) ? 'lng' : !(Math.abs(cand.lat[c]) <= 90) ? 'lat' : null;
      if (field)
        throw new InputError({
          file: 'candidates',
          feature: c,
          field,
          message: `${cand[field][c]} is not a valid ${field === 'lng' ? 'longitude' : 'latitude'}`,
        });
    }
  }
  const area = opts.area;
  if (area) {
    if (area.unitArea.length !== n) throw new RangeError('suggestSites: area.unitArea length differs from the units');
    if (cand && !area.candidateArea) throw new RangeError('suggestSites: area.candidateArea is required with candidates');
    if (cand && area.candidateArea!.length !== cand.lng.length) {
      throw new RangeError('suggestSites: area.candidateArea length differs from the candidates');
    }
  }
}
