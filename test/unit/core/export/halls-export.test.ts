import { describe, expect, it } from 'vitest';
import { parseHalls } from '../../../../src/core';
import { hallsGeoJson, sitesToExport } from '../../../../src/core/export/halls-export';
import { outputPosition } from '../../../../src/core/export/output-crs';

const proposed = [
  { id: 1, lng: 113.91, lat: 22.76, services: ['legal-aid', 'petition'], name: '拟建服务点 1' },
  { id: 4, lng: 113.95, lat: 22.73, services: ['psych-support'], name: '=evil()' },
  // Suggested site 2, kept as a proposed hall.
  { id: 5, lng: 113.92, lat: 22.79, services: ['legal-aid'], name: '' },
];
const suggested = [
  { rank: 1, lng: 113.9, lat: 22.8, service: 'legal-aid', added: 1234, cumulative: 1234, area: 0 },
  { rank: 2, lng: 113.92, lat: 22.79, service: 'legal-aid', added: 800, cumulative: 2034, area: 0 },
  { rank: 3, lng: 113.93, lat: 22.78, service: 'legal-aid', added: 500, cumulative: 2534, area: 0 },
];
const KEPT_ONLY = { includeSuggested: false, kept: [2] };
const WITH_SITES = { includeSuggested: true, kept: [2] };
type Fc = { suggested_included: boolean; features: { properties: { status: string; rank?: number }; geometry: { coordinates: number[] } }[] };

describe('hallsGeoJson', () => {
  it('writes the proposed halls only unless the suggestions are asked for', () => {
    const fc: Fc = JSON.parse(hallsGeoJson(proposed, suggested, 500, 'wgs84', KEPT_ONLY));
    expect(fc.suggested_included).toBe(false);
    expect(fc.features.map((f) => f.properties.status)).toEqual(['proposed', 'proposed', 'proposed']);
  });
  it('with the suggestions asked for, adds the sites not kept, and writes every site once', () => {
    const fc: Fc = JSON.parse(hallsGeoJson(proposed, suggested, 500, 'wgs84', WITH_SITES));
    expect(fc.suggested_included).toBe(true);
    expect(fc.features.map((f) => f.properties.status)).toEqual(['proposed', 'proposed', 'proposed', 'suggested', 'suggested']);
    expect(fc.features.filter((f) => f.properties.status === 'suggested').map((f) => f.properties.rank)).toEqual([1, 3]);
    const at = fc.features.map((f) => f.geometry.coordinates.join(','));
    expect(new Set(at).size).toBe(at.length);
    expect(fc.features[3].properties).toMatchObject({ rank: 1, added_people: 1234, cumulative_people: 1234, services: ['legal-aid'] });
  });
  it('leaves out a suggested site where a proposed hall stands, even if it was not marked kept', () => {
    expect(sitesToExport(proposed, suggested, { includeSuggested: true, kept: [] }).map((s) => s.rank)).toEqual([1, 3]);
  });
  it('lists proposed halls as points with name and services, in the order given', () => {
    const fc = JSON.parse(hallsGeoJson(proposed, [], 500, 'wgs84', KEPT_ONLY));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.coordinate_system).toBe('WGS84');
    expect(fc.radius_m).toBe(500);
    expect(fc.features[0].geometry).toEqual({ type: 'Point', coordinates: [113.91, 22.76] });
    expect(fc.features[0].properties).toEqual({ status: 'proposed', name: '拟建服务点 1', services: ['legal-aid', 'petition'] });
  });
  it('loads back as a halls file with the same positions and services', () => {
    const halls = parseHalls(hallsGeoJson(proposed, suggested, 500, 'wgs84', WITH_SITES), { file: 'proposed.geojson' });
    expect(halls.count).toBe(5);
    expect(halls.services[0]).toEqual(['legal-aid', 'petition']);
    expect(halls.name[1]).toBe('=evil()');
    expect([halls.lng[3], halls.lat[3]]).toEqual([113.9, 22.8]);
  });
  it('in GCJ-02 says so and loads back to WGS84 within 0.2 m when read as GCJ-02', () => {
    const text = hallsGeoJson(proposed, [], 500, 'gcj02', KEPT_ONLY);
    const fc = JSON.parse(text);
    expect(fc.coordinate_system).toBe('GCJ-02');
    expect(fc.features[0].geometry.coordinates).toEqual(outputPosition([113.91, 22.76], 'gcj02'));
    const back = parseHalls(text, { file: 'p.geojson', crs: 'gcj02' });
    expect(Math.hypot((back.lng[0] - 113.91) * 102_700, (back.lat[0] - 22.76) * 111_195)).toBeLessThan(0.2);
  });
});
