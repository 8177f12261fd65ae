import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NetworkCoverageEngine, RoadNetwork } from '../../../../src/core/network';
import type { HallSet } from '../../../../src/core/types';
import { hallSet } from '../../helpers/hall-set';
import { perHallNearest, perHallWithin } from '../../helpers/network-reference';
import { latticePopulation, randomCase, westEastAreas } from '../../helpers/random-roads';

const areas = westEastAreas(22.707);
const SERVICES = ['a', 'b'];

const population = latticePopulation;

const sum = (xs: Iterable<number>) => [...xs].reduce((a, b) => a + b, 0);

describe('NetworkCoverageEngine capacity', () => {
  it('loads each hall with the people whose nearest hall along the roads (first of equally near) it is within r, 2SFCA over the people within r along the roads, and served + over + out of range = population', () => {
    let full = 0;
    fc.assert(
      fc.property(randomCase, fc.integer({ min: 0, max: 900 }), fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 10, maxLength: 10 }), (c, r, caps) => {
        // Every hall twice (copies in reverse order, so ties between them are exact).
        const n = c.hallLng.length;
        const pos = (k: number) => (k < n ? k : 2 * n - 1 - k);
        const hs = Array.from({ length: 2 * n }, (_, k) => ({
          p: [c.hallLng[pos(k)], c.hallLat[pos(k)]] as [number, number],
          s: k % 2 === 0 ? ['a', 'b'] : ['b'],
        }));
        const halls: HallSet = { ...hallSet(hs), capacity: Float64Array.from(hs, (_, k) => caps[k % caps.length]) };
        const pop = population(c.unitLng, c.unitLat);
        const engine = new NetworkCoverageEngine(halls, pop, areas, new RoadNetwork(c.graph));
        // A radius exactly at some unit's distance, so units at exactly r are in range.
        const all = perHallNearest(c.graph, engine.hallAccess, [...Array(halls.count).keys()], engine.unitAccess).dist;
        const finite = [...all].filter((d) => d < Infinity);
        const radiusM = finite.length > 0 ? finite[r % finite.length] : r;
        const opts = { radiusM, services: SERVICES };
        const result = engine.capacity(opts);
        const stats = engine.capacityStats(opts);
        for (const s of SERVICES) {
          const seeds = [...Array(halls.count).keys()].filter((h) => halls.services[h].includes(s));
          const want = perHallNearest(c.graph, engine.hallAccess, seeds, engine.unitAccess);
          expect(engine.nearestHall(s)).toEqual(want.hall);
          const load = new Float64Array(halls.count);
          for (let u = 0; u < pop.count; u++) if (want.dist[u] <= radiusM) load[want.hall[u]] += pop.weight[u];
          expect(Array.from(result.load[s])).toEqual(Array.from(load));
          for (let h = 0; h < halls.count; h++) if (load[h] > halls.capacity![h]) full++;
          const total = stats.total as typeof stats.total & Record<'served' | 'over_capacity' | 'out_of_range', Record<string, number>>;
          expect(total.served[s]).toBeCloseTo(sum(seeds.map((h) => Math.min(load[h], halls.capacity![h]))), 9);
          expect(total.served[s] + total.over_capacity[s] + total.out_of_range[s]).toBeCloseTo(total.population, 9);
          // 2SFCA per area: Σ p·A, A = Σ_h cap_h / (people within r of h along the roads) over the halls within r.
          const a = new Float64Array(pop.count);
          for (const h of seeds) {
            const near = perHallWithin(c.graph, engine.hallAccess, h, engine.unitAccess, radiusM);
            const demand = sum(near.map((u) => pop.weight[u]));
            for (const u of near) if (demand > 0) a[u] += halls.capacity![h] / demand;
          }
          const byGroup = new Float64Array(areas.names.length + 1);
          for (let u = 0; u < pop.count; u++) byGroup[engine.unitArea[u] < 0 ? areas.names.length : engine.unitArea[u]] += pop.weight[u] * a[u];
          result.accessSum[s]!.forEach((x, g) => expect(x).toBeCloseTo(byGroup[g], 9));
          // The stats' halls list carries the same loads.
          for (const e of stats.halls!.filter((x) => x.service === s)) expect(e.load).toBe(load[e.index]);
        }
      }),
      { seed: 1515, numRuns: 60 },
    );
    expect(full).toBeGreaterThan(10);
  });
});
