// Brute-force reference for capacity analysis (issue 15): turf.distance for
// every unit-hall pair, the contract's formulas written out directly, no
// index, no shared code with the engine.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { bruteArea, turfM } from './coverage-reference';

export interface RefHall {
  p: [number, number];
  s: string[];
  cap: number;
} // cap: Infinity = unlimited
export interface RefUnit {
  p: [number, number];
  w: number;
}

export interface RefCapacity {
  /** Per service, per unit: the catchment's hall (file position) or -1. */
  catchment: Record<string, number[]>;
  /** Per service, per hall: load. */
  load: Record<string, number[]>;
  /** Per service, per group (areas, then outside): served, over capacity, out of range. */
  served: Record<string, number[]>;
  over: Record<string, number[]>;
  out: Record<string, number[]>;
  population: number[];
  /** Per service, per group: population-weighted mean A per 1 000 residents; null when undefined. */
  access: Record<string, (number | null)[]>;
  /** The same for everyone. */
  accessTotal: Record<string, number | null>;
}

/** Nearest hall offering s with turf distance <= r; ties to the first in file order; -1 when none. */
export function refCatchment(u: RefUnit, halls: RefHall[], s: string, r: number): number {
  let best = -1;
  let bestD = Infinity;
  halls.forEach((h, k) => {
    if (!h.s.includes(s)) return;
    const d = turfM(u.p[0], u.p[1], h.p[0], h.p[1]);
    if (d <= r && d < bestD) {
      best = k;
      bestD = d;
    }
  });
  return best;
}

export function refCapacity(halls: RefHall[], units: RefUnit[], areas: Feature<Polygon | MultiPolygon>[], r: number, services: string[]): RefCapacity {
  const G = areas.length + 1;
  const group = units.map((u) => {
    const a = bruteArea(u.p[0], u.p[1], areas);
    return a < 0 ? G - 1 : a;
  });
  const population = new Array<number>(G).fill(0);
  units.forEach((u, i) => (population[group[i]] += u.w));
  const out: RefCapacity = { catchment: {}, load: {}, served: {}, over: {}, out: {}, population, access: {}, accessTotal: {} };
  for (const s of services) {
    const catchment = units.map((u) => refCatchment(u, halls, s, r));
    const load = halls.map(() => 0);
    units.forEach((u, i) => {
      if (catchment[i] >= 0) load[catchment[i]] += u.w;
    });
    const f = halls.map((h, k) => (load[k] === 0 || h.cap === Infinity ? 1 : Math.min(1, h.cap / load[k])));
    const served = new Array<number>(G).fill(0),
      over = new Array<number>(G).fill(0),
      away = new Array<number>(G).fill(0);
    units.forEach((u, i) => {
      const h = catchment[i];
      if (h < 0) away[group[i]] += u.w;
      else {
        served[group[i]] += u.w * f[h];
        over[group[i]] += u.w * (1 - f[h]);
      }
    });
    Object.assign(out.catchment, { [s]: catchment });
    Object.assign(out.load, { [s]: load });
    Object.assign(out.served, { [s]: served });
    Object.assign(out.over, { [s]: over });
    Object.assign(out.out, { [s]: away });
    // 2SFCA: defined only when every hall offering s has a capacity.
    const offering = halls.map((h, k) => [h, k] as const).filter(([h]) => h.s.includes(s));
    if (offering.some(([h]) => h.cap === Infinity)) {
      out.access[s] = population.map(() => null);
      out.accessTotal[s] = null;
      continue;
    }
    const ratio = halls.map((h) => {
      if (!h.s.includes(s)) return 0;
      let demand = 0;
      for (const u of units) if (turfM(u.p[0], u.p[1], h.p[0], h.p[1]) <= r) demand += u.w;
      return demand > 0 ? h.cap / demand : 0;
    });
    const A = units.map((u) => {
      let a = 0;
      halls.forEach((h, k) => {
        if (h.s.includes(s) && turfM(u.p[0], u.p[1], h.p[0], h.p[1]) <= r) a += ratio[k];
      });
      return a;
    });
    const sums = new Array<number>(G).fill(0);
    units.forEach((u, i) => (sums[group[i]] += u.w * A[i]));
    out.access[s] = sums.map((x, g) => (population[g] > 0 ? (x / population[g]) * 1000 : null));
    const pop = population.reduce((a, b) => a + b, 0);
    out.accessTotal[s] = pop > 0 ? (sums.reduce((a, b) => a + b, 0) / pop) * 1000 : null;
  }
  return out;
}
