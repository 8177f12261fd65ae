// Areas (subdistricts) as named polygons, in file order: the order decides
// which area wins a point on a shared boundary.
import type { MultiPolygon, Polygon } from 'geojson';
import { fail, preview } from './input-error';
import { checkFeature, checkPolygonal, fieldOf, propertiesOf, readFeatureValues } from './read-geojson';
import { OUTSIDE_AREAS, type AreaSet, type Crs } from '../types';

export interface ParseAreasOptions {
  file: string; // name used in messages
  field?: string; // name property; default 'name'
  crs?: Crs; // of the input; default wgs84
}

/** Parse area polygons with their names into WGS84 features. */
export function parseAreas(text: string, opts: ParseAreasOptions): AreaSet {
  const { file, field = 'name', crs = 'wgs84' } = opts;
  // Each feature is checked as it is used, so the first broken one in file order is named.
  const features = readFeatureValues(text, file);
  const names: string[] = [];
  const firstByName = new Map<string, number>();
  const out: AreaSet['features'] = features.map((value, i) => {
    const f = checkFeature(value, i, file);
    const parts = checkPolygonal(f, file, i, crs, 'areas');
    const v = fieldOf(f, field);
    if (typeof v === 'number' && Number.isFinite(v)) names.push(String(v));
    else if (typeof v === 'string' && v.trim() !== '') names.push(v.trim());
    else fail({ file, feature: i, field, message: v === undefined || v === null ? 'area name is missing' : `${preview(v)} is not a name` });
    // Stats are reported per name: two areas of one name (or one named like the
    // outside bucket) would give rows nobody can tell apart.
    const name = names[i];
    if (name === OUTSIDE_AREAS) fail({ file, feature: i, field, message: `${preview(name)} is reserved for people outside every area` });
    const first = firstByName.get(name);
    if (first !== undefined)
      fail({
        file,
        feature: i,
        field,
        message: `area name ${preview(name)} is used again (first in feature ${first}): merge them into one MultiPolygon or rename one`,
      });
    firstByName.set(name, i);
    const geometry: Polygon | MultiPolygon =
      parts.length === 1 && f.geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
    return { type: 'Feature', properties: { ...propertiesOf(f) }, geometry };
  });
  return { names, features: out };
}
