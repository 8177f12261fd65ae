// What-if loads (issue 15) at Shenzhen scale, seeded: moving one proposed hall
// with IncrementalLoads against a full recomputation of the loads (a fresh
// engine on the halls with the proposed hall appended) in the same run.
// Target: < 5 ms per edit. Run: npx tsx test/bench/capacity-what-if.bench.ts
// Prints times and the ratio; asserts nothing (timings depend on the machine).
import { cpus, loadavg } from 'node:os';
import { CoverageEngine } from '../../src/core/coverage/engine';
import { unitCells } from '../../src/core/geo/nearest-hall';
import { IncrementalLoads } from '../../src/core/planning/incremental-loads';
import { unitCosines } from '../../src/core/geo/units-within';
import { mulberry32 } from '../../scripts/sample/prng';
import { makeCase, measure, show } from './coverage-case';

const SERVICE = 'petition';
const RADIUS_M = 500;
const EDITS = 400;

function runCase(label: string, cols: number, rows: number, hallCount: number, fullReps: number): void {
  const c = makeCase(cols, rows, hallCount, 10, 42);
  const engine = new CoverageEngine(c.halls, c.population, c.areas);
  const p = engine.population;
  console.log(
    `\n${label}: ${p.count.toLocaleString('en')} population points, ${c.halls.count.toLocaleString('en')} halls, radius ${RADIUS_M} m, service ${SERVICE}`,
  );
  const setup = measure(1, () => {
    new IncrementalLoads(
      { lng: p.lng, lat: p.lat, weight: p.weight, cos: unitCosines(p.lat), cells: unitCells(p.lng, p.lat, c.halls.count) },
      { hallLng: engine.halls.lng, hallLat: engine.halls.lat, nearestM: engine.nearest(SERVICE), nearestHall: engine.nearestHall(SERVICE) },
      RADIUS_M,
    );
  });
  const inc = new IncrementalLoads(
    { lng: p.lng, lat: p.lat, weight: p.weight, cos: unitCosines(p.lat), cells: unitCells(p.lng, p.lat, c.halls.count) },
    { hallLng: engine.halls.lng, hallLat: engine.halls.lat, nearestM: engine.nearest(SERVICE), nearestHall: engine.nearestHall(SERVICE) },
    RADIUS_M,
  );
  // A proposed hall dragged around: each edit moves it to a random place in the city.
  const rand = mulberry32(7);
  const [x0, x1] = [p.lng.reduce((a, b) => Math.min(a, b)), p.lng.reduce((a, b) => Math.max(a, b))];
  const [y0, y1] = [p.lat.reduce((a, b) => Math.min(a, b)), p.lat.reduce((a, b) => Math.max(a, b))];
  const at = () => [x0 + rand() * (x1 - x0), y0 + rand() * (y1 - y0)] as const;
  const edit = measure(1, () => {
    for (let k = 0; k < EDITS; k++) {
      const [x, y] = at();
      inc.set(0, x, y);
    }
  });
  const perEdit = { wall: edit.wall / EDITS, cpu: edit.cpu / EDITS };
  const [x, y] = at();
  const full = measure(fullReps, () => {
    const halls = {
      ...c.halls,
      count: c.halls.count + 1,
      lng: Float64Array.from([...c.halls.lng, x]),
      lat: Float64Array.from([...c.halls.lat, y]),
      name: [...c.halls.name, 'proposed'],
      services: [...c.halls.services, [SERVICE]],
      properties: [...c.halls.properties, {}],
    };
    new CoverageEngine(halls, c.population, c.areas).capacity({ radiusM: RADIUS_M, services: [SERVICE] });
  });
  console.log(`  set-up (once per radius and service): ${show(setup)}`);
  console.log(`  incremental, per edit (mean of ${EDITS} moves): ${show(perEdit)} (target < 5 ms)`);
  console.log(`  full recomputation (engine + loads): ${show(full)}`);
  console.log(`  ratio: the full recomputation takes ${(full.cpu / perEdit.cpu).toFixed(0)}x the CPU of one incremental edit`);
}

console.log(
  `Machine: ${cpus().length} cores, load average ${loadavg()
    .map((v) => v.toFixed(1))
    .join(' ')} (other work running inflates wall times)`,
);
runCase('warm-up', 60, 50, 60, 2);
runCase('Shenzhen scale', 500, 400, 3000, 3);
