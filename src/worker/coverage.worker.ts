// The coverage worker: parses the inputs with the core, keeps one
// CoverageEngine, and answers compute/circles requests. Requests of the same
// type that pile up while the worker is busy are collapsed: only the newest is
// computed, older ones are answered 'superseded' (a dragged slider sends
// dozens; only the last value matters).
/// <reference lib="webworker" />
import { CoverageEngine, parseAreas, parseHalls, parsePopulation } from '../core';
import type { HallSet } from '../core/types';
import { buildLayers } from './build-layers';
import { unionOfCircles } from './circle-union';
import type { CirclesResult, CoverageRequest, RequestType, WorkerApi, WorkerRequest, WorkerResponse } from './messages';

declare const self: DedicatedWorkerGlobalScope;

let engine: CoverageEngine | null = null;
let halls: HallSet | null = null;
const circleCache = new Map<string, CirclesResult['circles']['features'][number]>(); // key `${service}@${radius}`
const CACHE_MAX = 24; // union shapes kept; each is a few hundred KB at most

function post(msg: WorkerResponse): void {
  self.postMessage(msg);
}

function circlesFor(req: CoverageRequest): CirclesResult {
  if (!halls) throw new Error('no data loaded');
  const h = halls;
  const features = req.services.map((service) => {
    const key = `${service}@${req.radiusM}`;
    let f = circleCache.get(key);
    if (!f) {
      const idx: number[] = [];
      for (let i = 0; i < h.count; i++) if (h.services[i].includes(service)) idx.push(i);
      const geometry = unionOfCircles(idx.map((i) => h.lng[i]), idx.map((i) => h.lat[i]), req.radiusM);
      f = { type: 'Feature', properties: { service }, geometry };
      if (circleCache.size >= CACHE_MAX) circleCache.delete(circleCache.keys().next().value as string);
      circleCache.set(key, f);
    }
    return f;
  });
  return { ...req, circles: { type: 'FeatureCollection', features } };
}

function handle<K extends RequestType>(type: K, payload: WorkerApi[K]['request']): WorkerApi[K]['response'] {
  const p = payload as WorkerApi[RequestType]['request'];
  if (type === 'load') {
    const files = p as WorkerApi['load']['request'];
    // Parse everything before replacing anything: bad input leaves the previous data untouched.
    const h = parseHalls(files.halls.text, { file: files.halls.file });
    const pop = parsePopulation(files.population.text, { file: files.population.file });
    const areas = parseAreas(files.areas.text, { file: files.areas.file });
    const next = new CoverageEngine(h, pop, areas);
    engine = next;
    halls = h;
    circleCache.clear();
    return buildLayers(h, pop, areas, next.services, next.gapGrid()) as WorkerApi[K]['response'];
  }
  if (!engine) throw new Error('no data loaded');
  const req = p as CoverageRequest;
  if (type === 'compute') {
    const opts = { radiusM: req.radiusM, services: req.services };
    return { ...req, stats: engine.stats(opts), gaps: engine.gaps(opts) } as WorkerApi[K]['response'];
  }
  return circlesFor(req) as WorkerApi[K]['response'];
}

// Newest waiting request per type; processed in this order so the table (compute) is never stuck behind shapes (circles).
const ORDER: RequestType[] = ['load', 'compute', 'circles'];
const pending = new Map<RequestType, WorkerRequest>();
let scheduled = false;

function drain(): void {
  scheduled = false;
  const type = ORDER.find((t) => pending.has(t));
  if (!type) return;
  const req = pending.get(type) as WorkerRequest;
  pending.delete(type);
  try {
    const payload = handle(req.type, req.payload);
    post({ id: req.id, type: req.type, status: 'ok', payload } as WorkerResponse);
  } catch (e) {
    post({ id: req.id, type: req.type, status: 'error', message: e instanceof Error ? e.message : String(e) });
  }
  if (pending.size) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  // A macrotask, so messages that arrived during the last computation are all read (and collapsed) first.
  setTimeout(drain, 0);
}

self.addEventListener('message', (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  const older = pending.get(req.type);
  if (older) post({ id: older.id, type: older.type, status: 'superseded' });
  pending.set(req.type, req);
  schedule();
});
