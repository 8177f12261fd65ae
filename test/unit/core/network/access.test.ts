import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineM } from '../../../../src/core/geo/haversine';
import { accessPoints, buildRoadGraph, edgeGrid, parseRoads } from '../../../../src/core/network';
import { fc as collection, line } from '../../helpers/bad-roads';
import { scanAccess } from '../../helpers/network-reference';
import { randomCase } from '../../helpers/random-roads';

const graphOf = (...lines: number[][][]) => buildRoadGraph(parseRoads(collection(lines.map(line)), { file: 'r' }));

describe('accessPoints', () => {
  it('joins a point at the perpendicular foot on its nearest edge, the parts measured by haversine to the ends', () => {
    const g = graphOf([
      [113.9, 22.7],
      [113.91, 22.7],
    ]);
    const a = accessPoints(g, edgeGrid(g), Float64Array.of(113.904), Float64Array.of(22.701));
    expect(a.edge[0]).toBe(0);
    expect(a.lng[0]).toBeCloseTo(113.904, 12);
    expect(a.lat[0]).toBe(22.7);
    expect(a.access[0]).toBe(haversineM(113.904, 22.701, a.lng[0], a.lat[0]));
    expect(a.partA[0]).toBe(haversineM(a.lng[0], 22.7, 113.9, 22.7));
    expect(a.partB[0]).toBe(haversineM(a.lng[0], 22.7, 113.91, 22.7));
  });

  it('clamps to the nearer end beyond a segment, and gives a tie to the edge first in file order', () => {
    // The point is equally far from the shared end of two edges.
    const g = graphOf(
      [
        [113.92, 22.7],
        [113.91, 22.7],
      ],
      [
        [113.91, 22.7],
        [113.91, 22.69],
      ],
    );
    const a = accessPoints(g, edgeGrid(g), Float64Array.of(113.9), Float64Array.of(22.71));
    expect(a.edge[0]).toBe(0);
    expect([a.lng[0], a.lat[0], a.partB[0]]).toEqual([113.91, 22.7, 0]);
  });

  it('finds a far point (outside the grid) its nearest edge too', () => {
    const g = graphOf(
      [
        [113.9, 22.7],
        [113.91, 22.7],
      ],
      [
        [113.95, 22.75],
        [113.96, 22.75],
      ],
    );
    const a = accessPoints(g, edgeGrid(g), Float64Array.of(114.5, 113.0), Float64Array.of(23.3, 22.0));
    expect([...a.edge]).toEqual([1, 0]);
  });

  it('agrees with a scan on bigger networks of short and long segments (many grid cells, far and near points)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        let x = seed;
        const rnd = () => (x = (Math.imul(x, 48271) >>> 0) % 2147483647) / 2147483647;
        const lines = Array.from({ length: 120 }, () => {
          const [x0, y0] = [113.9 + rnd() * 0.05, 22.7 + rnd() * 0.05];
          const long = rnd() < 0.1 ? 0.03 : 0.002;
          return [
            [x0, y0],
            [x0 + (rnd() - 0.5) * long, y0 + (rnd() - 0.5) * long],
          ];
        });
        const g = graphOf(...lines);
        const lng = Float64Array.from({ length: 300 }, () => 113.88 + rnd() * 0.09);
        const lat = Float64Array.from({ length: 300 }, () => 22.68 + rnd() * 0.09);
        expect(accessPoints(g, edgeGrid(g), lng, lat)).toEqual(scanAccess(g, lng, lat));
      }),
      { seed: 8, numRuns: 20 },
    );
  });

  it('agrees bit for bit with a scan of every edge on random networks', () => {
    fc.assert(
      fc.property(randomCase, (c) => {
        const fast = accessPoints(c.graph, edgeGrid(c.graph), c.unitLng, c.unitLat);
        expect(fast).toEqual(scanAccess(c.graph, c.unitLng, c.unitLat));
      }),
      { seed: 17, numRuns: 300 },
    );
  });
});
