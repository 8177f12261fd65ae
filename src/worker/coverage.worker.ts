// The coverage worker: parses the inputs with the core, keeps one
// CoverageEngine (and, with roads, its walking twin), and answers
// compute/circles requests, newest first (see latest-wins.ts).
/// <reference lib="webworker" />
// Core modules by path, not through the ../core barrel, so the code only the
// worker's lazy chunks use stays in those chunks.
import type { CoverageEngine } from '../core/coverage/engine';
import { parseAreas } from '../core/input/parse-areas';
import { withTarget } from '../core/coverage/stats-target';
import { groupEngine } from '../core/coverage/stats-groups';
import type { DistanceMode, HallSet } from '../core/types';
import type { RoadNetwork } from '../core/network/road-network';
import { areaInfo, buildLayers } from './build-layers';
import { hallCapacity } from '../core/coverage/hall-capacity';
import { unionOfCircles } from '../core/geo/circle-union';
import { LatestWins } from './latest-wins';
import type { PlanningSession } from './planning-session';
import type { LevelSession } from './levels';
import { blobSource } from './blob-source';
import type { FileLook } from './inspect-input';
import { OnFirstUse } from './on-first-use';
import { loadInputs, needsFileReading, type FileReading, type LoadInput } from './load-inputs';
import type {
  CirclesResult,
  CoverageRequest,
  InputFile,
  InputFiles,
  LoadResult,
  ProgressMessage,
  RequestType,
  ServiceCircles,
  WorkerApi,
  WorkerRequest,
  WorkerResponse,
} from './messages';

declare const self: DedicatedWorkerGlobalScope;

let engine: CoverageEngine | null = null;
let halls: HallSet | null = null;
const planning = new Map<DistanceMode, { engine: CoverageEngine; session: PlanningSession }>(); // what-if halls, suggestions, exports per distance mode, made on first use
let roads: RoadNetwork | null = null; // the loaded walking network, if any
let walking: CoverageEngine | null = null; // the engine measuring along `roads`, built on the first walking request
let levels: LevelSession | null = null; // further area levels of the current engine, read on first use
// Code fetched when the first request that needs it arrives, not with the
// worker: planning (what-if coverage, site suggestions, export files) and the
// import dialog's first look at a file.
const planningCode = new OnFirstUse(() => import('./planning-session'));
const inspectCode = new OnFirstUse(() => import('./inspect-input'));
// Walking distance: the roads reader (OSM PBF included) and the network engine, fetched with the first roads file.
const networkCode = new OnFirstUse(() => import('./network'));
// The reading of picked files and big texts (decoders, sliced reading, the
// streaming parser): the sample's small texts do not need it.
const readingCode = new OnFirstUse(() => import('./read-files'));
const CODE_FOR: Partial<Record<RequestType, OnFirstUse<unknown>[]>> = {
  plan: [planningCode],
  plannedGaps: [planningCode],
  compare: [planningCode],
  suggest: [planningCode],
  export: [planningCode],
  inspect: [inspectCode, readingCode],
  levelLayers: [planningCode],
  levelStats: [planningCode],
  distanceChart: [planningCode],
};
function codeFor(req: WorkerRequest): OnFirstUse<unknown>[] {
  if (req.type === 'load' || req.type === 'import') {
    const p = req.payload;
    const picked = req.type === 'import' ? Object.values(p).some((f) => f !== undefined) : needsFileReading(req.payload);
    return [...(p.roads ? [networkCode] : []), ...(picked ? [readingCode] : [])];
  }
  const code = CODE_FOR[req.type] ?? [];
  // Further levels from picked files are read with the first level request.
  const pickedLevels = (req.type === 'levelLayers' || req.type === 'levelStats') && inputs?.levels?.some((f) => f.blob);
  return pickedLevels ? [...code, readingCode] : code;
}
function reading(): FileReading {
  const code = readingCode.value;
  if (!code) throw new Error('file reading code not loaded');
  return code.FILE_READING;
}
function network(): typeof import('./network') {
  const code = networkCode.value;
  if (!code) throw new Error('walking distance code not loaded');
  return code;
}
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
const circleCache = new Map<string, ServiceCircles>(); // key `${mode}:${service}@${radius}`
const CACHE_MAX = 24; // merged shapes kept; each is a few hundred KB at most

function loaded(): { engine: CoverageEngine; halls: HallSet } {
  if (!engine || !halls) throw new Error('no data loaded');
  return { engine, halls };
}

// The engine of a distance mode: walking needs roads (a stale request after
// a reset to data without roads falls back to the straight line).
function engineFor(mode: DistanceMode | undefined): CoverageEngine {
  const e = loaded().engine;
  if (mode !== 'network' || !roads) return e;
  return (walking ??= network().walkingEngine(e, roads));
}

/** The mode a request is answered in: walking only when asked and roads are loaded. */
const modeOf = (req: { distance?: DistanceMode }): DistanceMode => (req.distance === 'network' && roads ? 'network' : 'straight');

