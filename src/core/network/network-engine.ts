// The coverage engine with network (walking) distances: the same stats, gap
// zones and quantiles as CoverageEngine, only each unit's distance to the
// nearest hall of a service is measured along the roads (shortest-paths.ts).
// Access points of halls and units are found once; each service costs one
// unbounded multi-source search, cached, so any radius reuses it.
import { CoverageEngine } from '../coverage/engine';
import type { WhatIfHall } from '../coverage/incremental-coverage';
import type { AreaSet, HallSet, PopulationSet } from '../types';
import type { AccessPoints } from './access';
import type { RoadNetwork } from './road-network';
import { nodeDistances, seedsByEdge, unitDistances } from './shortest-paths';
import { unitsOnEdges, unitsWithinNetwork, type UnitsOnEdges } from './units-within-network';
import { accessSumsWithin, type CapacityUnits } from '../coverage/capacity';

export class NetworkCoverageEngine extends CoverageEngine {
  readonly network: RoadNetwork;
  readonly hallAccess: AccessPoints;
  readonly unitAccess: AccessPoints;
  private readonly networkCache: Map<string, { dist: Float64Array; hall: Int32Array }>;
  private unitsByEdge: UnitsOnEdges | null = null;

  /**
   * `shared`: access points and distances of an engine over the same halls and unit positions (a view, see derive);
   * `unitAccess`: the units' access points when already found (an engine on other halls, see withHalls).
   */
  constructor(
    halls: HallSet,
    population: PopulationSet,
    areas: AreaSet,
    network: RoadNetwork,
    opts: {
      gapCellsMax?: number;
      assigned?: { unitArea: Int32Array; hallArea: Int32Array };
      shared?: NetworkCoverageEngine;
      unitAccess?: AccessPoints;
    } = {},
  ) {
    super(halls, population, areas, opts);
    this.network = network;
    this.hallAccess = opts.shared?.hallAccess ?? network.access(halls.lng, halls.lat);
    this.unitAccess = opts.shared?.unitAccess ?? opts.unitAccess ?? network.access(population.lng, population.lat);
    this.networkCache = opts.shared?.networkCache ?? new Map();
  }

  /** Views (further area levels, groups of people) measure along the roads too, sharing these distances. */
  protected override derive(population: PopulationSet, areas: AreaSet, assigned?: { unitArea: Int32Array; hallArea: Int32Array }): CoverageEngine {
    return new NetworkCoverageEngine(this.halls, population, areas, this.network, { gapCellsMax: this.gapCellsMax, assigned, shared: this });
  }

  /** Other halls (a scenario's) along the same roads: their access points found, the units' reused. */
  override withHalls(halls: HallSet, hallArea: Int32Array): CoverageEngine {
    return new NetworkCoverageEngine(halls, this.population, this.areas, this.network, {
      assigned: { unitArea: this.unitArea, hallArea },
      unitAccess: this.unitAccess,
    });
  }

  /** Network distance in metres from each unit to the nearest hall offering `service` (Infinity if none reaches it); cached. */
  override nearest(service: string): Float64Array {
    return this.search(service).dist;
  }

  /** Per unit, the hall offering `service` nearest along the roads (position in the halls file; the first of equally near ones), -1 if none reaches it; cached. */
  override nearestHall(service: string): Int32Array {
    return this.search(service).hall;
  }

  /** 2SFCA with "within radiusM" along the roads: one search per hall, bounded by the radius. */
  protected override accessSums(units: CapacityUnits, capacity: Float64Array, offering: Int32Array[], radiusM: number): Float64Array[] {
    const g = this.network.graph;
    this.unitsByEdge ??= unitsOnEdges(g, this.unitAccess);
    const on = this.unitsByEdge;
    const seen = new Int32Array(g.edgeCount).fill(-1);
    return accessSumsWithin(units, (h, near) => unitsWithinNetwork(g, this.hallAccess, h, this.unitAccess, on, radiusM, near, seen, h), capacity, offering);
  }

  // One search per service gives both the distances and the catchments.
  private search(service: string): { dist: Float64Array; hall: Int32Array } {
    let r = this.networkCache.get(service);
    if (r === undefined) {
      const seeds: number[] = [];
      for (let h = 0; h < this.halls.count; h++) if (this.halls.services[h].includes(service)) seeds.push(h);
      const hall = new Int32Array(this.unitAccess.count);
      r = { dist: networkDistances(this.network, this.hallAccess, seeds, this.unitAccess, Infinity, hall), hall };
      this.networkCache.set(service, r);
    }
    return r;
  }

  /** nearest(service) with the extra (proposed) halls offering it joined to the network too. */
  protected override nearestWith(service: string, extra: readonly WhatIfHall[]): Float64Array {
    const base = this.nearest(service);
    const offering = extra.filter((h) => h.services.includes(service));
    if (offering.length === 0) return base;
    const access = this.network.access(
      Float64Array.from(offering, (h) => h.lng),
      Float64Array.from(offering, (h) => h.lat),
    );
    const d = networkDistances(
      this.network,
      access,
      offering.map((_, k) => k),
      this.unitAccess,
    );
    for (let i = 0; i < d.length; i++) if (base[i] < d[i]) d[i] = base[i];
    return d;
  }
}

/**
 * Network distance from each unit to the nearest of the `seeds` halls (indexes into `halls`), metres; Infinity beyond `boundM`.
 * `unitHall`, when given (one per unit), receives that hall's index (the first of equally near ones, see shortest-paths.ts), -1 for none.
 */
export function networkDistances(
  network: RoadNetwork,
  halls: AccessPoints,
  seeds: readonly number[],
  units: AccessPoints,
  boundM = Infinity,
  unitHall?: Int32Array,
): Float64Array {
  const g = network.graph;
  const nodeHall = new Int32Array(g.nodeCount);
  const node = nodeDistances(g, halls, seeds, boundM, nodeHall);
  return unitDistances(g, node, halls, seedsByEdge(g, halls, seeds), units, boundM, unitHall && { nodeHall, unitHall });
}
