// Fuzz: gap zones of people at the edges of the globe (near the poles and the
// antimeridian, exactly on them, in clusters of cells that reach past them)
// are valid GeoJSON (RFC 7946): every position within ±180° / ±90°, rings
// closed with at least four positions, no vertex repeated, outer rings
// counter-clockwise and holes clockwise. Issue 19 reported outlines past the
// range, such as [180.50026, 89.995] and [10.500137, 90.005].
import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { gapsGeoJson } from '../../../src/core/export/gaps-export';
import { CoverageEngine } from '../../../src/core/coverage/engine';
import { parseHalls } from '../../../src/core/input/parse-halls';
import { parsePopulation } from '../../../src/core/input/parse-population';
import type { GapCollection } from '../../../src/core/types';
import { globeEdge, globeEdgeCluster } from './edge-arbitraries';
import { fuzzParams } from './fuzz-config';

const fcText = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const point = (p: [number, number], properties: Record<string, unknown>) => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: p } });

function signedArea2(r: Position[]): number {
  let s = 0;
  for (let k = 0; k + 1 < r.length; k++) s += r[k][0] * r[k + 1][1] - r[k + 1][0] * r[k][1];
  return s;
}

/** Throws (through expect) unless every gap geometry is valid RFC 7946 polygonal GeoJSON with simple rings. */
export function expectValidGaps(gaps: GapCollection): void {
  for (const f of gaps.features) {
    const g = f.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    expect(polys.length).toBeGreaterThan(0);
    for (const rings of polys) {
      rings.forEach((ring, r) => {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[ring.length - 1]).toEqual(ring[0]);
        for (const [x, y] of ring) {
          expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
          expect({ x, y, ok: Math.abs(x) <= 180 && Math.abs(y) <= 90 }).toEqual({ x, y, ok: true });
        }
        const seen = new Set(ring.slice(0, -1).map(([x, y]) => `${x},${y}`));
        expect(seen.size).toBe(ring.length - 1);
        const a = signedArea2(ring);
        expect(r === 0 ? a > 0 : a < 0).toBe(true);
      });
    }
  }
}

describe('fuzz: gap zones at the edges of the globe', () => {
  it('are valid GeoJSON near the poles and the antimeridian, also as the CLI rounds them to 6 decimals', () => {
    fc.assert(
      fc.property(globeEdgeCluster, fc.array(globeEdge, { maxLength: 2 }), fc.constantFrom(0, 300, 5000), (units, hallsAt, radiusM) => {
        const population = parsePopulation(fcText(units.map((p, k) => point(p, { population: 1 + (k % 3) }))), { file: 'p.geojson' });
        const halls = parseHalls(
          `name,lng,lat,services\n${hallsAt.map(([x, y], k) => `h${k},${x},${y},petition`).join('\n')}\n`.replace(
            /services\n\n$/,
            'services\nh,0,0,petition\n',
          ),
          { file: 'h.csv' },
        );
        const gaps = new CoverageEngine(halls, population, { names: [], features: [] }).gaps({ radiusM, services: ['petition'] });
        expectValidGaps(gaps);
        const written = JSON.parse(gapsGeoJson(gaps, { radiusM, services: ['petition'] }, 'wgs84', 'every')) as typeof gaps;
        for (const f of written.features) {
          const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
          for (const ring of rings) for (const [x, y] of ring) expect(Math.abs(x) <= 180 && Math.abs(y) <= 90).toBe(true);
        }
      }),
      fuzzParams(120),
    );
  });

  it('keep the cells of units exactly on the pole and the antimeridian, and a cell wider than the globe', () => {
    const at = (ps: [number, number][]) => {
      const population = parsePopulation(fcText(ps.map((p) => point(p, { population: 1 }))), { file: 'p.geojson' });
      const halls = parseHalls('name,lng,lat,services\nh,1,45,petition\n', { file: 'h.csv' });
      return new CoverageEngine(halls, population, { names: [], features: [] }).gaps({ radiusM: 0, services: ['petition'] });
    };
    for (const ps of [
      [
        [10.5, 89.995],
        [10.5, 90],
      ],
      [
        [180, 10],
        [179.999, 10],
      ],
      [
        [180, 90],
        [-180, -90],
      ],
      [
        [-179.5, 89.9],
        [179.5, -89.9],
        [0, 0],
      ],
    ] as [number, number][][]) {
      const gaps = at(ps);
      expectValidGaps(gaps);
      expect(gaps.features.reduce((s, f) => s + f.properties.population, 0)).toBe(ps.length * 2); // 'petition' and 'all'
    }
  });
});
