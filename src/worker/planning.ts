// The worker side of planning: what-if coverage with proposed halls (kept
// incrementally, so moving one hall touches only the people within reach of
// its old and new position), suggested sites, and export files. One session
// per loaded engine; a new load starts a new session.
import {
  statsReport,
  ALL_KEY,
  areaIndexes,
  assignAreas,
  haversineM,
  IncrementalCoverage,
  parseHalls,
  suggestSites,
  type CoverageEngine,
  type SiteCandidates,
  type Stats,
} from '../core';
import { OUTSIDE_AREAS, type DistanceMode } from '../core/types';
import { withDistanceMode } from '../core/network/stats-mode.ts';
import { gapsCsv, gapsGeoJson } from './export/gaps-export';
import { statsCsv, statsJson } from './export/stats-export';
import { hallsGeoJson } from './export/halls-export';
import type { CsvLabels } from './export/csv-labels';
import { blobSource } from './blob-source';
import { PlanLoads } from './plan-loads';
import { servedSuggestion } from './served-suggestion';
import { hallCapacity } from './hall-capacity';
import { hallLoadRows, hallLoadsGeoJson } from '../core/export/hall-loads';
import { loadsCsv } from './export/loads-export';
import { CRS_LABEL, outputPosition } from './export/output-crs';
import { wholeText, type ByteSource } from './byte-source';
import { compareScenarios, differenceZones, ScenarioEngines } from '../core/planning/scenario-compare';
import type { CompareRequest, CompareResult, ExportRequest, ExportResult, PlannedGapsResult, PlanRequest, PlanResult, PlanRow, ProposedHall, SuggestRequest, SuggestResult } from './messages';

// CSVs are written for people, in the words the page sends.
function labels(req: ExportRequest): CsvLabels {
  if (!req.labels) throw new Error(`${req.file}: the request has no column names`);
  return req.labels;
}

interface Placed {
  cid: number; // id inside IncrementalCoverage
  lng: number;
  lat: number;
  services: string;
}

export class PlanningSession {
  private cov: IncrementalCoverage | null = null;
  private covKey = '';
  private baseline: Float64Array[] = []; // per key (services, then all): covered per area bucket
  private placed = new Map<number, Placed>(); // proposed hall id → where it is in `cov`
  private scenarios: ScenarioEngines | null = null; // engines of the scenarios last compared
  private readonly hallLoads: PlanLoads;

  /** `distance`: the mode the engine measures in, named in the stats JSON when roads are loaded (null without roads). */
  constructor(
    private readonly engine: CoverageEngine,
    private readonly distance: DistanceMode | null = null,
  ) {
    this.hallLoads = new PlanLoads(engine);
  }

  /** Covered people per area with the proposed halls, against the loaded halls alone. */
  plan(req: PlanRequest): PlanResult {
    const services = [...new Set(req.services)].sort();
    const keys = [...services, ALL_KEY];
    const areaCount = this.engine.areas.names.length;
    if (services.length === 0) return this.emptyPlan(req, keys);
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
      population: this.sumBuckets(() => population),
      baseline: Object.fromEntries(keys.map((k, s) => [k, this.sumBuckets(() => this.baseline[s])])),
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
   * Greedy maximal-covering sites for one service, on top of the loaded and proposed halls.
   * `readBlob` gives the candidate file's bytes (the worker's FileReaderSync; tests pass bytes).
   */
  suggest(req: SuggestRequest, readBlob: (blob: Blob) => ByteSource = blobSource): SuggestResult {
    const e = this.engine;
    const p = e.population;
    const { radiusM, service } = req;
    const covered = e.services.includes(service) ? e.covered(service, radiusM) : new Uint8Array(p.count);
    // Proposed halls count as built: a suggestion adds to them.
    for (const h of req.proposed) {
      if (!h.services.includes(service)) continue;
      for (let u = 0; u < p.count; u++) if (!covered[u] && haversineM(p.lng[u], p.lat[u], h.lng, h.lat) <= radiusM) covered[u] = 1;
    }
    let candidates: SiteCandidates | undefined;
    let candidateArea: Int32Array | undefined;
    if (req.candidates) {
      const { file, blob, crs } = req.candidates;
      // Read like every import: in slices, UTF-8/UTF-16/GBK decoded, the worker's size limit.
      const c = parseHalls(wholeText(file, readBlob(blob)), { file, crs });
      candidates = { lng: c.lng, lat: c.lat, name: c.name };
      if (req.areaIndex !== null) candidateArea = assignAreas(c.lng, c.lat, areaIndexes(e.areas));
    }
    const area = req.areaIndex === null ? undefined : { index: req.areaIndex, unitArea: e.unitArea, candidateArea };
    if (req.served) return servedSuggestion(e, req, candidates, area);
    const out = suggestSites({ lng: p.lng, lat: p.lat, weight: p.weight, covered }, { radiusM, count: req.count, candidates, area });
    const { proposed: _p, candidates: _c, served: _s, ...request } = req;
    // Where each site lies, so the list can name its subdistrict.
    const siteArea = assignAreas(Float64Array.from(out.sites, (s) => s.lng), Float64Array.from(out.sites, (s) => s.lat), areaIndexes(e.areas));
    return {
      request,
      sites: out.sites.map((s, k) => ({ rank: k + 1, lng: s.lng, lat: s.lat, service, added: s.added, cumulative: s.cumulative, ...(s.name ? { name: s.name } : {}), area: siteArea[k] })),
      population: out.population,
      baselineCovered: out.baselineCovered,
      candidateCount: candidates ? candidates.lng.length : p.count,
    };
  }

