// Population as weighted units: one unit per Point feature, or fine-grid
// sample units for Polygon/MultiPolygon features (see polygon-sampling.ts).
import type { Feature } from 'geojson';
import { fail, preview, typeName } from './input-error';
import { samplePolygon } from '../geo/polygon-sampling';
import { checkFeature, checkPolygonal, checkPosition, fieldOf, readFeatureValues } from './read-geojson';
import type { Crs, PopulationSet } from '../types';
import { POLYGON_UNITS_MAX } from '../limits';

export interface ParsePopulationOptions {
  file: string; // name used in messages
  field?: string; // numeric property with people; default 'population'
  crs?: Crs; // of the input; default wgs84
  samplesPerSide?: number; // polygon sampling grid, default 100 (x 100 per bbox)
  /** Numeric properties with groups of people (e.g. aged 65+), kept per unit in `groups`; checked like the population. */
  groupFields?: readonly string[];
  /** Most sample units polygons may make (default POLYGON_UNITS_MAX), and what to tell the user past it. */
  unitLimit?: { units: number; advice: string };
}

const UNITS_ADVICE = 'more than fits in memory; give the population as points (one per polygon, at its centroid), or as fewer polygons';

/** Parse population points or polygons into weighted WGS84 units. */
export function parsePopulation(text: string, opts: ParsePopulationOptions): PopulationSet {
  const features = readFeatureValues(text, opts.file);
  const builder = new PopulationBuilder(opts);
  // Checked and added one by one, so the first broken feature in file order is
  // reported, whatever is wrong with it: the streamed reader does the same.
  features.forEach((f, i) => builder.add(checkFeature(f, i, opts.file), i));
  return builder.finish();
}

/**
 * Population units built one feature at a time, in file order, so a streamed
 * file never needs all its features in memory at once (see stream-features.ts).
 */
export class PopulationBuilder {
  private readonly file: string;
  private readonly field: string;
  private readonly crs: Crs;
  private readonly samplesPerSide: number;
  private readonly unitLimit: { units: number; advice: string };
  private kind: PopulationSet['kind'] | null = null;
  private readonly lng: number[] = [];
  private readonly lat: number[] = [];
  private readonly weight: number[] = [];
  private readonly feature: number[] = [];
  private total = 0;
  private readonly groupFields: readonly string[];
  private readonly groupWeight: number[][];

  /** The only property add() reads when there are no group fields (it reads no other part of a Point feature than its coordinates). */
  get onlyField(): string | undefined {
    return this.groupFields.length === 0 ? this.field : undefined;
  }

  constructor(opts: ParsePopulationOptions) {
    this.file = opts.file;
    this.field = opts.field ?? 'population';
    this.crs = opts.crs ?? 'wgs84';
    this.samplesPerSide = opts.samplesPerSide ?? 100;
    this.unitLimit = opts.unitLimit ?? { units: POLYGON_UNITS_MAX, advice: UNITS_ADVICE };
    this.groupFields = opts.groupFields ?? [];
    this.groupWeight = this.groupFields.map(() => []);
  }

  /** Add feature i (already checked to be a Feature with a geometry); throws InputError. */
  add(f: Feature, i: number): void {
    const { file, field, crs } = this;
    const type = f.geometry.type;
    this.kind ??= type === 'Point' ? 'points' : 'polygons';
    const people = peopleOf(f, file, i, field);
    const groups = this.groupFields.length === 0 ? NO_GROUPS : this.groupFields.map((g) => peopleOf(f, file, i, g, 'group count is missing'));
    if (this.kind === 'points') {
      if (type !== 'Point') {
        fail({ file, feature: i, message: `wrong geometry type ${typeName(type)}: feature 0 is a Point, so every feature must be a Point` });
      }
      const [x, y] = checkPosition((f.geometry as { coordinates?: unknown }).coordinates, file, i, crs);
      this.lng.push(x);
      this.lat.push(y);
      this.weight.push(people);
      this.feature.push(i);
      for (let j = 0; j < groups.length; j++) this.groupWeight[j].push(groups[j]);
    } else {
      if (type !== 'Polygon' && type !== 'MultiPolygon') {
        fail({ file, feature: i, message: `wrong geometry type ${typeName(type)}, population must be Point, or Polygon/MultiPolygon throughout` });
      }
      const parts = checkPolygonal(f, file, i, crs, 'population');
      const s = samplePolygon(parts, people, this.samplesPerSide);
      const { units, advice } = this.unitLimit;
      if (this.lng.length + s.lng.length > units) {
        fail({
          file,
          feature: i,
          message: `the polygons up to this one are spread over more than ${millions(units)} sample points (one per 10 m cell at most), ${advice}`,
        });
      }
      for (let k = 0; k < s.lng.length; k++) {
        this.lng.push(s.lng[k]);
        this.lat.push(s.lat[k]);
        this.weight.push(s.weight[k]);
        this.feature.push(i);
      }
      // The same samples (they depend on the geometry only) share each group's count as they share the people.
      groups.forEach((v, j) => {
        for (const w of samplePolygon(parts, v, this.samplesPerSide).weight) this.groupWeight[j].push(w);
      });
    }
    this.total += people;
    if (this.total === Infinity) fail({ file, feature: i, field, message: `${people} people make the file's total overflow (over ${Number.MAX_VALUE})` });
  }

  /** The units added so far; at least one feature must have been added. */
  finish(): PopulationSet {
    if (this.kind === null) fail({ file: this.file, message: 'the collection has no features' });
    return {
      count: this.lng.length,
      lng: Float64Array.from(this.lng),
      lat: Float64Array.from(this.lat),
      weight: Float64Array.from(this.weight),
      feature: Int32Array.from(this.feature),
      total: this.total,
      kind: this.kind,
      ...(this.groupFields.length > 0 && { groups: this.groupFields.map((field, j) => ({ field, weight: Float64Array.from(this.groupWeight[j]) })) }),
    };
  }
}

// Shared by every feature of a file without group fields: add() runs once per feature.
const NO_GROUPS: readonly number[] = [];

function peopleOf(f: Feature, file: string, i: number, field: string, missing = 'population is missing'): number {
  const v = fieldOf(f, field);
  if (v === undefined || v === null) fail({ file, feature: i, field, message: missing });
  if (typeof v !== 'number') fail({ file, feature: i, field, message: `${preview(v)} is not a number` });
  if (!Number.isFinite(v)) fail({ file, feature: i, field, message: `${v} is not a finite number` });
  if (v < 0) fail({ file, feature: i, field, message: `${v} is negative` });
  return v;
}

// 30000000 → "30 million", 8500000 → "8.5 million", 250 → "250".
function millions(n: number): string {
  return n >= 1e6 ? `${Math.round(n / 1e5) / 10} million` : String(n);
}
