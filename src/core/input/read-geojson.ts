// Shared first steps of every GeoJSON input: parse the text, insist on
// features, and check positions so swapped or projected coordinates are
// caught with a located message instead of producing silent nonsense.
import type { Feature, Geometry, Position } from 'geojson';
import { toWgs84 } from '../crs/crs';
import { fail, preview, typeName } from './input-error';
import { firstJsonError, jsonSyntaxMessage, lineColumn, TOKEN_CHARS } from './json-syntax';
import type { Crs } from '../types';

/** Parse GeoJSON text into its features (a FeatureCollection or a single Feature). */
export function readFeatures(text: string, file: string): Feature[] {
  return readFeatureValues(text, file).map((f, i) => checkFeature(f, i, file));
}

/**
 * The elements of a GeoJSON text's "features" array (or the single Feature),
 * not yet checked: a parser that checks each with checkFeature as it uses it
 * reports the first broken feature in file order, as the streamed reader does.
 */
export function readFeatureValues(text: string, file: string): unknown[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (src.trim() === '') fail({ file, message: 'file is empty' });
  let json: unknown;
  try {
    json = JSON.parse(src);
  } catch (e) {
    fail({ file, message: invalidJson(src, e) });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail({ file, message: 'not a GeoJSON object' });
  const obj = json as { type?: unknown; features?: unknown };
  let features: unknown[];
  if (obj.type === 'FeatureCollection') {
    if (!Array.isArray(obj.features)) fail({ file, message: 'FeatureCollection has no "features" array' });
    features = obj.features;
  } else if (obj.type === 'Feature') features = [obj];
  else fail({ file, message: `expected a FeatureCollection, found type ${preview(obj.type ?? null)}` });
  if (features.length === 0) fail({ file, message: 'the collection has no features' });
  return features;
}

// Worded by our own scanner, not the JSON engine, so Node and browsers and
// the streamed reader (stream-features.ts) all say the same.
function invalidJson(src: string, e: unknown): string {
  const err = firstJsonError(src);
  if (err === null) return `invalid JSON (${e instanceof Error ? e.message : String(e)})`; // not a syntax error (out of memory)
  const { line, column } = lineColumn(src, err.at);
  return jsonSyntaxMessage(src.slice(err.at, err.at + TOKEN_CHARS), line, column, err.trailing);
}

/** Check that element i of a "features" array is a Feature with a geometry object. */
export function checkFeature(f: unknown, i: number, file: string): Feature {
  if (typeof f !== 'object' || f === null || (f as { type?: unknown }).type !== 'Feature') {
    fail({ file, feature: i, message: 'not a GeoJSON Feature' });
  }
  const g = (f as { geometry?: unknown }).geometry;
  if (typeof g !== 'object' || g === null) fail({ file, feature: i, message: 'feature has no geometry' });
  return f as Feature;
}

/** The feature's properties: GeoJSON allows an object or null; a number, string or array counts as none. */
export function propertiesOf(f: Feature): Record<string, unknown> {
  const p: unknown = f.properties;
  return typeof p === 'object' && p !== null && !Array.isArray(p) ? (p as Record<string, unknown>) : {};
}

/**
 * The value of the feature's property `field`, or undefined when it has none.
 * Only the feature's own properties count: a field named "constructor",
 * "__proto__", "toString" or "valueOf" is missing, not a built-in of every
 * JavaScript object.
 */
export function fieldOf(f: Feature, field: string): unknown {
  const p = propertiesOf(f);
  return Object.hasOwn(p, field) ? p[field] : undefined;
}

/** The feature's geometry type, for messages and dispatch. */
export function geometryType(f: Feature): Geometry['type'] {
  return f.geometry.type;
}

/**
 * Validate one position and convert it to WGS84. Rejects non-numbers,
 * latitude-first pairs (|y| > 90 but the pair would be valid swapped) and
 * projected metres (|x| > 180 or |y| > 90 otherwise). Legitimate WGS84 data is
 * never rejected: only positions that cannot be lng/lat trip these checks.
 */
export function checkPosition(p: unknown, file: string, feature: number, crs: Crs): [number, number] {
  if (!Array.isArray(p) || p.length < 2) fail({ file, feature, message: `position ${preview(p)} is not [lng, lat]` });
  const [x, y] = p as Position;
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
    fail({ file, feature, message: `position ${preview(p)} is not a pair of finite numbers` });
  }
  if (Math.abs(x) <= 180 && Math.abs(y) <= 90) return toWgs84(x, y, crs);
  if (Math.abs(x) <= 90 && Math.abs(y) <= 180) {
    fail({ file, feature, message: `coordinates look swapped (latitude first): [${x}, ${y}]` });
  }
  fail({ file, feature, message: `coordinates look projected (metres, not degrees): [${x}, ${y}]` });
}

/** Validate and convert every ring of a Polygon (array of rings) to WGS84. */
export function checkRings(rings: unknown, file: string, feature: number, crs: Crs): [number, number][][] {
  if (!Array.isArray(rings) || rings.length === 0) fail({ file, feature, message: 'polygon has no rings' });
  return rings.map((ring: unknown) => {
    if (!Array.isArray(ring) || ring.length < 4) fail({ file, feature, message: 'polygon ring has fewer than 4 positions' });
    return ring.map((p: unknown) => checkPosition(p, file, feature, crs));
  });
}

/** Validate a Polygon/MultiPolygon geometry; returns its polygons (each a list of rings) in WGS84. */
export function checkPolygonal(f: Feature, file: string, feature: number, crs: Crs, what: string): [number, number][][][] {
  const g = f.geometry as { type: string; coordinates?: unknown };
  if (g.type === 'Polygon') return [checkRings(g.coordinates, file, feature, crs)];
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) fail({ file, feature, message: 'MultiPolygon has no polygons' });
    return g.coordinates.map((poly: unknown) => checkRings(poly, file, feature, crs));
  }
  fail({ file, feature, message: `wrong geometry type ${typeName(g.type)}, ${what} must be Polygon or MultiPolygon` });
}
