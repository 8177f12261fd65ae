// Areas (subdistricts) as named polygons, in file order: the order decides
// which area wins a point on a shared boundary.
import type { MultiPolygon, Polygon } from 'geojson';
import { fail, preview } from './input-error.ts';
import { checkPolygonal, propertiesOf, readFeatures } from './read-geojson.ts';
import type { AreaSet, Crs } from './types.ts';

export interface ParseAreasOptions {
  file: string; // name used in messages
  field?: string; // name property; default 'name'
  crs?: Crs; // of the input; default wgs84
}

/** Parse area polygons with their names into WGS84 features. */
export function parseAreas(text: string, opts: ParseAreasOptions): AreaSet {
  const { file, field = 'name', crs = 'wgs84' } = opts;
  const features = readFeatures(text, file);
  const names: string[] = [];
  const out: AreaSet['features'] = features.map((f, i) => {
    const parts = checkPolygonal(f, file, i, crs, 'areas');
    const v = propertiesOf(f)[field];
    if (typeof v === 'number' && Number.isFinite(v)) names.push(String(v));
    else if (typeof v === 'string' && v.trim() !== '') names.push(v.trim());
    else fail({ file, feature: i, field, message: v === undefined || v === null ? 'area name is missing' : `${preview(v)} is not a name` });
    const geometry: Polygon | MultiPolygon = parts.length === 1 && f.geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: parts[0] }
      : { type: 'MultiPolygon', coordinates: parts };
    return { type: 'Feature', properties: { ...propertiesOf(f) }, geometry };
  });
  return { names, features: out };
}
