// Halls from GeoJSON Point features or a CSV with columns name,lng,lat,services.
import { toWgs84 } from '../crs/crs';
import { parseCsv } from './csv';
import { fail, preview, typeName } from './input-error';
import { checkFeature, checkPosition, fieldOf, propertiesOf, readFeatureValues } from './read-geojson';
import { ALL_KEY, splitServices } from '../services';
import type { Crs, HallSet } from '../types';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const RESERVED = `service name "${ALL_KEY}" is reserved for "covered by every service"`;

export interface ParseHallsOptions {
  file: string; // name used in messages
  crs?: Crs; // of the input; default wgs84
  servicesField?: string; // default 'services'
  nameField?: string; // default 'name'
  /**
   * Property (CSV: column) with each hall's capacity, people per service.
   * Default 'capacity', read when some hall has it; a field given here is
   * read even when no hall has it (every hall is then unlimited).
   */
  capacityField?: string;
}

/** Capacity field read when none is named. */
export const CAPACITY_FIELD = 'capacity';

/** True when the text looks like GeoJSON rather than CSV (first non-blank character is `{`). */
export function looksLikeJson(text: string): boolean {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return t.trimStart().startsWith('{');
}

/** Parse halls (GeoJSON or CSV, detected from the content) into WGS84 typed arrays. */
export function parseHalls(text: string, opts: ParseHallsOptions): HallSet {
  return looksLikeJson(text) ? parseHallsGeoJson(text, opts) : parseHallsCsv(text, opts);
}

interface HallRow {
  lng: number;
  lat: number;
  name: string;
  services: string[];
  properties: Record<string, unknown>;
  capacity: number;
}

// `withCapacity`: capacity analysis is on (the field is on some hall, or named).
function hallSet(rows: HallRow[], withCapacity: boolean): HallSet {
  const set: HallSet = {
    count: rows.length,
    lng: Float64Array.from(rows, (r) => r.lng),
    lat: Float64Array.from(rows, (r) => r.lat),
    name: rows.map((r) => r.name),
    services: rows.map((r) => r.services),
    properties: rows.map((r) => r.properties),
  };
  if (withCapacity) set.capacity = Float64Array.from(rows, (r) => r.capacity);
  return set;
}

// Where a bad capacity is: the hall's position is in the issue, its name (when it has one) in the message.
const hallLabel = (name: unknown) =>
  typeof name === 'string' && name.trim() !== '' ? ` (hall ${preview(name.trim())})` : typeof name === 'number' ? ` (hall ${name})` : '';

/** A capacity as read: Infinity (unlimited) for empty or missing, else a finite number >= 0; `bad` words the problem. */
function checkCapacity(v: number, raw: unknown, bad: (message: string) => never): number {
  if (Number.isNaN(v)) bad(`${preview(raw)} is not a number`);
  if (!Number.isFinite(v)) bad(`${preview(raw)} is not a finite number`);
  if (v < 0) bad(`${v} is negative`);
  return v + 0; // -0 is 0
}
function nameOf(value: unknown, i: number): string {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return `hall ${i + 1}`; // unnamed halls still need a label in tables
}

function parseHallsGeoJson(text: string, opts: ParseHallsOptions): HallSet {
  const { file, crs = 'wgs84', servicesField = 'services', nameField = 'name', capacityField = CAPACITY_FIELD } = opts;
  let withCapacity = opts.capacityField !== undefined;
  // Each feature is checked as it is used, so the first broken one in file order is named.
  const features = readFeatureValues(text, file);
  const rows = features.map((value, i) => {
    const f = checkFeature(value, i, file);
    const g = f.geometry as { type: string; coordinates?: unknown };
    if (g.type !== 'Point') fail({ file, feature: i, message: `wrong geometry type ${typeName(g.type)}, halls must be Point` });
    const [lng, lat] = checkPosition(g.coordinates, file, i, crs);
    const properties = propertiesOf(f);
    const services = splitServices(fieldOf(f, servicesField));
    if (services === null) {
      fail({ file, feature: i, field: servicesField, message: 'must be a list of strings or a string separated by , ; ， ； or 、' });
    }
    if (services.includes(ALL_KEY)) fail({ file, feature: i, field: servicesField, message: RESERVED });
    if (Object.hasOwn(properties, capacityField)) withCapacity = true;
    const bad = (message: string): never => fail({ file, feature: i, field: capacityField, message: `${message}${hallLabel(fieldOf(f, nameField))}` });
    const c = fieldOf(f, capacityField);
    let capacity = Infinity;
    // A quoted number is refused: GeoJSON has numbers, and text there often hides a unit or a typo.
    if (typeof c === 'string' && c !== '') bad(`${preview(c)} is text, not a number: write the capacity without quotes`);
    else if (typeof c === 'number') capacity = checkCapacity(c, c, bad);
    else if (c !== undefined && c !== null && c !== '') bad(`${preview(c)} is not a number`);
    return { lng, lat, name: nameOf(fieldOf(f, nameField), i), services, properties, capacity };
  });
  return hallSet(rows, withCapacity);
}

