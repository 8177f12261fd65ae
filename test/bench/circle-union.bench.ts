// Circle union timing: the arc-based union (src/core/geo/circle-union.ts)
// against the polygon-clipping union it replaced (test/unit/helpers/
// polygon-clipping-union.ts), on the sample halls per service and on a seeded
// random city of 3 000 halls, each at 500 m and 3 000 m.
// Run: npx tsx test/bench/circle-union.bench.ts
// Prints times and ratios measured in the same run; asserts nothing.
import { readFileSync } from 'node:fs';
import { circleUnion } from '../../src/core/geo/circle-union';
import { polygonClippingUnion } from '../unit/helpers/polygon-clipping-union';
import { mulberry32 } from '../../scripts/sample/prng';

const RADII = [500, 3000]; // metres
const RANDOM_HALLS = 3000;
const LNG0 = 113.75; // degrees, south-west corner of the random city
const LAT0 = 22.45;
const WIDTH_M = 50_000; // east-west
const HEIGHT_M = 30_000; // north-south
const M_PER_DEG_LAT = 111_195;

interface Case {
  name: string;
  lng: number[];
  lat: number[];
}

function sampleCases(): Case[] {
  const fc = JSON.parse(readFileSync(new URL('../../public/geo/halls.geojson', import.meta.url), 'utf8')) as {
    features: { geometry: { coordinates: number[] }; properties: { services: string[] } }[];
  };
  return ['petition', 'legal-aid', 'psych-support'].map((service) => {
    const hs = fc.features.filter((f) => f.properties.services.includes(service));
    return { name: `sample ${service} (${hs.length})`, lng: hs.map((f) => f.geometry.coordinates[0]), lat: hs.map((f) => f.geometry.coordinates[1]) };
  });
}

/** Halls around 40 seeded centres (a city's clusters), Gaussian-ish spread of 2 km, seeded. */
function randomCity(): Case {
  const rnd = mulberry32(42);
  const dLng = 1 / (M_PER_DEG_LAT * Math.cos(((LAT0 + HEIGHT_M / M_PER_DEG_LAT / 2) * Math.PI) / 180)); // degrees per metre east
  const centres = Array.from({ length: 40 }, () => [rnd() * WIDTH_M, rnd() * HEIGHT_M]);
  const lng: number[] = [],
    lat: number[] = [];
  for (let h = 0; h < RANDOM_HALLS; h++) {
    const [cx, cy] = centres[Math.floor(rnd() * centres.length)];
    const g = () => (rnd() + rnd() + rnd() - 1.5) * 2000; // metres
    lng.push(LNG0 + (cx + g()) * dLng);
    lat.push(LAT0 + (cy + g()) / M_PER_DEG_LAT);
  }
  return { name: `random city (${RANDOM_HALLS})`, lng, lat };
}

/** Fastest of `runs` timings (ms) after one warm-up call: the least disturbed by other work on a shared machine. */
function time(f: () => unknown, runs: number): number {
  f();
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

console.log('case                                 radius   arcs ms   polygon-clipping ms   ratio   rings (arcs / p-c)');
for (const c of [...sampleCases(), randomCity()]) {
  for (const r of RADII) {
    const runs = c.lng.length > 1000 ? 3 : 7;
    const fresh = circleUnion(c.lng, c.lat, r);
    const old = polygonClippingUnion(c.lng, c.lat, r);
    const tNew = time(() => circleUnion(c.lng, c.lat, r), runs);
    const tOld = time(() => polygonClippingUnion(c.lng, c.lat, r), runs);
    const rings = (g: { coordinates: unknown[][] }) => g.coordinates.reduce((t, p) => t + p.length, 0);
    console.log(
      `${c.name.padEnd(36)} ${String(r).padStart(6)} ${tNew.toFixed(1).padStart(9)} ${tOld.toFixed(1).padStart(21)} ${(tOld / tNew).toFixed(1).padStart(6)}×   ${rings(fresh.geometry)} / ${rings(old)}${fresh.retried ? `  (retried ${fresh.retried})` : ''}`,
    );
  }
}
