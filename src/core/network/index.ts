export { parseRoads, type ParseRoadsOptions, type RoadLines } from './parse-roads.ts';
export { buildRoadGraph, type RoadGraph } from './road-graph.ts';
export { accessPoints, edgeGrid, projectOnEdge, type AccessPoints, type EdgeGrid } from './access.ts';
export { nodeDistances, seedsByEdge, unitDistances, type SeedsByEdge } from './shortest-paths.ts';
export { RoadNetwork } from './road-network.ts';
export { NetworkCoverageEngine, networkDistances } from './network-engine.ts';
export { coverageEngine, DISTANCE_MODES, statsForMode, withDistanceMode } from './distance-mode.ts';
