// The capacity-aware suggestion (maximise people served) in walking mode,
// against a brute force on random small road networks: every hall's
// catchment recounted from scratch with a plain per-hall Dijkstra and access
// points found by scanning every edge (test/unit/helpers/network-reference.ts),
// ties to the loaded halls, then the proposed ones, then the sites picked
// first. The greedy must pick what a plain greedy recounting every candidate
// from scratch picks, with the same gains; one site is the best single site.
// Whole people and whole capacities, so every sum is exact and ties compare equal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NetworkCoverageEngine, RoadNetwork } from '../../../../src/core/network';
import { servedSuggestion } from '../../../../src/core/planning/served-suggestion';
import type { ProposedHall } from '../../../../src/core/planning/plan-types';
import type { AreaSet, HallSet } from '../../../../src/core/types';
import { hallSet } from '../../helpers/hall-set';
import { perHallDistances, perHallNearest, scanAccess } from '../../helpers/network-reference';
import { latticePopulation, randomCase, type RandomCase } from '../../helpers/random-roads';

const NO_AREAS: AreaSet = { names: [], features: [] };
type P = [number, number];

interface Instance {
  c: RandomCase;
  loaded: number; // the case's first halls are built, with capacities
  caps: number[];
  propose: boolean; // the next hall is a proposed one (counts as built)
  proposedCap: number | null;
  siteCap: number;
  ownCandidates: boolean; // the case's hall positions, else every unit's
  pickR: number;
  count: number;
}

const capacity = fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 12 }));
const instance: fc.Arbitrary<Instance> = fc.record({
  c: randomCase,
  loaded: fc.integer({ min: 1, max: 4 }),
  caps: fc.array(capacity, { minLength: 5, maxLength: 5 }),
  propose: fc.boolean(),
  proposedCap: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 12 })),
  siteCap: capacity,
  ownCandidates: fc.boolean(),
  pickR: fc.nat(),
  count: fc.integer({ min: 1, max: 3 }),
});

function setup(t: Instance) {
  const { c } = t;
  const H = Math.min(t.loaded, c.hallLng.length);
  const halls: HallSet = {
    ...hallSet(Array.from({ length: H }, (_, h) => ({ p: [c.hallLng[h], c.hallLat[h]] as P, s: ['a'] }))),
    capacity: Float64Array.from({ length: H }, (_, h) => t.caps[h]),
  };
  const proposed: ProposedHall[] =
    t.propose && H < c.hallLng.length ? [{ id: 1, lng: c.hallLng[H], lat: c.hallLat[H], services: ['a'], name: 'p', capacity: t.proposedCap }] : [];
  const pop = latticePopulation(c.unitLng, c.unitLat);
  const engine = new NetworkCoverageEngine(halls, pop, NO_AREAS, new RoadNetwork(c.graph));
  const cand = t.ownCandidates ? { lng: c.hallLng, lat: c.hallLat } : { lng: c.unitLng, lat: c.unitLat };
  // Built halls as the brute force sees them: positions and capacities, loaded then proposed.
  const built = [
    ...Array.from({ length: H }, (_, h) => ({ p: [c.hallLng[h], c.hallLat[h]] as P, cap: t.caps[h] })),
    ...proposed.map((x) => ({ p: [x.lng, x.lat] as P, cap: x.capacity ?? Infinity })),
  ];
  return { halls, proposed, pop, engine, cand, built };
}

/** People served with the built halls and `sites` (appended in order), every catchment recounted by per-hall Dijkstra. */
function servedWith(c: RandomCase, w: Float64Array, built: { p: P; cap: number }[], sites: P[], siteCap: number, r: number): number {
  const all = [...built, ...sites.map((p) => ({ p, cap: siteCap }))];
  const at = scanAccess(
    c.graph,
    Float64Array.from(all, (h) => h.p[0]),
    Float64Array.from(all, (h) => h.p[1]),
  );
  const { dist, hall } = perHallNearest(c.graph, at, [...all.keys()], scanAccess(c.graph, c.unitLng, c.unitLat));
  const load = all.map(() => 0);
  for (let u = 0; u < w.length; u++) if (dist[u] <= r) load[hall[u]] += w[u];
  return all.reduce((s, h, k) => s + Math.min(load[k], h.cap), 0);
}

/** A radius equal to the network distance from some candidate to some unit, so units sit exactly at r. */
function radiusAtSomeUnit(c: RandomCase, cand: { lng: Float64Array; lat: Float64Array }, pick: number): number {
  const n = cand.lng.length;
  if (n === 0 || c.unitLng.length === 0) return 300;
  const k = pick % n;
  const at = scanAccess(c.graph, cand.lng.subarray(k, k + 1), cand.lat.subarray(k, k + 1));
  const finite = [...perHallDistances(c.graph, at, [0], scanAccess(c.graph, c.unitLng, c.unitLat))].filter((d) => d < Infinity);
  return finite.length > 0 ? finite[Math.floor(pick / n) % finite.length] : 300;
}

function suggest(t: Instance, r: number, count: number) {
  const s = setup(t);
  const query = { radiusM: r, service: 'a', count, areaIndex: null, proposed: s.proposed, served: { siteCapacity: t.siteCap === Infinity ? null : t.siteCap } };
  const out = servedSuggestion(s.engine, query, t.ownCandidates ? { lng: t.c.hallLng, lat: t.c.hallLat } : undefined, undefined, s.engine);
  return { ...s, out };
}

