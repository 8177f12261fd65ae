// Coverage engine timing at Shenzhen scale, seeded, against the naive
// approach measured in the same run. Run: npm run bench
// Prints times and ratios; asserts nothing (timings depend on the machine).
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import circle from '@turf/circle';
import KDBush from 'kdbush';
import { cpus, loadavg } from 'node:os';
import { CoverageEngine } from '../../src/core/coverage/engine';
import { haversineM, radiusBoxes } from '../../src/core/geo/haversine';
import { mulberry32 } from '../../scripts/sample/prng';
import { f1, makeCase, measure, show, type Case, type Timing } from './coverage-case';

const SERVICES = ['legal-aid', 'petition', 'psych-support'];
const RADIUS_M = 500;
const rng = mulberry32; // seeded, as in coverage-case.ts

/** Alternative index: kdbush over the units, one range query per hall, marking covered units. */
function hallCentric(c: Case, service: string): Uint8Array {
  const { population: p, halls: h } = c;
  const index = new KDBush(p.count, 64);
  for (let i = 0; i < p.count; i++) index.add(p.lng[i], p.lat[i]);
  index.finish();
  const out = new Uint8Array(p.count);
  for (let j = 0; j < h.count; j++) {
    if (!h.services[j].includes(service)) continue;
    for (const [a, b, cc, d] of radiusBoxes(h.lng[j], h.lat[j], RADIUS_M)) {
      for (const u of index.range(a, b, cc, d)) if (!out[u] && haversineM(p.lng[u], p.lat[u], h.lng[j], h.lat[j]) <= RADIUS_M) out[u] = 1;
    }
  }
  return out;
}

/** Naive: a turf.circle polygon per hall, booleanPointInPolygon for sampled units against every circle of each service. */
function naive(c: Case, engine: CoverageEngine, sample: number): { perUnit: Timing; agree: number } {
  const circles = SERVICES.map((s) => {
    const ids = [...Array(c.halls.count).keys()].filter((h) => c.halls.services[h].includes(s));
    return ids.map((h) => circle([c.halls.lng[h], c.halls.lat[h]], RADIUS_M, { units: 'meters' }));
  });
  const rnd = rng(7);
  const units = Array.from({ length: sample }, () => Math.floor(rnd() * c.population.count));
  let covered: boolean[][] = [];
  const t = measure(1, () => {
    covered = units.map((u) => SERVICES.map((_, s) => circles[s].some((poly) => booleanPointInPolygon([c.population.lng[u], c.population.lat[u]], poly))));
  });
  // turf.circle is a 64-gon inside the true circle, so units right at the edge may differ.
  const cov = SERVICES.map((s) => engine.covered(s, RADIUS_M));
  let agree = 0;
  units.forEach((u, k) =>
    SERVICES.forEach((_, j) => {
      if ((cov[j][u] === 1) === covered[k][j]) agree++;
    }),
  );
  return { perUnit: { wall: t.wall / sample, cpu: t.cpu / sample }, agree: agree / (sample * SERVICES.length) };
}

function runCase(label: string, c: Case, reps: number, naiveSample: number): void {
  console.log(
    `\n${label}: ${c.population.count.toLocaleString('en')} population points (100 m grid), ${c.halls.count.toLocaleString('en')} halls, ${c.areas.names.length} areas, ${SERVICES.length} services, radius ${RADIUS_M} m`,
  );
  const opts = { radiusM: RADIUS_M, services: SERVICES };
  let engine = new CoverageEngine(c.halls, c.population, c.areas);
  const build = measure(reps, () => {
    engine = new CoverageEngine(c.halls, c.population, c.areas);
  });
  // First stats on a fresh engine: exact nearest-hall distances for every unit and service, then cached.
  const first = measure(reps, () => {
    new CoverageEngine(c.halls, c.population, c.areas).stats(opts);
  });
  const firstStats = { wall: first.wall - build.wall, cpu: first.cpu - build.cpu };
  engine.stats(opts);
  let r = RADIUS_M;
  const again = measure(reps, () => {
    engine.stats({ radiusM: (r += 37), services: SERVICES });
  });
  let zones = 0;
  const gaps = measure(reps, () => {
    zones = engine.gaps(opts).features.length;
  });
  const stats = engine.stats(opts);
  console.log(`  engine build (area assignment, ${c.areas.names.length} areas of 402 vertices): ${show(build)}`);
  console.log(`  first full stats (exact nearest-hall distances per unit and service, then cached): ${show(firstStats)}`);
  console.log(`  build + first full stats: ${show(first)}`);
  console.log(`  full stats at another radius (cached distances): ${show(again)}`);
  console.log(
    `  gap zones (${zones} zones, cells from the ${engine.gapGrid().source === 'grid' ? 'detected population grid' : 'typical unit spacing'}): ${show(gaps)}`,
  );
  console.log(`  covered by all three services: ${stats.total.covered.all.toLocaleString('en')} of ${stats.total.population.toLocaleString('en')} people`);

  // Index choice, measured: the engine's kdbush over halls + own grid of unit
  // cells (nearest distance, any radius) against kdbush over units with one
  // range query per hall (coverage at one radius only).
  let same = true;
  const alt = measure(Math.min(reps, 3), () => {
    const a = SERVICES.map((s) => hallCentric(c, s));
    same = SERVICES.every((s, k) => engine.covered(s, RADIUS_M).every((v, u) => v === a[k][u]));
  });
  console.log(`  alternative: kdbush over units + range query per hall, coverage at one radius, no distances: ${show(alt)}; same covered units: ${same}`);

  if (naiveSample > 0) {
    const { perUnit, agree } = naive(c, engine, naiveSample);
    const scaled = { wall: perUnit.wall * c.population.count, cpu: perUnit.cpu * c.population.count };
    console.log(
      `  naive turf.circle + booleanPointInPolygon, ${naiveSample} sampled units scaled to all: ${f1(scaled.wall / 1000)} s wall, ${f1(scaled.cpu / 1000)} s CPU; agrees with the engine on ${(agree * 100).toFixed(2)}% of unit-services`,
    );
    console.log(
      `  ratio naive / engine, build + first full stats: ${Math.round(scaled.cpu / first.cpu).toLocaleString('en')}x (CPU), ${Math.round(scaled.wall / first.wall).toLocaleString('en')}x (wall)`,
    );
    console.log(
      `  ratio naive / engine, full stats at another radius: ${Math.round(scaled.cpu / again.cpu).toLocaleString('en')}x (CPU), ${Math.round(scaled.wall / again.wall).toLocaleString('en')}x (wall)`,
    );
  }
}

console.log(
  `Machine: ${cpus().length} cores, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} (other work running inflates wall times)`,
);
console.log("Index: kdbush over halls (one per service) + the engine's own grid of population cells, candidate halls per cell by the triangle inequality.");
// Warm the JIT on a small case so the first measured call is not mostly compilation.
runCase('warm-up', makeCase(60, 50, 60, 3, 1), 3, 0);
runCase('Shenzhen scale', makeCase(500, 400, 3000, 10, 42), 5, 200);
runCase('large', makeCase(1000, 1000, 10_000, 10, 43), 3, 0);
