// The coverage engine: built once from parsed halls, population and areas
// (all plain typed arrays, so a worker can receive them by structured clone),
// then answers stats and gaps for any radius and service selection.
//
// The expensive, radius-independent part, the exact distance from every unit
// to its nearest hall of each service, is computed once per service and
// cached; coverage at radius r is then nearest <= r, a single pass.
import { areaIndexes, assignAreas } from '../geo/assign-areas';
import { gapGrid, type GapGrid } from './gap-grid';
import { gapZones } from './gaps';
import { accessSums, hallLoads, servedByGroup, withCapacity, type CapacityResult, type CapacityUnits } from './capacity';
import { compensatedSum, SumAccumulators } from './compensated-sum';
import { hallIndex, nearestHallDistances, unitCells, type UnitCells } from '../geo/nearest-hall';
import { ALL_KEY } from '../services';
import type { AreaSet, AreaStats, CoverageOptions, GapCollection, HallSet, PopulationSet, Stats } from '../types';
import { OUTSIDE_AREAS } from '../types';
import type { WhatIfHall } from './incremental-coverage';
import { unitCosines } from '../geo/units-within';
import { weightedQuantiles, type Quantiles } from './weighted-quantiles';
import { GAP_CELLS_MAX } from '../limits';

/** Coverage of population units by halls, per service and per area. */
export class CoverageEngine {
  /** All services offered by at least one hall, sorted. */
  readonly services: string[];
  readonly halls: HallSet;
  readonly population: PopulationSet;
  readonly areas: AreaSet;
  /** Area of each population unit (file order index), -1 outside every area. */
  readonly unitArea: Int32Array;
  /** Area of each hall, -1 outside every area. */
  readonly hallArea: Int32Array;
  /** Whether some unit lies outside every area (then the OUTSIDE_AREAS bucket is listed). */
  readonly hasOutside: boolean;

  private grid: GapGrid | null = null;
  private cells: UnitCells | null = null;
  private unitCos: Float64Array | null = null;
  private nearestCache = new Map<string, Float64Array>();
  private nearestHallCache = new Map<string, Int32Array>();
  private readonly areaViews = new WeakMap<AreaSet, CoverageEngine>();
  private readonly quantileCache = new Map<string, { areas: Quantiles[]; total: Quantiles }>();

  /** Most populated cells of the gap grid; denser data gets coarser gap cells (see gap-grid.ts). */
  protected readonly gapCellsMax: number;

  /** `assigned`: the areas of units and halls when already known (a view of another engine over the same areas). */
  constructor(
    halls: HallSet,
    population: PopulationSet,
    areas: AreaSet,
    opts: { gapCellsMax?: number; assigned?: { unitArea: Int32Array; hallArea: Int32Array } } = {},
  ) {
    this.gapCellsMax = opts.gapCellsMax ?? GAP_CELLS_MAX;
    this.halls = halls;
    this.population = population;
    this.areas = areas;
    this.services = [...new Set(halls.services.flat())].sort();
    const indexes = opts.assigned ? [] : areaIndexes(areas);
    this.unitArea = opts.assigned?.unitArea ?? assignAreas(population.lng, population.lat, indexes);
    this.hallArea = opts.assigned?.hallArea ?? assignAreas(halls.lng, halls.lat, indexes);
    this.hasOutside = this.unitArea.some((a) => a < 0);
  }

  /**
   * The same halls and people tabulated by other areas (a further level, e.g.
   * communities): its stats are those of an engine built with `areas`, and it
   * shares this engine's nearest-hall distances, which do not depend on areas.
   */
  forAreas(areas: AreaSet): CoverageEngine {
    // One view per area set: assigning units to areas is the costly part, and an app asks again at every radius.
    let view = this.areaViews.get(areas);
    if (view === undefined) {
      view = this.derive(this.population, areas);
      this.areaViews.set(areas, view);
    }
    return view;
  }

  /**
   * The same units and areas with another weight per unit (a group of people,
   * e.g. aged 65+): its stats count that weight by the very same code path;
   * nearest-hall distances are shared.
   */
  forWeight(weight: Float64Array): CoverageEngine {
    if (weight.length !== this.population.count) throw new RangeError(`weight has ${weight.length} entries, the population ${this.population.count} units`);
    const population = { ...this.population, weight, total: compensatedSum(weight) };
    return this.derive(population, this.areas, { unitArea: this.unitArea, hallArea: this.hallArea });
  }

