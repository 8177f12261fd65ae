import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { area as turfArea } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { CoverageEngine } from '../../../../src/core';
import type { AreaSet } from '../../../../src/core/types';
import { LAT0, LNG0, positionArb, rect } from '../../helpers/coverage-reference';
import { hallSet } from '../../helpers/hall-set';
import { fuzzParams } from '../../fuzz/fuzz-config';
import type { GapCollection } from '../../../../src/core/types';
import { BOM } from '../../../../src/core/export/csv-text';
import { gapsCsv, gapsCsvHeader, gapsGeoJson } from '../../../../src/core/export/gaps-export';
import { outputPosition } from '../../../../src/core/export/output-crs';
import { OUTSIDE_AREAS } from '../../../../src/core/types';
import { readCsv } from '../../helpers/read-csv';
import { labelsFor } from './labels';
import { sampleEngine } from './sample-engine';
import { popSet } from '../../helpers/pop-set';

const engine = sampleEngine();
const SERVICES = engine.services;
const ALL3 = { radiusM: 500, services: SERVICES };
const uncovered = (services: string[], key: string) => {
  const t = engine.stats({ radiusM: 500, services }).total;
  return t.population - t.covered[key];
};
const sumPeople = (features: { properties: { population: number } }[]) => features.reduce((s, f) => s + f.properties.population, 0);

