import areaOf from '@turf/area';
import circle from '@turf/circle';
import { featureCollection } from '@turf/helpers';
import intersect from '@turf/intersect';
import union from '@turf/union';
import fc from 'fast-check';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../../src/core/coverage/engine';
import { samplePolygon } from '../../../../src/core/geo/polygon-sampling';
import type { PolygonParts } from '../../../../src/core/geo/polygon-index';
import { LAT0, LNG0 } from '../../helpers/coverage-reference';

/** Exact-geometry share of the polygon's area inside the union of circles (turf, 512-gon circles). */
function turfShare(poly: Feature<Polygon>, halls: [number, number][], radiusM: number): number {
  if (halls.length === 0) return 0;
  const circles = halls.map((h) => circle(h, radiusM, { units: 'meters', steps: 512 }));
  const u = circles.length === 1 ? circles[0] : union(featureCollection(circles));
  if (!u) return 0;
  const inter = intersect(featureCollection([poly, u as Feature<Polygon | MultiPolygon>]));
  return inter ? areaOf(inter) / areaOf(poly) : 0;
}

// Random quadrilaterals of a few hundred metres to ~2 km, as population blocks come.
const quad = fc
  .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.array(fc.integer({ min: 3, max: 10 }), { minLength: 4, maxLength: 4 }))
  .map(([cx, cy, r]) => {
    const ring = r.map(
      (k, i) => [LNG0 + (cx + k * Math.cos((i * Math.PI) / 2 + 0.3)) * 0.001, LAT0 + (cy + k * Math.sin((i * Math.PI) / 2 + 0.3)) * 0.001] as [number, number],
    );
    return [...ring, ring[0]];
  });

describe('polygon population coverage', () => {
  it('is within 1 percentage point of the exact turf intersect/union share', () => {
    fc.assert(
      fc.property(
        quad,
        fc.array(fc.tuple(fc.integer({ min: -5, max: 25 }), fc.integer({ min: -5, max: 25 })), { maxLength: 4 }),
        fc.integer({ min: 150, max: 900 }),
        (ring, hs, radius) => {
          const halls = hs.map(([i, j]) => [LNG0 + i * 0.001, LAT0 + j * 0.001] as [number, number]);
          const s = samplePolygon([[ring]], 1000);
          const engine = new CoverageEngine(
            {
              count: halls.length,
              lng: Float64Array.from(halls, (h) => h[0]),
              lat: Float64Array.from(halls, (h) => h[1]),
              name: halls.map(String),
              services: halls.map(() => ['a']),
              properties: halls.map(() => ({})),
            },
            {
              count: s.lng.length,
              lng: Float64Array.from(s.lng),
              lat: Float64Array.from(s.lat),
              weight: Float64Array.from(s.weight),
              feature: new Int32Array(s.lng.length),
              total: 1000,
              kind: 'polygons',
            },
            { names: [], features: [] },
          );
          const share = engine.stats({ radiusM: radius, services: ['a'] }).total.covered.a / 1000;
          const exact = turfShare({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }, halls, radius);
          expect(Math.abs(share - exact)).toBeLessThanOrEqual(0.01);
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });

  it('spreads people so that sample weights add up to the population', () => {
    const ring: [number, number][] = [
      [LNG0, LAT0],
      [LNG0 + 0.01, LAT0],
      [LNG0, LAT0 + 0.01],
      [LNG0, LAT0],
    ];
    const s = samplePolygon([[ring]], 777);
    expect(s.weight.reduce((a, b) => a + b, 0)).toBeCloseTo(777, 9);
    // Half of the bbox's 100 x 100 cells, give or take the diagonal.
    expect(Math.abs(s.lng.length - 5000)).toBeLessThanOrEqual(100);
  });

  it('keeps the people of a sliver too thin for the grid in one unit at its first vertex', () => {
    const parts: PolygonParts = [
      [
        [
          [LNG0, LAT0],
          [LNG0 + 0.01, LAT0],
          [LNG0, LAT0],
          [LNG0, LAT0],
        ],
      ],
    ];
    expect(samplePolygon(parts, 5)).toEqual({ lng: [LNG0], lat: [LAT0], weight: [5] });
  });

  it('uses cells no smaller than 10 m: a 30 m footprint becomes 3 x 3 units, a 100 m grid square 10 x 10', () => {
    const d = 30 / 111_195; // 30 m of latitude, in degrees
    const dx = d / Math.cos((LAT0 * Math.PI) / 180); // 30 m of longitude
    const ring: [number, number][] = [
      [LNG0, LAT0],
      [LNG0 + dx, LAT0],
      [LNG0 + dx, LAT0 + d],
      [LNG0, LAT0 + d],
      [LNG0, LAT0],
    ];
    const s = samplePolygon([[ring]], 20);
    expect(s.lng.length).toBe(3 * 3);
    expect(s.weight.reduce((a, b) => a + b, 0)).toBeCloseTo(20, 9);
    const cell: [number, number][] = ring.map(([x, y]) => [LNG0 + ((x - LNG0) * 10) / 3, LAT0 + ((y - LAT0) * 10) / 3]);
    expect(samplePolygon([[cell]], 20).lng.length).toBe(10 * 10);
    // Every sample stands within half a cell's diagonal (7.1 m) of the people it carries: the cell centres are 10 m apart.
    const xs = [...new Set(s.lng)].sort((a, b) => a - b);
    expect((xs[1] - xs[0]) * 111_195 * Math.cos((LAT0 * Math.PI) / 180)).toBeCloseTo(10, 6);
    // A polygon 1 km or more across keeps the full grid.
    const big: [number, number][] = ring.map(([x, y]) => [LNG0 + (x - LNG0) * 34, LAT0 + (y - LAT0) * 34]);
    expect(samplePolygon([[big]], 20).lng.length).toBe(100 * 100);
  });
});
