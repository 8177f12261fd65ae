// The worker's what-if path at Shenzhen scale, seeded: one PlanningSession.plan
// call after a proposed hall moves (incremental: sync + per-area sums) against
// the naive way of answering the same question, a fresh CoverageEngine on the
// halls plus the proposed ones, measured in the same run.
// Run: npx tsx test/bench/plan-session.bench.ts   (prints; asserts nothing)
import { CoverageEngine } from '../../src/core/coverage/engine';
import type { AreaSet, HallSet, PopulationSet } from '../../src/core/types';
import { PlanningSession } from '../../src/worker/planning-session';
import type { ProposedHall } from '../../src/worker/messages';
import { mulberry32 } from '../../scripts/sample/prng';

const SERVICES = ['legal-aid', 'petition', 'psych-support'];
const COLS = 500; // 100 m grid: 50 km east-west
const ROWS = 400; // 40 km north-south: 200 000 units
const HALLS = 3000;
const AREAS = 6; // vertical strips
const RADIUS_M = 500;
const MOVES = 200;
const LNG0 = 113.75;
const LAT0 = 22.55;
const DLAT = 100 / 111_195; // degrees per 100 m
const DLNG = 100 / (111_195 * Math.cos(((LAT0 + (ROWS * DLAT) / 2) * Math.PI) / 180));

const rand = mulberry32(42);
const n = COLS * ROWS;
const population: PopulationSet = {
  count: n,
  lng: new Float64Array(n),
  lat: new Float64Array(n),
  weight: new Float64Array(n),
  feature: new Int32Array(n),
  total: 0,
  kind: 'points',
};
for (let r = 0, u = 0; r < ROWS; r++) {
  for (let c = 0; c < COLS; c++, u++) {
    population.lng[u] = LNG0 + c * DLNG;
    population.lat[u] = LAT0 + r * DLAT;
    population.weight[u] = Math.floor(rand() * 60); // whole people per cell
    population.feature[u] = u;
    population.total += population.weight[u];
  }
}
const east = LNG0 + COLS * DLNG;
const north = LAT0 + ROWS * DLAT;
const areas: AreaSet = { names: [], features: [] };
for (let a = 0; a < AREAS; a++) {
  const w = LNG0 - DLNG / 2 + ((east - LNG0) * a) / AREAS;
  const e = LNG0 - DLNG / 2 + ((east - LNG0) * (a + 1)) / AREAS;
  areas.names.push(`area ${a + 1}`);
  areas.features.push({
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [w, LAT0 + 20 * DLAT],
          [e, LAT0 + 20 * DLAT],
          [e, north],
          [w, north],
          [w, LAT0 + 20 * DLAT],
        ],
      ],
    },
  });
}
const point = (): [number, number] => [LNG0 + rand() * COLS * DLNG, LAT0 + rand() * ROWS * DLAT];
const hallRows = Array.from({ length: HALLS }, () => {
  const s = SERVICES.filter(() => rand() < 0.5);
  return { at: point(), services: s.length ? s : ['petition'] };
});
const halls: HallSet = {
  count: HALLS,
  lng: Float64Array.from(hallRows, (h) => h.at[0]),
  lat: Float64Array.from(hallRows, (h) => h.at[1]),
  name: hallRows.map((_, i) => `hall ${i}`),
  services: hallRows.map((h) => h.services),
  properties: hallRows.map(() => ({})),
};

const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
};

console.log(`plan-session: ${n} units, ${HALLS} halls, ${SERVICES.length} services, r = ${RADIUS_M} m, ${AREAS} areas`);
const [engine, engineMs] = time(() => new CoverageEngine(halls, population, areas));
const session = new PlanningSession(engine);
const proposed: ProposedHall[] = [1, 2, 3].map((id) => {
  const [lng, lat] = point();
  return { id, lng, lat, services: SERVICES, name: `p${id}` };
});
const [, firstMs] = time(() => session.plan({ radiusM: RADIUS_M, services: SERVICES, proposed }));
console.log(`  engine build ${engineMs.toFixed(0)} ms; first plan (incremental coverage build + 3 halls) ${firstMs.toFixed(0)} ms`);

// A drag: the first proposed hall moves ~50 m per step.
let moveMs = 0;
for (let k = 0; k < MOVES; k++) {
  proposed[0] = { ...proposed[0], lng: proposed[0].lng + 50 / 102_700, lat: proposed[0].lat + ((k % 2 ? 1 : -1) * 20) / 111_195 };
  moveMs += time(() => session.plan({ radiusM: RADIUS_M, services: SERVICES, proposed: [...proposed] }))[1];
}
const perMove = moveMs / MOVES;

// Naive: a fresh engine on halls + proposed and its stats, for the last position.
const all: HallSet = {
  ...halls,
  count: HALLS + proposed.length,
  lng: Float64Array.from([...halls.lng, ...proposed.map((p) => p.lng)]),
  lat: Float64Array.from([...halls.lat, ...proposed.map((p) => p.lat)]),
  name: [...halls.name, ...proposed.map((p) => p.name)],
  services: [...halls.services, ...proposed.map((p) => p.services)],
  properties: [...halls.properties, ...proposed.map(() => ({}))],
};
const [fresh, freshMs] = time(() => new CoverageEngine(all, population, areas).stats({ radiusM: RADIUS_M, services: SERVICES }));
const plan = session.plan({ radiusM: RADIUS_M, services: SERVICES, proposed });
const same = SERVICES.concat('all').every((k) => plan.total.planned[k] === fresh.total.covered[k]);
console.log(`  one move, plan(): ${perMove.toFixed(2)} ms (mean of ${MOVES})`);
console.log(`  naive fresh engine + stats: ${freshMs.toFixed(0)} ms  → incremental is ${(freshMs / perMove).toFixed(0)}× faster`);
console.log(`  totals equal to the fresh engine: ${same ? 'yes' : 'NO'}`);
