// A first look at a file the user dropped, for the import dialog: what the
// core's detectFields finds, which input it probably is, and whether its
// points look shifted against the areas the way GCJ-02 data does (Chinese web
// maps shift WGS84 by 300-600 m in Shenzhen, so points "as given" fall
// outside the areas near their edges, and fall back inside once converted).
// Core modules by path, not through the ../core barrel, so detect-fields
// stays in this file's chunk, which the worker fetches on first use.
import { areaIndexes, assignAreas } from '../core/geo/assign-areas';
import { toWgs84 } from '../core/crs/crs';
import { detectFields, detectFieldsChunks, type FieldSummary } from '../core/input/detect-fields';
import { looksLikeJson } from '../core/input/parse-halls';
import { StreamFallback } from '../core/input/stream-features';
import { guessRole, type RoleGuess } from '../core/input/guess-role';
import { parseCsv } from '../core/input/csv';
import type { AreaSet, Crs, DataRole } from '../core/types';
import { chunksOf, wholeText, type ByteSource } from './byte-source';
import { BROWSER_STREAM_FROM_BYTES } from '../core/limits';

export interface InspectResult {
  file: string;
  summary: FieldSummary;
  /** The input this file most likely is on its own (guess.role). */
  role: DataRole;
  /** The evidence for each role, for the dialog's reason and for assigning roles to files picked together. */
  guess: RoleGuess;
  /** Share (0-1) of the sampled points inside the areas as given, and read as GCJ-02 or BD-09; null for polygons. */
  inside: Record<Crs, number> | null;
  /** likelyCrs(inside): preselected in the dialog, with a hint when not WGS84. */
  likely: Crs;
  sampled: number; // points tested
}

/** Points tested for the shift hint: enough for a share to ±2 percentage points. */
const SAMPLE = 2000;

/** What one read of a file gives: its summary and up to SAMPLE of its points, evenly spread; kept by the worker for rechecks. */
export interface FileLook {
  summary: FieldSummary;
  points: [number, number][]; // raw positions as written
}

/** Summary, likely role and the CRS-shift test for one file's text; throws the core's InputError when unreadable. */
export function inspectInput(file: string, text: string, areas: AreaSet): InspectResult {
  return judgeLook(file, lookAtText(file, text), areas);
}

/**
 * The summary and sampled points of a file read from its bytes: big UTF-8
 * FeatureCollections in one streamed pass (one feature alive at a time, the
 * same summary as the whole text gives), anything else decoded whole.
 */
export function lookAtSource(file: string, src: ByteSource, onBytes?: (done: number) => void): FileLook {
  if (src.size >= BROWSER_STREAM_FROM_BYTES) {
    try {
      const sample = new EvenSample();
      const summary = detectFieldsChunks(chunksOf(src, onBytes), file, (f) => sample.addFeature(f));
      return { summary, points: sample.points() };
    } catch (e) {
      if (!(e instanceof StreamFallback)) throw e; // else read whole below, with the whole-text messages
    }
  }
  return lookAtText(file, wholeText(file, src));
}

/** The summary and sampled points of a whole text. */
export function lookAtText(file: string, text: string): FileLook {
  const summary = detectFields(text, file);
  return { summary, points: guessRole(summary).role === 'areas' ? [] : samplePoints(text) };
}

/** The likely role and the CRS-shift test of a file already looked at, against these areas. */
export function judgeLook(file: string, look: FileLook, areas: AreaSet): InspectResult {
  const { summary, points: pts } = look;
  const guess = guessRole(summary);
  const role = guess.role;
  if (role === 'areas' || pts.length === 0 || areas.features.length === 0) return { file, summary, role, guess, inside: null, likely: 'wgs84', sampled: 0 };
  const idx = areaIndexes(areas);
  const share = (crs: Crs) => {
    const conv = pts.map(([x, y]) => toWgs84(x, y, crs));
    const a = assignAreas(
      conv.map((p) => p[0]),
      conv.map((p) => p[1]),
      idx,
    );
    return a.reduce((n, v) => n + (v >= 0 ? 1 : 0), 0) / pts.length;
  };
  const inside = { wgs84: share('wgs84'), gcj02: share('gcj02'), bd09: share('bd09') };
  return { file, summary, role, guess, inside, likely: likelyCrs(inside), sampled: pts.length };
}

/** The CRS the points most likely use: the one putting clearly more of them inside the areas (≥ 1 point in 50 more), else WGS84. */
export function likelyCrs(inside: Record<Crs, number> | null): Crs {
  if (!inside) return 'wgs84';
  const best = (['gcj02', 'bd09'] as const).reduce((b, c) => (inside[c] > inside[b] ? c : b), 'gcj02' as Crs);
  return inside[best] - inside.wgs84 >= 0.02 ? best : 'wgs84';
}

/**
 * Up to SAMPLE points evenly spread over a sequence of unknown length, in
 * bounded memory: every step-th point is kept, and when 2 × SAMPLE are kept,
 * every other one is dropped and the step doubles.
 */
export class EvenSample {
  private kept: [number, number][] = [];
  private step = 1;
  private seen = 0;

  add(x: number, y: number): void {
    if (this.seen++ % this.step !== 0) return;
    this.kept.push([x, y]);
    if (this.kept.length === 2 * SAMPLE) {
      this.kept = this.kept.filter((_, k) => k % 2 === 0);
      this.step *= 2;
    }
  }

  /** A Point feature's position, when it is a pair of finite numbers. */
  addFeature(f: { geometry?: { type?: string; coordinates?: unknown } | null }): void {
    const c = f?.geometry?.coordinates;
    if (f?.geometry?.type === 'Point' && Array.isArray(c) && Number.isFinite(c[0]) && Number.isFinite(c[1])) this.add(c[0] as number, c[1] as number);
  }

  points(): [number, number][] {
    const n = this.kept.length;
    if (n <= SAMPLE) return this.kept;
    return Array.from({ length: SAMPLE }, (_, k) => this.kept[Math.floor((k * n) / SAMPLE)]);
  }
}

// Up to SAMPLE raw positions, evenly spread over the file's points.
function samplePoints(text: string): [number, number][] {
  const sample = new EvenSample();
  if (looksLikeJson(text)) {
    const json = JSON.parse(text.replace(/^\uFEFF/, '')) as { features?: { geometry?: { type?: string; coordinates?: unknown } }[] };
    for (const f of json.features ?? []) sample.addFeature(f);
  } else {
    const rows = parseCsv(text.replace(/^\uFEFF/, ''));
    if (Array.isArray(rows) && rows.length > 1) {
      const names = rows[0].cells.map((c) => c.trim().toLowerCase());
      const [i, j] = [names.indexOf('lng'), names.indexOf('lat')];
      if (i >= 0 && j >= 0)
        for (const r of rows.slice(1)) {
          const [x, y] = [Number(r.cells[i]), Number(r.cells[j])];
          if (Number.isFinite(x) && Number.isFinite(y) && r.cells[i].trim() !== '') sample.add(x, y);
        }
    }
  }
  return sample.points();
}