// The planning session of the engine of a distance mode (only called once planningCode is in).
function session(mode: DistanceMode): PlanningSession {
  const e = engineFor(mode);
  const code = planningCode.value;
  if (!code) throw new Error('planning code not loaded');
  let p = planning.get(mode);
  if (p?.engine !== e) planning.set(mode, (p = { engine: e, session: new code.PlanningSession(e, roads ? mode : null) }));
  return p.session;
}

// The level session of the loaded engine (only called once planningCode is in).
function levelSession(): LevelSession {
  const e = loaded().engine;
  // Levels come with the planning chunk: one chunk of code on first use keeps the worker's first load in one file.
  const code = planningCode.value;
  if (!code) throw new Error('levels code not loaded');
  // The session gets the area reader and label placement of this chunk: imported by the lazy chunk, they made the bundler split this one in two.
  const readAreas = (f: InputFile) =>
    parseAreas(f.blob ? reading().wholeText(f.file, blobSource(f.blob)) : f.text, { file: f.file, crs: f.crs, field: f.field });
  return (levels ??= new code.LevelSession(e, inputs?.levels ?? [], { readAreas, areaInfo }));
}

// The engine of a distance mode counting one group of people (core groupEngine), kept while the data stays loaded.
const groupViews = new Map<string, CoverageEngine>(); // key `${mode}:${field}`
function groupView(mode: DistanceMode, field: string): CoverageEngine {
  const key = `${mode}:${field}`;
  let e = groupViews.get(key);
  if (!e) groupViews.set(key, (e = groupEngine(engineFor(mode), field)));
  return e;
}

function circlesFor(req: CoverageRequest): CirclesResult {
  const h = loaded().halls;
  const mode = modeOf(req);
  const features = req.services.map((service) => {
    const key = `${mode}:${service}@${req.radiusM}`;
    let f = circleCache.get(key);
    if (!f && mode === 'network') {
      f = network().coveredCells(engineFor(mode), service, req.radiusM);
      if (circleCache.size >= CACHE_MAX) circleCache.delete(circleCache.keys().next().value as string);
      circleCache.set(key, f);
    }
    if (!f) {
      const idx: number[] = [];
      for (let i = 0; i < h.count; i++) if (h.services[i].includes(service)) idx.push(i);
      const geometry = unionOfCircles(
        idx.map((i) => h.lng[i]),
        idx.map((i) => h.lat[i]),
        req.radiusM,
      );
      f = { type: 'Feature', properties: { service }, geometry };
      if (circleCache.size >= CACHE_MAX) circleCache.delete(circleCache.keys().next().value as string);
      circleCache.set(key, f);
    }
    return f;
  });
  return { ...req, distance: mode, circles: { type: 'FeatureCollection', features } };
}

const handlers: { [K in RequestType]: (p: WorkerApi[K]['request']) => WorkerApi[K]['response'] } = {
  load,
  import(req) {
    const current = inputs;
    if (!current) throw new Error('no data loaded');
    const pick = (role: 'halls' | 'population' | 'areas'): InputFile => {
      const r = req[role];
      return r ? { file: r.file, blob: r.blob, crs: r.crs, field: r.field, capacityField: r.capacityField, groupFields: r.groupFields } : current[role];
    };
    // Roads stay loaded across an import that does not replace them.
    const keptRoads = req.roads ? { file: req.roads.file, blob: req.roads.blob, crs: req.roads.crs } : current.roads;
    // New first-level areas without levels drop the old levels: they were chosen to go with the old areas.
    const lv = req.levels ? req.levels.map((r): InputFile => ({ file: r.file, blob: r.blob, crs: r.crs, field: r.field })) : req.areas ? [] : current.levels;
    const result = load({ halls: pick('halls'), population: pick('population'), areas: pick('areas'), levels: lv, ...(keptRoads ? { roads: keptRoads } : {}) });
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
        areas = parseAreas(reading().wholeText(req.areas.file, blobSource(req.areas.blob)), {
          file: req.areas.file,
          crs: req.areas.crs,
          field: req.areas.field,
        });
      } catch {
        // The areas file has its own problem; it is reported when loading. The hint uses the loaded areas.
      }
    }
    return code.judgeLook(req.file, look, areas);
  },
  compute(req) {
    const mode = modeOf(req);
    const opts = { radiusM: req.radiusM, services: req.services };
    const group = req.group !== undefined && loaded().engine.population.groups?.some((g) => g.field === req.group) ? req.group : undefined;
    // A group of people: the same numbers counted with the group's weights, as the stats' `groups` count it.
    const e = group === undefined ? engineFor(mode) : groupView(mode, group);
    // Capacity in either mode (catchments follow the engine's distance, as in the CLI); it shares a hall among everyone, so a group's view has none.
    const capacity = group === undefined ? hallCapacity(e.halls, req.capacity) : null;
    const stats = capacity ? e.capacityStats(opts, capacity) : e.stats(opts);
    const target = (st: typeof stats) => (req.target === undefined ? st : withTarget(st, req.target));
    if (!roads) return { ...req, group, distance: mode, stats: target(stats), gaps: engineFor(mode).gaps(opts), other: null };
    // With roads, both modes: the table shows the straight and the walking share side by side.
    const otherMode: DistanceMode = mode === 'network' ? 'straight' : 'network';
    const { statsWithMode } = network();
    return {
      ...req,
      group,
      distance: mode,
      stats: target(statsWithMode(stats, roads, mode)),
      gaps: engineFor(mode).gaps(opts),
      other: statsWithMode((group === undefined ? engineFor(otherMode) : groupView(otherMode, group)).stats(opts), roads, otherMode),
    };
  },
  circles: circlesFor,
  levelLayers: () => levelSession().layers(),
  levelStats: (req) => levelSession().stats(req),
  // What-if numbers, their gap zones, scenario comparisons, suggestions and
  // exports follow the chosen mode (walking: proposed halls and candidate
  // sites join the roads like loaded halls).
  plan: (req) => session(modeOf(req)).plan(req),
  plannedGaps: (req) => session(modeOf(req)).plannedGaps(req),
  compare: (req) => session(modeOf(req)).compare(req),
  suggest: (req) => session(modeOf(req)).suggest(req),
  export: (req) => session(modeOf(req)).exportFile(req, inputs?.levels?.length ? levelSession().levels : []),
  distanceChart: (req) => ({ ...session(modeOf(req)).distanceChart(req), distance: modeOf(req) }),
  ping: () => null,
};