function parseHallsCsv(text: string, opts: ParseHallsOptions): HallSet {
  const { file, crs = 'wgs84', servicesField = 'services', nameField = 'name', capacityField = CAPACITY_FIELD } = opts;
  if (text.replace(/^\uFEFF/, '').trim() === '') fail({ file, message: 'file is empty' });
  const parsed = parseCsv(text);
  if (!Array.isArray(parsed)) fail({ file, line: parsed.unclosedQuoteLine, message: 'unclosed quote' });
  if (parsed.length === 0) fail({ file, message: 'file has no rows, only blank lines or empty quotes' });
  const [header, ...data] = parsed;
  const names = header.cells.map((c) => c.trim());
  const col = (want: string): number => {
    const k = names.findIndex((n) => n.toLowerCase() === want.toLowerCase());
    if (k < 0) fail({ file, line: header.line, message: `missing column "${want}" (expected ${nameField},lng,lat,${servicesField})` });
    return k;
  };
  const [iName, iLng, iLat, iServices] = [col(nameField), col('lng'), col('lat'), col(servicesField)];
  const iCapacity = names.findIndex((n) => n.toLowerCase() === capacityField.toLowerCase());
  if (data.length === 0) fail({ file, message: 'no data rows after the header' });
  const rows = data.map((row, i) => {
    const at = { file, feature: i, line: row.line };
    if (row.cells.length !== names.length) {
      fail({ ...at, message: `has ${row.cells.length} cells, the header has ${names.length}` });
    }
    const num = (k: number, field: string): number => {
      const s = row.cells[k].trim();
      // Decimal only: Number() would also read '0x71' as 113 and '0b1' as 1.
      const v = DECIMAL.test(s) ? Number(s) : NaN;
      if (!Number.isFinite(v)) fail({ ...at, field, message: `${preview(row.cells[k])} is not a number` });
      return v;
    };
    const x = num(iLng, 'lng');
    const y = num(iLat, 'lat');
    if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) {
      const kind = Math.abs(x) <= 90 && Math.abs(y) <= 180 ? 'look swapped (latitude first)' : 'look projected (metres, not degrees)';
      fail({ ...at, message: `coordinates ${kind}: lng ${x}, lat ${y}` });
    }
    const [lng, lat] = toWgs84(x, y, crs);
    const services = splitServices(row.cells[iServices]) ?? [];
    if (services.includes(ALL_KEY)) fail({ ...at, field: servicesField, message: RESERVED });
    let capacity = Infinity;
    const c = iCapacity < 0 ? '' : row.cells[iCapacity].trim();
    if (c !== '') {
      const bad = (message: string): never => fail({ ...at, field: capacityField, message: `${message}${hallLabel(row.cells[iName])}` });
      capacity = checkCapacity(DECIMAL.test(c) ? Number(c) : NaN, row.cells[iCapacity], bad);
    }
    // Own data properties even for a column named "__proto__", which plain
    // assignment would take as the object's prototype.
    const properties: Record<string, unknown> = Object.fromEntries(names.map((n, k) => [n, row.cells[k]]));
    Object.defineProperty(properties, servicesField, { value: services, enumerable: true, writable: true, configurable: true });
    return { lng, lat, name: nameOf(row.cells[iName], i), services, properties, capacity };
  });
  return hallSet(rows, iCapacity >= 0 || opts.capacityField !== undefined);
}
