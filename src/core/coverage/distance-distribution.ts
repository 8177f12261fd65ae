// The shape of access: the population-weighted cumulative distribution of
// the distance to the nearest hall, i.e. the share of people covered at each
// of a list of radii, per service and 'all', in total and per area.
//
// It is built from the engine's exact nearest-hall distances and summed the
// way CoverageEngine.stats sums: one compensated sum per (area, radius) fed
// the units in file order, totals as compensated sums of the area sums. So
// its value at r is bit for bit the `share` of stats at radius r, also for
// fractional people, where another summation order could differ in the last
// bit. The cost is one pass over the units, adding each unit to every radius
// at or beyond its distance: units × keys × radii at most.
import { SumAccumulators, compensatedSum } from './compensated-sum';
import type { CoverageEngine } from './engine';
import { ALL_KEY } from '../services';
import { OUTSIDE_AREAS } from '../types';

export interface DistanceDistribution {
  /** The radii, metres, ascending and without repeats. */
  radii: number[];
  /** The requested services (sorted, as in stats), then 'all'. */
  keys: string[];
  /** Per key: covered share of all people at each radius (0 without people). */
  total: Record<string, number[]>;
  /** Per area as in stats.areas (file order, then OUTSIDE_AREAS when listed): the same per area. */
  areas: { name: string; share: Record<string, number[]> }[];
}

/** Covered share at each of `radii` per service (and 'all' of `services`), for the engine's areas and in total. */
export function distanceDistribution(engine: CoverageEngine, opts: { services: readonly string[]; radii: readonly number[] }): DistanceDistribution {
  for (const r of opts.radii) if (!(Number.isFinite(r) && r >= 0)) throw new RangeError(`radius must be a finite number of metres >= 0, got ${r}`);
  if (opts.services.includes(ALL_KEY)) throw new RangeError(`"${ALL_KEY}" is added by the engine; do not request it`);
  const services = [...new Set(opts.services)].sort();
  const radii = [...new Set(opts.radii)].sort((a, b) => a - b);
  const keys = [...services, ALL_KEY];
  const dist = keys.map((k) => (k === ALL_KEY ? engine.nearestAll(services) : engine.nearest(k)));
  const A = engine.areas.names.length;
  const G = A + 1; // areas, then outside
  const R = radii.length;
  const group = engine.groups();
  const w = engine.population.weight;
  // Slots: [g] people, then G + (s * R + j) * G + g covered for key s at radius j.
  const acc = new SumAccumulators(G + keys.length * R * G);
  for (let i = 0; i < w.length; i++) {
    const g = group[i];
    const wi = w[i];
    acc.add(g, wi);
    for (let s = 0; s < keys.length; s++) {
      const d = dist[s][i];
      // First radius with d <= radius (the stats' condition), by bisection.
      let lo = 0;
      let hi = R;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (d <= radii[mid]) hi = mid;
        else lo = mid + 1;
      }
      for (let j = lo; j < R; j++) acc.add(G + (s * R + j) * G + g, wi);
    }
  }
  const value = (slot0: number, g: number) => (g === G ? compensatedSum(Array.from({ length: G }, (_, h) => acc.value(slot0 + h))) : acc.value(slot0 + g));
  const shares = (g: number): Record<string, number[]> => {
    const population = value(0, g);
    const out = Object.create(null) as Record<string, number[]>;
    keys.forEach((k, s) => {
      out[k] = radii.map((_, j) => (population > 0 ? value(G + (s * R + j) * G, g) / population : 0));
    });
    return out;
  };
  const areas = engine.areas.names.map((name, g) => ({ name, share: shares(g) }));
  if (engine.hasOutside) areas.push({ name: OUTSIDE_AREAS, share: shares(A) });
  return { radii, keys, total: shares(G), areas };
}
