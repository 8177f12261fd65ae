import { describe, expect, it } from 'vitest';
import { detectFields } from '../../../src/core/detect-fields.ts';
import { InputError } from '../../../src/core/input-error.ts';

const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const pt = (c: number[], properties: Record<string, unknown>) => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: c } });

describe('detectFields', () => {
  it('summarises GeoJSON points: count, raw bbox, numeric and text properties in file order', () => {
    const s = detectFields(fc([pt([113.9, 22.7], { pop: 3, 名称: 'a', code: 1, mixed: 1 }), pt([114.1, 22.6], { pop: 2.5, 名称: 'b', code: null, mixed: 'x' })]));
    expect(s).toEqual({ kind: 'points', count: 2, bbox: [113.9, 22.6, 114.1, 22.7], numericFields: ['pop', 'code'], stringFields: ['名称'] });
  });

  it('summarises polygons and reports mixed geometry', () => {
    const poly = { type: 'Feature', properties: { name: 'x' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 3], [0, 0]]] } };
    expect(detectFields(fc([poly]))).toMatchObject({ kind: 'polygons', bbox: [0, 0, 2, 3], stringFields: ['name'] });
    expect(detectFields(fc([poly, pt([1, 1], {})])).kind).toBe('mixed');
  });

  it('summarises a hall CSV: rows, lng/lat bbox, numeric columns', () => {
    const s = detectFields('\uFEFFname,lng,lat,services,staff\nA,113.9,22.7,petition,3\nB,114,22.8,"a,b",\n');
    expect(s).toEqual({ kind: 'csv', count: 2, bbox: [113.9, 22.7, 114, 22.8], numericFields: ['lng', 'lat', 'staff'], stringFields: ['name', 'services'] });
  });

  it('throws InputError for unreadable input', () => {
    expect(() => detectFields('{"type":', 'x.geojson')).toThrow(InputError);
    expect(() => detectFields('', 'x.csv')).toThrow('x.csv: file is empty');
  });
});
