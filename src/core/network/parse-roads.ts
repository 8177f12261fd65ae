// Roads for network (walking) distance: GeoJSON LineString / MultiLineString
// features, converted to WGS84 like every other input, kept as flat
// polylines in file order (feature, then line, then position) because that
// order decides ties between equally near edges (road-graph.ts, access.ts).
import { fail, typeName } from '../input/input-error';
import { checkFeature, checkPosition, readFeatureValues } from '../input/read-geojson';
import type { Crs } from '../types';

export interface ParseRoadsOptions {
  file: string; // name used in messages
  crs?: Crs; // of the input; default wgs84
}

/** Road polylines in WGS84: line k has positions lineStart[k] .. lineStart[k + 1] - 1. */
export interface RoadLines {
  lineCount: number;
  lineStart: Int32Array; // lineCount + 1 offsets into lng/lat
  lineFeature: Int32Array; // source feature of each line
  lng: Float64Array; // degrees, WGS84
  lat: Float64Array; // degrees, WGS84
}

const LINE_TYPES = new Set(['LineString', 'MultiLineString']);

/** Parse a roads GeoJSON text; any bad input throws an InputError naming file, feature and problem. */
export function parseRoads(text: string, opts: ParseRoadsOptions): RoadLines {
  const { file, crs = 'wgs84' } = opts;
  const values = readFeatureValues(text, file);
  const features = values.map((v, i) => checkFeature(v, i, file));
  // A file of only points or polygons is the wrong file, not a road file with one bad feature.
  if (!features.some((f) => LINE_TYPES.has(f.geometry.type))) {
    const found = [...new Set(features.map((f) => typeName(f.geometry.type)))].join(', ');
    fail({ file, message: `no LineString or MultiLineString features (found ${found}): roads must be lines` });
  }
  const starts: number[] = [0];
  const lineFeature: number[] = [];
  const lng: number[] = [];
  const lat: number[] = [];
  const addLine = (coords: unknown, i: number, what: string): void => {
    if (!Array.isArray(coords) || coords.length < 2) fail({ file, feature: i, message: `${what} has fewer than 2 positions` });
    for (const p of coords) {
      const [x, y] = checkPosition(p, file, i, crs);
      lng.push(x);
      lat.push(y);
    }
    starts.push(lng.length);
    lineFeature.push(i);
  };
  features.forEach((f, i) => {
    const g = f.geometry as { type: string; coordinates?: unknown };
    if (g.type === 'LineString') addLine(g.coordinates, i, 'LineString');
    else if (g.type === 'MultiLineString') {
      if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) fail({ file, feature: i, message: 'MultiLineString has no lines' });
      g.coordinates.forEach((line: unknown, k: number) => addLine(line, i, `MultiLineString line ${k}`));
    } else fail({ file, feature: i, message: `wrong geometry type ${typeName(g.type)}, roads must be LineString or MultiLineString` });
  });
  return {
    lineCount: lineFeature.length,
    lineStart: Int32Array.from(starts),
    lineFeature: Int32Array.from(lineFeature),
    lng: Float64Array.from(lng),
    lat: Float64Array.from(lat),
  };
}
