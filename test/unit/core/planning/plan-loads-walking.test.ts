import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NetworkCoverageEngine, RoadNetwork } from '../../../../src/core/network';
import { compareScenarios } from '../../../../src/core/planning/scenario-compare';
import { WhatIfSession } from '../../../../src/core/planning/what-if';
import type { HallSet } from '../../../../src/core/types';
import { hallSet } from '../../helpers/hall-set';
import { latticePopulation, randomCase, westEastAreas } from '../../helpers/random-roads';

// Walking what-if loads and the comparison's served / over capacity against
// network engines built from scratch with the proposed halls as real halls.
const areas = westEastAreas(22.704);
const SERVICES = ['a', 'b'];
const offer = (h: number): string[] => (h % 3 === 0 ? ['a', 'b'] : h % 3 === 1 ? ['b'] : ['a']);

const population = latticePopulation;

const withCapacity = (h: HallSet, cap: (k: number) => number): HallSet => ({ ...h, capacity: Float64Array.from({ length: h.count }, (_, k) => cap(k)) });
const walkingCase = fc.record({ c: randomCase, loaded: fc.integer({ min: 1, max: 4 }), r: fc.integer({ min: 50, max: 900 }) });

describe('walking what-if loads', () => {
  it("equal the loads of a network engine built with the proposed halls as real halls: every proposed hall's, and every loaded hall's that changed", () => {
    let changed = 0;
    fc.assert(
      fc.property(walkingCase, ({ c, loaded, r }) => {
        const all = Array.from(c.hallLng, (x, h) => ({ p: [x, c.hallLat[h]] as [number, number], s: offer(h) }));
        const k = Math.min(loaded, all.length);
        const pop = population(c.unitLng, c.unitLat);
        const network = new RoadNetwork(c.graph);
        const cap = (h: number) => 3 + h;
        const base = new NetworkCoverageEngine(withCapacity(hallSet(all.slice(0, k)), cap), pop, areas, network);
        const whole = new NetworkCoverageEngine(withCapacity(hallSet(all), cap), pop, areas, network);
        const proposed = all.slice(k).map((h, i) => ({ id: 10 + i, lng: h.p[0], lat: h.p[1], services: h.s, name: `p${i}`, capacity: cap(k + i) }));
        const opts = { radiusM: r, services: SERVICES };
        const plan = new WhatIfSession(base, true).plan({ ...opts, proposed });
        const before = base.capacity(opts);
        const after = whole.capacity(opts);
        const want: [string, number, number | null, number, number][] = [];
        for (const s of SERVICES) {
          for (let h = 0; h < k; h++) {
            if (all[h].s.includes(s) && after.load[s][h] !== before.load[s][h]) want.push([s, h, null, before.load[s][h], after.load[s][h]]);
          }
          proposed.forEach((p, i) => p.services.includes(s) && want.push([s, -1, p.id, 0, after.load[s][k + i]]));
        }
        changed += want.filter((w) => w[1] >= 0).length;
        expect(plan.loads!.map((l) => [l.service, l.hall, l.proposedId, l.baseline, l.load])).toEqual(want);
        // The comparison's served / over capacity are the fresh engine's capacity stats.
        const cmp = compareScenarios(base, opts, [], proposed);
        const stats = whole.capacityStats(opts);
        expect(cmp.capacity).toBe(true);
        for (const s of SERVICES) {
          expect(cmp.total.b[s].served).toBe(stats.total.served![s]);
          expect(cmp.total.b[s].over_capacity).toBe(stats.total.over_capacity![s]);
        }
      }),
      { seed: 1719, numRuns: 40 },
    );
    expect(changed).toBeGreaterThan(5);
  });
});
