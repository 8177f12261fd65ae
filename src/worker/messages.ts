// Every message between the page and the coverage worker, in one typed map
// (one entry per request type: what the page sends, what the worker answers).
// The page never sees the engine itself, only these plain, cloneable shapes.
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { Crs, FileRole, GapCollection, LevelStats, Stats } from '../core/types';
import type { FitWarning } from '../core/input/fit-check';
import type { InspectResult } from './inspect-input';
import type { DistanceDistribution } from '../core/coverage/distance-distribution';
import type { ExportFile, ExportRequest, ExportResult } from '../core/export/export-file';
import type {
  CompareRequest,
  CompareResult,
  CoverageRequest,
  PlanHallLoad,
  PlannedGapsResult,
  PlanRequest,
  PlanResult,
  PlanRow,
  ProposedHall,
  SuggestedSiteInfo,
  SuggestQuery,
  SuggestResult,
} from '../core/planning/plan-types';

export type {
  CompareRequest,
  CompareResult,
  CoverageRequest,
  ExportFile,
  ExportRequest,
  ExportResult,
  PlanHallLoad,
  PlannedGapsResult,
  PlanRequest,
  PlanResult,
  PlanRow,
  ProposedHall,
  SuggestedSiteInfo,
  SuggestQuery,
  SuggestResult,
};

/** The three input files, and the roads when walking distance is wanted, with the file names used in error messages. */
export interface InputFiles {
  halls: InputFile;
  population: InputFile;
  areas: InputFile;
  roads?: InputFile; // GeoJSON lines or an OSM PBF (read by the worker's network code, fetched on first use)
  /** Further area levels after `areas`, coarse to fine (e.g. communities); read on first use (src/worker/levels.ts). */
  levels?: InputFile[];
}

/**
 * One input: its text (the sample, linked data) or the picked file itself (a
 * Blob handle: posting it copies no bytes, the worker reads it in slices),
 * plus what the import dialog chose (defaults: WGS84 and the documented field names).
 */
export type InputFile = {
  file: string;
  crs?: Crs;
  /** halls: the services field; population: the people field; areas: the name field. */
  field?: string;
  /** halls: the capacity field chosen in the import dialog (parse-halls.ts: named, so read even when no hall has it). */
  capacityField?: string;
  /** population: count fields of groups of people (ParsePopulationOptions.groupFields, the CLI's --group-fields). */
  groupFields?: string[];
} & ({ text: string; blob?: undefined } | { blob: Blob; text?: undefined });

/** One hall as shown in tooltips and popups (strings from the file, never HTML). */
export interface HallInfo {
  name: string;
  kind: string; // e.g. 'station', 'community-hall'; '' when the file has none
  address: string;
  subdistrict: string;
  community: string;
  services: string[];
  /** Index into LoadResult.areas of the area the engine put it in (CoverageEngine.hallArea), -1 outside every area. */
  area: number;
}

export interface AreaInfo {
  name: string; // the `name` field, as used in Stats.areas
  nameEn: string; // `name_en` when present, else `name`
  bbox: [number, number, number, number]; // [west, south, east, north] degrees, WGS84
  labelAt: [number, number]; // [lng, lat] degrees, inside or near the area
}

/** Hall point for the map: `i` indexes LoadResult.halls; `mix` is the known services it offers, joined by '+'. */
export interface HallPointProps {
  i: number;
  mix: string;
  rank: 0 | 1 | 2;
} // rank 0 station, 1 community hall, 2 district/subdistrict hall
export interface AreaShapeProps {
  i: number;
  name: string;
  name_en: string;
}
// People in the grid cell; the same per hectare; with groups, `d:<field>`: the group's people per hectare.
export type PopulationCellProps = {
  p: number;
  d: number;
} & Record<`d:${string}`, number>;

export interface LoadResult {
  services: string[]; // all services found in the halls, sorted
  halls: HallInfo[];
  areas: AreaInfo[];
  totalPopulation: number; // people
  /** Whether the halls carry capacities (a capacity field on some hall, or one chosen on import): capacity analysis is on. */
  hasCapacity: boolean;
  /** Whether halls, population and areas fit together (core/input/fit-check.ts); empty when they do. */
  fit: FitWarning[];
  cellM: number; // side of a population cell, whole metres (100 for the sample: people per cell = people per hectare)
  hallPoints: FeatureCollection<Point, HallPointProps>;
  areaShapes: FeatureCollection<Polygon | MultiPolygon, AreaShapeProps>;
  areaLabels: FeatureCollection<Point, AreaShapeProps>;
  population: FeatureCollection<Polygon, PopulationCellProps>; // one square per populated cell of the gap grid, coarsened to at most DISPLAY_CELLS_MAX squares
  /** The walking network's edges for the map, and its file; null without roads. */
  roads: { file: string; lines: FeatureCollection<MultiLineString>; edges: number } | null;
  /** Group fields read with the population (InputFile.groupFields), in order; the table and map can show one of them. */
  groups: string[];
  /** File names of the further area levels (InputFiles.levels), in order; their shapes and numbers come with the 'levelLayers' and 'levelStats' requests. */
  levelFiles: string[];
}

/** One further area level as the map and the table show it. */
export interface LevelLayers {
  file: string;
  areas: AreaInfo[];
  areaShapes: FeatureCollection<Polygon | MultiPolygon, AreaShapeProps>;
  areaLabels: FeatureCollection<Point, AreaShapeProps>;
  /** Whether every person of each of its areas lies in that area's parent, so its areas add up to their parents. */
  nested: boolean;
}

