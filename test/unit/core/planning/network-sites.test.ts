import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NetworkCoverageEngine, RoadNetwork } from '../../../../src/core/network';
import { suggestWalkingSites } from '../../../../src/core/planning/network-sites';
import type { AreaSet, PopulationSet } from '../../../../src/core/types';
import { hallSet } from '../../helpers/hall-set';
import { perHallDistances, scanAccess } from '../../helpers/network-reference';
import { randomCase, type RandomCase } from '../../helpers/random-roads';

const NO_AREAS: AreaSet = { names: [], features: [] };

// Whole people, so sums in any order are exact and ties compare equal.
const weights = (n: number) => Float64Array.from({ length: n }, (_, i) => 1 + ((i * 7) % 5));

/** Plain greedy scoring every candidate by a full per-hall Dijkstra (the candidate as the only hall) each round. */
function bruteForce(c: RandomCase, covered: Uint8Array, w: Float64Array, candLng: Float64Array, candLat: Float64Array, r: number, count: number) {
  const units = scanAccess(c.graph, c.unitLng, c.unitLat);
  const taken = Uint8Array.from(covered);
  const out: { candidateIndex: number; added: number }[] = [];
  for (let round = 0; round < count; round++) {
    let best = -1,
      bestGain = 0;
    for (let k = 0; k < candLng.length; k++) {
      const at = scanAccess(c.graph, candLng.subarray(k, k + 1), candLat.subarray(k, k + 1));
      const d = perHallDistances(c.graph, at, [0], units);
      let g = 0;
      for (let u = 0; u < d.length; u++) if (!taken[u] && d[u] <= r) g += w[u];
      if (g > bestGain) {
        bestGain = g;
        best = k;
      }
    }
    if (best < 0) break;
    const at = scanAccess(c.graph, candLng.subarray(best, best + 1), candLat.subarray(best, best + 1));
    const d = perHallDistances(c.graph, at, [0], units);
    for (let u = 0; u < d.length; u++) if (d[u] <= r) taken[u] = 1;
    out.push({ candidateIndex: best, added: bestGain });
  }
  return out;
}

/** A radius equal to the network distance from one unit's position (a default candidate) to some unit, so units sit exactly at r. */
function radiusAtSomeUnit(c: RandomCase, pick: number): number {
  const n = c.unitLng.length;
  if (n === 0) return 300;
  const k = pick % n;
  const at = scanAccess(c.graph, c.unitLng.subarray(k, k + 1), c.unitLat.subarray(k, k + 1));
  const finite = [...perHallDistances(c.graph, at, [0], scanAccess(c.graph, c.unitLng, c.unitLat))].filter((d) => d < Infinity);
  return finite.length > 0 ? finite[Math.floor(pick / n) % finite.length] : 300;
}

function setup(c: RandomCase) {
  const n = c.unitLng.length;
  const pop: PopulationSet = {
    count: n,
    lng: c.unitLng,
    lat: c.unitLat,
    weight: weights(n),
    feature: Int32Array.from({ length: n }, (_, i) => i),
    total: 0,
    kind: 'points',
  };
  // The first hall is built; the others serve as user candidates.
  const halls = hallSet([{ p: [c.hallLng[0], c.hallLat[0]], s: ['a'] }]);
  const network = new RoadNetwork(c.graph);
  const engine = new NetworkCoverageEngine(halls, pop, NO_AREAS, network);
  return { pop, engine, network };
}

