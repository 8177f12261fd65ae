// Fuzz: the three GeoJSON parsers on hostile collections and corrupted text.
// Each case ends in a well-formed result or one located InputError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/input/input-error';
import { parseAreas } from '../../../src/core/input/parse-areas';
import { parseHalls } from '../../../src/core/input/parse-halls';
import { parsePopulation } from '../../../src/core/input/parse-population';
import type { Crs } from '../../../src/core/types';
import { fuzzParams } from './fuzz-config';
import { collectionText, corrupt, feature, goodPosition, junk, people, pointGeometry, polygonGeometry, Raw, toJsonText } from './geojson-arbitraries';
import { checkAreas, checkHalls, checkInputError, checkPopulation, resultOrInputError } from './outcome';

const crs = fc.constantFrom<Crs>('wgs84', 'wgs84', 'gcj02', 'bd09');
const services = fc.oneof(
  fc.array(fc.constantFrom('petition', 'legal-aid', 'psych-support', ' 信访 ', '', 'all'), { maxLength: 4 }),
  fc
    .array(fc.constantFrom('petition', 'legal-aid', '法律', ' ', 'x'), { maxLength: 4 })
    .chain((xs) => fc.constantFrom(',', ';', '，', '；', '、', ' ， ').map((sep) => xs.join(sep))),
  junk,
);
const hallProps = fc.oneof(
  { arbitrary: fc.record({ name: fc.oneof(fc.string(), junk), services }, { requiredKeys: [] }), weight: 8 },
  { arbitrary: junk, weight: 1 },
);
const popProps = fc.oneof({ arbitrary: fc.record({ population: people, name: fc.string() }, { requiredKeys: [] }), weight: 8 }, { arbitrary: junk, weight: 1 });
const areaProps = fc.oneof(
  { arbitrary: fc.record({ name: fc.oneof(fc.string({ minLength: 1 }), fc.integer(), junk) }, { requiredKeys: [] }), weight: 8 },
  { arbitrary: junk, weight: 1 },
);

const hallsText = corrupt(collectionText(feature(pointGeometry, hallProps)));
const pointPopText = corrupt(collectionText(feature(fc.oneof({ arbitrary: pointGeometry, weight: 8 }, { arbitrary: polygonGeometry, weight: 1 }), popProps)));
const polygonPopText = corrupt(
  collectionText(feature(fc.oneof({ arbitrary: polygonGeometry, weight: 8 }, { arbitrary: pointGeometry, weight: 1 }), popProps), 4),
);
const areasText = corrupt(collectionText(feature(polygonGeometry, areaProps), 6));

function featureCount(text: string): number {
  const json = JSON.parse(text.replace(/^\uFEFF/, '')) as { features?: unknown[] };
  return Array.isArray(json.features) ? json.features.length : 1;
}

describe('fuzz: GeoJSON parsers never throw anything but a located InputError', () => {
  it('parseHalls returns clean typed arrays or one InputError naming the file', () => {
    fc.assert(
      fc.property(hallsText, crs, (text, c) => {
        const h = resultOrInputError('halls.geojson', () => parseHalls(text, { file: 'halls.geojson', crs: c }));
        if (
          h !== null &&
          text
            .trimStart()
            .replace(/^\uFEFF/, '')
            .startsWith('{')
        ) {
          checkHalls(h);
          expect(h.count).toBe(featureCount(text));
        } else if (h !== null) checkHalls(h); // not JSON-looking: went down the CSV path
      }),
      fuzzParams(1500),
    );
  });

  it('parsePopulation (points) returns finite weights adding up to a finite total, or one InputError', () => {
    fc.assert(
      fc.property(pointPopText, crs, (text, c) => {
        const p = resultOrInputError('population.geojson', () => parsePopulation(text, { file: 'population.geojson', crs: c }));
        if (p !== null) checkPopulation(p, featureCount(text));
      }),
      fuzzParams(1500),
    );
  });

  it('parsePopulation (polygons, incl. unclosed, bow-tie, zero-area rings) spreads people or throws one InputError', () => {
    fc.assert(
      fc.property(polygonPopText, crs, (text, c) => {
        const p = resultOrInputError('population.geojson', () => parsePopulation(text, { file: 'population.geojson', crs: c, samplesPerSide: 20 }));
        if (p !== null) checkPopulation(p, featureCount(text));
      }),
      fuzzParams(600),
    );
  });

  it('parseAreas returns named polygons with finite vertices, or one InputError', () => {
    fc.assert(
      fc.property(areasText, crs, (text, c) => {
        const a = resultOrInputError('areas.geojson', () => parseAreas(text, { file: 'areas.geojson', crs: c }));
        if (a !== null) {
          checkAreas(a);
          expect(a.names.length).toBe(featureCount(text));
        }
      }),
      fuzzParams(1000),
    );
  });
});

