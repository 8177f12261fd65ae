// Suggested sites in walking mode: the same greedy, candidates and tie rules
// as suggestSites (and, for people served, as served-sites.ts), with reach
// measured along the roads. Each candidate joins
// the network by the access rule, as a hall would, and reaches the units whose
// network distance from it is <= radiusM (BoundedReach: one search bounded by
// r per evaluation, skipped when no open unit is within r by straight line).
// Reach is searched again when the lazy greedy re-evaluates a candidate
// instead of being stored: a district's 200 000 candidates would hold
// hundreds of units each.
import KDBush from 'kdbush';
import { haversineM, radiusBoxes } from '../geo/haversine';
import type { AccessPoints } from '../network/access';
import { BoundedReach } from '../network/bounded-reach';
import type { RoadNetwork } from '../network/road-network';
import { greedyCover, greedyScope, type ReachFn, type SiteSuggestion, type SuggestOptions, type SuggestUnits } from './suggest-sites';
import type { ServedReach } from './served-sites';

/** The roads and where the units join them (the walking engine's unitAccess). */
export interface WalkingReach {
  network: RoadNetwork;
  unitAccess: AccessPoints;
}

/**
 * Greedy maximal covering by network distance: up to `count` new sites ranked
 * by the people each newly brings within radiusM along the roads.
 */
export function suggestWalkingSites(units: SuggestUnits, opts: SuggestOptions, walk: WalkingReach): SiteSuggestion {
  const sc = greedyScope(units, opts);
  const { open, scope, result } = sc;
  if (open.length === 0 || scope.length === 0 || opts.count === 0) return result;
  if (walk.unitAccess.count !== units.lng.length) throw new RangeError('suggestWalkingSites: unitAccess length differs from the units');
  const { network, unitAccess } = walk;
  // Without candidates the sites are the units' own positions: the same access points.
  const cand = opts.candidates;
  const at = cand ? network.access(Float64Array.from(cand.lng), Float64Array.from(cand.lat)) : unitAccess;
  const openIndex = new Int32Array(units.lng.length).fill(-1);
  open.forEach((u, k) => (openIndex[u] = k));
  // Only the open units are looked for: in a well-served district they are a few per cent.
  const search = new BoundedReach(network.graph, unitAccess, open);
  const { radiusM } = opts;
  // A walk is never shorter than the straight line between its ends (each leg of
  // it is a haversine length, or a difference of two along a segment, which on
  // the segments of a road file is within millimetres of one), so a candidate
  // with no open unit within r + 1 m by straight line reaches none: no search.
  const index = new KDBush(open.length);
  for (const u of open) index.add(units.lng[u], units.lat[u]);
  index.finish();
  const slackM = radiusM * (1 + 1e-6) + 1;
  const candLng = cand ? cand.lng : units.lng;
  const candLat = cand ? cand.lat : units.lat;
  const mayReach = (c: number): boolean => {
    const x = candLng[c],
      y = candLat[c];
    for (const [x0, y0, x1, y1] of radiusBoxes(x, y, slackM)) {
      for (const k of index.range(x0, y0, x1, y1)) if (haversineM(units.lng[open[k]], units.lat[open[k]], x, y) <= slackM) return true;
    }
    return false;
  };
  const reach: ReachFn = (c, visit) => {
    if (mayReach(c)) search.reach(at, c, radiusM, (u) => visit(openIndex[u]));
  };
  return greedyCover(units, opts, sc, reach);
}

/**
 * Reach for the served greedy (served-sites.ts) along the roads: every unit
 * (covered or not: a site also takes people nearer to it than to their hall)
 * within radiusM of candidate c, with its network distance, the same number
 * the walking engine gives with the candidate as a hall. Candidates join the
 * network as halls do; without candidates they are the units' own positions.
 */
export function walkingServedReach(
  walk: WalkingReach,
  candidates: { lng: ArrayLike<number>; lat: ArrayLike<number> } | undefined,
  radiusM: number,
): ServedReach {
  const { network, unitAccess } = walk;
  const at = candidates ? network.access(Float64Array.from(candidates.lng), Float64Array.from(candidates.lat)) : unitAccess;
  const search = new BoundedReach(network.graph, unitAccess);
  return (c, visit) => search.reach(at, c, radiusM, visit);
}
