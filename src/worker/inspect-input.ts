// A first look at a file the user dropped, for the import dialog: what the
// core's detectFields finds, which input it probably is, and whether its
// points look shifted against the areas the way GCJ-02 data does (Chinese web
// maps shift WGS84 by 300-600 m in Shenzhen, so points "as given" fall
// outside the areas near their edges, and fall back inside once converted).
import { areaIndexes, assignAreas, detectFields, looksLikeJson, toWgs84, type FieldSummary } from '../core';
import { parseCsv } from '../core/csv.ts';
import type { AreaSet, Crs } from '../core/types';

export type InputRole = 'halls' | 'population' | 'areas';

export interface InspectResult {
  file: string;
  summary: FieldSummary;
  /** The input this file most likely is. */
  role: InputRole;
  /** Share (0-1) of the sampled points inside the areas as given, and read as GCJ-02 or BD-09; null for polygons. */
  inside: Record<Crs, number> | null;
  /** likelyCrs(inside): preselected in the dialog, with a hint when not WGS84. */
  likely: Crs;
  sampled: number; // points tested
}

/** Points tested for the shift hint: enough for a share to ±2 percentage points. */
const SAMPLE = 2000;

/** Summary, likely role and the CRS-shift test for one file; throws the core's InputError when unreadable. */
export function inspectInput(file: string, text: string, areas: AreaSet): InspectResult {
  const summary = detectFields(text, file);
  const role = guessRole(summary);
  const pts = role === 'areas' ? [] : samplePoints(text);
  if (pts.length === 0 || areas.features.length === 0) return { file, summary, role, inside: null, likely: 'wgs84', sampled: 0 };
  const idx = areaIndexes(areas);
  const share = (crs: Crs) => {
    const conv = pts.map(([x, y]) => toWgs84(x, y, crs));
    const a = assignAreas(conv.map((p) => p[0]), conv.map((p) => p[1]), idx);
    return a.reduce((n, v) => n + (v >= 0 ? 1 : 0), 0) / pts.length;
  };
  const inside = { wgs84: share('wgs84'), gcj02: share('gcj02'), bd09: share('bd09') };
  return { file, summary, role, inside, likely: likelyCrs(inside), sampled: pts.length };
}

/** The CRS the points most likely use: the one putting clearly more of them inside the areas (≥ 1 point in 50 more), else WGS84. */
export function likelyCrs(inside: Record<Crs, number> | null): Crs {
  if (!inside) return 'wgs84';
  const best = (['gcj02', 'bd09'] as const).reduce((b, c) => (inside[c] > inside[b] ? c : b), 'gcj02' as Crs);
  return inside[best] - inside.wgs84 >= 0.02 ? best : 'wgs84';
}

function guessRole(s: FieldSummary): InputRole {
  if (s.kind === 'polygons') return s.numericFields.length > 0 && !s.stringFields.includes('name') ? 'population' : 'areas';
  if (s.kind === 'csv') return 'halls';
  return s.numericFields.includes('population') || (!s.stringFields.includes('services') && s.numericFields.length > 0) ? 'population' : 'halls';
}

// Up to SAMPLE raw positions, evenly spread over the file's points.
function samplePoints(text: string): [number, number][] {
  const all: [number, number][] = [];
  if (looksLikeJson(text)) {
    const json = JSON.parse(text.replace(/^\uFEFF/, '')) as { features?: { geometry?: { type?: string; coordinates?: unknown } }[] };
    for (const f of json.features ?? []) {
      const c = f?.geometry?.coordinates;
      if (f?.geometry?.type === 'Point' && Array.isArray(c) && Number.isFinite(c[0]) && Number.isFinite(c[1])) all.push([c[0] as number, c[1] as number]);
    }
  } else {
    const rows = parseCsv(text.replace(/^\uFEFF/, ''));
    if (Array.isArray(rows) && rows.length > 1) {
      const names = rows[0].cells.map((c) => c.trim().toLowerCase());
      const [i, j] = [names.indexOf('lng'), names.indexOf('lat')];
      if (i >= 0 && j >= 0) for (const r of rows.slice(1)) {
        const [x, y] = [Number(r.cells[i]), Number(r.cells[j])];
        if (Number.isFinite(x) && Number.isFinite(y) && r.cells[i].trim() !== '') all.push([x, y]);
      }
    }
  }
  if (all.length <= SAMPLE) return all;
  const step = all.length / SAMPLE;
  return Array.from({ length: SAMPLE }, (_, k) => all[Math.floor(k * step)]);
}
