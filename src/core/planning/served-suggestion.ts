// The capacity-aware suggestion ("maximise people served") on the loaded
// engine: the existing halls' catchments and loads come from an engine on the
// loaded halls plus the proposed ones offering the service (they count as
// built, as in the covering mode; an engine of the loaded one's kind, so in
// walking mode catchments follow the roads), then the core's greedy picks the
// sites, with each candidate's reach by straight line or along the roads.
import { assignAreas, areaIndexes } from '../geo/assign-areas';
import type { CoverageEngine } from '../coverage/engine';
import type { SiteCandidates, SuggestAreaFilter } from './suggest-sites';
import { unitCells } from '../geo/nearest-hall';
import { greedyServedSites, straightServedReach } from './served-sites';
import { unitCosines } from '../geo/units-within';
import { hallCapacity } from '../coverage/hall-capacity';
import { hallLoads } from '../coverage/capacity';
import type { SuggestQuery, SuggestResult } from './plan-types';
import { scenarioEngine } from './scenario-compare';
import { walkingServedReach, type WalkingReach } from './network-sites';

/** `walk`: the roads and the units' access points when the engine measures along roads (walking mode). */
export function servedSuggestion(
  e: CoverageEngine,
  req: SuggestQuery,
  candidates: SiteCandidates | undefined,
  area: SuggestAreaFilter | undefined,
  walk?: WalkingReach,
): SuggestResult {
  const opts = req.served!;
  const capacity = hallCapacity(e.halls, opts.capacity);
  if (!capacity) throw new Error('the halls have no capacities: choose a capacity field on import or type one for every hall');
  const { radiusM, service } = req;
  const extra = req.proposed.filter((h) => h.services.includes(service));
  const engine = extra.length === 0 ? e : scenarioEngine(e, extra);
  const caps = Float64Array.from([...capacity, ...extra.map((x) => x.capacity ?? opts.capacity ?? Infinity)]);
  const offers = engine.services.includes(service);
  const p = e.population;
  const nearestM = offers ? engine.nearest(service) : new Float64Array(p.count).fill(Infinity);
  const nearestHall = offers ? engine.nearestHall(service) : new Int32Array(p.count).fill(-1);
  // The loads as capacity analysis counts them, without its 2SFCA (in walking mode a bounded search per hall).
  const load = offers ? hallLoads(p.weight, nearestM, nearestHall, radiusM, caps.length) : new Float64Array(caps.length);
  const cand = candidates ?? { lng: p.lng, lat: p.lat };
  const candArea = candidates ? area?.candidateArea : area?.unitArea;
  const scope = area ? Array.from({ length: cand.lng.length }, (_, c) => c).filter((c) => candArea![c] === area.index) : undefined;
  const siteCapacity = opts.siteCapacity ?? Infinity;
  const reach = walk
    ? walkingServedReach(walk, candidates, radiusM)
    : straightServedReach(
        { lng: p.lng, lat: p.lat, weight: p.weight, cos: unitCosines(p.lat), cells: unitCells(p.lng, p.lat, Math.max(1, caps.length)) },
        cand,
        radiusM,
      );
  const out = greedyServedSites(
    p.weight,
    reach,
    { nearestM, nearestHall, load, capacity: caps },
    { radiusM, count: req.count, capacity: siteCapacity, candidates: cand, scope },
  );
  const lng = Float64Array.from(out.sites, (s) => cand.lng[s.candidateIndex]);
  const lat = Float64Array.from(out.sites, (s) => cand.lat[s.candidateIndex]);
  const siteArea = assignAreas(lng, lat, areaIndexes(e.areas));
  const { proposed: _p, served: _s, ...request } = req;
  return {
    request,
    mode: 'served',
    sites: out.sites.map((s, k) => ({
      rank: k + 1,
      lng: lng[k],
      lat: lat[k],
      service,
      added: s.added,
      cumulative: s.cumulative,
      ...(candidates?.name?.[s.candidateIndex] ? { name: candidates.name[s.candidateIndex] } : {}),
      area: siteArea[k],
    })),
    population: p.total,
    baselineCovered: out.baselineServed,
    candidateCount: cand.lng.length,
  };
}
