import { describe, expect, it } from 'vitest';
import { hallLoadRows, hallLoadsGeoJson } from '../../../../src/core/export/hall-loads';
import type { Stats } from '../../../../src/core/types';

const stats = {
  halls: [
    { index: 0, name: 'A', service: 'petition', capacity: 100, load: 150, served: 100 },
    { index: 1, name: 'B', service: 'petition', capacity: null, load: 40, served: 40 },
    { index: 1, name: 'B', service: 'legal-aid', capacity: 0, load: 5, served: 0 },
  ],
} as unknown as Stats;
const halls = { lng: [113.9, 113.95], lat: [22.7, 22.75] };

describe('hall load export', () => {
  it('gives each hall and service its position, people over capacity and utilisation, in the stats order', () => {
    expect(hallLoadRows(stats, halls).map((r) => [r.index, r.service, r.lng, r.lat, r.over, r.utilisation])).toEqual([
      [0, 'petition', 113.9, 22.7, 50, 1.5],
      [1, 'petition', 113.95, 22.75, 0, null],
      [1, 'legal-aid', 113.95, 22.75, 5, null],
    ]);
    expect(hallLoadRows({} as Stats, halls)).toEqual([]);
  });
  it('writes points in the position function’s coordinates, saying the system and the radius', () => {
    const fc = JSON.parse(hallLoadsGeoJson(hallLoadRows(stats, halls), 500, 'GCJ-02', (x, y) => [x + 1, y + 2]));
    expect(fc.coordinate_system).toBe('GCJ-02');
    expect(fc.radius_m).toBe(500);
    expect(fc.features[0].geometry.coordinates).toEqual([114.9, 24.7]);
    expect(fc.features[0].properties).toEqual({
      index: 0,
      name: 'A',
      service: 'petition',
      capacity: 100,
      load: 150,
      served: 100,
      over_capacity: 50,
      utilisation: 1.5,
    });
    expect(fc.features[1].properties.capacity).toBeNull();
  });
});
