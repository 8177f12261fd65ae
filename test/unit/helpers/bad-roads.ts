// The documented bad roads inputs (docs/data-format.md, issue 17), shared by
// the parser test and the CLI test so both check the same exact line.
export const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
export const line = (coordinates: unknown) => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } });
const point = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [113.9, 22.7] } };
const polygon = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [113.9, 22.7],
        [113.91, 22.7],
        [113.91, 22.71],
        [113.9, 22.7],
      ],
    ],
  },
};
const ok = line([
  [113.93, 22.75],
  [113.94, 22.75],
]);

export interface BadRoads {
  name: string;
  text: string;
  message: (file: string) => string;
}

export const BAD_ROADS: BadRoads[] = [
  {
    name: 'a file with no line features',
    text: fc([point, polygon]),
    message: (f) => `${f}: no LineString or MultiLineString features (found Point, Polygon): roads must be lines`,
  },
  {
    name: 'a Point mixed in',
    text: fc([ok, point]),
    message: (f) => `${f}: feature 1: wrong geometry type Point, roads must be LineString or MultiLineString`,
  },
  {
    name: 'a Polygon mixed in',
    text: fc([polygon, ok]),
    message: (f) => `${f}: feature 0: wrong geometry type Polygon, roads must be LineString or MultiLineString`,
  },
  { name: 'a LineString with one position', text: fc([ok, line([[113.9, 22.7]])]), message: (f) => `${f}: feature 1: LineString has fewer than 2 positions` },
  { name: 'a LineString with empty coordinates', text: fc([line([])]), message: (f) => `${f}: feature 0: LineString has fewer than 2 positions` },
  {
    name: 'an empty MultiLineString',
    text: fc([{ type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: [] } }]),
    message: (f) => `${f}: feature 0: MultiLineString has no lines`,
  },
  {
    name: 'a MultiLineString line with one position',
    text: fc([
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'MultiLineString',
          coordinates: [
            [
              [113.9, 22.7],
              [113.91, 22.7],
            ],
            [[113.9, 22.7]],
          ],
        },
      },
    ]),
    message: (f) => `${f}: feature 0: MultiLineString line 1 has fewer than 2 positions`,
  },
  {
    name: 'non-numeric coordinates',
    text: fc([
      line([
        [113.9, 22.7],
        ['113.91', 22.7],
      ]),
    ]),
    message: (f) => `${f}: feature 0: position ["113.91",22.7] is not a pair of finite numbers`,
  },
  { name: 'an empty collection', text: fc([]), message: (f) => `${f}: the collection has no features` },
  { name: 'a file that is not GeoJSON', text: 'osm id,highway\n1,footway\n', message: (f) => `${f}: invalid JSON (unexpected "osm" at line 1, column 1)` },
  { name: 'JSON that is not GeoJSON', text: '{"type":"Topology"}', message: (f) => `${f}: expected a FeatureCollection, found type "Topology"` },
];
