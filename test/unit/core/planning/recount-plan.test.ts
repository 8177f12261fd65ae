import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NetworkCoverageEngine, RoadNetwork } from '../../../../src/core/network';
import { compareScenarios, differenceZones } from '../../../../src/core/planning/scenario-compare';
import { WhatIfSession } from '../../../../src/core/planning/what-if';
import { ALL_KEY } from '../../../../src/core/services';
import { hallSet } from '../../helpers/hall-set';
import { perHallDistances } from '../../helpers/network-reference';
import { latticePopulation, randomCase, westEastAreas } from '../../helpers/random-roads';

// Walking what-if numbers and scenario comparisons against engines built from
// scratch with the proposed halls as real halls, and the brute-force per-hall
// Dijkstra underneath. Areas leave the lattice's north part outside.
const areas = westEastAreas(22.704);
const SERVICES = ['a', 'b'];
const offer = (h: number): string[] => (h % 3 === 0 ? ['a', 'b'] : h % 3 === 1 ? ['b'] : ['a']);

const population = (lng: Float64Array, lat: Float64Array) => latticePopulation(lng, lat, (i) => (i % 5 === 0 ? 0.5 : 1 + (i % 4)));

// The loaded halls are the case's first `loaded` halls; the rest are proposed.
const walkingCase = fc.record({ c: randomCase, loaded: fc.integer({ min: 1, max: 5 }), r: fc.integer({ min: 0, max: 900 }), pick: fc.nat() });

describe('walking what-if (WhatIfSession with a network engine)', () => {
  it('plans exactly the numbers of a network engine built with the proposed halls as real halls, per area and in total', () => {
    fc.assert(
      fc.property(walkingCase, ({ c, loaded, r, pick }) => {
        const all = Array.from(c.hallLng, (x, h) => ({ p: [x, c.hallLat[h]] as [number, number], s: offer(h) }));
        const k = Math.min(loaded, all.length);
        const pop = population(c.unitLng, c.unitLat);
        const network = new RoadNetwork(c.graph);
        const base = new NetworkCoverageEngine(hallSet(all.slice(0, k)), pop, areas, network);
        const whole = new NetworkCoverageEngine(hallSet(all), pop, areas, network);
        const proposed = all.slice(k).map((h, i) => ({ id: i + 1, lng: h.p[0], lat: h.p[1], services: h.s, name: `p${i}` }));
        // A radius exactly at some unit's walking distance to the nearest proposed or loaded hall.
        const seeds = [...all.keys()].filter((h) => all[h].s.includes('a'));
        const want = perHallDistances(c.graph, whole.hallAccess, seeds, whole.unitAccess);
        const finite = [...want].filter((d) => d < Infinity);
        const radiusM = finite.length > 0 ? finite[pick % finite.length] : r;

        const plan = new WhatIfSession(base, true).plan({ radiusM, services: SERVICES, proposed });
        const after = whole.stats({ radiusM, services: SERVICES });
        const before = base.stats({ radiusM, services: SERVICES });
        expect(plan.areas.map((a) => a.name)).toEqual(after.areas.map((a) => a.name));
        for (const key of [...SERVICES, ALL_KEY]) {
          expect(plan.total.planned[key]).toBe(after.total.covered[key]);
          expect(plan.total.baseline[key]).toBe(before.total.covered[key]);
          plan.areas.forEach((a, i) => {
            expect(a.planned[key]).toBe(after.areas[i].covered[key]);
            expect(a.baseline[key]).toBe(before.areas[i].covered[key]);
            expect(a.population).toBe(after.areas[i].population);
          });
        }
        // The brute force underneath: service a's planned people are those a per-hall Dijkstra puts within r.
        let covered = 0;
        for (let u = 0; u < pop.count; u++) if (want[u] <= radiusM) covered += pop.weight[u];
        expect(plan.total.planned.a).toBeCloseTo(covered, 9);
        // No capacity analysis in walking mode: no loads.
        expect(plan.loads).toBeUndefined();
      }),
      { seed: 1717, numRuns: 60 },
    );
  });

  it('compares two scenarios as two fresh network engines: each difference is theirs, and the difference zones hold the gained and lost people', () => {
    fc.assert(
      fc.property(walkingCase, fc.integer({ min: 50, max: 900 }), ({ c, loaded }, radiusM) => {
        const all = Array.from(c.hallLng, (x, h) => ({ p: [x, c.hallLat[h]] as [number, number], s: offer(h) }));
        const k = Math.min(loaded, all.length);
        const pop = population(c.unitLng, c.unitLat);
        const network = new RoadNetwork(c.graph);
        const base = new NetworkCoverageEngine(hallSet(all.slice(0, k)), pop, areas, network);
        const extra = all.slice(k).map((h) => ({ lng: h.p[0], lat: h.p[1], services: h.s }));
        const a = extra.slice(0, 1);
        const b = extra.slice(1);
        const fresh = (hs: typeof extra) =>
          new NetworkCoverageEngine(
            hallSet([...all.slice(0, k), ...hs.map((h) => ({ p: [h.lng, h.lat] as [number, number], s: h.services }))]),
            pop,
            areas,
            network,
          );
        const opts = { radiusM, services: SERVICES };
        const sa = fresh(a).stats(opts);
        const sb = fresh(b).stats(opts);
        const cmp = compareScenarios(base, opts, a, b, undefined, false);
        const zones = differenceZones(base, opts, a, b);
        for (const key of [...SERVICES, ALL_KEY]) {
          expect(cmp.total.a[key].covered).toBe(sa.total.covered[key]);
          expect(cmp.total.b[key].covered).toBe(sb.total.covered[key]);
          expect(cmp.total.diff[key].covered).toBe(sb.total.covered[key] - sa.total.covered[key]);
          cmp.areas.forEach((row, i) => expect(row.diff[key].covered).toBe(sb.areas[i].covered[key] - sa.areas[i].covered[key]));
          const side = (s: string) =>
            zones.filter((z) => z.properties.service === key && z.properties.side === s).reduce((n, z) => n + z.properties.population, 0);
          expect(side('gained') - side('lost')).toBeCloseTo(sb.total.covered[key] - sa.total.covered[key], 9);
        }
        expect(cmp.capacity).toBe(false);
      }),
      { seed: 1718, numRuns: 40 },
    );
  });
});
