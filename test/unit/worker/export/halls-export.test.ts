import { describe, expect, it } from 'vitest';
import { parseHalls } from '../../../../src/core';
import { hallsGeoJson } from '../../../../src/worker/export/halls-export';
import { outputPosition } from '../../../../src/worker/export/output-crs';

const proposed = [
  { id: 1, lng: 113.91, lat: 22.76, services: ['legal-aid', 'petition'], name: '拟建服务点 1' },
  { id: 4, lng: 113.95, lat: 22.73, services: ['psych-support'], name: '=evil()' },
];
const suggested = [{ rank: 1, lng: 113.9, lat: 22.8, service: 'legal-aid', added: 1234, cumulative: 1234, area: 0 }];

describe('hallsGeoJson', () => {
  it('lists proposed halls then suggested sites as points with status, services and people added', () => {
    const fc = JSON.parse(hallsGeoJson(proposed, suggested, 500, 'wgs84'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.coordinate_system).toBe('WGS84');
    expect(fc.features.map((f: { properties: { status: string } }) => f.properties.status)).toEqual(['proposed', 'proposed', 'suggested']);
    expect(fc.features[0].geometry).toEqual({ type: 'Point', coordinates: [113.91, 22.76] });
    expect(fc.features[2].properties).toMatchObject({ rank: 1, added_people: 1234, cumulative_people: 1234, services: ['legal-aid'] });
  });
  it('loads back as a halls file with the same positions and services', () => {
    const halls = parseHalls(hallsGeoJson(proposed, suggested, 500, 'wgs84'), { file: 'proposed.geojson' });
    expect(halls.count).toBe(3);
    expect(halls.services[0]).toEqual(['legal-aid', 'petition']);
    expect(halls.name[1]).toBe('=evil()');
    expect([halls.lng[2], halls.lat[2]]).toEqual([113.9, 22.8]);
  });
  it('in GCJ-02 says so and loads back to WGS84 within 0.2 m when read as GCJ-02', () => {
    const text = hallsGeoJson(proposed, [], 500, 'gcj02');
    const fc = JSON.parse(text);
    expect(fc.coordinate_system).toBe('GCJ-02');
    expect(fc.features[0].geometry.coordinates).toEqual(outputPosition([113.91, 22.76], 'gcj02'));
    const back = parseHalls(text, { file: 'p.geojson', crs: 'gcj02' });
    expect(Math.hypot((back.lng[0] - 113.91) * 102_700, (back.lat[0] - 22.76) * 111_195)).toBeLessThan(0.2);
  });
});
