// Two scenarios (方案) of proposed halls side by side: each one's numbers are
// a full engine run on the loaded halls plus its proposed halls (the same
// CoverageEngine.stats, or capacityStats when the halls carry capacities), so
// every B − A is the difference of two fresh recomputations, not an
// incremental estimate. The map's difference zones are the people one
// scenario covers and the other does not, merged like gap zones.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { areaIndexes, assignAreas } from '../geo/assign-areas';
import type { CoverageEngine } from '../coverage/engine';
import { gapZones } from '../coverage/gaps';
import { ALL_KEY } from '../services';
import { OUTSIDE_AREAS, type AreaStats, type CoverageOptions, type HallSet, type Stats } from '../types';

/** A proposed hall of a scenario; a `capacity` (people, ≥ 0) counts when the loaded halls carry capacities, else it is unlimited. */
export interface ScenarioHall {
  lng: number; // degrees, WGS84
  lat: number; // degrees, WGS84
  services: readonly string[];
  name?: string;
  capacity?: unknown;
}

/** One scenario's figures for one key (a service, or 'all'). */
export interface ScenarioFigures {
  covered: number; // people
  share: number; // covered / population, 0 without people
  /** With capacity analysis, per service (never 'all'): people whose nearest hall has room, and those it has not. */
  served?: number;
  over_capacity?: number;
}

export interface ComparedArea {
  name: string; // as in Stats.areas ('' for the total)
  population: number;
  a: Record<string, ScenarioFigures>;
  b: Record<string, ScenarioFigures>;
  /** B − A, field by field. */
  diff: Record<string, ScenarioFigures>;
}

export interface ScenarioComparison {
  radius_m: number;
  services: string[];
  keys: string[]; // services, then 'all'
  capacity: boolean;
  areas: ComparedArea[];
  total: ComparedArea;
}

/** Where B covers people A does not ('gained') and the reverse ('lost'), per key. */
export type DifferenceZone = Feature<Polygon | MultiPolygon, { service: string; area: string; population: number; side: 'gained' | 'lost' }>;

/** The loaded halls followed by the scenario's (capacities appended when the loaded halls have them). */
export function hallsWith(halls: HallSet, extra: readonly ScenarioHall[]): HallSet {
  const cat = (a: Float64Array, b: number[]) => Float64Array.from([...a, ...b]);
  return {
    count: halls.count + extra.length,
    lng: cat(
      halls.lng,
      extra.map((h) => h.lng),
    ),
    lat: cat(
      halls.lat,
      extra.map((h) => h.lat),
    ),
    name: [...halls.name, ...extra.map((h) => h.name ?? '')],
    services: [...halls.services, ...extra.map((h) => [...new Set(h.services)])],
    properties: [...halls.properties, ...extra.map(() => ({}))],
    ...(halls.capacity ? { capacity: cat(halls.capacity, extra.map(capacityOf)) } : {}),
  };
}

const capacityOf = (h: ScenarioHall): number => (typeof h.capacity === 'number' && h.capacity >= 0 && !Number.isNaN(h.capacity) ? h.capacity : Infinity);

/** An engine on the loaded plus the scenario's halls, over the same people and areas (their assignment reused). */
export function scenarioEngine(engine: CoverageEngine, extra: readonly ScenarioHall[]): CoverageEngine {
  const halls = hallsWith(engine.halls, extra);
  const extraArea = assignAreas(
    Float64Array.from(extra, (h) => h.lng),
    Float64Array.from(extra, (h) => h.lat),
    areaIndexes(engine.areas),
  );
  const hallArea = Int32Array.from([...engine.hallArea, ...extraArea]);
  // The engine's own kind: a walking engine gives one measuring along the same roads.
  return engine.withHalls(halls, hallArea);
}

/**
 * Scenario engines by their halls, the last few kept: comparing again (another
 * radius or service, or one side changed) reuses the other side's engine and
 * its cached nearest-hall distances. Each is still a whole engine on its halls.
 */
export class ScenarioEngines {
  private readonly cache = new Map<string, CoverageEngine>();

  constructor(
    readonly engine: CoverageEngine,
    private readonly keep = 4,
  ) {}

  get(extra: readonly ScenarioHall[]): CoverageEngine {
    const key = JSON.stringify(extra.map((h) => [h.lng, h.lat, [...new Set(h.services)].sort(), h.name ?? '', capacityOf(h)]));
    let e = this.cache.get(key);
    if (e) this.cache.delete(key);
    else e = scenarioEngine(this.engine, extra);
    this.cache.set(key, e); // most recent last
    while (this.cache.size > this.keep) this.cache.delete(this.cache.keys().next().value!);
    return e;
  }
}

