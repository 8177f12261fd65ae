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
} from '../core';
import { OUTSIDE_AREAS } from '../core/types';
import { gapsCsv, gapsGeoJson } from './export/gaps-export';
import { statsCsv, statsJson } from './export/stats-export';
import { hallsGeoJson } from './export/halls-export';
import type { CsvLabels } from './export/csv-labels';
import { blobSource } from './blob-source';
import { wholeText, type ByteSource } from './byte-source';
import type { ExportRequest, ExportResult, PlannedGapsResult, PlanRequest, PlanResult, PlanRow, ProposedHall, SuggestRequest, SuggestResult } from './messages';

export { LevelSession } from './levels';

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

  constructor(private readonly engine: CoverageEngine) {}

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
    return { radiusM: req.radiusM, services, proposedIds: req.proposed.map((h) => h.id), areas, total };
  }

  /** Gap zones with the proposed halls counted as built: what the map hatches while halls are proposed. */
  plannedGaps(req: PlanRequest): PlannedGapsResult {
    const opts = { radiusM: req.radiusM, services: req.services };
    return { ...opts, proposedIds: req.proposed.map((h) => h.id), gaps: this.engine.gaps(opts, req.proposed) };
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
    const out = suggestSites({ lng: p.lng, lat: p.lat, weight: p.weight, covered }, { radiusM, count: req.count, candidates, area });
    const { proposed: _p, candidates: _c, ...request } = req;
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
        return { file: req.file, mime: 'text/csv', text: statsCsv(this.engine.stats(opts), labels(req)) };
      case 'stats-json':
        return { file: req.file, mime: 'application/json', text: statsJson(statsReport(this.engine, { ...opts, capacity: this.engine.halls.capacity !== undefined, target: req.target })) };
      case 'halls-geojson': {
        const halls = { includeSuggested: req.includeSuggested ?? false, kept: req.kept ?? [] };
        return { file: req.file, mime: 'application/geo+json', text: hallsGeoJson(req.proposed ?? [], req.suggested ?? [], req.radiusM, req.crs, halls) };
      }
    }
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