  /**
   * An engine over the same halls and unit positions, sharing this one's
   * nearest-hall distances (they depend on neither areas nor weights). An
   * engine that measures distance otherwise overrides it, so its views
   * measure the same way.
   */
  protected derive(population: PopulationSet, areas: AreaSet, assigned?: { unitArea: Int32Array; hallArea: Int32Array }): CoverageEngine {
    const e = new CoverageEngine(this.halls, population, areas, { gapCellsMax: this.gapCellsMax, assigned });
    e.nearestCache = this.nearestCache;
    e.nearestHallCache = this.nearestHallCache;
    return e;
  }

  /**
   * An engine on other halls (`hallArea`: their areas) over the same people and
   * areas, measuring distance as this one does: what a scenario's halls give.
   */
  withHalls(halls: HallSet, hallArea: Int32Array): CoverageEngine {
    return new CoverageEngine(halls, this.population, this.areas, { assigned: { unitArea: this.unitArea, hallArea } });
  }

  /** Distance in metres from each unit to the nearest hall offering `service` (Infinity if none); cached. */
  nearest(service: string): Float64Array {
    let d = this.nearestCache.get(service);
    if (d === undefined) {
      const ids = this.hallsOffering(service);
      const lng = Float64Array.from(ids, (h) => this.halls.lng[h]);
      const lat = Float64Array.from(ids, (h) => this.halls.lat[h]);
      const which = new Int32Array(this.population.count);
      d = nearestHallDistances(this.population.lng, this.population.lat, lng, lat, hallIndex(lng, lat), this.unitCells(), which);
      // Positions among this service's halls become positions in the file (ids ascend, so ties still go to the first).
      for (let u = 0; u < which.length; u++) if (which[u] >= 0) which[u] = ids[which[u]];
      this.nearestCache.set(service, d);
      this.nearestHallCache.set(service, which);
    }
    return d;
  }

  /** Per unit, the nearest hall offering `service` (position in the halls file; the first of equally near ones), -1 if none; cached. */
  nearestHall(service: string): Int32Array {
    this.nearest(service);
    const which = this.nearestHallCache.get(service);
    // An engine whose nearest() measures otherwise overrides nearestHall too.
    if (which === undefined) throw new Error('no nearest halls recorded for this service');
    return which;
  }

  /**
   * Loads, served people and 2SFCA sums per requested service at `radiusM`
   * (see capacity.ts), for the halls' capacities or the ones given (a
   * capacity per hall, Infinity = unlimited; e.g. one typed by the user).
   * Add them to the stats with withCapacity.
   */
  capacity(opts: CoverageOptions, capacity: Float64Array = this.halls.capacity ?? new Float64Array(this.halls.count).fill(Infinity)): CapacityResult {
    const { radiusM } = opts;
    checkRadius(radiusM);
    const services = checkServices(opts.services);
    if (capacity.length !== this.halls.count) throw new RangeError(`capacity has ${capacity.length} values for ${this.halls.count} halls`);
    const units = {
      lng: this.population.lng,
      lat: this.population.lat,
      weight: this.population.weight,
      group: this.groups(),
      groups: this.areas.names.length + 1,
    };
    const result: CapacityResult = { services, capacity, load: byName(), served: byName(), accessSum: byName() };
    const withAccess: string[] = [];
    const offering: Int32Array[] = [];
    for (const s of services) {
      const d = this.nearest(s);
      const which = this.nearestHall(s);
      const load = hallLoads(units.weight, d, which, radiusM, this.halls.count);
      result.load[s] = load;
      result.served[s] = servedByGroup(units, d, which, radiusM, load, capacity);
      const ids = Int32Array.from(this.hallsOffering(s));
      // 2SFCA needs every hall's capacity: one unlimited hall makes it undefined.
      if (ids.every((h) => Number.isFinite(capacity[h]))) {
        withAccess.push(s);
        offering.push(ids);
      } else result.accessSum[s] = null;
    }
    if (withAccess.length > 0) {
      const sums = this.accessSums(units, capacity, offering, radiusM);
      withAccess.forEach((s, k) => (result.accessSum[s] = sums[k]));
    }
    return result;
  }

  /** 2SFCA sums (capacity.ts) with "within radiusM" as this engine measures distance; an engine that measures otherwise overrides it. */
  protected accessSums(units: CapacityUnits, capacity: Float64Array, offering: Int32Array[], radiusM: number): Float64Array[] {
    this.unitCos ??= unitCosines(this.population.lat);
    return accessSums(units, this.unitCells(), this.unitCos, this.halls.lng, this.halls.lat, capacity, offering, radiusM);
  }

