// A quick look at an input file before importing it, for the import dialog:
// what it holds, how many features, where, and which properties could be the
// population (numeric), a name (text) or a list of services (arrays of
// strings, or text naming known services). guess-role.ts reads these facts.
import type { Feature } from 'geojson';
import { parseCsv } from './csv';
import { fail } from './input-error';
import { looksLikeJson } from './parse-halls';
import { propertiesOf, readFeatures } from './read-geojson';
import { splitServices } from '../services';
import { streamFeatures } from './stream-features';
import { KNOWN_SERVICES } from '../types';

export interface FieldSummary {
  /** points / lines / polygons (GeoJSON, by geometry), mixed, or csv. */
  kind: 'points' | 'lines' | 'polygons' | 'mixed' | 'csv';
  /** Features, or CSV data rows. */
  count: number;
  /** [minX, minY, maxX, maxY] of the raw coordinates as written (no CRS conversion), null if none. */
  bbox: [number, number, number, number] | null;
  /** Properties (CSV columns) whose every present, non-empty value is a finite number; file order. */
  numericFields: string[];
  /** [min, max] of each numeric field, in numericFields order. */
  numericRanges: [number, number][];
  /** Properties whose every present value is a string (CSV: the other columns); file order. */
  stringFields: string[];
  /** Properties whose every present value is an array of strings (the documented form of hall services); file order. */
  listFields: string[];
  /** Text or list properties (CSV columns) where one of the first 1 000 values names a known service (petition, legal-aid, psych-support); file order. */
  knownServiceFields: string[];
  /** Every property (CSV column) with a present value, whatever its type; file order. */
  fields: string[];
}

// Values of a field tested for known services: a services field names one in its first
// few rows; a million-row population file's name field is not split a million times.
const SERVICE_TRIES = 1000;

// True when a services value (text split on the services separators, or an array of strings) names a known service.
function namesKnownService(v: unknown): boolean {
  return (splitServices(v) ?? []).some((s) => (KNOWN_SERVICES as readonly string[]).includes(s));
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
  private readonly kinds = new Set<'points' | 'lines' | 'polygons'>();
  private readonly box = new Box();
  private readonly seen: string[] = [];
  private readonly numeric = new Map<string, boolean>();
  private readonly stringy = new Map<string, boolean>();
  private readonly listy = new Map<string, boolean>();
  private readonly known = new Set<string>();
  private readonly tried = new Map<string, number>(); // values tested for known services, per field
  private readonly ranges = new Map<string, [number, number]>();
  private count = 0;

  add(f: Feature): void {
    this.count++;
    const type = f.geometry.type;
    this.kinds.add(type === 'Point' || type === 'MultiPoint' ? 'points' : type === 'LineString' || type === 'MultiLineString' ? 'lines' : 'polygons');
    this.box.walk((f.geometry as { coordinates?: unknown }).coordinates);
    for (const [k, v] of Object.entries(propertiesOf(f))) {
      if (v === null || v === undefined) continue;
      if (!this.numeric.has(k)) {
        this.seen.push(k);
        this.numeric.set(k, true);
        this.stringy.set(k, true);
        this.listy.set(k, true);
      }
      if (typeof v === 'number' && Number.isFinite(v)) {
        const r = this.ranges.get(k);
        this.ranges.set(k, r ? [Math.min(r[0], v), Math.max(r[1], v)] : [v, v]);
      } else this.numeric.set(k, false);
      if (typeof v !== 'string') this.stringy.set(k, false);
      const list = Array.isArray(v) && v.every((x) => typeof x === 'string');
      if (!list) this.listy.set(k, false);
      if ((list || typeof v === 'string') && !this.known.has(k) && (this.tried.get(k) ?? 0) < SERVICE_TRIES) {
        this.tried.set(k, (this.tried.get(k) ?? 0) + 1);
        if (namesKnownService(v)) this.known.add(k);
      }
    }
  }

  summary(): FieldSummary {
    const numericFields = this.seen.filter((k) => this.numeric.get(k));
    const stringFields = this.seen.filter((k) => this.stringy.get(k));
    const listFields = this.seen.filter((k) => this.listy.get(k));
    return {
      kind: this.kinds.size === 1 ? [...this.kinds][0] : 'mixed',
      count: this.count,
      bbox: this.box.value(),
      numericFields,
      numericRanges: numericFields.map((k) => this.ranges.get(k) as [number, number]),
      stringFields,
      listFields,
      knownServiceFields: this.seen.filter((k) => this.known.has(k) && (stringFields.includes(k) || listFields.includes(k))),
      fields: [...this.seen],
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
  const isNum = names.map(
    (_, k) =>
      data.some((r) => (r.cells[k] ?? '').trim() !== '') &&
      data.every((r) => {
        const s = (r.cells[k] ?? '').trim();
        return s === '' || Number.isFinite(Number(s));
      }),
  );
  const col = (n: string) => names.findIndex((x) => x.toLowerCase() === n);
  const [iLng, iLat] = [col('lng'), col('lat')];
  const box = new Box();
  if (iLng >= 0 && iLat >= 0) for (const r of data) box.walk([Number(r.cells[iLng]), Number(r.cells[iLat])]);
  const cells = (k: number) => data.map((r) => (r.cells[k] ?? '').trim()).filter((c) => c !== '');
  const numeric = names.map((_, k) => k).filter((k) => isNum[k]);
  return {
    kind: 'csv',
    count: data.length,
    bbox: box.value(),
    numericFields: numeric.map((k) => names[k]),
    numericRanges: numeric.map((k) =>
      cells(k)
        .map(Number)
        .reduce<[number, number]>(([lo, hi], v) => [Math.min(lo, v), Math.max(hi, v)], [Infinity, -Infinity]),
    ),
    stringFields: names.filter((_, k) => !isNum[k]),
    listFields: [],
    knownServiceFields: names.filter((_, k) => !isNum[k] && cells(k).slice(0, SERVICE_TRIES).some(namesKnownService)),
    fields: names.filter((n) => n !== ''),
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
