// What-if coverage with proposed halls, kept incrementally so moving one hall
// touches only the people within reach of its old and new position, and
// suggested sites on top of them. One session per loaded engine; a new load
// starts a new session.
import { parseHalls } from '../input/parse-halls';
import { ALL_KEY } from '../services';
import { areaIndexes, assignAreas } from '../geo/assign-areas';
import { IncrementalCoverage } from '../coverage/incremental-coverage';
import { compensatedSum } from '../coverage/compensated-sum';
import type { CoverageEngine } from '../coverage/engine';
import { suggestSites, type SiteCandidates } from './suggest-sites';
import { suggestWalkingSites } from './network-sites';
import type { NetworkCoverageEngine } from '../network/network-engine';
import { OUTSIDE_AREAS, type Crs } from '../types';
import type {
  CompareRequest,
  CompareResult,
  PlannedGapsResult,
  PlanRequest,
  PlanResult,
  PlanRow,
  ProposedHall,
  SuggestQuery,
  SuggestResult,
} from './plan-types';
import { PlanLoads } from './plan-loads';
import { servedSuggestion } from './served-suggestion';
import { compareScenarios, differenceZones, ScenarioEngines } from './scenario-compare';
import { recountPlan } from './recount-plan';

/** A candidate halls file, already read and decoded. */
export interface CandidateFile {
  file: string;
  text: string;
  crs: Crs;
}

interface Placed {
  cid: number; // id inside IncrementalCoverage
  lng: number;
  lat: number;
  services: string;
}

export class WhatIfSession {
  private cov: IncrementalCoverage | null = null;
  private covKey = '';
  private baseline: Float64Array[] = []; // per key (services, then all): covered per area bucket
  private placed = new Map<number, Placed>(); // proposed hall id → where it is in `cov`
  private scenarios: ScenarioEngines | null = null; // engines of the scenarios last compared
  private readonly hallLoads: PlanLoads;

  /**
   * `walking`: the engine measures along roads. A proposed hall's reach is then a
   * shortest-path search, so the numbers are recounted from the engine's
   * distances on each request instead of kept by IncrementalCoverage's circles,
   * and the loads from an engine with the proposed halls as real ones.
   */
  constructor(
    private readonly engine: CoverageEngine,
    private readonly walking = false,
  ) {
    this.hallLoads = new PlanLoads(engine);
  }

  /** Covered people per area with the proposed halls, against the loaded halls alone. */
  plan(req: PlanRequest): PlanResult {
    const services = [...new Set(req.services)].sort();
    const keys = [...services, ALL_KEY];
    const areaCount = this.engine.areas.names.length;
    if (services.length === 0) return this.emptyPlan(req, keys);
    if (this.walking) return this.recounted(req, services, keys);
    const cov = this.coverage(req.radiusM, services);
    this.sync(cov, req.proposed);

    const population = cov.populationByArea();
    const planned = keys.map((k) => cov.coveredByArea(k));
    const row = (name: string, a: number): PlanRow => ({
      name,
      population: population[a],
      baseline: Object.fromEntries(keys.map((k, s) => [k, this.baseline[s][a]])),
      planned: Object.fromEntries(keys.map((k, s) => [k, planned[s][a]])),
    });
    const areas = this.engine.areas.names.map((name, a) => row(name, a));
    if (this.engine.hasOutside) areas.push(row(OUTSIDE_AREAS, areaCount));
    const total: PlanRow = {
      name: '',
      population: compensatedSum(population),
      baseline: Object.fromEntries(keys.map((k, s) => [k, compensatedSum(this.baseline[s])])),
      planned: Object.fromEntries(keys.map((k) => [k, cov.covered(k)])),
    };
    const loads = this.hallLoads.loads(req, services);
    return { radiusM: req.radiusM, services, proposedIds: req.proposed.map((h) => h.id), areas, total, ...(loads && { loads }) };
  }

  /** Gap zones with the proposed halls counted as built: what the map hatches while halls are proposed. */
  plannedGaps(req: PlanRequest): PlannedGapsResult {
    const opts = { radiusM: req.radiusM, services: req.services };
    return { ...opts, proposedIds: req.proposed.map((h) => h.id), gaps: this.engine.gaps(opts, req.proposed) };
  }

  /** Two scenarios side by side: each a full engine run on the loaded plus its proposed halls. */
  compare(req: CompareRequest): CompareResult {
    const opts = { radiusM: req.radiusM, services: [...new Set(req.services)].sort() };
    const engines = (this.scenarios ??= new ScenarioEngines(this.engine));
    return {
      ...opts,
      aIds: req.a.map((h) => h.id),
      bIds: req.b.map((h) => h.id),
      comparison: compareScenarios(this.engine, opts, req.a, req.b, engines),
      zones: { type: 'FeatureCollection', features: differenceZones(this.engine, opts, req.a, req.b, engines) },
    };
  }

