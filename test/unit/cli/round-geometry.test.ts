import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { roundGeometry } from '../../../src/core/export/round-geometry';

describe('roundGeometry', () => {
  it('rounds Polygon and MultiPolygon coordinates to 6 decimals in place, keeping rings closed', () => {
    const p: Polygon = { type: 'Polygon', coordinates: [[[113.1234564, 22.9999996], [114, 22], [113.1234564, 22.9999996]]] };
    roundGeometry(p);
    expect(p.coordinates[0][0]).toEqual([113.123456, 23]);
    expect(p.coordinates[0][2]).toEqual(p.coordinates[0][0]);
    const m: MultiPolygon = { type: 'MultiPolygon', coordinates: [[[[1.0000004, 2.0000006]]], [[[3.1, 4.2000001]]]] };
    roundGeometry(m);
    expect(m.coordinates).toEqual([[[[1, 2.000001]]], [[[3.1, 4.2]]]]);
  });
});
