import areaOf from '@turf/area';
import { compensatedSum } from '../../../../src/core/coverage/compensated-sum';
import { describe, expect, it } from 'vitest';
import { parsePopulation } from '../../../../src/core/input/parse-population';
import { parsePopulationChunks } from '../../../../src/core/input/stream-features';
import { rect } from '../../helpers/coverage-reference';
import { inputErrorMessage } from '../../helpers/input-error-message';

const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const pt = (coordinates: unknown, properties: Record<string, unknown>) => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates } });

const message = inputErrorMessage;

describe('parsePopulation', () => {
  it.each(['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'])(
    'says the field %s is missing when no feature has it, whole and streamed',
    (field) => {
      const text = fc([pt([113.9, 22.7], { population: 1 })]);
      const want = `p.geojson: feature 0, field "${field}": population is missing`;
      expect(message(() => parsePopulation(text, { file: 'p.geojson', field }))).toBe(want);
      expect(message(() => parsePopulationChunks([new TextEncoder().encode(text)], { file: 'p.geojson', field }))).toBe(want);
    },
  );
  it('reads a field named __proto__ or constructor when the file has it', () => {
    const text =
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"__proto__":3,"constructor":4},"geometry":{"type":"Point","coordinates":[113.9,22.7]}}]}';
    expect(parsePopulation(text, { file: 'p', field: '__proto__' }).total).toBe(3);
    expect(parsePopulation(text, { file: 'p', field: 'constructor' }).total).toBe(4);
  });
  it('reads points as one unit each, fractions kept, with a configurable field', () => {
    const p = parsePopulation(fc([pt([113.9, 22.7], { pop: 1.5 }), pt([113.91, 22.7], { pop: 0 })]), { file: 'p', field: 'pop' });
    expect(p.kind).toBe('points');
    expect([...p.weight]).toEqual([1.5, 0]);
    expect([...p.feature]).toEqual([0, 1]);
    expect(p.total).toBe(1.5);
  });

  it('spreads polygon population over sample units that add up to it', () => {
    const square = rect('s', [113.9, 22.7, 113.91, 22.71]);
    square.properties = { population: 1000 };
    const p = parsePopulation(fc([square]), { file: 'p' });
    expect(p.kind).toBe('polygons');
    expect(p.count).toBe(100 * 100);
    expect(p.weight.reduce((a, b) => a + b, 0)).toBeCloseTo(1000, 9);
    expect(p.total).toBe(1000);
    expect(p.feature.every((f) => f === 0)).toBe(true);
  });

  it('weights samples by area, so the people in each half match the halves areas', () => {
    // A tall rectangle over 10 degrees of latitude: the southern half is larger on the sphere.
    const tall = rect('t', [100, 20, 101, 40]);
    tall.properties = { population: 1e6 };
    const p = parsePopulation(fc([tall]), { file: 'p' });
    let south = 0;
    for (let i = 0; i < p.count; i++) if (p.lat[i] < 30) south += p.weight[i];
    const share = areaOf(rect('s', [100, 20, 101, 30])) / areaOf(tall);
    expect(south / 1e6).toBeCloseTo(share, 3);
  });

  it('rejects missing, non-numeric and negative population, mixed kinds and empty input', () => {
    expect(message(() => parsePopulation(fc([pt([113.9, 22.7], {})]), { file: 'p.geojson' }))).toBe(
      'p.geojson: feature 0, field "population": population is missing',
    );
    expect(message(() => parsePopulation(fc([pt([113.9, 22.7], { population: 1 }), pt([113.9, 22.7], { population: '12' })]), { file: 'p.geojson' }))).toBe(
      'p.geojson: feature 1, field "population": "12" is not a number',
    );
    expect(message(() => parsePopulation(fc([pt([113.9, 22.7], { population: -3 })]), { file: 'p.geojson' }))).toBe(
      'p.geojson: feature 0, field "population": -3 is negative',
    );
    const poly = rect('r', [113.9, 22.7, 113.91, 22.71]);
    poly.properties = { population: 3 };
    expect(message(() => parsePopulation(fc([pt([113.9, 22.7], { population: 1 }), poly]), { file: 'p.geojson' }))).toBe(
      'p.geojson: feature 1: wrong geometry type Polygon: feature 0 is a Point, so every feature must be a Point',
    );
    expect(message(() => parsePopulation(fc([poly, pt([113.9, 22.7], { population: 1 })]), { file: 'p.geojson' }))).toBe(
      'p.geojson: feature 1: wrong geometry type Point, population must be Point, or Polygon/MultiPolygon throughout',
    );
    expect(message(() => parsePopulation(fc([]), { file: 'p.geojson' }))).toBe('p.geojson: the collection has no features');
    expect(message(() => parsePopulation('\n', { file: 'p.geojson' }))).toBe('p.geojson: file is empty');
    expect(message(() => parsePopulation(fc([pt([500000, 2500000], { population: 1 })]), { file: 'p.geojson' }))).toMatch(
      /feature 0: coordinates look projected/,
    );
  });

  it('names the first broken feature in file order, also when a later one is not a Feature at all (issue 7)', () => {
    // The streamed reader meets features one by one; the whole-text reader used to check every
    // feature's shape first and so named feature 2 here.
    const text = fc([pt([113.9, 22.7], { population: 1 }), pt([113.9, 22.7], {}), 'not a feature', { type: 'Feature' }]);
    expect(message(() => parsePopulation(text, { file: 'p.geojson' }))).toBe('p.geojson: feature 1, field "population": population is missing');
  });

  it('words JSON syntax errors itself, with line and column, the same in Node and browsers (issue 7)', () => {
    const good = fc([pt([113.9, 22.7], { population: 1 })]);
    expect(message(() => parsePopulation(`${good}\n,`, { file: 'p.geojson' }))).toBe(
      'p.geojson: invalid JSON (unexpected "," after the end of the JSON data, at line 2, column 1)',
    );
    expect(message(() => parsePopulation(good.replace('113.9', 'NaN'), { file: 'p.geojson' }))).toBe(
      'p.geojson: invalid JSON (unexpected "NaN" at line 1, column 131)',
    );
    expect(message(() => parsePopulation(good.slice(0, 50), { file: 'p.geojson' }))).toBe('p.geojson: invalid JSON (Unexpected end of JSON input)');
  });
});

