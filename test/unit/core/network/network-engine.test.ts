import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../../src/core/coverage/engine';
import { NetworkCoverageEngine, RoadNetwork, withDistanceMode } from '../../../../src/core/network';
import type { AreaSet } from '../../../../src/core/types';
import { rect } from '../../helpers/coverage-reference';
import { hallSet } from '../../helpers/hall-set';
import { perHallDistances } from '../../helpers/network-reference';
import { latticePopulation, randomCase, westEastAreas } from '../../helpers/random-roads';

const areas = westEastAreas(22.707);
const SERVICES = ['a', 'b'];

const population = latticePopulation;

describe('NetworkCoverageEngine', () => {
  it('counts per area and service exactly the units a per-hall Dijkstra puts within r (inclusive), and never more than the straight line', () => {
    fc.assert(
      fc.property(randomCase, fc.integer({ min: 0, max: 900 }), (c, r) => {
        const halls = hallSet(Array.from(c.hallLng, (x, h) => ({ p: [x, c.hallLat[h]] as [number, number], s: h % 2 === 0 ? ['a', 'b'] : ['b'] })));
        const pop = population(c.unitLng, c.unitLat);
        const network = new RoadNetwork(c.graph);
        const engine = new NetworkCoverageEngine(halls, pop, areas, network);
        const straight = new CoverageEngine(halls, pop, areas);
        for (const s of SERVICES) {
          const seeds = [...Array(halls.count).keys()].filter((h) => halls.services[h].includes(s));
          const want = perHallDistances(c.graph, engine.hallAccess, seeds, engine.unitAccess);
          expect(engine.nearest(s)).toEqual(want);
          // A radius exactly at some unit's distance counts it.
          const finite = [...want].filter((d) => d < Infinity);
          const radius = finite.length > 0 ? finite[r % finite.length] : r;
          const stats = engine.stats({ radiusM: radius, services: SERVICES });
          let covered = 0;
          for (let u = 0; u < pop.count; u++) if (want[u] <= radius) covered += pop.weight[u];
          expect(stats.total.covered[s]).toBe(covered);
          expect(stats.total.covered[s]).toBeLessThanOrEqual(straight.stats({ radiusM: radius * (1 + 1e-9) + 1e-9, services: SERVICES }).total.covered[s]);
          // Gap zones hold exactly the uncovered people.
          const gapPeople = engine
            .gaps({ radiusM: radius, services: SERVICES })
            .features.filter((f) => f.properties.service === s)
            .reduce((k, f) => k + f.properties.population, 0);
          expect(gapPeople).toBeCloseTo(stats.total.population - covered, 9);
        }
      }),
      { seed: 4242, numRuns: 60 },
    );
  });

  it('gap zones with a proposed hall equal an engine built with that hall, in network mode too', () => {
    fc.assert(
      fc.property(randomCase, (c) => {
        const hs = Array.from(c.hallLng, (x, h) => ({ p: [x, c.hallLat[h]] as [number, number], s: ['a'] }));
        const pop = population(c.unitLng, c.unitLat);
        const network = new RoadNetwork(c.graph);
        const [first, ...rest] = hs;
        const base = new NetworkCoverageEngine(hallSet(rest.length > 0 ? rest : [{ p: [0, 0], s: ['z'] }]), pop, areas, network);
        const whole = new NetworkCoverageEngine(hallSet(rest.length > 0 ? hs : [first, { p: [0, 0], s: ['z'] }]), pop, areas, network);
        const opts = { radiusM: 300, services: ['a'] };
        const withExtra = base.gaps(opts, [{ lng: first.p[0], lat: first.p[1], services: ['a'] }]).features.filter((f) => f.properties.service === 'a');
        expect(withExtra).toEqual(whole.gaps(opts).features.filter((f) => f.properties.service === 'a'));
      }),
      { seed: 99, numRuns: 40 },
    );
  });
});

describe('withDistanceMode', () => {
  it('puts "distance" right after radius_m and changes nothing else', () => {
    const stats = { radius_m: 500, services: ['a'], total: {} as never, areas: [] };
    expect(JSON.stringify(withDistanceMode(stats, 'network'))).toBe('{"radius_m":500,"distance":"network","services":["a"],"total":{},"areas":[]}');
  });
});

describe('NetworkCoverageEngine views for area levels and groups', () => {
  it('forAreas and forWeight measure along the roads like a fresh network engine, never by straight line', () => {
    const other: AreaSet = {
      names: ['south', 'north'],
      features: [rect('south', [113.898, 22.698, 113.907, 22.7025]), rect('north', [113.898, 22.7025, 113.907, 22.707])] as AreaSet['features'],
    };
    fc.assert(
      fc.property(randomCase, fc.integer({ min: 0, max: 900 }), (c, r) => {
        const halls = hallSet(Array.from(c.hallLng, (x, h) => ({ p: [x, c.hallLat[h]] as [number, number], s: h % 2 === 0 ? ['a', 'b'] : ['b'] })));
        const pop = population(c.unitLng, c.unitLat);
        const network = new RoadNetwork(c.graph);
        const engine = new NetworkCoverageEngine(halls, pop, areas, network);
        const opts = { radiusM: r, services: SERVICES };
        expect(engine.forAreas(other).stats(opts)).toEqual(new NetworkCoverageEngine(halls, pop, other, network).stats(opts));
        const twice = Float64Array.from(pop.weight, (w) => 2 * w);
        expect(engine.forWeight(twice).stats(opts)).toEqual(new NetworkCoverageEngine(halls, { ...pop, weight: twice }, areas, network).stats(opts));
      }),
      { seed: 17, numRuns: 40 },
    );
  });
});