/** The further levels' numbers, of everyone or of one group of people (as ComputeRequest.group). */
export interface LevelStatsRequest extends CoverageRequest {
  group?: string;
}

export interface LevelStatsResult extends LevelStatsRequest {
  /** As the stats JSON's `levels` (core/stats-report.ts): each area with its `parent`. */
  levels: LevelStats[];
}

/** The table's numbers; with a coverage target (a fraction 0–1) every block carries meets_target (core/stats-target.ts). */
export interface ComputeRequest extends CoverageRequest {
  target?: number;
  /** Show this group of people (one of LoadResult.groups) instead of everyone: the numbers of core/coverage/stats-groups.ts's groupEngine. */
  group?: string;
}

export interface ComputeResult extends ComputeRequest {
  stats: Stats; // in the requested distance mode; names "distance" when roads are loaded
  gaps: GapCollection;
  /** With roads loaded: the same numbers in the other distance mode, for the table's side-by-side shares; else null. */
  other: Stats | null;
}

/** The shape of access: covered shares at each of `radii` (metres), per service and 'all', in total and per area (core/coverage/distance-distribution.ts). */
export interface DistanceChartRequest extends CoverageRequest {
  radii: number[];
}

export interface DistanceChartResult extends DistanceChartRequest {
  curve: DistanceDistribution;
}

/** Union of the service circles of one service (overlaps merged so a map fill never darkens twice); in walking mode the population cells covered along the roads. */
export type ServiceCircles = Feature<Polygon | MultiPolygon, { service: string }>;

export interface CirclesResult extends CoverageRequest {
  circles: FeatureCollection<Polygon | MultiPolygon, { service: string }>;
}

/** The protocol: request type → what the page sends and what the worker answers. */
export interface WorkerApi {
  load: { request: InputFiles; response: LoadResult };
  compute: { request: ComputeRequest; response: ComputeResult };
  circles: { request: CoverageRequest; response: CirclesResult };
  plan: { request: PlanRequest; response: PlanResult };
  /** Gap zones with the proposed halls in place, for the map's hatching (the table keeps today's). */
  plannedGaps: { request: PlanRequest; response: PlannedGapsResult };
  /** Two scenarios of proposed halls side by side: two full runs, B − A, and where their coverage differs. */
  compare: { request: CompareRequest; response: CompareResult };
  suggest: { request: SuggestRequest; response: SuggestResult };
  export: { request: ExportRequest; response: ExportResult };
  inspect: { request: InspectRequest; response: InspectResult };
  import: { request: ImportRequest; response: LoadResult };
  /** Shapes and labels of the further area levels of the loaded data. */
  levelLayers: { request: null; response: LevelLayers[] };
  /** Numbers of the further area levels, as the stats JSON's `levels`. */
  levelStats: { request: LevelStatsRequest; response: LevelStatsResult };
  /** Covered shares over a range of radii, for the chart of distances to the nearest hall. */
  distanceChart: { request: DistanceChartRequest; response: DistanceChartResult };
  /** Sign of life, answered between requests (see src/ui/worker-client.ts). */
  ping: { request: null; response: null };
}

export type RequestType = keyof WorkerApi;

export type WorkerRequest = {
  [K in RequestType]: { id: number; type: K; payload: WorkerApi[K]['request'] };
}[RequestType];

/**
 * 'superseded': a newer request of the same type arrived before this one was
 * started, so it was dropped (latest request wins while a slider is dragged).
 */
export type WorkerResponse =
  | { [K in RequestType]: { id: number; type: K; status: 'ok'; payload: WorkerApi[K]['response'] } }[RequestType]
  | ProgressMessage
  | { id: number; type: RequestType; status: 'superseded' }
  | { id: number; type: RequestType; status: 'error'; message: string };

// Planning: what-if halls, suggested sites and file exports.

export interface SuggestRequest extends SuggestQuery {
  /** The picked file itself, read and decoded in the worker like every import (null: population grid points). */
  candidates: { file: string; blob: Blob; crs: 'wgs84' | 'gcj02' | 'bd09' } | null;
}

export type { InspectResult } from './inspect-input';

/**
 * A file the user picked, as the File itself (the worker reads it in slices and
 * decodes it: UTF-8, UTF-16 or GBK). Every request carries its Blobs, so the
 * page can send it again to a new worker.
 */
export interface InspectRequest {
  file: string;
  blob: Blob;
  /** The same file as inspected before (e.g. tested again against new areas): reuse that reading if the worker kept it. */
  reuse?: boolean;
  /** Test the points against these staged areas (as read with this CRS and name field) instead of the loaded ones. */
  areas?: { file: string; blob: Blob; crs: Crs; field?: string };
}

/**
 * Replace some inputs (the others stay as loaded) with picked files;
 * nothing changes unless all parse and the new engine is built.
 */
export type ImportRequest = Partial<Record<FileRole, ImportFile>> & {
  /** Further area levels, coarse to fine; given (even empty) they replace the loaded ones, else new areas drop them. */
  levels?: ImportFile[];
};
export interface ImportFile {
  file: string;
  blob: Blob;
  crs: Crs;
  field?: string;
  capacityField?: string;
  groupFields?: string[];
}

/** Sent any number of times before the answer of a long request (inspect of a big file, load, import): how far it got, 0…1. */
export interface ProgressMessage {
  id: number;
  type: RequestType;
  status: 'progress';
  stage: 'inspect' | 'halls' | 'population' | 'areas' | 'engine'; // inspect: the first look at a picked file
  done: number;
}
