import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineM } from '../../../../src/core/geo/haversine';
import { accessPoints, edgeGrid, networkDistances, RoadNetwork } from '../../../../src/core/network';
import { perHallDistances, perHallNearest } from '../../helpers/network-reference';
import { randomCase } from '../../helpers/random-roads';
import { line } from '../../helpers/bad-roads';

/** One straight road of about 1 km, west to east along 22.7° N. */
const oneRoad = () =>
  RoadNetwork.parse(
    JSON.stringify(
      line([
        [113.9, 22.7],
        [113.91, 22.7],
      ]),
    ),
    { file: 'r' },
  );

describe('network distances (one multi-source search)', () => {
  it("equal, bit for bit, the best of a plain Dijkstra per hall on random networks (disconnected parts, shared and repeated vertices, units on a hall's edge)", () => {
    let sameEdge = 0,
      unreachable = 0;
    fc.assert(
      fc.property(randomCase, (c) => {
        const network = new RoadNetwork(c.graph);
        const halls = accessPoints(c.graph, network.grid, c.hallLng, c.hallLat);
        const units = accessPoints(c.graph, network.grid, c.unitLng, c.unitLat);
        const seeds = Array.from({ length: halls.count }, (_, h) => h);
        const want = perHallDistances(c.graph, halls, seeds, units);
        const got = networkDistances(network, halls, seeds, units);
        expect(got).toEqual(want);
        for (let u = 0; u < units.count; u++) {
          if ([...halls.edge].includes(units.edge[u])) sameEdge++;
          if (want[u] === Infinity && units.edge[u] >= 0) unreachable++;
          // Network distance is never shorter than the straight line (float tolerance).
          let straight = Infinity;
          for (let h = 0; h < halls.count; h++) straight = Math.min(straight, haversineM(c.unitLng[u], c.unitLat[u], c.hallLng[h], c.hallLat[h]));
          if (units.edge[u] >= 0) expect(got[u]).toBeGreaterThanOrEqual(straight * (1 - 1e-9) - 1e-9);
        }
        // Coverage at r exactly a unit's distance includes it (inclusive), at the next float below excludes it.
        for (let u = 0; u < units.count; u++) {
          if (!(got[u] < Infinity)) continue;
          const r = want[u];
          const bounded = networkDistances(network, halls, seeds, units, r);
          expect(bounded[u]).toBe(r);
          for (let v = 0; v < units.count; v++) expect(bounded[v]).toBe(want[v] <= r ? want[v] : Infinity);
          if (r > 0) expect(networkDistances(network, halls, seeds, units, r - r * 2 ** -52)[u]).toBe(Infinity);
        }
      }),
      { seed: 1717, numRuns: 200 },
    );
    // The generator must really produce the cases the issue names.
    expect(sameEdge).toBeGreaterThan(50);
    expect(unreachable).toBeGreaterThan(10);
  });

  it("names each unit's nearest hall as a per-hall Dijkstra does: the first in file order of the equally near (duplicate halls, halls on road vertices), -1 when none reaches it or beyond the bound", () => {
    let ties = 0;
    fc.assert(
      fc.property(randomCase, fc.boolean(), (c, snap) => {
        // Every hall twice, the copies in reverse order (hall k and hall 2n-1-k
        // stand on one spot), and optionally snapped to the nearest road vertex
        // so paths from different halls meet at equal lengths.
        const n = c.hallLng.length;
        const at = (v: number, o: number) => (snap ? o + Math.round((v - o) / 0.001) * 0.001 : v);
        const hLng = Float64Array.from({ length: 2 * n }, (_, k) => at(c.hallLng[k < n ? k : 2 * n - 1 - k], 113.9));
        const hLat = Float64Array.from({ length: 2 * n }, (_, k) => at(c.hallLat[k < n ? k : 2 * n - 1 - k], 22.7));
        const network = new RoadNetwork(c.graph);
        const halls = network.access(hLng, hLat);
        const units = network.access(c.unitLng, c.unitLat);
        const seeds = Array.from({ length: 2 * n }, (_, h) => h);
        const backwards = [...seeds].reverse();
        const want = perHallNearest(c.graph, halls, seeds, units);
        const hall = new Int32Array(units.count);
        // Seeds in reverse: the first in file order must win however the search meets them.
        const got = networkDistances(network, halls, backwards, units, Infinity, hall);
        expect(got).toEqual(want.dist);
        expect(hall).toEqual(want.hall);
        for (let u = 0; u < units.count; u++) {
          if (hall[u] < 0) continue;
          // Consistent with the distances: the named hall's own distance is the unit's.
          expect(perHallDistances(c.graph, halls, [hall[u]], units)[u]).toBe(got[u]);
          const equal = seeds.filter((h) => perHallDistances(c.graph, halls, [h], units)[u] === got[u]);
          if (equal.length > 2) ties++;
          // At r exactly the unit's distance it keeps its hall; just below it has none.
          const bounded = new Int32Array(units.count);
          networkDistances(network, halls, backwards, units, got[u], bounded);
          expect(bounded[u]).toBe(hall[u]);
          for (let v = 0; v < units.count; v++) expect(bounded[v]).toBe(want.dist[v] <= got[u] ? want.hall[v] : -1);
          if (got[u] > 0) {
            networkDistances(network, halls, backwards, units, got[u] - got[u] * 2 ** -52, bounded);
            expect(bounded[u]).toBe(-1);
          }
        }
      }),
      { seed: 2026, numRuns: 150 },
    );
    // Ties beyond the duplicated spot (distinct halls equally near) must occur.
    expect(ties).toBeGreaterThan(5);
  });

  it('takes the same-edge straight path between a hall and a unit on one edge', () => {
    const network = oneRoad();
    const g = network.graph;
    const halls = accessPoints(g, edgeGrid(g), Float64Array.of(113.903), Float64Array.of(22.7));
    const units = accessPoints(g, edgeGrid(g), Float64Array.of(113.905), Float64Array.of(22.7));
    const d = networkDistances(network, halls, [0], units);
    expect(d[0]).toBe(Math.abs(halls.partA[0] - units.partA[0]));
    expect(d[0]).toBeCloseTo(haversineM(113.903, 22.7, 113.905, 22.7), 6);
  });

  it('counts both access legs: a hall and a unit at the same spot 300 m from the road are 600 m apart', () => {
    const network = oneRoad();
    const lat = 22.7 + 300 / 111_195.08;
    const halls = network.access(Float64Array.of(113.905), Float64Array.of(lat));
    const units = network.access(Float64Array.of(113.905), Float64Array.of(lat));
    expect(networkDistances(network, halls, [0], units)[0]).toBe(2 * halls.access[0]);
    expect(halls.access[0]).toBeCloseTo(300, 2);
  });
});
