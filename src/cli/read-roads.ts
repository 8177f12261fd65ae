// The roads input of `analyze` (issue 17): read whole, parsed into the walking
// network. An OSM PBF extract is not read here (it needs a PBF decoder); the
// message says how to turn one into GeoJSON.
import { CoverageEngine, InputError, NetworkCoverageEngine, RoadNetwork, withDistanceMode, type AreaSet, type Crs, type DistanceMode, type HallSet, type PopulationSet, type Stats } from '../core/index.ts';
import { readWhole } from './read-input.ts';

/** The roads file as a network; InputError (exit 2) for every bad input. */
export function readRoads(path: string, crs: Crs): RoadNetwork {
  if (/\.pbf$/i.test(path)) {
    throw new InputError({ file: path, message: 'OSM PBF is not read by analyze: export the walkable ways to GeoJSON first (see docs/data-format.md, "Roads")' });
  }
  return RoadNetwork.parse(readWhole(path), { file: path, crs });
}

/** The engine for the chosen distance: network distances need the roads. */
export function coverageEngine(halls: HallSet, population: PopulationSet, areas: AreaSet, roads: RoadNetwork | null, mode: DistanceMode): CoverageEngine {
  return mode === 'network' && roads !== null ? new NetworkCoverageEngine(halls, population, areas, roads) : new CoverageEngine(halls, population, areas);
}

/** Stats as written: `"distance"` named whenever roads were given or the mode is network. */
export function statsForMode(stats: Stats, roads: RoadNetwork | null, mode: DistanceMode): Stats {
  return roads !== null || mode === 'network' ? withDistanceMode(stats, mode) : stats;
}