describe('gapsGeoJson', () => {
  const opts = { radiusM: 500, services: ['legal-aid'] };
  const gaps = engine.gaps(opts);
  const mine = gaps.features.filter((f) => f.properties.service === 'legal-aid');

  it('holds the one service’s zones only, with the CLI properties, WGS84 stated, outlines rounded to 6 decimals', () => {
    const fc = JSON.parse(gapsGeoJson(gaps, opts, 'wgs84'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.coordinate_system).toBe('WGS84');
    expect(fc.radius_m).toBe(500);
    expect(fc.services).toEqual(['legal-aid']);
    expect(fc.service).toBe('legal-aid');
    expect(mine.length).toBeGreaterThan(0);
    expect(fc.features).toHaveLength(mine.length);
    fc.features.forEach((f: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }, k: number) => {
      const src = mine[k];
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
  it.each(SERVICES)('for %s alone, its people add up to that service’s uncovered people exactly, counted once', (s) => {
    const fc = JSON.parse(gapsGeoJson(engine.gaps({ radiusM: 500, services: [s] }), { radiusM: 500, services: [s] }, 'wgs84'));
    expect(new Set(fc.features.map((f: { properties: { service: string } }) => f.properties.service))).toEqual(new Set([s]));
    expect(sumPeople(fc.features)).toBe(uncovered([s], s));
  });
  it('for all three services, holds the "all" zones only: people missing any service, once', () => {
    const fc = JSON.parse(gapsGeoJson(engine.gaps(ALL3), ALL3, 'wgs84'));
    expect(fc.service).toBe('all');
    expect(fc.services).toEqual(SERVICES);
    expect(new Set(fc.features.map((f: { properties: { service: string } }) => f.properties.service))).toEqual(new Set(['all']));
    expect(sumPeople(fc.features)).toBe(uncovered(SERVICES, 'all'));
  });
  it('writes GCJ-02 when asked, says so, and converts centroids like outlines', () => {
    const fc = JSON.parse(gapsGeoJson(gaps, opts, 'gcj02'));
    expect(fc.coordinate_system).toBe('GCJ-02');
    const src = mine[0];
    expect(fc.features[0].properties.centroid).toEqual(outputPosition(src.properties.centroid, 'gcj02'));
    const ring = src.geometry.type === 'Polygon' ? src.geometry.coordinates[0] : src.geometry.coordinates[0][0];
    const out = fc.features[0].geometry.type === 'Polygon' ? fc.features[0].geometry.coordinates[0] : fc.features[0].geometry.coordinates[0][0];
    expect(out[0]).toEqual(outputPosition(ring[0], 'gcj02'));
    expect(out[0]).not.toEqual(outputPosition(ring[0], 'wgs84'));
  });
});

describe('gapsCsv', () => {
  const services = ['petition'];
  const gaps = engine.gaps({ radiusM: 500, services });
  const mine = gaps.features.filter((f) => f.properties.service === 'petition');
  const text = gapsCsv(gaps, services, labelsFor('en', services), 'wgs84');
  const [title, head, ...rows] = readCsv(text);

  it('has a BOM, CRLF rows, a one-cell title saying what is inside, the English header and one row per zone of the service', () => {
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(title).toEqual([
      'Service Circles gap list · Petition service · radius 500 m · 2026-12-06 · coordinates WGS84 · sample data: approximate subdistricts and communities; modelled population and halls',
    ]);
    expect(head).toEqual([
      'Service',
      'Rank',
      'Subdistrict',
      'Uncovered: Petition service',
      'Area (m²)',
      'Population centre longitude',
      'Population centre latitude',
      'Farthest person to nearest hall (m)',
      'Coordinate system',
    ]);
    expect(rows).toHaveLength(mine.length);
    expect(rows.every((r) => r[0] === 'Petition service')).toBe(true);
  });
  it('has Chinese headers and names for the Chinese interface', () => {
    const [t, h, first] = readCsv(gapsCsv(gaps, services, labelsFor('zh', services), 'wgs84'));
    expect(t[0]).toMatch(/^服务圈 缺口清单 · 诉求服务 · 服务半径 500 米 · 2026-12-06 · 坐标 WGS84 · 示例数据/);
    expect(h).toEqual(['服务', '排名', '街道', '诉求服务未覆盖人口', '面积（平方米）', '人口重心经度', '人口重心纬度', '最远居民到最近服务点（米）', '坐标系']);
    expect(first[0]).toBe('诉求服务');
  });
  it.each(SERVICES)('for %s alone, the people column sums to the engine’s uncovered people for it, exactly', (s) => {
    const [, , ...r] = readCsv(gapsCsv(engine.gaps({ radiusM: 500, services: [s] }), [s], labelsFor('en', [s]), 'wgs84'));
    expect(r.reduce((sum, c) => sum + Number(c[3]), 0)).toBe(uncovered([s], s));
  });
  it('for all three services, lists the "all" zones once: the people column sums to the people missing any service', () => {
    const [, h, ...r] = readCsv(gapsCsv(engine.gaps(ALL3), SERVICES, labelsFor('zh', SERVICES), 'wgs84'));
    expect(h[3]).toBe('缺任一服务人口');
    expect(new Set(r.map((c) => c[0]))).toEqual(new Set(['全部三项']));
    expect(r.reduce((sum, c) => sum + Number(c[3]), 0)).toBe(uncovered(SERVICES, 'all'));
  });
  it('writes each zone’s rank, area, people, centroid, geodesic area and nearest-hall distance, in engine order', () => {
    rows.forEach((r, k) => {
      const [, rank, area, population, areaM2, x, y, near, crs] = r;
      const p = mine[k].properties;
      expect([Number(rank), area, Number(population)]).toEqual([p.rank, p.area === OUTSIDE_AREAS ? 'Outside the areas' : p.area, p.population]);
      expect([Number(x), Number(y)]).toEqual(outputPosition(p.centroid, 'wgs84'));
      expect(Number(areaM2)).toBe(Math.round(turfArea(mine[k])));
      expect(Number(near)).toBeCloseTo(p.nearest_hall_m, 1);
      expect(crs).toBe('WGS84');
    });
  });
  it('names the people outside every area in the interface language', () => {
    const outside = { type: 'FeatureCollection' as const, features: [{ ...mine[0], properties: { ...mine[0].properties, area: OUTSIDE_AREAS } }] };
    expect(readCsv(gapsCsv(outside, services, labelsFor('zh', services), 'wgs84'))[2][2]).toBe('区域外');
  });
  it('names GCJ-02 in every row when written in GCJ-02', () => {
    const [, , ...r] = readCsv(gapsCsv(gaps, services, labelsFor('en', services), 'gcj02'));
    expect(r.every((c) => c[8] === 'GCJ-02')).toBe(true);
  });
  it('leaves the distance empty when no hall offers the service', () => {
    const none = { type: 'FeatureCollection' as const, features: [{ ...mine[0], properties: { ...mine[0].properties, nearest_hall_m: Infinity } }] };
    expect(readCsv(gapsCsv(none, services, labelsFor('en', services), 'wgs84'))[2][7]).toBe('');
  });
  it('has a header of nine columns for any key', () => {
    expect(gapsCsvHeader(labelsFor('en', SERVICES), 'all')).toHaveLength(9);
  });
});

describe('gapsCsv on random data', () => {
  // Two areas, and people outside both; whole people, so sums are exact.
  const areas: AreaSet = (() => {
    const features = [rect('West', [LNG0, LAT0, LNG0 + 0.015, LAT0 + 0.03]), rect('East', [LNG0 + 0.015, LAT0, LNG0 + 0.025, LAT0 + 0.03])];
    return { names: features.map((f) => f.properties!.name as string), features };
  })();
  const ABC = ['a', 'b', 'c'];

  it('counts every uncovered person once: the people column sums to the shown key’s uncovered people, for any services asked', () => {
    fc.assert(
      fc.property(
        fc.boolean().chain((coarse) =>
          fc.record({
            halls: fc.array(fc.record({ p: positionArb(coarse), s: fc.subarray(ABC, { minLength: 1 }) }), { minLength: 1, maxLength: 12 }),
            units: fc.array(fc.record({ p: positionArb(coarse), w: fc.integer({ min: 0, max: 9 }) }), { minLength: 1, maxLength: 60 }),
            services: fc.subarray(ABC, { minLength: 1 }),
            radius: fc.integer({ min: 0, max: 1500 }),
          }),
        ),
        ({ halls, units, services, radius }) => {
          const engine = new CoverageEngine(hallSet(halls), popSet(units), areas);
          const opts = { radiusM: radius, services };
          const key = services.length === 1 ? services[0] : 'all';
          const t = engine.stats(opts).total;
          const [, head, ...rows] = readCsv(gapsCsv(engine.gaps(opts), services, labelsFor('en', services), 'wgs84'));
          expect(head).toHaveLength(9);
          expect(rows).toHaveLength(engine.gaps(opts).features.filter((f) => f.properties.service === key).length);
          expect(rows.reduce((sum, r) => sum + Number(r[3]), 0)).toBe(t.population - t.covered[key]);
        },
      ),
      fuzzParams(60),
    );
  });
});

// area_m2 is Turf's area() of the zone's geometry: the checks below pin how we
// call it (the bare geometry, holes subtracted whatever their winding).
describe('gapsCsv area_m2', () => {
  const zone = (geometry: Polygon | MultiPolygon): GapCollection => ({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry, properties: { service: 'legal-aid', area: 'A', population: 1, nearest_hall_m: 600, rank: 1, centroid: [113.9, 22.7] } },
    ],
  });
  const areaM2 = (geometry: Polygon | MultiPolygon): number =>
    Number(readCsv(gapsCsv(zone(geometry), ['legal-aid'], labelsFor('en', ['legal-aid']), 'wgs84'))[2][4]);
  const sq = (x0: number, y0: number, s: number): Position[] => [
    [x0, y0],
    [x0 + s, y0],
    [x0 + s, y0 + s],
    [x0, y0 + s],
    [x0, y0],
  ];

  it('gives a 100 m × 100 m cell at the equator one hectare (mean Earth radius)', () => {
    const d = 100 / (6_371_008.8 * (Math.PI / 180));
    expect(
      areaM2({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [d, 0],
            [d, d],
            [0, d],
            [0, 0],
          ],
        ],
      }),
    ).toBe(10_000);
  });

  it('subtracts holes of either winding and adds the parts of a MultiPolygon', () => {
    const outer = turfArea({ type: 'Polygon', coordinates: [sq(113.9, 22.7, 0.01)] });
    const hole = turfArea({ type: 'Polygon', coordinates: [sq(113.902, 22.702, 0.002)] });
    expect(areaM2({ type: 'Polygon', coordinates: [sq(113.9, 22.7, 0.01), sq(113.902, 22.702, 0.002).reverse()] })).toBe(Math.round(outer - hole));
    expect(areaM2({ type: 'Polygon', coordinates: [sq(113.9, 22.7, 0.01), sq(113.902, 22.702, 0.002)] })).toBe(Math.round(outer - hole));
    expect(areaM2({ type: 'MultiPolygon', coordinates: [[sq(113.9, 22.7, 0.01)], [sq(113.95, 22.7, 0.002)]] })).toBe(Math.round(outer + hole));
  });
});
