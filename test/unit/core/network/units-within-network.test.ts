import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RoadNetwork } from '../../../../src/core/network';
import { unitsOnEdges, unitsWithinNetwork } from '../../../../src/core/network/units-within-network';
import { UnitList } from '../../../../src/core/geo/units-within';
import { perHallDistances, perHallWithin } from '../../helpers/network-reference';
import { randomCase } from '../../helpers/random-roads';

describe('unitsWithinNetwork', () => {
  it("lists each hall's units within r along the roads exactly as a per-hall Dijkstra does, each once, r inclusive", () => {
    let atR = 0;
    fc.assert(
      fc.property(randomCase, fc.integer({ min: 0, max: 900 }), (c, r) => {
        const network = new RoadNetwork(c.graph);
        const halls = network.access(c.hallLng, c.hallLat);
        const units = network.access(c.unitLng, c.unitLat);
        const on = unitsOnEdges(c.graph, units);
        const seen = new Int32Array(c.graph.edgeCount).fill(-1);
        const near = new UnitList();
        for (let h = 0; h < halls.count; h++) {
          // Radii at exactly one unit's distance from this hall, and an arbitrary one.
          const d = perHallDistances(c.graph, halls, [h], units);
          const finite = [...d].filter((x) => x < Infinity);
          for (const radiusM of [r, ...(finite.length > 0 ? [finite[r % finite.length]] : [])]) {
            const m = unitsWithinNetwork(c.graph, halls, h, units, on, radiusM, near, seen, 2 * h + (radiusM === r ? 0 : 1));
            const got = [...near.ids.subarray(0, m)].sort((a, b) => a - b);
            expect(got).toEqual(perHallWithin(c.graph, halls, h, units, radiusM));
            if (radiusM !== r && m > 0) atR++;
          }
        }
      }),
      { seed: 2718, numRuns: 100 },
    );
    expect(atR).toBeGreaterThan(20);
  });
});
