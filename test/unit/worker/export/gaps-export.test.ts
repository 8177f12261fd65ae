import { describe, expect, it } from 'vitest';
import { area as turfArea } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { GapCollection } from '../../../../src/core/types';
import { BOM } from '../../../../src/worker/export/csv-text';
import { GAP_CSV_HEADER, gapsCsv, gapsGeoJson } from '../../../../src/worker/export/gaps-export';
import { outputPosition } from '../../../../src/worker/export/output-crs';
import { sampleEngine } from './sample-engine';

const engine = sampleEngine();
const opts = { radiusM: 500, services: ['legal-aid'] };
const gaps = engine.gaps(opts);

describe('gapsGeoJson', () => {
  it('is a FeatureCollection of the engine zones with the CLI properties, WGS84 stated, outlines rounded to 6 decimals', () => {
    const fc = JSON.parse(gapsGeoJson(gaps, opts, 'wgs84'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.coordinate_system).toBe('WGS84');
    expect(fc.radius_m).toBe(500);
    expect(fc.features).toHaveLength(gaps.features.length);
    fc.features.forEach((f: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }, k: number) => {
      const src = gaps.features[k];
      expect(Object.keys(f.properties).sort()).toEqual(['area', 'centroid', 'nearest_hall_m', 'population', 'rank', 'service']);
      expect({ ...f.properties, centroid: null }).toEqual({ ...JSON.parse(JSON.stringify(src.properties)), centroid: null });
      expect(f.properties.centroid).toEqual(outputPosition(src.properties.centroid, 'wgs84'));
      expect(f.geometry.type).toBe(src.geometry.type);
      const flat = (c: unknown): number[] => (typeof (c as unknown[])[0] === 'number' ? (c as number[]) : (c as unknown[]).flatMap(flat));
      const a = flat(f.geometry.coordinates);
      const b = flat(src.geometry.coordinates);
      expect(a).toHaveLength(b.length);
      a.forEach((x, i) => expect(Math.abs(x - b[i])).toBeLessThanOrEqual(5e-7 + 1e-9));
    });
  });
  it('sums to the uncovered people of the stats, per service and for all', () => {
    const fc = JSON.parse(gapsGeoJson(gaps, opts, 'wgs84'));
    const stats = engine.stats(opts);
    for (const key of ['legal-aid', 'all']) {
      const sum = fc.features.filter((f: { properties: { service: string } }) => f.properties.service === key).reduce((s: number, f: { properties: { population: number } }) => s + f.properties.population, 0);
      expect(sum).toBe(stats.total.population - stats.total.covered[key]);
    }
  });
  it('writes GCJ-02 when asked, says so, and converts centroids like outlines', () => {
    const fc = JSON.parse(gapsGeoJson(gaps, opts, 'gcj02'));
    expect(fc.coordinate_system).toBe('GCJ-02');
    const src = gaps.features[0];
    expect(fc.features[0].properties.centroid).toEqual(outputPosition(src.properties.centroid, 'gcj02'));
    const ring = src.geometry.type === 'Polygon' ? src.geometry.coordinates[0] : src.geometry.coordinates[0][0];
    const out = fc.features[0].geometry.type === 'Polygon' ? fc.features[0].geometry.coordinates[0] : fc.features[0].geometry.coordinates[0][0];
    expect(out[0]).toEqual(outputPosition(ring[0], 'gcj02'));
    expect(out[0]).not.toEqual(outputPosition(ring[0], 'wgs84'));
  });
});

describe('gapsCsv', () => {
  const text = gapsCsv(gaps, 'wgs84');
  const lines = text.slice(BOM.length).trimEnd().split('\r\n');
  it('has a BOM, the documented header and one row per zone in engine order', () => {
    expect(text.startsWith(BOM)).toBe(true);
    expect(lines[0]).toBe(GAP_CSV_HEADER.join(','));
    expect(lines).toHaveLength(gaps.features.length + 1);
  });
  it('writes each zone population, centroid, geodesic area and nearest-hall distance', () => {
    lines.slice(1).forEach((line, k) => {
      const [service, rank, area, population, areaM2, x, y, near, crs] = line.split(',');
      const p = gaps.features[k].properties;
      expect([service, Number(rank), area, Number(population)]).toEqual([p.service, p.rank, p.area, p.population]);
      expect([Number(x), Number(y)]).toEqual(outputPosition(p.centroid, 'wgs84'));
      expect(Number(areaM2)).toBe(Math.round(turfArea(gaps.features[k])));
      expect(Number(near)).toBeCloseTo(p.nearest_hall_m, 1);
      expect(crs).toBe('WGS84');
    });
  });
  it('names GCJ-02 in every row when written in GCJ-02', () => {
    const rows = gapsCsv(gaps, 'gcj02').trimEnd().split('\r\n').slice(1);
    expect(rows.every((r) => r.endsWith(',GCJ-02'))).toBe(true);
  });
  it('leaves the distance empty when no hall offers the service', () => {
    const none = { type: 'FeatureCollection' as const, features: [{ ...gaps.features[0], properties: { ...gaps.features[0].properties, nearest_hall_m: Infinity } }] };
    expect(gapsCsv(none, 'wgs84').trimEnd().split('\r\n')[1].split(',')[7]).toBe('');
  });
});

// area_m2 is Turf's area() of the zone's geometry: the checks below pin how we
// call it (the bare geometry, holes subtracted whatever their winding).
describe('gapsCsv area_m2', () => {
  const zone = (geometry: Polygon | MultiPolygon): GapCollection => ({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', geometry, properties: { service: 'legal-aid', area: 'A', population: 1, nearest_hall_m: 600, rank: 1, centroid: [113.9, 22.7] } }],
  });
  const areaM2 = (geometry: Polygon | MultiPolygon): number => Number(gapsCsv(zone(geometry), 'wgs84').trimEnd().split('\r\n')[1].split(',')[4]);
  const sq = (x0: number, y0: number, s: number): Position[] => [[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s], [x0, y0]];

  it('gives a 100 m × 100 m cell at the equator one hectare (mean Earth radius)', () => {
    const d = 100 / (6_371_008.8 * (Math.PI / 180));
    expect(areaM2({ type: 'Polygon', coordinates: [[[0, 0], [d, 0], [d, d], [0, d], [0, 0]]] })).toBe(10_000);
  });

  it('subtracts holes of either winding and adds the parts of a MultiPolygon', () => {
    const outer = turfArea({ type: 'Polygon', coordinates: [sq(113.9, 22.7, 0.01)] });
    const hole = turfArea({ type: 'Polygon', coordinates: [sq(113.902, 22.702, 0.002)] });
    expect(areaM2({ type: 'Polygon', coordinates: [sq(113.9, 22.7, 0.01), sq(113.902, 22.702, 0.002).reverse()] })).toBe(Math.round(outer - hole));
    expect(areaM2({ type: 'Polygon', coordinates: [sq(113.9, 22.7, 0.01), sq(113.902, 22.702, 0.002)] })).toBe(Math.round(outer - hole));
    expect(areaM2({ type: 'MultiPolygon', coordinates: [[sq(113.9, 22.7, 0.01)], [sq(113.95, 22.7, 0.002)]] })).toBe(Math.round(outer + hole));
  });
});
