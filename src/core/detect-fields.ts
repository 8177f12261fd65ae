// A quick look at an input file before importing it, for the import dialog:
// what it holds, how many features, where, and which properties could be the
// population (numeric) or a name (text).
import type { Feature } from 'geojson';
import { parseCsv } from './csv.ts';
import { fail } from './input-error.ts';
import { looksLikeJson } from './parse-halls.ts';
import { propertiesOf, readFeatures } from './read-geojson.ts';
import { streamFeatures } from './stream-features.ts';

export interface FieldSummary {
  /** points / polygons (GeoJSON, by geometry), mixed, or csv. */
  kind: 'points' | 'polygons' | 'mixed' | 'csv';
  /** Features, or CSV data rows. */
  count: number;
  /** [minX, minY, maxX, maxY] of the raw coordinates as written (no CRS conversion), null if none. */
  bbox: [number, number, number, number] | null;
  /** Properties (CSV columns) whose every present, non-empty value is a finite number; file order. */
  numericFields: string[];
  /** Properties whose every present value is a string (CSV: the other columns); file order. */
  stringFields: string[];
}

/** Summarise a GeoJSON or CSV file; throws InputError when it cannot be read at all. */
export function detectFields(text: string, file = 'input'): FieldSummary {
  return looksLikeJson(text) ? geojsonSummary(text, file) : csvSummary(text, file);
}

function geojsonSummary(text: string, file: string): FieldSummary {
  const tally = new FeatureTally();
  for (const f of readFeatures(text, file)) tally.add(f);
  return tally.summary();
}

/**
 * detectFields for a FeatureCollection arriving as UTF-8 byte chunks, one
 * feature alive at a time; `onFeature` sees each checked feature too. Throws
 * StreamFallback when the file cannot be streamed (then use detectFields).
 */
export function detectFieldsChunks(chunks: Iterable<Uint8Array>, file: string, onFeature: (f: Feature) => void = () => {}): FieldSummary {
  const tally = new FeatureTally();
  streamFeatures(chunks, file, (f) => {
    tally.add(f);
    onFeature(f);
  });
  return tally.summary();
}

// The GeoJSON part of a FieldSummary, built one feature at a time.
class FeatureTally {
  private readonly kinds = new Set<'points' | 'polygons'>();
  private readonly box = new Box();
  private readonly seen: string[] = [];
  private readonly numeric = new Map<string, boolean>();
  private readonly stringy = new Map<string, boolean>();
  private count = 0;

  add(f: Feature): void {
    this.count++;
    this.kinds.add(f.geometry.type === 'Point' || f.geometry.type === 'MultiPoint' ? 'points' : 'polygons');
    this.box.walk((f.geometry as { coordinates?: unknown }).coordinates);
    for (const [k, v] of Object.entries(propertiesOf(f))) {
      if (v === null || v === undefined) continue;
      if (!this.numeric.has(k)) {
        this.seen.push(k);
        this.numeric.set(k, true);
        this.stringy.set(k, true);
      }
      if (!(typeof v === 'number' && Number.isFinite(v))) this.numeric.set(k, false);
      if (typeof v !== 'string') this.stringy.set(k, false);
    }
  }

  summary(): FieldSummary {
    return {
      kind: this.kinds.size === 1 ? [...this.kinds][0] : 'mixed',
      count: this.count,
      bbox: this.box.value(),
      numericFields: this.seen.filter((k) => this.numeric.get(k)),
      stringFields: this.seen.filter((k) => this.stringy.get(k)),
    };
  }
}

function csvSummary(text: string, file: string): FieldSummary {
  if (text.replace(/^\uFEFF/, '').trim() === '') fail({ file, message: 'file is empty' });
  const rows = parseCsv(text);
  if (!Array.isArray(rows)) fail({ file, line: rows.unclosedQuoteLine, message: 'unclosed quote' });
  if (rows.length === 0) fail({ file, message: 'file has no rows, only blank lines or empty quotes' });
  const [header, ...data] = rows;
  const names = header.cells.map((c) => c.trim());
  const isNum = names.map((_, k) => data.some((r) => (r.cells[k] ?? '').trim() !== '') &&
    data.every((r) => {
      const s = (r.cells[k] ?? '').trim();
      return s === '' || Number.isFinite(Number(s));
    }));
  const col = (n: string) => names.findIndex((x) => x.toLowerCase() === n);
  const [iLng, iLat] = [col('lng'), col('lat')];
  const box = new Box();
  if (iLng >= 0 && iLat >= 0) for (const r of data) box.walk([Number(r.cells[iLng]), Number(r.cells[iLat])]);
  return {
    kind: 'csv',
    count: data.length,
    bbox: box.value(),
    numericFields: names.filter((_, k) => isNum[k]),
    stringFields: names.filter((_, k) => !isNum[k]),
  };
}

class Box {
  private minX = Infinity;
  private minY = Infinity;
  private maxX = -Infinity;
  private maxY = -Infinity;

  // Positions are arrays whose first item is a number; anything else is recursed into.
  walk(c: unknown, depth = 0): void {
    if (!Array.isArray(c) || depth > 6) return;
    if (typeof c[0] === 'number') {
      const [x, y] = c as number[];
      if (Number.isFinite(x) && Number.isFinite(y)) {
        this.minX = Math.min(this.minX, x);
        this.minY = Math.min(this.minY, y);
        this.maxX = Math.max(this.maxX, x);
        this.maxY = Math.max(this.maxY, y);
      }
      return;
    }
    for (const p of c) this.walk(p, depth + 1);
  }

  value(): [number, number, number, number] | null {
    return this.minX <= this.maxX ? [this.minX, this.minY, this.maxX, this.maxY] : null;
  }
}
