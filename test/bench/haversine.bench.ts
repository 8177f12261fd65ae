// The engine's inner-loop distance (src/core/geo/haversine.ts) against Turf's
// distance(), on the pairs the coverage loop tests: every population unit
// against the halls near it. Three ways, same seeded pairs, same run:
//   haversineM      our function on plain numbers (what the engine calls)
//   turf positions  distance([lng, lat], [lng, lat], { units: 'meters' })
//   turf features   distance(point(...), point(...), { units: 'meters' }),
//                   the Feature wrappers Turf's examples use
// and checks that all three give the same double for every pair.
// Run: npx tsx test/bench/haversine.bench.ts [pairs]
// Prints ns per pair and ratios; asserts only bit-identity (timings depend
// on the machine).
import { distance, point } from '@turf/turf';
import { haversineM } from '../../src/core/geo/haversine';
import { mulberry32 } from '../../scripts/sample/prng';

const PAIRS = Number(process.argv[2] ?? 2_000_000);
const rand = mulberry32(13);
// Units and halls within ~3 km of each other around Guangming (22.78° N).
const a = new Float64Array(PAIRS * 4);
for (let k = 0; k < PAIRS; k++) {
  a[4 * k] = 113.9 + rand() * 0.1;
  a[4 * k + 1] = 22.73 + rand() * 0.1;
  a[4 * k + 2] = a[4 * k] + (rand() - 0.5) * 0.06;
  a[4 * k + 3] = a[4 * k + 1] + (rand() - 0.5) * 0.06;
}

function time(label: string, f: (k: number) => number): { ms: number; out: Float64Array } {
  const out = new Float64Array(PAIRS);
  for (let k = 0; k < Math.min(PAIRS, 50_000); k++) out[k] = f(k); // warm-up
  const t0 = performance.now();
  for (let k = 0; k < PAIRS; k++) out[k] = f(k);
  const ms = performance.now() - t0;
  console.log(`${label.padEnd(16)} ${((ms * 1e6) / PAIRS).toFixed(1).padStart(7)} ns/pair  (${ms.toFixed(0)} ms for ${PAIRS} pairs)`);
  return { ms, out };
}

const ours = time('haversineM', (k) => haversineM(a[4 * k], a[4 * k + 1], a[4 * k + 2], a[4 * k + 3]));
const pos = time('turf positions', (k) => distance([a[4 * k], a[4 * k + 1]], [a[4 * k + 2], a[4 * k + 3]], { units: 'meters' }));
const feat = time('turf features', (k) => distance(point([a[4 * k], a[4 * k + 1]]), point([a[4 * k + 2], a[4 * k + 3]]), { units: 'meters' }));

for (const [name, r] of [
  ['turf positions', pos],
  ['turf features', feat],
] as const) {
  let diff = 0;
  for (let k = 0; k < PAIRS; k++) if (!Object.is(r.out[k], ours.out[k])) diff++;
  console.log(`${name}: ${(r.ms / ours.ms).toFixed(1)}× haversineM's time; ${diff} of ${PAIRS} results differ`);
  if (diff) process.exitCode = 1;
}
