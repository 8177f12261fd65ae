// The Shenzhen-scale seeded case of the coverage benches and their timer,
// shared by coverage.bench.ts and capacity.bench.ts.
import type { Feature, Polygon } from 'geojson';
import type { AreaSet, HallSet, PopulationSet } from '../../src/core/types';
import { mulberry32 } from '../../scripts/sample/prng';

const SERVICES = ['legal-aid', 'petition', 'psych-support'];
const LNG0 = 113.75; // degrees, south-west corner
const LAT0 = 22.45;
const M_PER_DEG_LAT = 111_195; // metres per degree of latitude
const DLAT = 100 / M_PER_DEG_LAT; // degrees per 100 m

// Seeded so every run measures the same data.
const rng = mulberry32;

export interface Case {
  halls: HallSet;
  population: PopulationSet;
  areas: AreaSet;
}

/** A cols x rows 100 m population grid, `halls` halls clustered like a city, `areas` wiggly vertical strips. */
export function makeCase(cols: number, rows: number, hallCount: number, areaCount: number, seed: number): Case {
  const rnd = rng(seed);
  const dlng = 100 / (M_PER_DEG_LAT * Math.cos(((LAT0 + (rows * DLAT) / 2) * Math.PI) / 180));
  const n = cols * rows;
  const population: PopulationSet = {
    count: n,
    lng: new Float64Array(n),
    lat: new Float64Array(n),
    weight: new Float64Array(n),
    feature: new Int32Array(n),
    total: 0,
    kind: 'points',
  };
  for (let c = 0, k = 0; c < cols; c++) {
    for (let r = 0; r < rows; r++, k++) {
      population.lng[k] = Math.round((LNG0 + c * dlng) * 1e6) / 1e6;
      population.lat[k] = Math.round((LAT0 + r * DLAT) * 1e6) / 1e6;
      population.weight[k] = Math.floor(rnd() * 40);
      population.feature[k] = k;
      population.total += population.weight[k];
    }
  }
  // Halls near population-weighted random units, so density follows people.
  const hl = new Float64Array(hallCount),
    ht = new Float64Array(hallCount);
  const services: string[][] = [];
  for (let h = 0; h < hallCount; h++) {
    const u = Math.floor(rnd() * n);
    hl[h] = population.lng[u] + (rnd() - 0.5) * dlng;
    ht[h] = population.lat[u] + (rnd() - 0.5) * DLAT;
    services.push(SERVICES.filter(() => rnd() < 0.6));
  }
  const halls: HallSet = { count: hallCount, lng: hl, lat: ht, name: services.map((_, h) => `hall ${h}`), services, properties: services.map(() => ({})) };
  // Strips with 200-vertex sine-wiggled borders, like real subdistrict outlines.
  const x0 = LNG0 - dlng,
    x1 = LNG0 + cols * dlng,
    y0 = LAT0 - DLAT,
    y1 = LAT0 + rows * DLAT;
  const border = (k: number) =>
    Array.from({ length: 201 }, (_, s) => {
      const y = y0 + ((y1 - y0) * s) / 200;
      const x = k === 0 ? x0 : k === areaCount ? x1 : x0 + ((x1 - x0) * k) / areaCount + 0.003 * Math.sin(s / 7 + k);
      return [x, y] as [number, number];
    });
  const features: Feature<Polygon>[] = [];
  for (let k = 0; k < areaCount; k++) {
    const left = border(k),
      right = border(k + 1);
    const ring = [...right, ...left.reverse(), right[0]];
    features.push({ type: 'Feature', properties: { name: `area ${k + 1}` }, geometry: { type: 'Polygon', coordinates: [ring] } });
  }
  return { halls, population, areas: { names: features.map((f) => f.properties!.name as string), features } };
}

export const f1 = (x: number) => x.toFixed(1);

export interface Timing {
  wall: number;
  cpu: number;
} // milliseconds

/** Run fn `reps` times; median wall-clock and CPU time (the machine is shared, so CPU time is the steadier one). */
export function measure(reps: number, fn: () => void): Timing {
  const wall: number[] = [],
    cpu: number[] = [];
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
  return { wall: med(wall), cpu: med(cpu) };
}
export const show = (t: Timing) => `${f1(t.wall)} ms wall, ${f1(t.cpu)} ms CPU`;
