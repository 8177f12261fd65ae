// Network (walking) distance at district scale (issue 17), seeded, against a
// plain per-hall Dijkstra measured in the same run.
// Run: npx tsx test/bench/network.bench.ts
// Prints CPU times and ratios, and checks that both give the same coverage.
import { cpus, loadavg } from 'node:os';
import { CoverageEngine } from '../../src/core/coverage/engine';
import {
  accessPoints,
  buildRoadGraph,
  NetworkCoverageEngine,
  RoadNetwork,
  seedsByEdge,
  unitDistances,
  type AccessPoints,
  type RoadGraph,
} from '../../src/core/network';
import type { AreaSet, HallSet, PopulationSet } from '../../src/core/types';
import { mulberry32 } from '../../scripts/sample/prng';

const SERVICES = ['legal-aid', 'petition', 'psych-support'];
const RADIUS_M = 500;
const LNG0 = 113.85,
  LAT0 = 22.7;
const SIDE = 160; // nodes per side: 2·160·159 ≈ 50 900 street segments before a few are dropped
const STEP = 80 / 111_195; // ≈ 80 m blocks, a 12.8 km square like Guangming
const UNITS = 200_000,
  HALLS = 3000;

const rnd = mulberry32(17);
const k = Math.cos((LAT0 * Math.PI) / 180);
// Jittered street grid with 3 % of segments missing (walls, rivers, dead ends).
const at = (i: number, j: number): [number, number] => [LNG0 + (i * STEP) / k + ((rnd() - 0.5) * STEP) / (3 * k), LAT0 + j * STEP + ((rnd() - 0.5) * STEP) / 3];
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

/** Plain Dijkstra from one hall (binary heap of its own, whole graph), min-merged into `into`. */
function dijkstraFromHall(g: RoadGraph, a: AccessPoints, h: number, into: Float64Array, bound: number): void {
  const dist = new Float64Array(g.nodeCount).fill(Infinity);
  const heap: [number, number][] = [];
  const push = (d: number, v: number) => {
    heap.push([d, v]);
    for (let i = heap.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (heap[p][0] <= heap[i][0]) break;
      [heap[p], heap[i]] = [heap[i], heap[p]];
      i = p;
    }
  };
  const pop = (): [number, number] => {
    const top = heap[0],
      last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ;) {
        let c = 2 * i + 1;
        if (c >= heap.length) break;
        if (c + 1 < heap.length && heap[c + 1][0] < heap[c][0]) c++;
        if (heap[c][0] >= heap[i][0]) break;
        [heap[c], heap[i]] = [heap[i], heap[c]];
        i = c;
      }
    }
    return top;
  };
  const e = a.edge[h];
  for (const [v, d] of [
    [g.edgeA[e], a.access[h] + a.partA[h]],
    [g.edgeB[e], a.access[h] + a.partB[h]],
  ])
    if (d < dist[v] && d <= bound) {
      dist[v] = d;
      push(d, v);
    }
  while (heap.length > 0) {
    const [d, v] = pop();
    if (d > dist[v]) continue;
    if (d < into[v]) into[v] = d;
    for (let q = g.adjStart[v]; q < g.adjStart[v + 1]; q++) {
      const w = g.adjNode[q],
        dw = d + g.adjLen[q];
      if (dw < dist[w] && dw <= bound) {
        dist[w] = dw;
        push(dw, w);
      }
    }
  }
}

// CPU time of this process, milliseconds: the machine is shared, and CPU time is the steadier measure.
const now = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const ms = (t0: number) => now() - t0;
const f0 = (x: number) => x.toFixed(0);

let t0 = now();
const network = new RoadNetwork(buildRoadGraph(lines));
const tGraph = ms(t0);
const g = network.graph;
console.log(
  `network bench: ${g.edgeCount.toLocaleString('en')} edges, ${g.nodeCount.toLocaleString('en')} nodes, ${HALLS} halls, ${UNITS.toLocaleString('en')} units, ${SERVICES.length} services, radius ${RADIUS_M} m`,
);
console.log(`  machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}`);
console.log(`  graph and edge grid: ${f0(tGraph)} ms`);

const opts = { radiusM: RADIUS_M, services: SERVICES };
t0 = now();
const engine = new NetworkCoverageEngine(halls, population, areas, network);
const tAccess = ms(t0);
t0 = now();
for (const s of SERVICES) engine.nearest(s);
const tPaths = ms(t0);
t0 = now();
const stats = engine.stats(opts);
const tSearch = tPaths + ms(t0);
const ours = tAccess + tSearch;
t0 = now();
engine.stats({ radiusM: 800, services: SERVICES });
const tAgain = ms(t0);
console.log(
  `  network stats: ${f0(ours)} ms (access points of halls and units ${f0(tAccess)} ms, one unbounded multi-source search per service and the unit step ${f0(tPaths)} ms, stats ${f0(tSearch - tPaths)} ms); at another radius ${f0(tAgain)} ms`,
);

// Baseline: the same access points, then one plain Dijkstra per hall (unbounded, as exact
// nearestHallM needs, and bounded by the radius), min-merged per service, same unit step.
const hallAccess = engine.hallAccess,
  unitAccess = engine.unitAccess;
// The whole-graph baseline runs on every SAMPLE-th hall only and is scaled up: all of them take minutes.
const SAMPLE = 20;
for (const bound of [Infinity, RADIUS_M]) {
  const step = bound === Infinity ? SAMPLE : 1;
  t0 = now();
  const ha = accessPoints(g, network.grid, halls.lng, halls.lat);
  const ua = accessPoints(g, network.grid, population.lng, population.lat);
  const tBaseAccess = ms(t0);
  t0 = now();
  const covered: number[] = [];
  for (const s of SERVICES) {
    const seeds = [...Array(HALLS).keys()].filter((h) => services[h].includes(s));
    const node = new Float64Array(g.nodeCount).fill(Infinity);
    const t1 = now();
    for (let q = 0; q < seeds.length; q += step) dijkstraFromHall(g, ha, seeds[q], node, bound);
    t0 -= ms(t1) * (step - 1); // count the skipped halls at the sampled halls' pace
    const d = unitDistances(g, node, ha, seedsByEdge(g, ha, seeds), ua, bound);
    let c = 0;
    for (let u = 0; u < UNITS; u++) if (d[u] <= RADIUS_M) c += population.weight[u];
    covered.push(c);
  }
  const tBase = tBaseAccess + ms(t0);
  const same = step > 1 ? `not checked (1 hall in ${step}, time scaled ×${step})` : String(SERVICES.every((s, i) => covered[i] === stats.total.covered[s]));
  console.log(
    `  per-hall Dijkstra (${bound === Infinity ? 'whole graph' : `bounded at ${RADIUS_M} m`}): ${f0(tBase)} ms (search ${f0(tBase - tBaseAccess)} ms) → network stats ${(tBase / ours).toFixed(1)}× faster; searches alone ${((tBase - tBaseAccess) / Math.max(1e-9, tPaths)).toFixed(1)}×; same coverage: ${same}`,
  );
}
void hallAccess;
void unitAccess;

t0 = now();
const straight = new CoverageEngine(halls, population, areas).stats(opts);
console.log(`  straight-line stats for comparison: ${f0(ms(t0))} ms`);
for (const s of SERVICES)
  console.log(`  ${s}: covered straight ${(100 * straight.total.share[s]).toFixed(1)} %, network ${(100 * stats.total.share[s]).toFixed(1)} %`);
