// Capacity analysis (issue 15) at Shenzhen scale, seeded, against plain
// stats measured in the same run: target ≤ 1.5× (stats + capacity over stats
// alone), on a fresh engine (nearest-hall distances computed in both) and at
// another radius (distances cached). Run: npx tsx test/bench/capacity.bench.ts
// Prints times and the ratios; asserts nothing (timings depend on the machine).
import { cpus, loadavg } from 'node:os';
import { CoverageEngine } from '../../src/core/coverage/engine';
import { makeCase, measure, show } from './coverage-case';

const SERVICES = ['legal-aid', 'petition', 'psych-support'];
const RADIUS_M = 500;

function runCase(label: string, cols: number, rows: number, hallCount: number, reps: number): void {
  const c = makeCase(cols, rows, hallCount, 10, 42);
  // Capacities by a seeded rule: mostly below the typical load, so many halls are over capacity.
  c.halls.capacity = Float64Array.from({ length: c.halls.count }, (_, h) => 200 + ((h * 7919) % 1800));
  const opts = { radiusM: RADIUS_M, services: SERVICES };
  console.log(
    `\n${label}: ${c.population.count.toLocaleString('en')} population points, ${c.halls.count.toLocaleString('en')} halls, ${c.areas.names.length} areas, ${SERVICES.length} services, radius ${RADIUS_M} m`,
  );
  const plain = measure(reps, () => {
    new CoverageEngine(c.halls, c.population, c.areas).stats(opts);
  });
  const withCap = measure(reps, () => {
    new CoverageEngine(c.halls, c.population, c.areas).capacityStats(opts);
  });
  const engine = new CoverageEngine(c.halls, c.population, c.areas);
  engine.capacityStats(opts);
  let r1 = RADIUS_M,
    r2 = RADIUS_M;
  const plainAgain = measure(reps, () => {
    engine.stats({ radiusM: (r1 += 37), services: SERVICES });
  });
  const capAgain = measure(reps, () => {
    engine.capacityStats({ radiusM: (r2 += 37), services: SERVICES });
  });
  const stats = engine.capacityStats(opts);
  const over = stats.halls!.filter((h) => h.capacity !== null && h.load > h.capacity).length;
  console.log(`  build + stats: ${show(plain)}`);
  console.log(`  build + stats with capacity (loads, split, 2SFCA): ${show(withCap)}`);
  console.log(`  ratio, fresh engine: ${(withCap.cpu / plain.cpu).toFixed(2)}x CPU, ${(withCap.wall / plain.wall).toFixed(2)}x wall (target ≤ 1.5x)`);
  console.log(`  stats at another radius: ${show(plainAgain)}; with capacity: ${show(capAgain)}`);
  console.log(`  ratio, cached distances: ${(capAgain.cpu / plainAgain.cpu).toFixed(2)}x CPU, ${(capAgain.wall / plainAgain.wall).toFixed(2)}x wall`);
  console.log(
    `  ${over} of ${stats.halls!.length} hall-services over capacity; petition: ${Math.round(stats.total.served!.petition).toLocaleString('en')} served, ${Math.round(stats.total.over_capacity!.petition).toLocaleString('en')} over capacity, ${Math.round(stats.total.out_of_range!.petition).toLocaleString('en')} out of range`,
  );
}

console.log(
  `Machine: ${cpus().length} cores, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} (other work running inflates wall times)`,
);
runCase('warm-up', 60, 50, 60, 3);
runCase('Shenzhen scale', 500, 400, 3000, 5);
