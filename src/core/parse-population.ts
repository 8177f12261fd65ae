// Population as weighted units: one unit per Point feature, or fine-grid
// sample units for Polygon/MultiPolygon features (see polygon-sampling.ts).
import type { Feature } from 'geojson';
import { fail, preview, typeName } from './input-error.ts';
import { samplePolygon } from './polygon-sampling.ts';
import { checkPolygonal, checkPosition, readFeatures } from './read-geojson.ts';
import type { Crs, PopulationSet } from './types.ts';

export interface ParsePopulationOptions {
  file: string; // name used in messages
  field?: string; // numeric property with people; default 'population'
  crs?: Crs; // of the input; default wgs84
  samplesPerSide?: number; // polygon sampling grid, default 100 (x 100 per bbox)
}

/** Parse population points or polygons into weighted WGS84 units. */
export function parsePopulation(text: string, opts: ParsePopulationOptions): PopulationSet {
  const { file, field = 'population', crs = 'wgs84', samplesPerSide = 100 } = opts;
  const features = readFeatures(text, file);
  const first = features[0].geometry.type;
  const kind = first === 'Point' ? 'points' : 'polygons';
  const lng: number[] = [];
  const lat: number[] = [];
  const weight: number[] = [];
  const feature: number[] = [];
  let total = 0;
  features.forEach((f, i) => {
    const type = f.geometry.type;
    const people = peopleOf(f, file, i, field);
    if (kind === 'points') {
      if (type !== 'Point') {
        fail({ file, feature: i, message: `wrong geometry type ${typeName(type)}: feature 0 is a Point, so every feature must be a Point` });
      }
      const [x, y] = checkPosition((f.geometry as { coordinates?: unknown }).coordinates, file, i, crs);
      lng.push(x);
      lat.push(y);
      weight.push(people);
      feature.push(i);
    } else {
      if (type !== 'Polygon' && type !== 'MultiPolygon') {
        fail({ file, feature: i, message: `wrong geometry type ${typeName(type)}, population must be Point, or Polygon/MultiPolygon throughout` });
      }
      const s = samplePolygon(checkPolygonal(f, file, i, crs, 'population'), people, samplesPerSide);
      for (let k = 0; k < s.lng.length; k++) {
        lng.push(s.lng[k]);
        lat.push(s.lat[k]);
        weight.push(s.weight[k]);
        feature.push(i);
      }
    }
    total += people;
    if (total === Infinity) fail({ file, feature: i, field, message: `${people} people make the file's total overflow (over ${Number.MAX_VALUE})` });
  });
  return {
    count: lng.length,
    lng: Float64Array.from(lng),
    lat: Float64Array.from(lat),
    weight: Float64Array.from(weight),
    feature: Int32Array.from(feature),
    total,
    kind,
  };
}

function peopleOf(f: Feature, file: string, i: number, field: string): number {
  const v = (f.properties ?? {})[field] as unknown;
  if (v === undefined || v === null) fail({ file, feature: i, field, message: 'population is missing' });
  if (typeof v !== 'number') fail({ file, feature: i, field, message: `${preview(v)} is not a number` });
  if (!Number.isFinite(v)) fail({ file, feature: i, field, message: `${v} is not a finite number` });
  if (v < 0) fail({ file, feature: i, field, message: `${v} is negative` });
  return v;
}
