// Shared data shapes of the engine. The worker, the CLI and the UI all speak
// these; nothing here may depend on the DOM, MapLibre, Svelte or node:*.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

/** Coordinate systems accepted on import. Everything inside the engine is WGS84. */
export type Crs = 'wgs84' | 'gcj02' | 'bd09';

/** The three services of Guangming's halls; data may carry others, kept as given. */
export const KNOWN_SERVICES = ['petition', 'legal-aid', 'psych-support'] as const;

/** The three data sets the app and the CLI read, in the order they are asked for. */
export const DATA_ROLES = ['halls', 'population', 'areas'] as const;
export type DataRole = (typeof DATA_ROLES)[number];
/** Every role a loaded file can have: the three above, and roads (walking distance), which are not guessed but recognised as lines. */
export const FILE_ROLES = [...DATA_ROLES, 'roads'] as const;
export type FileRole = (typeof FILE_ROLES)[number];

/**
 * Halls after import: WGS84, flat typed arrays for the hot loops, and the
 * original properties for display. Index i is the i-th hall in file order.
 */
export interface HallSet {
  count: number;
  lng: Float64Array; // degrees, WGS84
  lat: Float64Array; // degrees, WGS84
  name: string[];
  services: string[][]; // trimmed, de-duplicated, case kept; may be empty
  properties: Record<string, unknown>[];
  /**
   * People each hall can serve, per service it offers (Infinity = unlimited);
   * present only when capacity analysis is on (see parse-halls.ts).
   */
  capacity?: Float64Array;
}

/**
 * Population after import, reduced to weighted units: a population point is
 * one unit; a population polygon becomes many sample units on a fine grid
 * whose weights add up to its population. `area` is filled by assignAreas.
 */
export interface PopulationSet {
  count: number;
  lng: Float64Array; // degrees, WGS84
  lat: Float64Array; // degrees, WGS84
  weight: Float64Array; // people (fractions allowed)
  feature: Int32Array; // index of the source feature in the input file
  /** Total people in the input, summed per feature (not per unit). */
  total: number;
  /** 'points' or 'polygons': what the input held. */
  kind: 'points' | 'polygons';
  /** Groups of people (e.g. aged 65+) per unit, shared like `weight`; only when group fields are read. */
  groups?: { field: string; weight: Float64Array }[];
}

/** Areas (e.g. subdistricts): polygons with a display name, in file order. */
export interface AreaSet {
  names: string[];
  features: Feature<Polygon | MultiPolygon>[];
}

/** Name of the bucket for population outside every area. */
export const OUTSIDE_AREAS = '(outside areas)';

export interface CoverageOptions {
  radiusM: number; // metres, great-circle (haversine, R = 6 371 008.8 m)
  services: string[]; // services to report, sorted; 'all' is added by the engine
}

/** Covered people per requested service, plus 'all' (covered by every one). */
export type CoveredByService = Record<string, number>;

export interface AreaStats {
  name: string;
  population: number;
  covered: CoveredByService;
  /** covered / population per service (0 when population is 0). */
  share: Record<string, number>;
  /** Halls located inside this area, all and per service. */
  halls: { total: number; byService: Record<string, number> };
  /** Population-weighted distance to the nearest hall offering each service, metres. */
  nearestHallM: Record<string, { p50: number; p90: number; max: number }>;
  /** Per service and 'all': share >= the run's target (null without people); only with a target (stats-target.ts). */
  meets_target?: Record<string, boolean | null>;
  /** Per group of people: its population and covered people per service and 'all' (stats-groups.ts). */
  groups?: Record<string, GroupStats>;
  // With capacity analysis only (see capacity.ts); per requested service, never 'all'.
  /** People in range whose nearest hall has room for them: Σ p·f. */
  served?: Record<string, number>;
  /** People in range whose nearest hall is full: Σ p·(1 − f); served + over_capacity = covered. */
  over_capacity?: Record<string, number>;
  /** People with no hall offering the service within the radius: population − covered. */
  out_of_range?: Record<string, number>;
  /** 2SFCA accessibility, capacity per 1 000 residents; null when a hall has no capacity or the area no people. */
  access_2sfca?: Record<string, number | null>;
}

/** One hall and one service it offers, with capacity analysis on. */
export interface HallLoad {
  index: number; // 0-based position in the halls file
  name: string;
  service: string;
  capacity: number | null; // null = unlimited
  load: number; // people in its catchment
  served: number; // min(load, capacity)
}

/** One group's people in a block, counted like the block's population and covered. */
export interface GroupStats {
  population: number;
  covered: CoveredByService;
}

/** How distances are measured: great-circle ('straight') or along a road network ('network'). */
export type DistanceMode = 'straight' | 'network';

export interface Stats {
  radius_m: number;
  /** Present whenever roads are loaded or the mode is network (network/distance-mode.ts). */
  distance?: DistanceMode;
  services: string[];
  total: Omit<AreaStats, 'name'>;
  areas: AreaStats[]; // areas in file order, then OUTSIDE_AREAS when it holds people
  /** Further area levels, coarse to fine (only when asked for; see stats-report.ts). */
  levels?: LevelStats[];
  /** The coverage target, a fraction 0–1 (only when one is given). */
  target?: number;
  /** With capacity analysis only: halls in file order, each with the requested services it offers in `services` order. */
  halls?: HallLoad[];
}

/** An area of a further level: its block as in `areas`, plus its parent. */
export interface LevelAreaStats extends AreaStats {
  /** The first-level area holding most of its people; null when none holds any (and for OUTSIDE_AREAS). */
  parent: string | null;
}

/** One further level of areas, e.g. the communities under the subdistricts. */
export interface LevelStats {
  file: string; // the areas file as given
  field: string; // its name property
  areas: LevelAreaStats[];
}

/** Properties of one gap zone feature in the gap list. */
export interface GapProperties {
  service: string; // a requested service, or 'all'
  area: string;
  population: number; // uncovered people in the zone
  nearest_hall_m: number; // distance from the zone's worst-served person to the nearest hall offering the service
  rank: number; // 1 = largest zone of this service
  centroid: [number, number]; // population-weighted [lng, lat]
}

export type GapCollection = FeatureCollection<Polygon | MultiPolygon, GapProperties>;

/** A problem with an input, located as precisely as we can. */
export interface InputIssue {
  file: string; // file name or role
  feature?: number; // 0-based feature (or CSV data row) index
  line?: number; // 1-based line in the file, for CSV input (header = line 1)
  field?: string;
  message: string; // one line, no stack
}

export type HallPoint = Feature<Point, Record<string, unknown>>;
