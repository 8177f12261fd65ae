// The seeded district of the network benches (issue 17): a jittered street
// grid of about 50 000 segments with 3 % missing, 200 000 people and 3 000
// halls over a 12.8 km square like Guangming. Shared by network.bench.ts (Node)
// and network-worker.bench.ts (a Chromium Web Worker), so both time the same input.
import { mulberry32 } from '../../scripts/sample/prng';
import type { RoadLines } from '../../src/core/network/parse-roads';
import type { AreaSet, HallSet, PopulationSet } from '../../src/core/types';

export interface District {
  lines: RoadLines;
  population: PopulationSet;
  halls: HallSet;
  areas: AreaSet;
}

export const SERVICES = ['legal-aid', 'petition', 'psych-support'];
export const RADIUS_M = 500;
const LNG0 = 113.85,
  LAT0 = 22.7;
const SIDE = 160; // nodes per side: 2·160·159 ≈ 50 900 street segments before a few are dropped
const STEP = 80 / 111_195; // ≈ 80 m blocks, a 12.8 km square like Guangming
export const UNITS = 200_000,
  HALLS = 3000;

export function district(): District {
  const rnd = mulberry32(17);
  const k = Math.cos((LAT0 * Math.PI) / 180);
  // Jittered street grid with 3 % of segments missing (walls, rivers, dead ends).
  const at = (i: number, j: number): [number, number] => [
    LNG0 + (i * STEP) / k + ((rnd() - 0.5) * STEP) / (3 * k),
    LAT0 + j * STEP + ((rnd() - 0.5) * STEP) / 3,
  ];
  const pos = Array.from({ length: SIDE * SIDE }, (_, v) => at(v % SIDE, Math.floor(v / SIDE)));
  const lng: number[] = [],
    lat: number[] = [],
    starts = [0],
    feature: number[] = [];
  for (let v = 0; v < SIDE * SIDE; v++) {
    for (const w of [v % SIDE < SIDE - 1 ? v + 1 : -1, v + SIDE < SIDE * SIDE ? v + SIDE : -1]) {
      if (w < 0 || rnd() < 0.03) continue;
      lng.push(pos[v][0], pos[w][0]);
      lat.push(pos[v][1], pos[w][1]);
      starts.push(lng.length);
      feature.push(feature.length);
    }
  }
  const lines = {
    lineCount: feature.length,
    lineStart: Int32Array.from(starts),
    lineFeature: Int32Array.from(feature),
    lng: Float64Array.from(lng),
    lat: Float64Array.from(lat),
  };
  const spanLng = (SIDE * STEP) / k,
    spanLat = SIDE * STEP;
  const population: PopulationSet = {
    count: UNITS,
    lng: new Float64Array(UNITS),
    lat: new Float64Array(UNITS),
    weight: new Float64Array(UNITS),
    feature: new Int32Array(UNITS),
    total: 0,
    kind: 'points',
  };
  for (let u = 0; u < UNITS; u++) {
    population.lng[u] = LNG0 + rnd() * spanLng;
    population.lat[u] = LAT0 + rnd() * spanLat;
    population.weight[u] = 1 + Math.floor(rnd() * 10);
    population.feature[u] = u;
    population.total += population.weight[u];
  }
  const services: string[][] = Array.from({ length: HALLS }, () => SERVICES.filter(() => rnd() < 0.6));
  const halls: HallSet = {
    count: HALLS,
    lng: Float64Array.from({ length: HALLS }, () => LNG0 + rnd() * spanLng),
    lat: Float64Array.from({ length: HALLS }, () => LAT0 + rnd() * spanLat),
    name: services.map((_, h) => `hall ${h}`),
    services,
    properties: services.map(() => ({})),
  };
  const areas: AreaSet = {
    names: ['district'],
    features: [
      {
        type: 'Feature',
        properties: { name: 'district' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [LNG0 - 0.01, LAT0 - 0.01],
              [LNG0 + spanLng + 0.01, LAT0 - 0.01],
              [LNG0 + spanLng + 0.01, LAT0 + spanLat + 0.01],
              [LNG0 - 0.01, LAT0 + spanLat + 0.01],
              [LNG0 - 0.01, LAT0 - 0.01],
            ],
          ],
        },
      },
    ],
  };
  return { lines, population, halls, areas };
}