describe('suggestWalkingSites', () => {
  it('picks the sites, in order and with their gains, that a plain greedy scoring every candidate by a full per-hall Dijkstra picks', () => {
    fc.assert(
      fc.property(randomCase, fc.nat(), fc.integer({ min: 1, max: 4 }), fc.boolean(), (c, pickR, count, ownCandidates) => {
        const { pop, engine, network } = setup(c);
        const r = radiusAtSomeUnit(c, pickR);
        const covered = engine.covered('a', r);
        const units = { lng: pop.lng, lat: pop.lat, weight: pop.weight, covered };
        const candidates = ownCandidates ? { lng: c.hallLng, lat: c.hallLat } : undefined;
        const want = bruteForce(c, covered, pop.weight, candidates?.lng ?? c.unitLng, candidates?.lat ?? c.unitLat, r, count);
        const walk = { network, unitAccess: engine.unitAccess };
        const lazy = suggestWalkingSites(units, { radiusM: r, count, candidates }, walk);
        const plain = suggestWalkingSites(units, { radiusM: r, count, candidates, lazy: false }, walk);
        expect(lazy.sites.map((s) => ({ candidateIndex: s.candidateIndex, added: s.added }))).toEqual(want);
        expect(plain.sites).toEqual(lazy.sites);
      }),
      { seed: 1717, numRuns: 80 },
    );
  });

  it("gives as the first site's gain exactly the rise of covered people a what-if with a hall there reports, units at exactly r included", () => {
    fc.assert(
      fc.property(randomCase, fc.nat(), (c, pickR) => {
        const { pop, engine, network } = setup(c);
        const r = radiusAtSomeUnit(c, pickR);
        const covered = engine.covered('a', r);
        const out = suggestWalkingSites(
          { lng: pop.lng, lat: pop.lat, weight: pop.weight, covered },
          { radiusM: r, count: 1 },
          { network, unitAccess: engine.unitAccess },
        );
        const people = (m: Uint8Array) => m.reduce((s, v, u) => s + (v ? pop.weight[u] : 0), 0);
        if (out.sites.length === 0) {
          // No site adds anyone: a hall at any unit leaves coverage as it is.
          for (let u = 0; u < pop.count; u++)
            expect(people(engine.covered('a', r, [{ lng: pop.lng[u], lat: pop.lat[u], services: ['a'] }]))).toBe(people(covered));
          return;
        }
        const s = out.sites[0];
        expect(people(engine.covered('a', r, [{ lng: s.lng, lat: s.lat, services: ['a'] }])) - people(covered)).toBe(s.added);
      }),
      { seed: 1718, numRuns: 80 },
    );
  });

  it('lets a site on a unit cut off from every hall cover it, counting both access legs', () => {
    // Two separate roads: the hall on one, the only open unit on the other.
    const c: RandomCase = {
      graph: RoadNetwork.parse(
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: {},
              geometry: {
                type: 'LineString',
                coordinates: [
                  [113.9, 22.7],
                  [113.901, 22.7],
                ],
              },
            },
            {
              type: 'Feature',
              properties: {},
              geometry: {
                type: 'LineString',
                coordinates: [
                  [113.9, 22.702],
                  [113.901, 22.702],
                ],
              },
            },
          ],
        }),
        { file: 'roads.geojson', crs: 'wgs84' },
      ).graph,
      hallLng: Float64Array.of(113.9005),
      hallLat: Float64Array.of(22.7001),
      unitLng: Float64Array.of(113.9005, 113.9005),
      unitLat: Float64Array.of(22.6999, 22.7021),
    };
    const { pop, engine, network } = setup(c);
    const covered = engine.covered('a', 100);
    expect([...covered]).toEqual([1, 0]);
    const walk = { network, unitAccess: engine.unitAccess };
    const out = suggestWalkingSites({ lng: pop.lng, lat: pop.lat, weight: pop.weight, covered }, { radiusM: 100, count: 3 }, walk);
    // Only the cut-off unit's own site reaches it (222 m straight from the first unit, farther along the roads).
    expect(out.sites.map((s) => [s.candidateIndex, s.added])).toEqual([[1, pop.weight[1]]]);
    // A site on the unit itself is 2 × 11 m away (both walk to the road and back): beyond 15 m.
    expect(suggestWalkingSites({ lng: pop.lng, lat: pop.lat, weight: pop.weight, covered }, { radiusM: 15, count: 3 }, walk).sites).toEqual([]);
  });
});
