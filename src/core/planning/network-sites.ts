// Suggested sites in walking mode: the same greedy, candidates and tie rules
// as suggestSites, with reach measured along the roads. Each candidate joins
// the network by the access rule, as a hall would, and reaches the units whose
// network distance from it is <= radiusM (BoundedReach: one search bounded by
// r per evaluation). Reach is searched again when the lazy greedy re-evaluates
// a candidate instead of being stored: a district's 200 000 candidates would
// hold hundreds of units each.
import type { AccessPoints } from '../network/access';
import { BoundedReach } from '../network/bounded-reach';
import type { RoadNetwork } from '../network/road-network';
import { greedyCover, greedyScope, type ReachFn, type SiteSuggestion, type SuggestOptions, type SuggestUnits } from './suggest-sites';

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
  const search = new BoundedReach(network.graph, unitAccess);
  const { radiusM } = opts;
  const reach: ReachFn = (c, visit) =>
    search.reach(at, c, radiusM, (u) => {
      if (openIndex[u] >= 0) visit(openIndex[u]);
    });
  return greedyCover(units, opts, sc, reach);
}