// A valid point collection with exactly one broken feature at index k: the
// error must point at k, so a planner can find the row to fix.
const badPointFeatures: [string, unknown][] = [
  ['NaN token', { type: 'Point', coordinates: [new Raw('NaN'), 22.7] }],
  ['Infinity', { type: 'Point', coordinates: [113.9, new Raw('1e999')] }],
  ['string coordinate', { type: 'Point', coordinates: ['113.9', 22.7] }],
  ['swapped', { type: 'Point', coordinates: [22.7, 113.9] }],
  ['projected', { type: 'Point', coordinates: [12683000, 2580000] }],
  ['one number', { type: 'Point', coordinates: [113.9] }],
  ['no coordinates', { type: 'Point' }],
  [
    'wrong type',
    {
      type: 'LineString',
      coordinates: [
        [113.9, 22.7],
        [113.91, 22.71],
      ],
    },
  ],
  ['type is an object', { type: { toString: 1 }, coordinates: [113.9, 22.7] }],
  ['deeply nested coordinates', { type: 'Point', coordinates: new Raw(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) }],
  ['long junk coordinates', { type: 'Point', coordinates: [new Array(50_000).fill('x')] }],
  ['null geometry', null],
];

describe('fuzz: one broken feature is reported at its own index', () => {
  for (const [label, geometry] of badPointFeatures) {
    it(`${label}: halls and population errors name the feature`, () => {
      fc.assert(
        fc.property(fc.array(goodPosition, { minLength: 1, maxLength: 20 }), fc.nat(), (ps, k0) => {
          const k = k0 % ps.length;
          const feats: unknown[] = ps.map((p) => ({
            type: 'Feature',
            properties: { population: 3, services: 'petition' },
            geometry: { type: 'Point', coordinates: p },
          }));
          feats[k] = { type: 'Feature', properties: { population: 3 }, geometry };
          const text = toJsonText({ type: 'FeatureCollection', features: feats });
          for (const parse of [() => parseHalls(text, { file: 'h.geojson' }), () => parsePopulation(text, { file: 'h.geojson' })]) {
            let err: unknown = null;
            try {
              parse();
            } catch (e) {
              err = e;
            }
            if (!(err instanceof InputError)) throw err ?? new Error('accepted a broken feature');
            checkInputError(err, 'h.geojson');
            // A NaN token is not JSON at all: the parser's excerpt locates it, not a feature index.
            if (label === 'NaN token') expect(err.message).toMatch(/^h\.geojson: invalid JSON \(.*NaN/);
            // A wrong geometry at feature 0 of a population file makes the later points the odd ones out.
            else if (!(k === 0 && label === 'wrong type')) expect(err.issue.feature).toBe(k);
          }
        }),
        fuzzParams(40),
      );
    });
  }
});

describe('fuzz: extremes of the valid range', () => {
  const anywhere = fc.tuple(
    fc.oneof(fc.double({ min: -180, max: 180, noNaN: true }), fc.constantFrom(-180, 180, -179.999, 179.999)),
    fc.oneof(fc.double({ min: -90, max: 90, noNaN: true }), fc.constantFrom(-90, 90, -89.999, 89.999)),
  );

  it('every valid lng/lat in every CRS ends inside the WGS84 range or in one InputError', () => {
    fc.assert(
      fc.property(fc.array(anywhere, { minLength: 1, maxLength: 5 }), crs, (ps, c) => {
        const text = JSON.stringify({
          type: 'FeatureCollection',
          features: ps.map((p) => ({ type: 'Feature', properties: { population: 1 }, geometry: { type: 'Point', coordinates: p } })),
        });
        const csv = `name,lng,lat,services\n${ps.map((p) => `a,${p[0]},${p[1]},petition`).join('\n')}`;
        const h = resultOrInputError('h.geojson', () => parseHalls(text, { file: 'h.geojson', crs: c }));
        if (h !== null) checkHalls(h);
        const hc = resultOrInputError('h.csv', () => parseHalls(csv, { file: 'h.csv', crs: c }));
        if (hc !== null) checkHalls(hc);
        const p = resultOrInputError('p.geojson', () => parsePopulation(text, { file: 'p.geojson', crs: c }));
        if (p !== null) checkPopulation(p, ps.length);
      }),
      fuzzParams(500),
    );
  });

  it('populations near the largest double never add up to an infinite total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: 1e307, max: Number.MAX_VALUE, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true })), {
          minLength: 1,
          maxLength: 6,
        }),
        (pops) => {
          const text = JSON.stringify({
            type: 'FeatureCollection',
            features: pops.map((n) => ({ type: 'Feature', properties: { population: n }, geometry: { type: 'Point', coordinates: [113.9, 22.7] } })),
          });
          const p = resultOrInputError('p.geojson', () => parsePopulation(text, { file: 'p.geojson' }));
          if (p !== null) checkPopulation(p, pops.length);
        },
      ),
      fuzzParams(300),
    );
  });
});
