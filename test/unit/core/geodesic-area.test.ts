import { area as turfArea } from '@turf/area';
import fc from 'fast-check';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geodesicAreaM2 } from '../../../src/core/geodesic-area.ts';

// A closed ring of n vertices around (x, y), radii r (degrees) per vertex, either winding.
const ringArb = fc.record({
  x: fc.double({ min: -179, max: 179, noNaN: true }),
  y: fc.double({ min: -80, max: 80, noNaN: true }),
  r: fc.array(fc.double({ min: 1e-5, max: 0.5, noNaN: true }), { minLength: 3, maxLength: 40 }),
  cw: fc.boolean(),
}).map(({ x, y, r, cw }): Position[] => {
  const ring = r.map((d, k): Position => {
    const a = ((cw ? -1 : 1) * 2 * Math.PI * k) / r.length;
    return [x + d * Math.cos(a), y + d * Math.sin(a)];
  });
  return [...ring, ring[0]];
});
const polygonArb = fc.array(ringArb, { minLength: 1, maxLength: 3 });

describe('geodesicAreaM2', () => {
  it('agrees with @turf/area to 1e-9 relative on polygons and multipolygons, holes and either winding', () => {
    fc.assert(fc.property(fc.array(polygonArb, { minLength: 1, maxLength: 3 }), (polys) => {
      const geometry: Polygon | MultiPolygon = polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
      const ours = geodesicAreaM2(geometry);
      const turf = turfArea({ type: 'Feature', properties: {}, geometry });
      expect(Math.abs(ours - turf)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(turf)));
    }), { seed: 42, numRuns: 2000 });
  });

  it('gives a 100 m × 100 m cell at the equator one hectare, within the sphere model', () => {
    const d = 100 / (6_371_008.8 * (Math.PI / 180));
    const cell: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [d, 0], [d, d], [0, d], [0, 0]]] };
    expect(geodesicAreaM2(cell)).toBeCloseTo(10_000, 3);
  });

  it('subtracts holes and ignores degenerate rings', () => {
    const sq = (x0: number, y0: number, s: number): Position[] => [[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s], [x0, y0]];
    const outer = geodesicAreaM2({ type: 'Polygon', coordinates: [sq(113.9, 22.7, 0.01)] });
    const hole = geodesicAreaM2({ type: 'Polygon', coordinates: [sq(113.902, 22.702, 0.002)] });
    expect(geodesicAreaM2({ type: 'Polygon', coordinates: [sq(113.9, 22.7, 0.01), sq(113.902, 22.702, 0.002).reverse()] })).toBeCloseTo(outer - hole, 6);
    expect(geodesicAreaM2({ type: 'Polygon', coordinates: [[[1, 1], [2, 2], [1, 1]]] })).toBe(0);
  });
});