  /**
   * Greedy maximal-covering sites for one service, on top of the loaded and proposed halls;
   * `candidates` is the text of a candidate halls file (null: the population points).
   */
  suggest(req: SuggestQuery, candidateFile: CandidateFile | null = null): SuggestResult {
    const e = this.engine;
    const p = e.population;
    const { radiusM, service } = req;
    let candidates: SiteCandidates | undefined;
    let candidateArea: Int32Array | undefined;
    if (candidateFile) {
      const { file, text, crs } = candidateFile;
      const c = parseHalls(text, { file, crs });
      candidates = { lng: c.lng, lat: c.lat, name: c.name };
      if (req.areaIndex !== null) candidateArea = assignAreas(c.lng, c.lat, areaIndexes(e.areas));
    }
    const area = req.areaIndex === null ? undefined : { index: req.areaIndex, unitArea: e.unitArea, candidateArea };
    const { proposed: _p, served: _s, distance: _d, ...rest } = req;
    // The mode the gains were measured in, whatever was asked (walking needs roads).
    const request = this.walking ? { ...rest, distance: 'network' as const } : req.distance === undefined ? rest : { ...rest, distance: 'straight' as const };
    // Walking: the engine is the network one (PlanningSession builds it so), its roads and units' access points are reused.
    const walk = this.walking ? (e as NetworkCoverageEngine) : undefined;
    if (req.served) return { ...servedSuggestion(e, req, candidates, area, walk), request };
    // Proposed halls count as built: a suggestion adds to them (the engine's nearest-hall index, not a scan per hall).
    const covered = e.covered(service, radiusM, req.proposed);
    const units = { lng: p.lng, lat: p.lat, weight: p.weight, covered };
    const opts = { radiusM, count: req.count, candidates, area };
    const out = walk ? suggestWalkingSites(units, opts, walk) : suggestSites(units, opts);
    // Where each site lies, so the list can name its subdistrict.
    const siteArea = assignAreas(
      Float64Array.from(out.sites, (s) => s.lng),
      Float64Array.from(out.sites, (s) => s.lat),
      areaIndexes(e.areas),
    );
    return {
      request,
      sites: out.sites.map((s, k) => ({
        rank: k + 1,
        lng: s.lng,
        lat: s.lat,
        service,
        added: s.added,
        cumulative: s.cumulative,
        ...(s.name ? { name: s.name } : {}),
        area: siteArea[k],
      })),
      population: out.population,
      baselineCovered: out.baselineCovered,
      candidateCount: candidates ? candidates.lng.length : p.count,
    };
  }

  // The incremental coverage for this radius and these services, built when either changes.
  private coverage(radiusM: number, services: string[]): IncrementalCoverage {
    const key = `${radiusM}|${services.join('\u0000')}`;
    if (this.cov && this.covKey === key) return this.cov;
    const e = this.engine;
    const p = e.population;
    const cov = new IncrementalCoverage({ lng: p.lng, lat: p.lat, weight: p.weight, area: e.unitArea }, e.halls, services, radiusM, e.areas.names.length);
    this.baseline = [...services, ALL_KEY].map((k) => cov.coveredByArea(k));
    this.cov = cov;
    this.covKey = key;
    this.placed.clear();
    return cov;
  }

  // Bring `cov` to exactly the requested proposed halls: add, move, re-service or remove the differences.
  private sync(cov: IncrementalCoverage, proposed: ProposedHall[]): void {
    const wanted = new Map(proposed.map((h) => [h.id, h]));
    for (const [id, at] of this.placed) {
      if (!wanted.has(id)) {
        cov.removeHall(at.cid);
        this.placed.delete(id);
      }
    }
    for (const h of proposed) {
      const svc = [...h.services].sort().join('\u0000');
      const at = this.placed.get(h.id);
      if (!at) {
        this.placed.set(h.id, { cid: cov.addHall(h), lng: h.lng, lat: h.lat, services: svc });
        continue;
      }
      if (at.lng !== h.lng || at.lat !== h.lat) {
        cov.moveHall(at.cid, h.lng, h.lat);
        at.lng = h.lng;
        at.lat = h.lat;
      }
      if (at.services !== svc) {
        cov.setHallServices(at.cid, h.services);
        at.services = svc;
      }
    }
  }

  // The walking plan: per area, people within reach along the roads of the loaded halls, and of those plus the proposed ones.
  private recounted(req: PlanRequest, services: string[], keys: string[]): PlanResult {
    const r = recountPlan(this.engine, req.radiusM, services, req.proposed);
    const A = this.engine.areas.names.length;
    const row = (name: string, a: number): PlanRow => ({
      name,
      population: r.population[a],
      baseline: Object.fromEntries(keys.map((k, s) => [k, r.baseline[s][a]])),
      planned: Object.fromEntries(keys.map((k, s) => [k, r.planned[s][a]])),
    });
    const areas = this.engine.areas.names.map((name, a) => row(name, a));
    if (this.engine.hasOutside) areas.push(row(OUTSIDE_AREAS, A));
    const total: PlanRow = {
      name: '',
      population: compensatedSum(r.population),
      baseline: Object.fromEntries(keys.map((k, s) => [k, compensatedSum(r.baseline[s])])),
      planned: Object.fromEntries(keys.map((k, s) => [k, compensatedSum(r.planned[s])])),
    };
    const loads = this.hallLoads.recountedLoads(req, services, (this.scenarios ??= new ScenarioEngines(this.engine)));
    return { radiusM: req.radiusM, services, proposedIds: req.proposed.map((h) => h.id), areas, total, ...(loads && { loads }) };
  }

  private emptyPlan(req: PlanRequest, keys: string[]): PlanResult {
    const stats = this.engine.stats({ radiusM: req.radiusM, services: [] });
    const row = (name: string, population: number): PlanRow => ({
      name,
      population,
      baseline: Object.fromEntries(keys.map((k) => [k, 0])),
      planned: Object.fromEntries(keys.map((k) => [k, 0])),
    });
    return {
      radiusM: req.radiusM,
      services: [],
      proposedIds: req.proposed.map((h) => h.id),
      areas: stats.areas.map((a) => row(a.name, a.population)),
      total: row('', stats.total.population),
    };
  }
}