/**
 * A scenario's stats: the engine's own, with capacity analysis when the loaded halls carry capacities
 * and `capacity` allows (catchments in the engine's distance, straight or walking).
 */
export function scenarioStats(
  engine: CoverageEngine,
  opts: CoverageOptions,
  extra: readonly ScenarioHall[],
  engines = new ScenarioEngines(engine),
  capacity = true,
): Stats {
  const e = engines.get(extra);
  return capacity && engine.halls.capacity ? e.capacityStats(opts) : e.stats(opts);
}

function figures(block: Omit<AreaStats, 'name'>, key: string): ScenarioFigures {
  const f: ScenarioFigures = { covered: block.covered[key], share: block.share[key] };
  if (block.served && key in block.served) f.served = block.served[key];
  if (block.over_capacity && key in block.over_capacity) f.over_capacity = block.over_capacity[key];
  return f;
}

function minus(b: ScenarioFigures, a: ScenarioFigures): ScenarioFigures {
  const d: ScenarioFigures = { covered: b.covered - a.covered, share: b.share - a.share };
  if (b.served !== undefined && a.served !== undefined) d.served = b.served - a.served;
  if (b.over_capacity !== undefined && a.over_capacity !== undefined) d.over_capacity = b.over_capacity - a.over_capacity;
  return d;
}

/** A and B's stats (same data, radius and services) side by side, with B − A. */
export function compareStats(a: Stats, b: Stats): ScenarioComparison {
  if (a.radius_m !== b.radius_m || a.services.join('\u0000') !== b.services.join('\u0000') || a.areas.length !== b.areas.length) {
    throw new Error('the two scenarios were computed for different radii, services or areas');
  }
  const keys = [...a.services, ALL_KEY];
  const row = (name: string, x: Omit<AreaStats, 'name'>, y: Omit<AreaStats, 'name'>): ComparedArea => {
    const fa = Object.fromEntries(keys.map((k) => [k, figures(x, k)]));
    const fb = Object.fromEntries(keys.map((k) => [k, figures(y, k)]));
    return { name, population: x.population, a: fa, b: fb, diff: Object.fromEntries(keys.map((k) => [k, minus(fb[k], fa[k])])) };
  };
  return {
    radius_m: a.radius_m,
    services: [...a.services],
    keys,
    capacity: a.total.served !== undefined,
    areas: a.areas.map((x, i) => row(x.name, x, b.areas[i])),
    total: row('', a.total, b.total),
  };
}

/** Compare two scenarios (their proposed halls) on the engine's data: two full runs, then B − A. */
export function compareScenarios(
  engine: CoverageEngine,
  opts: CoverageOptions,
  a: readonly ScenarioHall[],
  b: readonly ScenarioHall[],
  engines = new ScenarioEngines(engine),
  capacity = true,
): ScenarioComparison {
  return compareStats(scenarioStats(engine, opts, a, engines, capacity), scenarioStats(engine, opts, b, engines, capacity));
}

/**
 * Zones of people covered in B but not in A ('gained') and in A but not in B
 * ('lost'), for each requested service and 'all', on the engine's gap grid.
 * Per area, a key's gained minus lost people equals its B − A covered people.
 */
export function differenceZones(
  engine: CoverageEngine,
  opts: CoverageOptions,
  a: readonly ScenarioHall[],
  b: readonly ScenarioHall[],
  engines = new ScenarioEngines(engine),
): DifferenceZone[] {
  const { radiusM } = opts;
  const services = [...new Set(opts.services)].sort();
  const ea = engines.get(a);
  const eb = engines.get(b);
  const input = {
    lng: engine.population.lng,
    lat: engine.population.lat,
    weight: engine.population.weight,
    group: engine.groups(),
    groupNames: [...engine.areas.names, OUTSIDE_AREAS],
    grid: engine.gapGrid(),
  };
  const dist = (e: CoverageEngine, k: string) => (k === ALL_KEY ? e.nearestAll(services) : e.nearest(k));
  const out: DifferenceZone[] = [];
  for (const k of [...services, ALL_KEY]) {
    const da = dist(ea, k);
    const db = dist(eb, k);
    for (const side of ['gained', 'lost'] as const) {
      // gapZones merges the units "beyond the radius": mark those that one scenario covers and the other does not.
      const marked = Float64Array.from(da, (x, u) => {
        const inA = x <= radiusM;
        const inB = db[u] <= radiusM;
        return (side === 'gained' ? inB && !inA : inA && !inB) ? 1 : 0;
      });
      for (const f of gapZones(input, k, marked, 0.5)) {
        out.push({ type: 'Feature', geometry: f.geometry, properties: { service: k, area: f.properties.area, population: f.properties.population, side } });
      }
    }
  }
  return out;
}
