export * from './types.ts';
export { InputError, formatIssue, plainText } from './input-error.ts';
export { toWgs84, fromWgs84, CRS_NAMES } from './crs.ts';
export { haversineM, radiusBoxes, EARTH_RADIUS_M } from './haversine.ts';
export { splitServices } from './services.ts';
export { parseHalls, looksLikeJson, ALL_KEY, CAPACITY_FIELD, type ParseHallsOptions } from './parse-halls.ts';
export { gapKey } from './gap-key.ts';
export { parsePopulation, POLYGON_UNITS_MAX, type ParsePopulationOptions } from './parse-population.ts';
export { parseAreas, type ParseAreasOptions } from './parse-areas.ts';
export { PolygonIndex } from './polygon-index.ts';
export { areaIndexes, assignAreas } from './assign-areas.ts';
export { nearestHallDistances, hallIndex } from './nearest-hall.ts';
export { weightedQuantiles, type Quantiles } from './weighted-quantiles.ts';
export { compensatedSum, SumAccumulators } from './compensated-sum.ts';
export { CoverageEngine } from './engine.ts';
export { levelParents } from './level-parents.ts';
export { statsReport, levelStats, type AreaLevel, type ReportOptions } from './stats-report.ts';
export { statsJson } from './stats-json.ts';
export { withGroups } from './stats-groups.ts';
export { distanceDistribution, type DistanceDistribution } from './distance-distribution.ts';
export { checkTarget, meetsTarget, withTarget } from './stats-target.ts';
export { accessSums, hallLoads, hallServed, servedByGroup, servedFractions, withCapacity, type CapacityResult, type CapacityUnits } from './capacity.ts';
export { unitsWithin, UnitList } from './units-within.ts';
export { coarsenGrid, gapGrid, GAP_CELLS_MAX, withinCells, type GapGrid } from './gap-grid.ts';
export { gapZones } from './gaps.ts';
export { outlineCells } from './cell-outline.ts';
export { analyze } from './analyze.ts';
export { decodeText } from './decode-text.ts';
export { fitCheck, FIT_MIN_SHARE, NEAR_M, type FitInput, type FitWarning } from './fit-check.ts';
export { assignRoles, FILE_ROLES, guessRole, type FileRole, type RoleEvidence, type RoleGuess, type RoleSignal } from './guess-role.ts';
export { FeatureStream, parsePopulationChunks, StreamFallback, streamFeatures } from './stream-features.ts';
export { PopulationBuilder } from './parse-population.ts';
export { suggestSites, type SuggestUnits, type SiteCandidates, type SuggestAreaFilter, type SuggestOptions, type SuggestedSite, type SiteSuggestion } from './suggest-sites.ts';
export { exactSites, EXACT_MCLP_MAX_CANDIDATES, type ExactSolution } from './exact-mclp.ts';
export { IncrementalCoverage, type CoverageUnits, type WhatIfHall, type CoverageHalls } from './incremental-coverage.ts';
// Network distance is imported from './network/index.ts' itself, not re-exported
// here: the browser's worker reaches this index at start, and the network code
// is fetched on first use (src/worker/network.ts).
