// The coverage worker: parses the inputs with the core, keeps one
// CoverageEngine, and answers compute/circles requests, newest first (see
// latest-wins.ts).
/// <reference lib="webworker" />
import { parseAreas, withTarget, type CoverageEngine } from '../core';
import type { HallSet } from '../core/types';
import { areaInfo, buildLayers } from './build-layers';
import { unionOfCircles } from './circle-union';
import { LatestWins } from './latest-wins';
import type { PlanningSession } from './planning';
import type { LevelSession } from './levels';
import { blobSource } from './blob-source';
import { wholeText } from './byte-source';
import type { FileLook } from './inspect-input';
import { OnFirstUse } from './on-first-use';
import { loadInputs, type LoadInput } from './load-inputs';
import type { CirclesResult, CoverageRequest, InputFile, InputFiles, LoadResult, ProgressMessage, RequestType, ServiceCircles, WorkerApi, WorkerRequest, WorkerResponse } from './messages';

declare const self: DedicatedWorkerGlobalScope;

let engine: CoverageEngine | null = null;
let halls: HallSet | null = null;
let planning: PlanningSession | null = null; // what-if halls, suggestions, exports on the current engine, made on first use
let levels: LevelSession | null = null; // further area levels of the current engine, read on first use
// Code fetched when the first request that needs it arrives, not with the
// worker: planning (what-if coverage, site suggestions, export files) and the
// import dialog's first look at a file.
const planningCode = new OnFirstUse(() => import('./planning'));
const inspectCode = new OnFirstUse(() => import('./inspect-input'));
const CODE_FOR: Partial<Record<RequestType, OnFirstUse<unknown>>> = { plan: planningCode, plannedGaps: planningCode, suggest: planningCode, export: planningCode, inspect: inspectCode, levelLayers: planningCode, levelStats: planningCode };
let inputs: InputFiles | null = null; // the texts and Blob handles behind the current engine, so an import can replace some of them
const inspected = new Map<string, FileLook>(); // summary and sampled points of files shown in the import dialog, by name
let running: { id: number; type: RequestType } | null = null; // the request being answered, for progress messages

// Progress of an inspection, load or import, at most every PROGRESS_STEP so a big file does not flood the page.
const PROGRESS_STEP = 0.02;
function progress(): (stage: ProgressMessage['stage'], done: number) => void {
  let last = -1;
  return (stage, done) => {
    if (!running || (done - last < PROGRESS_STEP && done < 1)) return;
    last = done;
    self.postMessage({ id: running.id, type: running.type, status: 'progress', stage, done } satisfies WorkerResponse);
  };
}
const circleCache = new Map<string, ServiceCircles>(); // key `${service}@${radius}`
const CACHE_MAX = 24; // merged shapes kept; each is a few hundred KB at most

function loaded(): { engine: CoverageEngine; halls: HallSet } {
  if (!engine || !halls) throw new Error('no data loaded');
  return { engine, halls };
}

// The planning session of the loaded engine (only called once planningCode is in).
function session(): PlanningSession {
  const e = loaded().engine;
  const code = planningCode.value;
  if (!code) throw new Error('planning code not loaded');
  return (planning ??= new code.PlanningSession(e));
}

// The level session of the loaded engine (only called once planningCode is in).
function levelSession(): LevelSession {
  const e = loaded().engine;
  // Levels come with the planning chunk: one chunk of code on first use keeps the worker's first load in one file.
  const code = planningCode.value;
  if (!code) throw new Error('levels code not loaded');
  // The session gets the area reader and label placement of this chunk: imported by the lazy chunk, they made the bundler split this one in two.
  const readAreas = (f: InputFile) => parseAreas(f.blob ? wholeText(f.file, blobSource(f.blob)) : f.text, { file: f.file, crs: f.crs, field: f.field });
  return (levels ??= new code.LevelSession(e, inputs?.levels ?? [], { readAreas, areaInfo }));
}

