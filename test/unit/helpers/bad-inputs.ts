// The documented bad-input cases (docs/robustness.md), shared by the core
// parser test, the CLI end-to-end test and the browser import tests so all
// check the same exact line. Each case breaks one input; the others are the
// small valid files below. Population cases can be made big (withPointsBefore)
// for the streamed readers; their messages then name later features and lines.

export type Role = 'halls' | 'population' | 'areas';

export interface BadInput {
  name: string; // what is wrong, as the docs list it
  role: Role; // which input is broken
  ext: 'geojson' | 'csv';
  text: string;
  /**
   * The exact one-line message for a file called `file`; `before` is the
   * number of valid points put first by withPointsBefore (population cases).
   */
  message: (file: string, before?: number) => string;
}

const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const pt = (coordinates: unknown, properties: Record<string, unknown>) => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates } });
const square = (name: unknown, [x, y]: [number, number], d = 0.05) => ({
  type: 'Feature',
  properties: name === undefined ? {} : { name },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + d, y],
        [x + d, y + d],
        [x, y + d],
        [x, y],
      ],
    ],
  },
});

/** Valid inputs used for the roles a case does not break. */
export const VALID: Record<Role, { ext: 'geojson' | 'csv'; text: string }> = {
  halls: { ext: 'csv', text: 'name,lng,lat,services\n光明大厅,113.93,22.75,"petition，legal-aid、psych-support"\n' },
  population: { ext: 'geojson', text: fc([pt([113.93, 22.75], { population: 10 }), pt([113.94, 22.76], { population: 5 })]) },
  areas: { ext: 'geojson', text: fc([square('光明街道', [113.9, 22.7])]) },
};

/** A valid population point, one line of the filler withPointsBefore puts first (1 person at the sample's hall). */
export const FILLER_POINT = JSON.stringify(pt([113.93, 22.75], { population: 1 }));

const HEAD = '{"type":"FeatureCollection","features":[';

/**
 * A population case's text with `n` valid points put first in its features
 * array, each followed by ",\n": the case's own features follow on line n + 1,
 * so its messages name features n later, and its later lines come n later.
 * Only for cases whose features array is not empty.
 */
export function withPointsBefore(text: string, n: number): string {
  if (!text.startsWith(HEAD) || text.startsWith(`${HEAD}]`)) throw new Error('withPointsBefore: not a FeatureCollection with features');
  return HEAD + `${FILLER_POINT},\n`.repeat(n) + text.slice(HEAD.length);
}

/**
 * A population case made big for the streamed readers, with the same
 * message: at least `fill` bytes (all ASCII) come before the case's own
 * features or text, valid points where it has features (`before` of them,
 * for `message`), else blanks inside its empty features array, or blanks
 * only for an empty file.
 */
export function madeBig(c: BadInput, fill: number): { text: string; before: number } {
  if (c.text === '') return { text: ' '.repeat(fill), before: 0 };
  if (c.text.startsWith(`${HEAD}]`)) return { text: HEAD + ' '.repeat(fill) + c.text.slice(HEAD.length), before: 0 };
  const before = Math.ceil((fill - HEAD.length) / (FILLER_POINT.length + 2));
  return { text: withPointsBefore(c.text, before), before };
}

