export * from './types';
export { InputError, formatIssue, plainText } from './input/input-error';
export { toWgs84, fromWgs84, CRS_NAMES } from './crs/crs';
export { haversineM, radiusBoxes, EARTH_RADIUS_M } from './geo/haversine';
export { ALL_KEY, splitServices } from './services';
export { parseHalls, looksLikeJson, CAPACITY_FIELD, type ParseHallsOptions } from './input/parse-halls';
export { gapKey } from './coverage/gap-key';
export { parsePopulation, type ParsePopulationOptions } from './input/parse-population';
export { parseAreas, type ParseAreasOptions } from './input/parse-areas';
export { PolygonIndex } from './geo/polygon-index';
export { areaIndexes, assignAreas } from './geo/assign-areas';
export { nearestHallDistances, hallIndex } from './geo/nearest-hall';
export { weightedQuantiles, type Quantiles } from './coverage/weighted-quantiles';
export { compensatedSum, SumAccumulators } from './coverage/compensated-sum';
export { CoverageEngine } from './coverage/engine';
export { levelParents } from './coverage/level-parents';
export { statsReport, levelStats, type AreaLevel, type ReportOptions } from './export/stats-report';
export { statsJson } from './export/stats-json';
export { groupEngine, groupFieldsOf, withGroups } from './coverage/stats-groups';
export { distanceDistribution, type DistanceDistribution } from './coverage/distance-distribution';
export { checkTarget, meetsTarget, withTarget } from './coverage/stats-target';
export { accessSums, hallLoads, hallServed, servedByGroup, servedFractions, withCapacity, type CapacityResult, type CapacityUnits } from './coverage/capacity';
export { unitsWithin, UnitList } from './geo/units-within';
export { coarsenGrid, gapGrid, withinCells, type GapGrid } from './coverage/gap-grid';
export { gapZones } from './coverage/gaps';
export { outlineCells } from './coverage/cell-outline';
export { decodeText } from './input/decode-text';
export { fitCheck, FIT_MIN_SHARE, NEAR_M, type FitInput, type FitWarning } from './input/fit-check';
export { assignRoles, guessRole, type RoleEvidence, type RoleGuess, type RoleSignal } from './input/guess-role';
export { FeatureStream, parsePopulationChunks, StreamFallback, streamFeatures } from './input/stream-features';
export { PopulationBuilder } from './input/parse-population';
export {
  suggestSites,
  type SuggestUnits,
  type SiteCandidates,
  type SuggestAreaFilter,
  type SuggestOptions,
  type SuggestedSite,
  type SiteSuggestion,
} from './planning/suggest-sites';
export { IncrementalCoverage, type CoverageUnits, type WhatIfHall, type CoverageHalls } from './coverage/incremental-coverage';
// Network distance is imported from './network' itself, not re-exported
// here: the browser's worker reaches this index at start, and the network code
// is fetched on first use (src/worker/network.ts).
export { BROWSER_FILE_MAX_BYTES, GAP_CELLS_MAX, POLYGON_UNITS_MAX, formatMiB } from './limits';
