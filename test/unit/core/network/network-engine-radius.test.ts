// A change of radius costs no new shortest-path search (issue 17): the
// engine searches once per service, unbounded, and every radius, gap zone
// and area view reads that one result. Its own file because it counts the
// searches through a mocked shortest-paths module.
import { describe, expect, it, vi } from 'vitest';
import * as paths from '../../../../src/core/network/shortest-paths';
import { NetworkCoverageEngine, RoadNetwork } from '../../../../src/core/network/index';
import type { AreaSet } from '../../../../src/core/types';
import { rect } from '../../helpers/coverage-reference';
import { hallSet } from '../../helpers/hall-set';
import { popSet } from '../../helpers/pop-set';
import { randomCase } from '../../helpers/random-roads';
import fc from 'fast-check';

vi.mock('../../../../src/core/network/shortest-paths.ts', async (original) => {
  const m = await original<typeof import('../../../../src/core/network/shortest-paths.ts')>();
  return { ...m, nodeDistances: vi.fn(m.nodeDistances) };
});

const areas: AreaSet = { names: ['all'], features: [rect('all', [113.898, 22.698, 113.907, 22.707])] as AreaSet['features'] };

describe('NetworkCoverageEngine radius changes', () => {
  it('searches once per service, then answers every radius, gap zone and area view from that search with the numbers of a fresh engine', () => {
    const [c] = fc.sample(randomCase, { seed: 7, numRuns: 1 });
    const halls = hallSet(Array.from(c.hallLng, (x, h) => ({ p: [x, c.hallLat[h]] as [number, number], s: h % 2 === 0 ? ['a', 'b'] : ['b'] })));
    const pop = popSet(Array.from(c.unitLng, (x, u) => ({ p: [x, c.unitLat[u]] as [number, number], w: 1 + (u % 3) })));
    const network = new RoadNetwork(c.graph);
    const engine = new NetworkCoverageEngine(halls, pop, areas, network);
    const searches = vi.mocked(paths.nodeDistances);
    searches.mockClear();
    const radii = [900, 500, 120, 0, 499.5, 900];
    const seen = radii.map((r) => {
      const opts = { radiusM: r, services: ['a', 'b'] };
      return { stats: engine.stats(opts), gaps: engine.gaps(opts), view: engine.forAreas(areas).stats(opts) };
    });
    expect(searches).toHaveBeenCalledTimes(2); // 'a' and 'b', once each
    radii.forEach((r, k) => {
      const fresh = new NetworkCoverageEngine(halls, pop, areas, network);
      const opts = { radiusM: r, services: ['a', 'b'] };
      expect(seen[k]).toEqual({ stats: fresh.stats(opts), gaps: fresh.gaps(opts), view: fresh.stats(opts) });
    });
  });
});
