// Network (walking) distance at district scale (issue 17), seeded, against a
// plain per-hall Dijkstra measured in the same run.
// Run: npx tsx test/bench/network.bench.ts
// Prints CPU times and ratios, and checks that both give the same coverage;
// then walking-mode suggestions (covering, and maximising people served)
// against a naive recomputation per candidate.
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
import { suggestWalkingSites, walkingServedReach } from '../../src/core/planning/network-sites';
import { greedyServedSites } from '../../src/core/planning/served-sites';
import { scenarioEngine } from '../../src/core/planning/scenario-compare';
import { hallLoads } from '../../src/core/coverage/capacity';
import { district, HALLS, RADIUS_M, SERVICES, UNITS } from './network-district';

const { lines, population, halls, areas } = district();
const services = halls.services;

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

// Suggested sites in walking mode (network-sites.ts): every unit a candidate,
// one bounded search per evaluation, against scoring each candidate by a full
// what-if recomputation (the candidate joined as a hall, the whole graph
// searched, every unit's distance taken again). That naive first round alone
// needs one recomputation per candidate: timed on every NAIVE_STEP-th
// candidate and scaled, and its gains checked against the greedy's first round.
{
  const s = 'petition',
    count = 10,
    NAIVE_STEP = 1000;
  const covered = engine.covered(s, RADIUS_M);
  const units = { lng: population.lng, lat: population.lat, weight: population.weight, covered };
  t0 = now();
  const out = suggestWalkingSites(units, { radiusM: RADIUS_M, count }, engine);
  const tSuggest = ms(t0);
  const people = (m: Uint8Array) => m.reduce((acc, v, u) => acc + (v ? population.weight[u] : 0), 0);
  const base = people(covered);
  t0 = now();
  let naiveBest = -1,
    naiveGain = 0,
    sampled = 0;
  for (let c = 0; c < UNITS; c += NAIVE_STEP, sampled++) {
    const gain = people(engine.covered(s, RADIUS_M, [{ lng: population.lng[c], lat: population.lat[c], services: [s] }])) - base;
    if (gain > naiveGain) {
      naiveGain = gain;
      naiveBest = c;
    }
  }
  const tNaive = (ms(t0) / sampled) * UNITS;
  // The greedy's own gain of the naive round's best sampled candidate, by one bounded search.
  const one = suggestWalkingSites(
    units,
    { radiusM: RADIUS_M, count: 1, candidates: { lng: [population.lng[naiveBest]], lat: [population.lat[naiveBest]] } },
    engine,
  );
  const first = out.sites[0];
  const firstWhatIf = people(engine.covered(s, RADIUS_M, [{ lng: first.lng, lat: first.lat, services: [s] }])) - base;
  console.log(
    `  walking suggestions (${s}, ${count} sites, ${UNITS.toLocaleString('en')} candidates, ${out.evaluations.toLocaleString('en')} evaluations): ${f0(tSuggest)} ms; ` +
      `naive full recomputation per candidate, first round only: ${f0(tNaive)} ms (1 candidate in ${NAIVE_STEP}, time scaled) → ${(tNaive / tSuggest).toFixed(0)}× faster; ` +
      `same gains: ${one.sites[0]?.added === naiveGain && first.added === firstWhatIf}`,
  );
}

// Suggested sites maximising people served in walking mode (served-sites.ts with
// walkingServedReach): every unit a candidate, every hall a capacity of CAP, new
// sites unlimited; each evaluation a bounded search from the candidate that finds
// every unit within r (covered or not) with its network distance. Against scoring
// each candidate by a full what-if recomputation: an engine on the halls plus the
// candidate (its own search of the whole graph, catchments and loads afresh) and
// the people served summed again. That naive first round is timed on every
// NAIVE_STEP-th candidate and scaled; its gains are checked against the greedy's.
{
  const s = 'petition',
    count = 10,
    CAP = 300,
    NAIVE_STEP = 5000;
  const caps = new Float64Array(HALLS).fill(CAP);
  const served = (load: Float64Array, cap: ArrayLike<number>) => load.reduce((acc, l, h) => acc + Math.min(l, cap[h]), 0);
  const nearestM = engine.nearest(s),
    nearestHall = engine.nearestHall(s);
  const baseLoads = (): Float64Array => hallLoads(population.weight, nearestM, nearestHall, RADIUS_M, HALLS);
  const suggestServed = (cand: { lng: ArrayLike<number>; lat: ArrayLike<number> } | undefined, n: number) =>
    greedyServedSites(
      population.weight,
      walkingServedReach(engine, cand, RADIUS_M),
      { nearestM, nearestHall, load: baseLoads(), capacity: caps },
      { radiusM: RADIUS_M, count: n, capacity: Infinity, candidates: cand ?? { lng: population.lng, lat: population.lat } },
    );
  t0 = now();
  const out = suggestServed(undefined, count);
  const tServed = ms(t0);
  const plainEvaluations = Array.from({ length: out.sites.length + 1 }, (_, k) => UNITS - k).reduce((a, b) => a + b, 0);
  const base = served(baseLoads(), caps);
  // People served with one more hall (unlimited) at unit c, from a fresh walking engine: the what-if's numbers.
  const servedWithSite = (c: number): number => {
    const e = scenarioEngine(engine, [{ lng: population.lng[c], lat: population.lat[c], services: [s] }]);
    const load = hallLoads(population.weight, e.nearest(s), e.nearestHall(s), RADIUS_M, HALLS + 1);
    return served(load, [...caps, Infinity]);
  };
  t0 = now();
  let naiveBest = -1,
    naiveGain = 0,
    sampled = 0;
  for (let c = 0; c < UNITS; c += NAIVE_STEP, sampled++) {
    const gain = servedWithSite(c) - base;
    if (gain > naiveGain) {
      naiveGain = gain;
      naiveBest = c;
    }
  }
  const tNaive = (ms(t0) / sampled) * UNITS;
  const one = suggestServed({ lng: [population.lng[naiveBest]], lat: [population.lat[naiveBest]] }, 1);
  const first = out.sites[0];
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
  console.log(
    `  walking served suggestions (${s}, capacity ${CAP} per hall, ${count} sites, ${UNITS.toLocaleString('en')} candidates, ${out.evaluations.toLocaleString('en')} evaluations, plain greedy ${plainEvaluations.toLocaleString('en')}): ${f0(tServed)} ms; ` +
      `naive full recomputation per candidate, first round only: ${f0(tNaive)} ms (1 candidate in ${NAIVE_STEP}, time scaled) → ${(tNaive / tServed).toFixed(0)}× faster; ` +
      `same gains: ${close(one.sites[0]?.added ?? 0, naiveGain) && close(first.added, servedWithSite(first.candidateIndex) - base)}`,
  );
}
