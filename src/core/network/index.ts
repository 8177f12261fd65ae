export { parseRoads, type ParseRoadsOptions, type RoadLines } from './parse-roads';
export { buildRoadGraph, type RoadGraph } from './road-graph';
export { accessPoints, edgeGrid, projectOnEdge, type AccessPoints, type EdgeGrid } from './access';
export { nodeDistances, seedsByEdge, unitDistances, type SeedsByEdge } from './shortest-paths';
export { RoadNetwork } from './road-network';
export { NetworkCoverageEngine, networkDistances } from './network-engine';
export { coverageEngine, DISTANCE_MODES, statsForMode, withDistanceMode } from './distance-mode';
