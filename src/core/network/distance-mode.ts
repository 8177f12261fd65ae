// Which distance the numbers use, named in the stats JSON whenever roads are
// loaded or the mode is network; absent otherwise, so straight-line output
// without roads keeps its bytes.
import { CoverageEngine } from '../coverage/engine';
import type { AreaSet, DistanceMode, HallSet, PopulationSet, Stats } from '../types';
import { NetworkCoverageEngine } from './network-engine';
import type { RoadNetwork } from './road-network';
import { withDistanceMode } from './stats-mode';

export { withDistanceMode };

export const DISTANCE_MODES: readonly DistanceMode[] = ['straight', 'network'];

/** The engine for the chosen distance: network distances need the roads. */
export function coverageEngine(halls: HallSet, population: PopulationSet, areas: AreaSet, roads: RoadNetwork | null, mode: DistanceMode): CoverageEngine {
  return mode === 'network' && roads !== null ? new NetworkCoverageEngine(halls, population, areas, roads) : new CoverageEngine(halls, population, areas);
}

/** Stats as written: `"distance"` named whenever roads were given or the mode is network. */
export function statsForMode(stats: Stats, roads: RoadNetwork | null, mode: DistanceMode): Stats {
  return roads !== null || mode === 'network' ? withDistanceMode(stats, mode) : stats;
}
