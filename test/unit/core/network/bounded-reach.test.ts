import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RoadNetwork } from '../../../../src/core/network';
import { BoundedReach } from '../../../../src/core/network/bounded-reach';
import { perHallDistances } from '../../helpers/network-reference';
import { randomCase } from '../../helpers/random-roads';

describe('BoundedReach', () => {
  it('reaches from each point exactly the units a per-hall Dijkstra puts within r (inclusive), at its distance, each once, in the same order every time, and only the units asked for', () => {
    fc.assert(
      fc.property(randomCase, fc.nat(), (c, pick) => {
        const network = new RoadNetwork(c.graph);
        const points = network.access(c.hallLng, c.hallLat);
        const units = network.access(c.unitLng, c.unitLat);
        const search = new BoundedReach(c.graph, units);
        const odd = [...Array(units.count).keys()].filter((u) => u % 2 === 1);
        const oddOnly = new BoundedReach(c.graph, units, odd);
        for (let h = 0; h < points.count; h++) {
          const d = perHallDistances(c.graph, points, [h], units);
          const finite = [...d].filter((x) => x < Infinity);
          // Radii exactly at a unit's distance, and one between.
          for (const r of [...(finite.length ? [finite[pick % finite.length]] : []), (pick % 900) + 0.5]) {
            const got: number[] = [];
            search.reach(points, h, r, (u, du) => {
              got.push(u);
              expect(du).toBe(d[u]); // the same number as the reference, not only within r
            });
            expect([...got].sort((a, b) => a - b)).toEqual([...d.keys()].filter((u) => d[u] <= r));
            const again: number[] = [];
            search.reach(points, h, r, (u) => again.push(u));
            expect(again).toEqual(got);
            const odds: number[] = [];
            oddOnly.reach(points, h, r, (u) => odds.push(u));
            expect(odds).toEqual(got.filter((u) => u % 2 === 1));
          }
        }
      }),
      { seed: 1719, numRuns: 100 },
    );
  });
});