describe('parsePopulation (polygons): the samples of a polygon add up to its population', () => {
  it('exactly, under compensated summation, for whole and fractional populations (review finding)', () => {
    const sq = (x: number, y: number, d: number, population: number) => ({
      type: 'Feature',
      properties: { population },
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
    for (const [d, p] of [
      [0.01, 1000],
      [0.003, 333],
      [0.02, 800.5],
      [0.05, 1200],
      [0.0004, 7],
    ] as const) {
      const set = parsePopulation(JSON.stringify({ type: 'FeatureCollection', features: [sq(113.9, 22.7, d, p)] }), { file: 'p.geojson' });
      expect(set.count).toBeGreaterThan(1);
      expect(compensatedSum(set.weight)).toBe(p);
      expect(Math.min(...set.weight)).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('parsePopulation (polygons): the sample unit limit', () => {
  // 100 m squares (10 × 10 samples each at 10 m cells), in a row.
  const d = 100 / 111_195;
  const dx = d / Math.cos((22.7 * Math.PI) / 180);
  const square = (k: number) => ({
    type: 'Feature',
    properties: { population: 50 },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [113.9 + k * dx, 22.7],
          [113.9 + (k + 1) * dx, 22.7],
          [113.9 + (k + 1) * dx, 22.7 + d],
          [113.9 + k * dx, 22.7 + d],
          [113.9 + k * dx, 22.7],
        ],
      ],
    },
  });
  const text = fc([0, 1, 2, 3].map(square));
  const unitLimit = { units: 250, advice: 'ADVICE' };
  const expected = 'p.geojson: feature 2: the polygons up to this one are spread over more than 250 sample points (one per 10 m cell at most), ADVICE';

  it('names the feature that passes the limit, whole and streamed alike', () => {
    expect(parsePopulation(fc([0, 1].map(square)), { file: 'p.geojson', unitLimit }).count).toBe(200);
    expect(message(() => parsePopulation(text, { file: 'p.geojson', unitLimit }))).toBe(expected);
    const bytes = new TextEncoder().encode(text);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 97) }, (_, k) => bytes.subarray(k * 97, (k + 1) * 97));
    expect(message(() => parsePopulationChunks(chunks, { file: 'p.geojson', unitLimit }))).toBe(expected);
  });

  it('applies to polygon samples only: points are one unit each, bounded by the file', () => {
    const points = fc(Array.from({ length: 300 }, (_, k) => pt([113.9 + k * 1e-4, 22.7], { population: 1 })));
    expect(parsePopulation(points, { file: 'p.geojson', unitLimit }).count).toBe(300);
  });
});

describe('parsePopulation with group fields (issue 16)', () => {
  const poly = (properties: Record<string, unknown>) => ({ ...rect('x', [113.93, 22.75, 113.94, 22.76]), properties });

  it('keeps each group per unit: a point carries its count, polygon samples share it as they share the people; whole and streamed alike', () => {
    const points = fc([pt([113.9, 22.7], { population: 5, age65: 2 }), pt([113.91, 22.7], { population: 3, age65: 0.5 })]);
    expect(parsePopulation(points, { file: 'p.geojson', groupFields: ['age65'] }).groups).toEqual([{ field: 'age65', weight: Float64Array.from([2, 0.5]) }]);
    const text = fc([poly({ population: 1000, age65: 120.5 })]);
    for (const p of [
      parsePopulation(text, { file: 'p.geojson', groupFields: ['age65'] }),
      parsePopulationChunks([new TextEncoder().encode(text)], { file: 'p.geojson', groupFields: ['age65'] }),
    ]) {
      const g = p.groups![0].weight;
      expect(g.length).toBe(p.count);
      expect(compensatedSum(g)).toBe(120.5);
      for (let i = 0; i < p.count - 1; i++) expect(g[i]).toBeCloseTo((p.weight[i] * 120.5) / 1000, 12);
    }
    expect(parsePopulation(points, { file: 'p.geojson' }).groups).toBeUndefined();
  });

  it('names the feature and field of a missing or invalid group count, as for the population', () => {
    const text = fc([pt([113.9, 22.7], { population: 5, age65: 2 }), pt([113.9, 22.7], { population: 5 })]);
    expect(message(() => parsePopulation(text, { file: 'p.geojson', groupFields: ['age65'] }))).toBe(
      'p.geojson: feature 1, field "age65": group count is missing',
    );
    expect(message(() => parsePopulation(fc([pt([113.9, 22.7], { population: 5, age65: 'x' })]), { file: 'p.geojson', groupFields: ['age65'] }))).toBe(
      'p.geojson: feature 0, field "age65": "x" is not a number',
    );
  });
});
