import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFields, detectFieldsChunks } from '../../../../src/core/input/detect-fields';
import { InputError } from '../../../../src/core/input/input-error';
import { StreamFallback } from '../../../../src/core/input/stream-features';

const coll = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const pt = (c: number[], properties: Record<string, unknown>) => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: c } });

describe('detectFields', () => {
  it('summarises GeoJSON points: count, raw bbox, numeric and text properties in file order', () => {
    const s = detectFields(
      coll([pt([113.9, 22.7], { pop: 3, 名称: 'a', code: 1, mixed: 1 }), pt([114.1, 22.6], { pop: 2.5, 名称: 'b', code: null, mixed: 'x' })]),
    );
    expect(s).toEqual({
      kind: 'points',
      count: 2,
      bbox: [113.9, 22.6, 114.1, 22.7],
      numericFields: ['pop', 'code'],
      numericRanges: [
        [2.5, 3],
        [1, 1],
      ],
      stringFields: ['名称'],
      listFields: [],
      knownServiceFields: [],
      fields: ['pop', '名称', 'code', 'mixed'],
    });
  });

  it('summarises polygons and reports mixed geometry', () => {
    const poly = {
      type: 'Feature',
      properties: { name: 'x' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [2, 0],
            [2, 3],
            [0, 0],
          ],
        ],
      },
    };
    expect(detectFields(coll([poly]))).toMatchObject({ kind: 'polygons', bbox: [0, 0, 2, 3], stringFields: ['name'] });
    expect(detectFields(coll([poly, pt([1, 1], {})])).kind).toBe('mixed');
  });

  it('summarises a hall CSV: rows, lng/lat bbox, numeric columns', () => {
    const s = detectFields('\uFEFFname,lng,lat,services,staff\nA,113.9,22.7,petition,3\nB,114,22.8,"a,b",\n');
    expect(s).toEqual({
      kind: 'csv',
      count: 2,
      bbox: [113.9, 22.7, 114, 22.8],
      numericFields: ['lng', 'lat', 'staff'],
      numericRanges: [
        [113.9, 114],
        [22.7, 22.8],
        [3, 3],
      ],
      stringFields: ['name', 'services'],
      listFields: [],
      knownServiceFields: ['services'],
      fields: ['name', 'lng', 'lat', 'services', 'staff'],
    });
  });

  it('lists array-valued properties: arrays of strings are list fields, and every property shows in fields', () => {
    const s = detectFields(
      coll([
        pt([113.9, 22.7], { id: 1, services: ['petition', 'legal-aid'], tags: [1, 2], meta: { a: 1 } }),
        pt([114, 22.8], { id: 2, services: [], tags: ['x'], meta: null }),
      ]),
    );
    expect(s.listFields).toEqual(['services']);
    expect(s.knownServiceFields).toEqual(['services']);
    expect(s.fields).toEqual(['id', 'services', 'tags', 'meta']);
    expect(s.stringFields).toEqual([]);
  });

  it('finds known services in text split on the services separators, and only there', () => {
    const s = detectFields(
      coll([pt([1, 1], { 服务: '诉求；petition、legal-aid', note: 'petitions welcome', kinds: ['Petition'] }), pt([1, 2], { 服务: '', note: 'x', kinds: [] })]),
    );
    expect(s.knownServiceFields).toEqual(['服务']);
    expect(s.listFields).toEqual(['kinds']);
  });

  it('gives each numeric field its value range, negatives included', () => {
    const s = detectFields(coll([pt([1, 1], { z: -4, pop: 0 }), pt([1, 2], { z: 7, pop: 12.5 })]));
    expect(s.numericFields).toEqual(['z', 'pop']);
    expect(s.numericRanges).toEqual([
      [-4, 7],
      [0, 12.5],
    ]);
  });

  it('throws InputError for unreadable input', () => {
    expect(() => detectFields('{"type":', 'x.geojson')).toThrow(InputError);
    expect(() => detectFields('', 'x.csv')).toThrow('x.csv: file is empty');
  });
});

describe('detectFieldsChunks', () => {
  const enc = new TextEncoder();
  // Cut the bytes at the given fractions, also inside multi-byte characters.
  const split = (b: Uint8Array, cuts: number[]) => {
    const at = [...new Set(cuts.map((f) => Math.floor(f * b.length))), b.length].sort((x, y) => x - y);
    return at.map((k, i) => b.subarray(i === 0 ? 0 : at[i - 1], k));
  };
  const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.constant(null), fc.boolean());
  const feature = fc
    .record({
      props: fc.dictionary(
        fc.constantFrom('pop', '名称', 'code', 'x', 'services'),
        fc.oneof(value, fc.array(fc.constantFrom('petition', 'x', '、'), { maxLength: 3 })),
      ),
      poly: fc.boolean(),
      x: fc.double({ min: 113, max: 115, noNaN: true }),
      y: fc.double({ min: 22, max: 23, noNaN: true }),
    })
    .map((f) => ({
      type: 'Feature',
      properties: f.props,
      geometry: f.poly
        ? {
            type: 'Polygon',
            coordinates: [
              [
                [f.x, f.y],
                [f.x + 0.01, f.y],
                [f.x, f.y + 0.01],
                [f.x, f.y],
              ],
            ],
          }
        : { type: 'Point', coordinates: [f.x, f.y] },
    }));

  it('gives what detectFields gives on the whole text, however the bytes are split, and shows every feature', () => {
    fc.assert(
      fc.property(
        fc.array(feature, { minLength: 1, maxLength: 20 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        (features, cuts) => {
          const text = JSON.stringify({ type: 'FeatureCollection', features });
          let seen = 0;
          expect(detectFieldsChunks(split(enc.encode(text), cuts), 'p.geojson', () => seen++)).toEqual(detectFields(text, 'p.geojson'));
          expect(seen).toBe(features.length);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('throws StreamFallback for what it cannot stream (GBK bytes, a single Feature), and InputError naming the file for a broken feature', () => {
    expect(() => detectFieldsChunks([Uint8Array.from([0x7b, 0xb9, 0xe2])], 'p')).toThrow(StreamFallback);
    expect(() => detectFieldsChunks([enc.encode('{"type":"Feature","properties":{},"geometry":null}')], 'p')).toThrow(StreamFallback);
    expect(() => detectFieldsChunks([enc.encode('{"type":"FeatureCollection","features":[{"type":"Feature"}]}')], 'p.geojson')).toThrow(
      'p.geojson: feature 0: feature has no geometry',
    );
  });
});