export const BAD_INPUTS: BadInput[] = [
  // Swapped and projected coordinates, in every input.
  {
    name: 'swapped coordinates (GeoJSON halls)',
    role: 'halls',
    ext: 'geojson',
    text: fc([pt([22.75, 113.93], {})]),
    message: (f) => `${f}: feature 0: coordinates look swapped (latitude first): [22.75, 113.93]`,
  },
  {
    name: 'swapped coordinates (CSV halls)',
    role: 'halls',
    ext: 'csv',
    text: 'name,lng,lat,services\nA,113.93,22.75,petition\nB,22.75,113.93,petition\n',
    message: (f) => `${f}: row 2 (line 3): coordinates look swapped (latitude first): lng 22.75, lat 113.93`,
  },
  {
    name: 'swapped coordinates (population)',
    role: 'population',
    ext: 'geojson',
    text: fc([pt([113.93, 22.75], { population: 1 }), pt([22.75, 113.93], { population: 1 })]),
    message: (f, n = 0) => `${f}: feature ${n + 1}: coordinates look swapped (latitude first): [22.75, 113.93]`,
  },
  {
    name: 'swapped coordinates (areas)',
    role: 'areas',
    ext: 'geojson',
    text: fc([{ ...square('A', [22.7, 113.9]) }]),
    message: (f) => `${f}: feature 0: coordinates look swapped (latitude first): [22.7, 113.9]`,
  },
  {
    name: 'projected coordinates (GeoJSON halls)',
    role: 'halls',
    ext: 'geojson',
    text: fc([pt([12683000, 2580000], {})]),
    message: (f) => `${f}: feature 0: coordinates look projected (metres, not degrees): [12683000, 2580000]`,
  },
  {
    name: 'projected coordinates (CSV halls)',
    role: 'halls',
    ext: 'csv',
    text: 'name,lng,lat,services\nA,12683000,2580000,petition\n',
    message: (f) => `${f}: row 1 (line 2): coordinates look projected (metres, not degrees): lng 12683000, lat 2580000`,
  },
  {
    name: 'projected coordinates (population)',
    role: 'population',
    ext: 'geojson',
    text: fc([pt([500000, 2517000], { population: 1 })]),
    message: (f, n = 0) => `${f}: feature ${n}: coordinates look projected (metres, not degrees): [500000, 2517000]`,
  },
  {
    name: 'projected coordinates (areas)',
    role: 'areas',
    ext: 'geojson',
    text: fc([square('A', [500000, 2517000], 1000)]),
    message: (f) => `${f}: feature 0: coordinates look projected (metres, not degrees): [500000, 2517000]`,
  },
  // Population values.
  {
    name: 'missing population',
    role: 'population',
    ext: 'geojson',
    text: fc([pt([113.93, 22.75], { population: 1 }), pt([113.93, 22.75], { pop: 3 })]),
    message: (f, n = 0) => `${f}: feature ${n + 1}, field "population": population is missing`,
  },
  {
    name: 'negative population',
    role: 'population',
    ext: 'geojson',
    text: fc([pt([113.93, 22.75], { population: -5 })]),
    message: (f, n = 0) => `${f}: feature ${n}, field "population": -5 is negative`,
  },
  {
    name: 'non-numeric population',
    role: 'population',
    ext: 'geojson',
    text: fc([pt([113.93, 22.75], { population: '12' })]),
    message: (f, n = 0) => `${f}: feature ${n}, field "population": "12" is not a number`,
  },
  // Geometry.
  {
    name: 'capacity as text (GeoJSON halls)',
    role: 'halls',
    ext: 'geojson',
    text: fc([pt([113.93, 22.75], { name: '光明大厅', services: ['petition'], capacity: '1200' })]),
    message: (f) => `${f}: feature 0, field "capacity": "1200" is text, not a number: write the capacity without quotes (hall "光明大厅")`,
  },
  {
    name: 'wrong geometry (halls as polygons)',
    role: 'halls',
    ext: 'geojson',
    text: fc([square('A', [113.9, 22.7])]),
    message: (f) => `${f}: feature 0: wrong geometry type Polygon, halls must be Point`,
  },
  {
    name: 'wrong geometry (population mixes points and polygons)',
    role: 'population',
    ext: 'geojson',
    text: fc([pt([113.93, 22.75], { population: 1 }), { ...square('A', [113.9, 22.7]), properties: { population: 1 } }]),
    message: (f, n = 0) => `${f}: feature ${n + 1}: wrong geometry type Polygon: feature 0 is a Point, so every feature must be a Point`,
  },
  {
    name: 'wrong geometry (population as lines)',
    role: 'population',
    ext: 'geojson',
    text: fc([
      {
        type: 'Feature',
        properties: { population: 1 },
        geometry: {
          type: 'LineString',
          coordinates: [
            [113.9, 22.7],
            [114, 22.8],
          ],
        },
      },
    ]),
    message: (f, n = 0) =>
      n === 0
        ? `${f}: feature 0: wrong geometry type LineString, population must be Point, or Polygon/MultiPolygon throughout`
        : `${f}: feature ${n}: wrong geometry type LineString: feature 0 is a Point, so every feature must be a Point`,
  },
  {
    name: 'wrong geometry (areas as points)',
    role: 'areas',
    ext: 'geojson',
    text: fc([pt([113.93, 22.75], { name: 'A' })]),
    message: (f) => `${f}: feature 0: wrong geometry type Point, areas must be Polygon or MultiPolygon`,
  },
  {
    name: 'duplicate area name',
    role: 'areas',
    ext: 'geojson',
    text: fc([square('光明街道', [113.9, 22.7]), square('光明街道', [114.0, 22.7])]),
    message: (f) => `${f}: feature 1, field "name": area name "光明街道" is used again (first in feature 0): merge them into one MultiPolygon or rename one`,
  },
  {
    name: 'area named like the outside bucket',
    role: 'areas',
    ext: 'geojson',
    text: fc([square('(outside areas)', [113.9, 22.7])]),
    message: (f) => `${f}: feature 0, field "name": "(outside areas)" is reserved for people outside every area`,
  },
  {
    name: 'missing area name',
    role: 'areas',
    ext: 'geojson',
    text: fc([square(undefined, [113.9, 22.7])]),
    message: (f) => `${f}: feature 0, field "name": area name is missing`,
  },
  // Empty and broken files.
  { name: 'empty collection (halls)', role: 'halls', ext: 'geojson', text: fc([]), message: (f) => `${f}: the collection has no features` },
  { name: 'empty collection (population)', role: 'population', ext: 'geojson', text: fc([]), message: (f) => `${f}: the collection has no features` },
  { name: 'empty collection (areas)', role: 'areas', ext: 'geojson', text: fc([]), message: (f) => `${f}: the collection has no features` },
  { name: 'CSV with a header and no rows', role: 'halls', ext: 'csv', text: 'name,lng,lat,services\n', message: (f) => `${f}: no data rows after the header` },
  {
    name: 'CSV without a lng column',
    role: 'halls',
    ext: 'csv',
    text: 'name,x,y,services\nA,113.9,22.7,petition\n',
    message: (f) => `${f}: line 1: missing column "lng" (expected name,lng,lat,services)`,
  },
  { name: 'empty file (halls)', role: 'halls', ext: 'csv', text: '', message: (f) => `${f}: file is empty` },
  { name: 'empty file (population)', role: 'population', ext: 'geojson', text: '', message: (f) => `${f}: file is empty` },
  { name: 'empty file (areas, only a BOM and spaces)', role: 'areas', ext: 'geojson', text: '\uFEFF  \n', message: (f) => `${f}: file is empty` },
  {
    name: 'invalid JSON (truncated)',
    role: 'population',
    ext: 'geojson',
    text: fc([pt([113.93, 22.75], { population: 1 }), pt([113.94, 22.76], { population: 2 })]).slice(0, -30),
    message: (f) => `${f}: invalid JSON (Unexpected end of JSON input)`,
  },
  {
    name: 'invalid JSON (junk after the end)',
    role: 'population',
    ext: 'geojson',
    text: `${fc([pt([113.93, 22.75], { population: 1 })])}\n}`,
    message: (f, n = 0) => `${f}: invalid JSON (unexpected "}" after the end of the JSON data, at line ${n + 2}, column 1)`,
  },
  {
    name: 'invalid JSON (NaN)',
    role: 'halls',
    ext: 'geojson',
    text: '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[NaN,22.7]}}]}',
    message: (f) => `${f}: invalid JSON (unexpected "NaN" at line 1, column 117)`,
  },
  {
    name: 'not a GeoJSON object',
    role: 'areas',
    ext: 'geojson',
    text: '{"type":"Topology","objects":{}}',
    message: (f) => `${f}: expected a FeatureCollection, found type "Topology"`,
  },
];
