// Capacity and load. For service S at radius r each population
// unit belongs to the nearest hall offering S within r (ties: first in the
// halls file), nearest by the engine's distance: straight line, or along the
// roads (src/core/network); a hall's load is the population of that catchment, and it
// serves the fraction f = min(1, capacity / load) of it. The 2SFCA
// accessibility (two-step floating catchment area) spreads each hall's
// capacity over everyone within r of it, whatever their catchment.
//
// The functions here take flat typed arrays, so the worker can call them on
// the engine's cached nearest-hall arrays for any radius without re-reading
// anything; CoverageEngine.capacity wires them up, in either distance mode.
import { compensatedSum, SumAccumulators } from './compensated-sum';
import type { UnitCells } from '../geo/nearest-hall';
import type { AreaStats, HallLoad, HallSet, Stats } from '../types';
import { UnitList, unitsWithin } from '../geo/units-within';

/** Population units with their group (area index, or the number of areas for outside every area). */
export interface CapacityUnits {
  lng: Float64Array;
  lat: Float64Array;
  weight: Float64Array;
  group: Int32Array;
  groups: number; // areas + 1 (outside)
}

/** Capacity results per requested service, at one radius; hall arrays are indexed by position in the halls file. */
export interface CapacityResult {
  services: string[];
  capacity: Float64Array; // per hall, Infinity = unlimited
  /** Per service and hall: people in its catchment (0 for a hall not offering the service). */
  load: Record<string, Float64Array>;
  /** Per service and group: people served (Σ p·f). */
  served: Record<string, Float64Array>;
  /** Per service and group: Σ p·A, A in capacity per person; null when some hall offering the service has no capacity. */
  accessSum: Record<string, Float64Array | null>;
}

/**
 * Load of every hall for one service: the people whose nearest hall offering
 * it (`nearestHall`, file positions, -1 for none) is within `radiusM`
 * (`nearestM`), summed per hall.
 */
export function hallLoads(weight: Float64Array, nearestM: Float64Array, nearestHall: Int32Array, radiusM: number, hallCount: number): Float64Array {
  const acc = new SumAccumulators(hallCount);
  for (let u = 0; u < weight.length; u++) if (nearestM[u] <= radiusM) acc.add(nearestHall[u], weight[u]);
  return Float64Array.from({ length: hallCount }, (_, h) => acc.value(h));
}

/** Served fraction per hall: min(1, capacity / load), 1 when the load is 0 or the capacity unlimited. */
export function servedFractions(load: Float64Array, capacity: Float64Array): Float64Array {
  return load.map((l, h) => (l > capacity[h] ? capacity[h] / l : 1));
}

/** People a hall serves: min(load, capacity), exact (no division). */
export function hallServed(load: number, capacity: number): number {
  return load > capacity ? capacity : load;
}

/**
 * Served people per group: Σ p·f over units in range, f of their nearest hall.
 * Units of a hall with room count whole. A full hall's capacity is shared out
 * over the groups its catchment spans, cap·L_g/L, so a catchment within one
 * group serves exactly its capacity (not a sum of p·cap/L that rounds).
 */
export function servedByGroup(
  units: CapacityUnits,
  nearestM: Float64Array,
  nearestHall: Int32Array,
  radiusM: number,
  load: Float64Array,
  capacity: Float64Array,
): Float64Array {
  const G = units.groups;
  const H = load.length;
  const { weight, group } = units;
  const acc = new SumAccumulators(G);
  // Units of full halls, grouped by hall (counting sort, unit order kept within a hall).
  const start = new Int32Array(H + 1);
  for (let u = 0; u < weight.length; u++) {
    if (!(nearestM[u] <= radiusM)) continue;
    const h = nearestHall[u];
    if (load[h] > capacity[h]) start[h + 1]++;
    else acc.add(group[u], weight[u]);
  }
  for (let h = 0; h < H; h++) start[h + 1] += start[h];
  const fill = start.slice(0, H);
  const full = new Int32Array(start[H]);
  for (let u = 0; u < weight.length; u++) {
    if (!(nearestM[u] <= radiusM)) continue;
    const h = nearestHall[u];
    if (load[h] > capacity[h]) full[fill[h]++] = u;
  }
  const part = new SumAccumulators(G);
  const touched: number[] = [];
  for (let h = 0; h < H; h++) {
    if (start[h] === start[h + 1]) continue;
    for (let k = start[h]; k < start[h + 1]; k++) {
      const u = full[k];
      if (!touched.includes(group[u])) touched.push(group[u]); // a catchment spans few groups
      part.add(group[u], weight[u]);
    }
    for (const g of touched) {
      acc.add(g, capacity[h] * (part.value(g) / load[h]));
      part.clear(g);
    }
    touched.length = 0;
  }
  return Float64Array.from({ length: G }, (_, g) => acc.value(g));
}