function circlesFor(req: CoverageRequest): CirclesResult {
  const h = loaded().halls;
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

const handlers: { [K in RequestType]: (p: WorkerApi[K]['request']) => WorkerApi[K]['response'] } = {
  load,
  import(req) {
    const current = inputs;
    if (!current) throw new Error('no data loaded');
    const pick = (role: 'halls' | 'population' | 'areas'): InputFile => {
      const r = req[role];
      return r ? { file: r.file, blob: r.blob, crs: r.crs, field: r.field } : current[role];
    };
    // New first-level areas without levels drop the old levels: they were chosen to go with the old areas.
    const lv = req.levels ? req.levels.map((r): InputFile => ({ file: r.file, blob: r.blob, crs: r.crs, field: r.field })) : req.areas ? [] : current.levels;
    const result = load({ halls: pick('halls'), population: pick('population'), areas: pick('areas'), levels: lv });
    inspected.clear();
    return result;
  },
  inspect(req) {
    const code = inspectCode.value;
    if (!code) throw new Error('import code not loaded');
    const report = progress();
    const kept = req.reuse ? inspected.get(req.file) : undefined;
    const look = kept ?? code.lookAtSource(req.file, blobSource(req.blob), (bytes) => report('inspect', bytes / req.blob.size));
    inspected.set(req.file, look);
    // Points are tested against the areas being imported with them, when those read; else the loaded areas.
    let areas = loaded().engine.areas;
    if (req.areas && req.areas.file !== req.file) {
      try {
        areas = parseAreas(wholeText(req.areas.file, blobSource(req.areas.blob)), { file: req.areas.file, crs: req.areas.crs, field: req.areas.field });
      } catch {
        // The areas file has its own problem; it is reported when loading. The hint uses the loaded areas.
      }
    }
    return code.judgeLook(req.file, look, areas);
  },
  compute(req) {
    const e = loaded().engine;
    const opts = { radiusM: req.radiusM, services: req.services };
    const stats = e.stats(opts);
    return { ...req, stats: req.target === undefined ? stats : withTarget(stats, req.target), gaps: e.gaps(opts) };
  },
  circles: circlesFor,
  levelLayers: () => levelSession().layers(),
  levelStats: (req) => levelSession().stats(req),
  plan: (req) => session().plan(req),
  plannedGaps: (req) => session().plannedGaps(req),
  suggest: (req) => session().suggest(req),
  export: (req) => session().exportFile(req),
  ping: () => null,
};

function load(files: InputFiles): LoadResult {
  // Parse everything and build the new engine before replacing anything:
  // bad input leaves the previous data untouched.
  // Field names and CRS come from the import dialog; the sample uses the defaults.
  const next = loadInputs({ halls: toLoad(files.halls), population: toLoad(files.population), areas: toLoad(files.areas) }, progress());
  const layers = { ...buildLayers(next), levelFiles: files.levels?.map((f) => f.file) ?? [] };
  engine = next;
  halls = next.halls;
  inputs = files;
  planning = null;
  levels = null;
  circleCache.clear();
  return layers;
}

// A picked file is read from its Blob in slices; a text is used as it is.
function toLoad(f: InputFile): LoadInput {
  const meta = { file: f.file, crs: f.crs, field: f.field };
  return f.blob ? { ...meta, source: blobSource(f.blob) } : { ...meta, text: f.text };
}

function answer<K extends RequestType>(req: Extract<WorkerRequest, { type: K }>): WorkerResponse {
  const handler = handlers[req.type] as (p: WorkerApi[K]['request']) => WorkerApi[K]['response'];
  return { id: req.id, type: req.type, status: 'ok', payload: handler(req.payload) } as WorkerResponse;
}

// Load first, then the table's numbers (compute, and the what-if plan), then
// shapes (circles), then the slower, user-started suggestion and export runs.
const queue = new LatestWins<RequestType, WorkerRequest>(
  ['ping', 'load', 'import', 'compute', 'levelStats', 'levelLayers', 'plan', 'circles', 'plannedGaps', 'inspect', 'suggest', 'export'],
  (req) => {
    running = req;
    try {
      self.postMessage(answer(req));
    } catch (e) {
      self.postMessage({ id: req.id, type: req.type, status: 'error', message: e instanceof Error ? e.message : String(e) } satisfies WorkerResponse);
    } finally {
      running = null;
    }
  },
  (req) => self.postMessage({ id: req.id, type: req.type, status: 'superseded' } satisfies WorkerResponse),
);

self.addEventListener('message', (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  const code = CODE_FOR[req.type];
  if (!code || code.value) {
    queue.push(req);
    return;
  }
  // Queued once the code is in, in arrival order. If it cannot be fetched
  // (offline, or a redeploy replaced the file) the request fails with a
  // message, and the next one tries again.
  code.load().then(
    () => queue.push(req),
    (err: unknown) => {
      const why = err instanceof Error ? err.message : String(err);
      self.postMessage({ id: req.id, type: req.type, status: 'error', message: `this tool's code could not be loaded (${why}); reload the page` } satisfies WorkerResponse);
    },
  );
});