describe('servedSuggestion in walking mode', () => {
  it('picks the sites, in order and with their gains, that a plain greedy recounting every catchment by per-hall Dijkstra picks', () => {
    fc.assert(
      fc.property(instance, (t) => {
        const { c } = t;
        const { cand, built, pop } = setup(t);
        const r = radiusAtSomeUnit(c, cand, t.pickR);
        const { out } = suggest(t, r, t.count);
        const w = pop.weight;
        const base = servedWith(c, w, built, [], t.siteCap, r);
        expect(out.baselineCovered).toBe(base);
        // The plain greedy: each round every candidate not yet picked, recounted from scratch; ties to the lower index.
        const chosen: P[] = [];
        const picked = new Set<number>();
        const want: { lng: number; lat: number; added: number }[] = [];
        let now = base;
        for (let round = 0; round < t.count; round++) {
          let best = -1,
            bestGain = 0;
          for (let k = 0; k < cand.lng.length; k++) {
            if (picked.has(k)) continue;
            const g = servedWith(c, w, built, [...chosen, [cand.lng[k], cand.lat[k]]], t.siteCap, r) - now;
            if (g > bestGain) [best, bestGain] = [k, g];
          }
          if (best < 0) break;
          picked.add(best);
          chosen.push([cand.lng[best], cand.lat[best]]);
          now += bestGain;
          want.push({ lng: cand.lng[best], lat: cand.lat[best], added: bestGain });
        }
        expect(out.sites.map((s) => ({ lng: s.lng, lat: s.lat, added: s.added }))).toEqual(want);
        expect(out.sites.map((s) => s.cumulative)).toEqual(want.map((_, k) => want.slice(0, k + 1).reduce((a, x) => a + x.added, 0)));
      }),
      { seed: 1720, numRuns: 60 },
    );
  });

  it('with one site picks the best single site, exactly (none when no site adds anyone), and never claims more than the best set of its size', () => {
    fc.assert(
      fc.property(instance, (t) => {
        const { c } = t;
        const { cand, built, pop } = setup(t);
        const r = radiusAtSomeUnit(c, cand, t.pickR);
        const base = servedWith(c, pop.weight, built, [], t.siteCap, r);
        const gains = Array.from(cand.lng, (_, k) => servedWith(c, pop.weight, built, [[cand.lng[k], cand.lat[k]]], t.siteCap, r) - base);
        const max = Math.max(...gains);
        const one = suggest(t, r, 1).out;
        if (max <= 0) expect(one.sites).toEqual([]);
        else expect([one.sites[0].lng, one.sites[0].lat, one.sites[0].added]).toEqual([cand.lng[gains.indexOf(max)], cand.lat[gains.indexOf(max)], max]);
        // Two sites against every pair of the (few) hall-position candidates.
        if (!t.ownCandidates) return;
        const two = suggest(t, r, 2).out;
        if (two.sites.length < 2) return;
        let best = -Infinity;
        for (let i = 0; i < cand.lng.length; i++)
          for (let j = i + 1; j < cand.lng.length; j++)
            best = Math.max(
              best,
              servedWith(
                c,
                pop.weight,
                built,
                [
                  [cand.lng[i], cand.lat[i]],
                  [cand.lng[j], cand.lat[j]],
                ],
                t.siteCap,
                r,
              ),
            );
        expect(base + two.sites[1].cumulative).toBeLessThanOrEqual(best);
      }),
      { seed: 1721, numRuns: 80 },
    );
  });

  it('serves from a candidate on a part of the roads no hall reaches, takes a person at exactly r from a farther hall, and none across the gap', () => {
    // Two separate roads 222 m apart: the hall (room for 1) on the south one with two units, one more unit on the north one.
    const road = (lat: number) => ({
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'LineString',
        coordinates: [
          [113.9, lat],
          [113.905, lat],
        ],
      },
    });
    const network = RoadNetwork.parse(JSON.stringify({ type: 'FeatureCollection', features: [road(22.7), road(22.702)] }), {
      file: 'roads.geojson',
      crs: 'wgs84',
    });
    const c: RandomCase = {
      graph: network.graph,
      // Candidates: the hall's own position, the north road above the second unit, and on the second unit.
      hallLng: Float64Array.of(113.9, 113.903, 113.903),
      hallLat: Float64Array.of(22.7, 22.702, 22.7),
      unitLng: Float64Array.of(113.9005, 113.903, 113.904),
      unitLat: Float64Array.of(22.7, 22.7, 22.702),
    };
    const t: Instance = { c, loaded: 1, caps: [1, 0, 0, 0, 0], propose: false, proposedCap: null, siteCap: Infinity, ownCandidates: true, pickR: 0, count: 3 };
    const { pop, built } = setup(t);
    // The second unit is exactly r from the hall along the road (on the road: no access legs), about 308 m.
    const r = perHallDistances(
      c.graph,
      scanAccess(c.graph, c.hallLng.subarray(0, 1), c.hallLat.subarray(0, 1)),
      [0],
      scanAccess(c.graph, c.unitLng, c.unitLat),
    )[1];
    expect(servedWith(c, pop.weight, built, [], Infinity, r)).toBe(1); // 1 + 2 people in the hall's catchment, room for one
    const out = suggest(t, r, 3).out;
    // latticePopulation weighs the units 1, 2, 3. The north site serves the third unit's 3 people (103 m along its road)
    // and not the second unit's 2, 222 m away by straight line but not on foot; the site on the second unit takes
    // them (0 m < r) from the hall; the hall's own position adds no one (a tie keeps the hall).
    expect(out.sites.map((s) => [s.lng, s.lat, s.added])).toEqual([
      [113.903, 22.702, 3],
      [113.903, 22.7, 2],
    ]);
  });
});