  /** One export file built from the engine for the given radius, services and output CRS. */
  exportFile(req: ExportRequest): ExportResult {
    const opts = { radiusM: req.radiusM, services: req.services };
    switch (req.file) {
      case 'gaps-geojson':
        return { file: req.file, mime: 'application/geo+json', text: gapsGeoJson(this.engine.gaps(opts), opts, req.crs) };
      case 'gaps-csv':
        return { file: req.file, mime: 'text/csv', text: gapsCsv(this.engine.gaps(opts), opts.services, labels(req), req.crs) };
      case 'stats-csv':
        return { file: req.file, mime: 'text/csv', text: statsCsv(this.withCapacity(req), labels(req)) };
      case 'stats-json': {
        // The halls' own capacities: exactly the CLI's file; a typed one: the same fields for that capacity.
        // Capacity is a straight-line analysis (the CLI refuses it with --distance network).
        const straight = this.distance !== 'network';
        const own = straight && this.engine.halls.capacity !== undefined;
        const typed = straight && !own ? hallCapacity(this.engine.halls, req.capacity) : null;
        return { file: req.file, mime: 'application/json', text: statsJson(this.withMode(typed ? this.engine.capacityStats(opts, typed) : statsReport(this.engine, { ...opts, capacity: own }))) };
      }
      case 'loads-csv':
        return { file: req.file, mime: 'text/csv', text: loadsCsv(hallLoadRows(this.loadsStats(req), this.engine.halls), labels(req)) };
      case 'loads-geojson':
        return { file: req.file, mime: 'application/geo+json', text: hallLoadsGeoJson(hallLoadRows(this.loadsStats(req), this.engine.halls), req.radiusM, CRS_LABEL[req.crs], (lng, lat) => outputPosition([lng, lat], req.crs)) };
      case 'halls-geojson': {
        const halls = { includeSuggested: req.includeSuggested ?? false, kept: req.kept ?? [] };
        return { file: req.file, mime: 'application/geo+json', text: hallsGeoJson(req.proposed ?? [], req.suggested ?? [], req.radiusM, req.crs, halls) };
      }
    }
  }

  // The stats as the table shows them: with the capacity fields when the halls have capacities or one is typed.
  private withCapacity(req: ExportRequest) {
    const opts = { radiusM: req.radiusM, services: req.services };
    const capacity = this.distance === 'network' ? null : hallCapacity(this.engine.halls, req.capacity);
    return capacity ? this.engine.capacityStats(opts, capacity) : this.engine.stats(opts);
  }

  // The stats JSON names its distance mode when roads are loaded, like the CLI's.
  private withMode(stats: Stats): Stats {
    return this.distance ? withDistanceMode(stats, this.distance) : stats;
  }

  private loadsStats(req: ExportRequest) {
    const stats = this.withCapacity(req);
    if (!stats.halls) throw new Error('the halls have no capacities: choose a capacity field on import or type one for every hall');
    return stats;
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

  // Compensated sum over area buckets (areas, then outside), like the engine's totals.
  private sumBuckets(values: () => Float64Array): number {
    const v = values();
    let s = 0;
    let c = 0;
    for (const x of v) {
      const t = s + x;
      c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
      s = t;
    }
    return s + c;
  }

  private emptyPlan(req: PlanRequest, keys: string[]): PlanResult {
    const stats = this.engine.stats({ radiusM: req.radiusM, services: [] });
    const row = (name: string, population: number): PlanRow => ({ name, population, baseline: Object.fromEntries(keys.map((k) => [k, 0])), planned: Object.fromEntries(keys.map((k) => [k, 0])) });
    return { radiusM: req.radiusM, services: [], proposedIds: req.proposed.map((h) => h.id), areas: stats.areas.map((a) => row(a.name, a.population)), total: row('', stats.total.population) };
  }
}