  /** The stats with capacity analysis: stats(opts) plus the fields of capacity(opts, capacity), see withCapacity. */
  capacityStats(opts: CoverageOptions, capacity?: Float64Array): Stats {
    return withCapacity(this.stats(opts), this.capacity(opts, capacity), this.halls, this.areas.names.length);
  }

  // One cell grid for all services, sized for the average hall count per service.
  private unitCells(): UnitCells {
    const perService = Math.max(1, this.halls.services.reduce((k, s) => k + s.length, 0) / Math.max(1, this.services.length));
    this.cells ??= unitCells(this.population.lng, this.population.lat, perService);
    return this.cells;
  }

  private hallsOffering(service: string): number[] {
    const ids: number[] = [];
    for (let h = 0; h < this.halls.count; h++) if (this.halls.services[h].includes(service)) ids.push(h);
    return ids;
  }

  /**
   * Per unit, the largest of its nearest-hall distances over `services`: the
   * smallest radius at which it is covered by every one of them. Infinity when
   * `services` is empty ("all" of nothing covers nobody).
   */
  nearestAll(services: readonly string[]): Float64Array {
    const key = `${ALL_KEY}\u0000${services.join('\u0000')}`;
    let d = this.nearestCache.get(key);
    if (d === undefined) {
      d = farthest(
        this.population.count,
        services.map((s) => this.nearest(s)),
      );
      this.nearestCache.set(key, d);
    }
    return d;
  }

  /**
   * 1 per unit covered for `service` at `radiusM` metres ('all' = every
   * service in this.services), with `extraHalls` counted as built beside the
   * loaded halls.
   */
  covered(service: string, radiusM: number, extraHalls: readonly WhatIfHall[] = []): Uint8Array {
    checkRadius(radiusM);
    const all = () =>
      extraHalls.length === 0
        ? this.nearestAll(this.services)
        : farthest(
            this.population.count,
            this.services.map((s) => this.nearestWith(s, extraHalls)),
          );
    const d = service === ALL_KEY ? all() : this.nearestWith(service, extraHalls);
    const out = new Uint8Array(d.length);
    for (let i = 0; i < d.length; i++) out[i] = d[i] <= radiusM ? 1 : 0;
    return out;
  }

  /** Population and covered people per requested service and 'all', in total and per area. */
  stats(opts: CoverageOptions): Stats {
    const { radiusM } = opts;
    checkRadius(radiusM);
    const services = checkServices(opts.services);
    const keys = [...services, ALL_KEY];
    const A = this.areas.names.length;
    const G = A + 1; // groups: areas, then outside
    const n = this.population.count;
    const w = this.population.weight;
    const group = this.groups();
    const dist = keys.map((k) => (k === ALL_KEY ? this.nearestAll(services) : this.nearest(k)));

    // Slot layout: [group] for population, then [(1 + s) * G + group] per key.
    const acc = new SumAccumulators((1 + keys.length) * G);
    for (let i = 0; i < n; i++) {
      const g = group[i];
      const wi = w[i];
      acc.add(g, wi);
      for (let s = 0; s < keys.length; s++) if (dist[s][i] <= radiusM) acc.add((1 + s) * G + g, wi);
    }
    // Totals are compensated sums of the group sums: exact for whole people,
    // within ~1e-16 relative of the straight sum otherwise.
    const sum = (slot0: number) => compensatedSum(Array.from({ length: G }, (_, g) => acc.value(slot0 + g)));
    const value = (slot0: number, g: number) => (g === G ? sum(slot0) : acc.value(slot0 + g));
    const quant = keys.map((k, s) => this.quantiles(k === ALL_KEY ? `${ALL_KEY}\u0000${services.join('\u0000')}` : k, dist[s], group, G));
    const hallCounts = this.hallCounts(services, G);

    const block = (g: number): Omit<AreaStats, 'name'> => {
      const population = value(0, g);
      const covered: Record<string, number> = byName();
      const share: Record<string, number> = byName();
      const nearestHallM: AreaStats['nearestHallM'] = byName();
      keys.forEach((k, s) => {
        covered[k] = value((1 + s) * G, g);
        share[k] = population > 0 ? covered[k] / population : 0;
        nearestHallM[k] = g === G ? quant[s].total : quant[s].areas[g];
      });
      return { population, covered, share, halls: hallCounts[g], nearestHallM };
    };
    const areas: AreaStats[] = this.areas.names.map((name, g) => ({ name, ...block(g) }));
    if (this.hasOutside) areas.push({ name: OUTSIDE_AREAS, ...block(A) });
    return { radius_m: radiusM, services, total: block(G), areas };
  }

