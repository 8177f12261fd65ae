import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import fc from 'fast-check';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { PolygonIndex, type PolygonParts } from '../../../src/core/polygon-index.ts';

// Random star-shaped polygons with vertices on a 0.001-degree grid, sometimes
// with a hole, and test points on the same grid so many land exactly on
// vertices and edges.
const grid = (n: number) => fc.integer({ min: 0, max: n });
const star = fc.tuple(grid(20), grid(20), fc.array(fc.integer({ min: 3, max: 12 }), { minLength: 3, maxLength: 14 }))
  .map(([cx, cy, radii]) => radii.map((r, k) => {
    const t = (2 * Math.PI * k) / radii.length;
    return [Math.round((cx + r * Math.cos(t)) * 1) / 1000 + 113.9, Math.round((cy + r * Math.sin(t)) * 1) / 1000 + 22.7] as [number, number];
  })).map((ring) => [...ring, ring[0]]);

function feature(parts: PolygonParts): Feature<Polygon | MultiPolygon> {
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: parts } };
}

describe('PolygonIndex.contains', () => {
  it('agrees with turf booleanPointInPolygon (boundary inclusive) on random polygons and grid points', () => {
    fc.assert(fc.property(fc.array(star, { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(grid(40), grid(40)), { minLength: 1, maxLength: 80, size: 'max' }), (rings, pts) => {
      const parts: PolygonParts = rings.map((r) => [r]);
      const idx = new PolygonIndex(parts);
      const f = feature(parts);
      for (const [i, j] of pts) {
        const x = i / 1000 - 0.01 + 113.9;
        const y = j / 1000 - 0.01 + 22.7;
        expect(idx.contains(x, y)).toBe(booleanPointInPolygon([x, y], f));
      }
      for (const ring of rings) for (const [x, y] of ring) expect(idx.contains(x, y)).toBe(true);
    }), { seed: 42, numRuns: 300 });
  });

  it('honours holes, counting the hole boundary as inside', () => {
    const outer: [number, number][] = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
    const hole: [number, number][] = [[3, 3], [3, 7], [7, 7], [7, 3], [3, 3]];
    const idx = new PolygonIndex([[outer, hole]]);
    expect(idx.contains(5, 5)).toBe(false);
    expect(idx.contains(3, 5)).toBe(true);
    expect(idx.contains(1, 1)).toBe(true);
    expect(idx.contains(10, 5)).toBe(true);
    expect(idx.contains(10.0001, 5)).toBe(false);
  });

  it('handles thousands of edges across many bands like the plain even-odd test', () => {
    const n = 5000;
    const ring: [number, number][] = Array.from({ length: n }, (_, k) => {
      const t = (2 * Math.PI * k) / n;
      const r = 1 + 0.3 * Math.sin(17 * t);
      return [r * Math.cos(t), r * Math.sin(t)];
    });
    ring.push(ring[0]);
    const idx = new PolygonIndex([[ring]]);
    const f = feature([[ring]]);
    fc.assert(fc.property(fc.double({ min: -1.5, max: 1.5, noNaN: true }), fc.double({ min: -1.5, max: 1.5, noNaN: true }), (x, y) => {
      expect(idx.contains(x, y)).toBe(booleanPointInPolygon([x, y], f));
    }), { seed: 42, numRuns: 2000 });
  });

  it('keeps a hostile zigzag (every edge spans the full height) to about 16 band entries per edge, still exact', () => {
    const n = 20_000;
    const ring: [number, number][] = [];
    for (let i = 0; i < n; i++) ring.push([113.9 + i * 1e-5, i % 2 === 0 ? 22.7 : 22.8]);
    ring.push([113.9 + n * 1e-5, 22.6], [113.9, 22.6], ring[0]);
    const index = new PolygonIndex([[ring]]);
    const entries = (index as unknown as { bandEdges: Int32Array }).bandEdges.length;
    expect(entries).toBeLessThanOrEqual(18 * ring.length); // was n x 4096 = 82 million
    const f = feature([[ring]]);
    fc.assert(
      fc.property(fc.double({ min: 113.9, max: 114.1, noNaN: true }), fc.double({ min: 22.59, max: 22.81, noNaN: true }), (x, y) => {
        expect(index.contains(x, y)).toBe(booleanPointInPolygon([x, y], f));
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
