// Runs inside a Chromium Web Worker (bundled by network-worker.bench.ts): the
// district's network stats timed by the worker's own clock (performance.now),
// the same steps as network.bench.ts times in Node.
import { buildRoadGraph } from '../../src/core/network/road-graph';
import { RoadNetwork } from '../../src/core/network/road-network';
import { NetworkCoverageEngine } from '../../src/core/network/network-engine';
import { district, RADIUS_M, SERVICES } from './network-district';

const { lines, population, halls, areas } = district();
const now = () => performance.now();
let t0 = now();
const network = new RoadNetwork(buildRoadGraph(lines));
const graphMs = now() - t0;
t0 = now();
const engine = new NetworkCoverageEngine(halls, population, areas, network);
const accessMs = now() - t0;
t0 = now();
for (const s of SERVICES) engine.nearest(s);
const searchMs = now() - t0;
t0 = now();
const stats = engine.stats({ radiusM: RADIUS_M, services: SERVICES });
const statsMs = now() - t0;
t0 = now();
engine.stats({ radiusM: 800, services: SERVICES });
const againMs = now() - t0;
postMessage({
  edges: network.graph.edgeCount,
  graphMs,
  accessMs,
  searchMs,
  statsMs,
  againMs,
  covered: Object.fromEntries(SERVICES.map((s) => [s, stats.total.covered[s]])),
});
