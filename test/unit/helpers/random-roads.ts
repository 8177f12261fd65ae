// Random small road networks for the network-distance property tests: lines
// over a lattice of ~100 m steps (so lines share vertices, repeat segments and
// leave disconnected parts), halls and units anywhere around it, and units
// put right next to halls so some share the hall's edge.
import fc from 'fast-check';
import { buildRoadGraph, type RoadGraph } from '../../../src/core/network';
import type { AreaSet, PopulationSet } from '../../../src/core/types';
import { rect } from './coverage-reference';

const X0 = 113.9,
  Y0 = 22.7,
  STEP = 0.001;

export interface RandomCase {
  graph: RoadGraph;
  hallLng: Float64Array;
  hallLat: Float64Array;
  unitLng: Float64Array;
  unitLat: Float64Array;
}

const lattice = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }));
const free = fc
  .tuple(fc.integer({ min: -1000, max: 6000 }), fc.integer({ min: -1000, max: 6000 }))
  .map(([x, y]) => [X0 + (x / 1000) * STEP, Y0 + (y / 1000) * STEP] as const);

export const randomCase: fc.Arbitrary<RandomCase> = fc
  .record({
    lines: fc.array(fc.array(lattice, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
    halls: fc.array(free, { minLength: 1, maxLength: 5 }),
    units: fc.array(free, { maxLength: 25 }),
    nearHall: fc.array(fc.tuple(fc.nat(), fc.integer({ min: -30, max: 30 }), fc.integer({ min: -30, max: 30 })), { maxLength: 5 }),
  })
  .map(({ lines, halls, units, nearHall }) => {
    const lng: number[] = [],
      lat: number[] = [],
      starts = [0],
      feature: number[] = [];
    lines.forEach((l, k) => {
      for (const [i, j] of l) {
        lng.push(X0 + i * STEP);
        lat.push(Y0 + j * STEP);
      }
      starts.push(lng.length);
      feature.push(k);
    });
    const graph = buildRoadGraph({
      lineCount: lines.length,
      lineStart: Int32Array.from(starts),
      lineFeature: Int32Array.from(feature),
      lng: Float64Array.from(lng),
      lat: Float64Array.from(lat),
    });
    const near = nearHall.map(([h, dx, dy]) => [halls[h % halls.length][0] + dx * 1e-6, halls[h % halls.length][1] + dy * 1e-6] as const);
    const all = [...units, ...near];
    return {
      graph,
      hallLng: Float64Array.from(halls, (p) => p[0]),
      hallLat: Float64Array.from(halls, (p) => p[1]),
      unitLng: Float64Array.from(all, (p) => p[0]),
      unitLat: Float64Array.from(all, (p) => p[1]),
    };
  });

/** Two areas side by side over the random cases' lattice, west and east of 113.9025°, up to northLat (north of it is outside every area). */
export function westEastAreas(northLat: number): AreaSet {
  return {
    names: ['west', 'east'],
    features: [rect('west', [113.898, 22.698, 113.9025, northLat]), rect('east', [113.9025, 22.698, 113.907, northLat])] as AreaSet['features'],
  };
}

/** The random cases' units as population points, weighted 1–4 in turn (or by `weight`), so sums are not plain counts. */
export function latticePopulation(lng: Float64Array, lat: Float64Array, weight: (i: number) => number = (i) => 1 + (i % 4)): PopulationSet {
  const n = lng.length;
  return {
    count: n,
    lng,
    lat,
    weight: Float64Array.from({ length: n }, (_, i) => weight(i)),
    feature: Int32Array.from({ length: n }, (_, i) => i),
    total: 0,
    kind: 'points',
  };
}