  /**
   * Gap zones per requested service, then 'all': uncovered people merged into
   * contiguous zones of the gap grid, one area at a time, ranked by people.
   */
  gaps(opts: CoverageOptions, extraHalls: readonly WhatIfHall[] = []): GapCollection {
    const { radiusM } = opts;
    checkRadius(radiusM);
    const services = checkServices(opts.services);
    // With extra (proposed) halls: each unit's nearest distance is the smaller of the
    // loaded halls' and the extra ones', exactly what an engine built on both gives.
    const dist = new Map(services.map((s) => [s, this.nearestWith(s, extraHalls)]));
    const all = (): Float64Array => (extraHalls.length === 0 ? this.nearestAll(services) : farthest(this.population.count, [...dist.values()]));
    const grid = this.gapGrid();
    const input = {
      lng: this.population.lng,
      lat: this.population.lat,
      weight: this.population.weight,
      group: this.groups(),
      groupNames: [...this.areas.names, OUTSIDE_AREAS],
      grid,
    };
    const features = [...services, ALL_KEY].flatMap((k) => gapZones(input, k, k === ALL_KEY ? all() : dist.get(k)!, radiusM));
    return { type: 'FeatureCollection', features };
  }

  /** nearest(service), with the extra halls offering it counted too (a fresh array when there are any). */
  protected nearestWith(service: string, extra: readonly WhatIfHall[]): Float64Array {
    const base = this.nearest(service);
    const offering = extra.filter((h) => h.services.includes(service));
    if (offering.length === 0) return base;
    const lng = Float64Array.from(offering, (h) => h.lng);
    const lat = Float64Array.from(offering, (h) => h.lat);
    const d = nearestHallDistances(this.population.lng, this.population.lat, lng, lat, hallIndex(lng, lat));
    for (let i = 0; i < d.length; i++) if (base[i] < d[i]) d[i] = base[i];
    return d;
  }

  /** The grid gap zones are drawn on (detected from the population units, coarsened when they are very dense). */
  gapGrid(): GapGrid {
    this.grid ??= gapGrid(this.population.lng, this.population.lat, this.gapCellsMax);
    return this.grid;
  }

  /** Group per unit: its area, or areas.length for outside every area. */
  groups(): Int32Array {
    const A = this.areas.names.length;
    return this.unitArea.map((a) => (a < 0 ? A : a));
  }

  private quantiles(key: string, dist: Float64Array, group: Int32Array, G: number) {
    let q = this.quantileCache.get(key);
    if (q === undefined) {
      const all = weightedQuantiles(dist, this.population.weight, group, G);
      q = { areas: all.slice(0, G), total: all[G] };
      this.quantileCache.set(key, q);
    }
    return q;
  }

  // Halls per group (areas, outside, grand total last), all and per service.
  private hallCounts(services: string[], G: number): AreaStats['halls'][] {
    const out = Array.from({ length: G + 1 }, () => ({
      total: 0,
      byService: Object.assign(byName<number>(), Object.fromEntries(services.map((s) => [s, 0]))),
    }));
    const A = this.areas.names.length;
    for (let h = 0; h < this.halls.count; h++) {
      const g = this.hallArea[h] < 0 ? A : this.hallArea[h];
      for (const slot of [out[g], out[G]]) {
        slot.total++;
        for (const s of this.halls.services[h]) if (Object.hasOwn(slot.byService, s)) slot.byService[s]++;
      }
    }
    return out;
  }
}

// Records keyed by service name, without Object.prototype: a service called
// 'constructor' or '__proto__' is data like any other.
function byName<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function checkRadius(radiusM: number): void {
  if (!(Number.isFinite(radiusM) && radiusM >= 0)) throw new RangeError(`radius must be a finite number of metres >= 0, got ${radiusM}`);
}

// Requested services, de-duplicated and sorted; 'all' is the engine's own key.
/** Per unit, the largest of the services' nearest-hall distances: the smallest radius at which every one covers it (Infinity for no service: "all" of nothing covers nobody). */
function farthest(count: number, perService: readonly Float64Array[]): Float64Array {
  const d = new Float64Array(count).fill(perService.length === 0 ? Infinity : 0);
  for (const ds of perService) for (let i = 0; i < count; i++) if (ds[i] > d[i]) d[i] = ds[i];
  return d;
}

function checkServices(services: readonly string[]): string[] {
  if (services.includes(ALL_KEY)) throw new RangeError(`"${ALL_KEY}" is added by the engine; do not request it`);
  return [...new Set(services)].sort();
}