/**
 * 2SFCA for several services at once, per group: Σ p·A where a unit's A is
 * Σ R_h over the halls offering the service within `radiusM`, and R_h =
 * capacity_h / (people within `radiusM` of h, in any group or catchment), 0
 * when nobody is. `halls[s]` lists the halls offering service s, in file
 * order (so each unit's A is summed in file order). Units are found through
 * the engine's unit cells (`cos`: unitCosines of the units); every hall's
 * neighbourhood is listed once for all its services.
 */
export function accessSums(
  units: CapacityUnits,
  cells: UnitCells,
  cos: Float64Array,
  hLng: Float64Array,
  hLat: Float64Array,
  capacity: Float64Array,
  halls: Int32Array[],
  radiusM: number,
): Float64Array[] {
  return accessSumsWithin(units, (h, near) => unitsWithin(cells, units.lng, units.lat, cos, hLng[h], hLat[h], radiusM, near), capacity, halls);
}

/**
 * accessSums with the units within the radius of hall h listed by
 * `within(h, near)` (fills `near`, returns the count): straight-line or
 * network distance, the same 2SFCA.
 */
export function accessSumsWithin(
  units: CapacityUnits,
  within: (h: number, near: UnitList) => number,
  capacity: Float64Array,
  halls: Int32Array[],
): Float64Array[] {
  const n = units.weight.length;
  const offers = new Map<number, number[]>(); // hall → services (positions in `halls`) it offers
  halls.forEach((ids, s) => ids.forEach((h) => offers.set(h, [...(offers.get(h) ?? []), s])));
  const access = halls.map(() => new Float64Array(n));
  const near = new UnitList();
  const demand = new SumAccumulators(1);
  for (const h of [...offers.keys()].sort((a, b) => a - b)) {
    const m = within(h, near);
    if (m === 0) continue; // no demand: contributes 0
    demand.reset();
    for (let k = 0; k < m; k++) demand.add(0, units.weight[near.ids[k]]);
    const d = demand.value(0);
    const ratio = d > 0 ? capacity[h] / d : 0;
    if (ratio === 0) continue;
    for (const s of offers.get(h)!) {
      const a = access[s];
      for (let k = 0; k < m; k++) a[near.ids[k]] += ratio;
    }
  }
  return access.map((a) => {
    const acc = new SumAccumulators(units.groups);
    for (let u = 0; u < n; u++) acc.add(units.group[u], units.weight[u] * a[u]);
    return Float64Array.from({ length: units.groups }, (_, g) => acc.value(g));
  });
}

// Records keyed by service name, without Object.prototype (as in engine.ts).
function byName<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * The stats with the capacity fields added: per area and in total `served`,
 * `over_capacity`, `out_of_range` and `access_2sfca` per requested service
 * (after the existing fields), and the top-level `halls` list. `stats` and
 * `result` must come from the same engine, radius and services. Over
 * capacity is covered − served, so the two add up to covered; out of range
 * is population − covered, so all three add up to population.
 */
export function withCapacity(stats: Stats, result: CapacityResult, halls: Pick<HallSet, 'count' | 'name' | 'services'>, areaCount: number): Stats {
  const { services } = result;
  // stats.areas: areas in file order, then the outside bucket when listed.
  const groupOf = (k: number) => (k < areaCount ? k : areaCount);
  const block = <T extends Omit<AreaStats, 'name'>>(a: T, g: number | 'total'): T => {
    const served = byName<number>(),
      over = byName<number>(),
      out = byName<number>(),
      access = byName<number | null>();
    for (const s of services) {
      const sv = g === 'total' ? compensatedSum(result.served[s]) : result.served[s][g];
      const covered = a.covered[s];
      served[s] = Math.min(sv, covered);
      over[s] = Math.max(0, covered - served[s]);
      out[s] = a.population - covered;
      const sums = result.accessSum[s];
      const sum = sums === null ? 0 : g === 'total' ? compensatedSum(sums) : sums[g];
      access[s] = sums === null || !(a.population > 0) ? null : (sum / a.population) * 1000;
    }
    return { ...a, served, over_capacity: over, out_of_range: out, access_2sfca: access };
  };
  const hallLoads: HallLoad[] = [];
  for (let h = 0; h < halls.count; h++) {
    for (const s of services) {
      if (!halls.services[h].includes(s)) continue;
      const c = result.capacity[h];
      const load = result.load[s][h];
      hallLoads.push({ index: h, name: halls.name[h], service: s, capacity: Number.isFinite(c) ? c : null, load, served: hallServed(load, c) });
    }
  }
  return {
    ...stats,
    total: block(stats.total, 'total'),
    areas: stats.areas.map((a, k) => block(a, groupOf(k))),
    halls: hallLoads,
  };
}