function load(files: InputFiles): LoadResult {
  // Parse everything and build the new engine before replacing anything:
  // bad input leaves the previous data untouched.
  // Field names and CRS come from the import dialog; the sample uses the defaults.
  const next = loadInputs(
    { halls: toLoad(files.halls), population: toLoad(files.population), areas: toLoad(files.areas) },
    progress(),
    readingCode.value?.FILE_READING,
  );
  const r = files.roads;
  const nextRoads = r ? network().readRoads(r.file, r.blob ? blobSource(r.blob) : network().bytesSource(new TextEncoder().encode(r.text)), r.crs) : null;
  const layers = { ...buildLayers(next), levelFiles: files.levels?.map((f) => f.file) ?? [] };
  engine = next;
  halls = next.halls;
  roads = nextRoads;
  walking = null;
  inputs = files;
  planning.clear();
  levels = null;
  groupViews.clear();
  circleCache.clear();
  return { ...layers, roads: r && nextRoads ? { file: r.file, lines: network().roadLines(nextRoads), edges: nextRoads.graph.edgeCount } : null };
}

// A picked file is read from its Blob in slices; a text is used as it is.
function toLoad(f: InputFile): LoadInput {
  const meta = { file: f.file, crs: f.crs, field: f.field, capacityField: f.capacityField, groupFields: f.groupFields };
  return f.blob ? { ...meta, source: blobSource(f.blob) } : { ...meta, text: f.text };
}

function answer<K extends RequestType>(req: Extract<WorkerRequest, { type: K }>): WorkerResponse {
  const handler = handlers[req.type] as (p: WorkerApi[K]['request']) => WorkerApi[K]['response'];
  return { id: req.id, type: req.type, status: 'ok', payload: handler(req.payload) } as WorkerResponse;
}

// Load first, then the table's numbers (compute, and the what-if plan), then
// shapes (circles), then the slower, user-started suggestion and export runs.
const queue = new LatestWins<RequestType, WorkerRequest>(
  [
    'ping',
    'load',
    'import',
    'compute',
    'levelStats',
    'levelLayers',
    'distanceChart',
    'plan',
    'circles',
    'plannedGaps',
    'compare',
    'inspect',
    'suggest',
    'export',
  ],
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

// A load or import waiting for its code holds the requests that came after
// it, which are about the data it brings.
let dataArriving: Promise<unknown> | null = null;

self.addEventListener('message', (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  const missing = codeFor(req).filter((c) => !c.value);
  if (missing.length === 0 && !dataArriving) {
    queue.push(req);
    return;
  }
  // Queued once the code is in, in arrival order. If it cannot be fetched
  // (offline, or a redeploy replaced the file) the request fails with a
  // message, and the next one tries again.
  const queued = Promise.all([dataArriving, ...missing.map((c) => c.load())]).then(
    () => queue.push(req),
    (err: unknown) => {
      const why = err instanceof Error ? err.message : String(err);
      self.postMessage({
        id: req.id,
        type: req.type,
        status: 'error',
        message: `this tool's code could not be loaded (${why}); reload the page`,
      } satisfies WorkerResponse);
    },
  );
  if (req.type === 'load' || req.type === 'import' || dataArriving) {
    dataArriving = queued;
    void queued.finally(() => {
      if (dataArriving === queued) dataArriving = null;
    });
  }
});
