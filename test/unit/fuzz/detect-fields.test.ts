// Fuzz: detectFields (the import dialog's first look at a file) on the same
// hostile GeoJSON and CSV as the parsers: a summary or one InputError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFields } from '../../../src/core/input/detect-fields';
import { fuzzParams } from './fuzz-config';
import { collectionText, corrupt, feature, junk, people, pointGeometry, polygonGeometry } from './geojson-arbitraries';
import { resultOrInputError } from './outcome';

const props = fc.oneof(fc.record({ population: people, name: fc.oneof(fc.string(), junk) }, { requiredKeys: [] }), junk);
const text = fc.oneof(
  corrupt(collectionText(feature(fc.oneof(pointGeometry, polygonGeometry), props))),
  fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '，', '1', '.', 'lng', 'lat', '113.9', '22.7'), maxLength: 60 }),
);

describe('fuzz: detectFields', () => {
  it('summarises any file or throws one InputError naming it', () => {
    fc.assert(
      fc.property(text, (t) => {
        const s = resultOrInputError('in.dat', () => detectFields(t, 'in.dat'));
        if (s === null) return;
        expect(Number.isInteger(s.count) && s.count >= 0).toBe(true);
        if (s.bbox !== null) expect(s.bbox.every(Number.isFinite) && s.bbox[0] <= s.bbox[2] && s.bbox[1] <= s.bbox[3]).toBe(true);
        for (const f of [...s.numericFields, ...s.stringFields]) expect(typeof f).toBe('string');
      }),
      fuzzParams(1500),
    );
  });

  // Regression: a CSV of only empty quotes has no header row, and used to throw a TypeError.
  it('reports a CSV of only empty quotes with an InputError, not a TypeError', () => {
    expect(resultOrInputError('in.csv', () => detectFields('""', 'in.csv'))).toBeNull();
  });

  it('lists no fields for properties that are not an object', () => {
    const text = JSON.stringify({ type: 'Feature', properties: 'abc', geometry: { type: 'Point', coordinates: [113.9, 22.7] } });
    const s = detectFields(text, 'in.geojson');
    expect([s.numericFields, s.stringFields]).toEqual([[], []]);
  });
});
