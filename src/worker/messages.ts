// Every message between the page and the coverage worker, in one typed map
// (one entry per request type: what the page sends, what the worker answers).
// The page never sees the engine itself, only these plain, cloneable shapes.
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { Crs, DistanceMode, GapCollection, Stats } from '../core/types';
import type { FitWarning } from '../core/fit-check';
import type { InputRole, InspectResult } from './inspect-input';
import type { CsvLabels } from './export/csv-labels';
import type { DifferenceZone, ScenarioComparison } from '../core/planning/scenario-compare';

/** The three input files, and the roads when walking distance is wanted, with the file names used in error messages. */
export interface InputFiles {
  halls: InputFile;
  population: InputFile;
  areas: InputFile;
  roads?: InputFile; // GeoJSON lines or an OSM PBF (read by the worker's network code, fetched on first use)
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
export interface HallPointProps { i: number; mix: string; rank: 0 | 1 | 2 } // rank 0 station, 1 community hall, 2 district/subdistrict hall
export interface AreaShapeProps { i: number; name: string; name_en: string }
export interface PopulationCellProps { p: number; d: number } // people in the grid cell; the same per hectare

export interface LoadResult {
  services: string[]; // all services found in the halls, sorted
  halls: HallInfo[];
  areas: AreaInfo[];
  totalPopulation: number; // people
  /** Whether the halls carry capacities (a capacity field on some hall, or one chosen on import): capacity analysis is on. */
  hasCapacity: boolean;
  /** Whether halls, population and areas fit together (core/fit-check.ts); empty when they do. */
  fit: FitWarning[];
  cellM: number; // side of a population cell, whole metres (100 for the sample: people per cell = people per hectare)
  hallPoints: FeatureCollection<Point, HallPointProps>;
  areaShapes: FeatureCollection<Polygon | MultiPolygon, AreaShapeProps>;
  areaLabels: FeatureCollection<Point, AreaShapeProps>;
  population: FeatureCollection<Polygon, PopulationCellProps>; // one square per populated cell of the gap grid, coarsened to at most DISPLAY_CELLS_MAX squares
  /** The walking network's edges for the map, and its file; null without roads. */
  roads: { file: string; lines: FeatureCollection<MultiLineString>; edges: number } | null;
}

export interface CoverageRequest {
  radiusM: number; // metres
  services: string[]; // sorted
  /** Straight line (default) or along the loaded roads; 'network' needs roads. */
  distance?: DistanceMode;
  /** People each hall can serve, typed by the user when the halls carry no capacity (ignored when they do); absent: coverage only. */
  capacity?: number;
}

export interface ComputeResult extends CoverageRequest {
  stats: Stats; // in the requested distance mode; names "distance" when roads are loaded
  gaps: GapCollection;
  /** With roads loaded: the same numbers in the other distance mode, for the table's side-by-side shares; else null. */
  other: Stats | null;
}

/** Union of the service circles of one service (overlaps merged so a map fill never darkens twice); in walking mode the population cells covered along the roads. */
export type ServiceCircles = Feature<Polygon | MultiPolygon, { service: string }>;

export interface CirclesResult extends CoverageRequest {
  circles: FeatureCollection<Polygon | MultiPolygon, { service: string }>;
}

/** The protocol: request type → what the page sends and what the worker answers. */
export interface WorkerApi {
  load: { request: InputFiles; response: LoadResult };
  compute: { request: CoverageRequest; response: ComputeResult };
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

/** A hall the user is trying out: placed on the map or kept from a suggestion. */
export interface ProposedHall {
  id: number; // stable while the hall exists; never reused in a session
  lng: number; // degrees, WGS84
  lat: number; // degrees, WGS84
  services: string[]; // sorted
  name: string; // plain text
  /** People it can serve per service; absent or null: unlimited. */
  capacity?: number | null;
}

/** One ranked site of a suggestion ("Suggest N new halls for service S"). */
export interface SuggestedSiteInfo {
  rank: number; // 1 = picked first
  lng: number; // degrees, WGS84
  lat: number; // degrees, WGS84
  service: string;
  added: number; // people newly covered by this site, given the sites ranked before it
  cumulative: number; // people newly covered by this site and all ranked before it
  name?: string; // from a user candidate file
  area: number; // index into LoadResult.areas of the area the site lies in, -1 outside every area
}

/** Coverage with the proposed halls added to the loaded ones. */
export interface PlanRequest extends CoverageRequest {
  proposed: ProposedHall[];
}

/** People and covered people per key (each service, then 'all'), before and with the proposed halls. */
export interface PlanRow {
  name: string; // as in Stats.areas ('(outside areas)' included when it holds people)
  population: number;
  baseline: Record<string, number>;
  planned: Record<string, number>;
}

export interface PlanResult extends CoverageRequest {
  proposedIds: number[]; // the proposed halls these numbers include
  areas: PlanRow[];
  total: PlanRow;
  /** With capacity analysis: the proposed halls' loads, and the loaded halls whose load they change. */
  loads?: PlanHallLoad[];
}

/** One hall's load for one service with the proposed halls in place (people in its catchment, docs/data-format.md). */
export interface PlanHallLoad {
  service: string;
  hall: number; // index into LoadResult.halls; -1 for a proposed hall
  proposedId: number | null; // the proposed hall's id, null for a loaded hall
  capacity: number | null; // people; null = unlimited
  baseline: number; // load with the loaded halls alone (0 for a proposed hall)
  load: number; // load with the proposed halls
}

export interface PlannedGapsResult extends CoverageRequest {
  proposedIds: number[]; // the proposed halls counted as built
  gaps: GapCollection; // as ComputeResult.gaps, with those halls added to the loaded ones
}

/** Scenario A's and B's proposed halls (either may be empty: today). */
export interface CompareRequest extends CoverageRequest {
  a: ProposedHall[];
  b: ProposedHall[];
}

export interface CompareResult extends CoverageRequest {
  aIds: number[]; // the proposed halls each side counted
  bIds: number[];
  comparison: ScenarioComparison;
  /** People covered in B but not A ('gained') and the reverse ('lost'), merged into zones per service and 'all'. */
  zones: FeatureCollection<Polygon | MultiPolygon, DifferenceZone['properties']>;
}

export interface SuggestRequest {
  radiusM: number; // metres
  service: string;
  count: number; // N
  distance?: DistanceMode; // as CoverageRequest.distance
  areaIndex: number | null; // restrict to one area (index into LoadResult.areas), or null
  proposed: ProposedHall[]; // count as existing halls: suggestions add to them
  /** The picked file itself, read and decoded in the worker like every import (null: population grid points). */
  candidates: { file: string; blob: Blob; crs: 'wgs84' | 'gcj02' | 'bd09' } | null;
  /**
   * Maximise people served rather than covered (src/core/planning/served-sites.ts):
   * each new site's capacity (null = unlimited); needs capacity analysis (the
   * halls' capacities, or `capacity`, one typed for every hall).
   */
  served?: { siteCapacity: number | null; capacity?: number };
}

export interface SuggestResult {
  request: Omit<SuggestRequest, 'proposed' | 'candidates' | 'served'>;
  sites: SuggestedSiteInfo[];
  population: number; // people in scope (the area, or all)
  baselineCovered: number; // of them, covered before any suggested site
  candidateCount: number; // sites considered
  /** Served mode: `added`/`cumulative` are people newly served, `baselineCovered` is the people served before, `population` everyone. */
  mode?: 'served';
}

export type ExportFile = 'gaps-geojson' | 'gaps-csv' | 'stats-csv' | 'stats-json' | 'halls-geojson' | 'loads-csv' | 'loads-geojson';

export interface ExportRequest extends CoverageRequest {
  file: ExportFile;
  crs: 'wgs84' | 'gcj02'; // output coordinate system
  /** For the CSVs: title, column and row names in the interface language. */
  labels?: CsvLabels;
  /** For 'halls-geojson': the proposed halls, and the last suggestion's sites (written only as HallsExportOptions say). */
  proposed?: ProposedHall[];
  suggested?: SuggestedSiteInfo[];
  kept?: number[];
  includeSuggested?: boolean;
}

export interface ExportResult {
  file: ExportFile;
  text: string;
  mime: string;
}

export type { InspectResult, InputRole } from './inspect-input';

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
export type ImportRequest = Partial<Record<InputRole | 'roads', { file: string; blob: Blob; crs: Crs; field?: string; capacityField?: string }>>;

/** Sent any number of times before the answer of a long request (inspect of a big file, load, import): how far it got, 0…1. */
export interface ProgressMessage {
  id: number;
  type: RequestType;
  status: 'progress';
  stage: 'inspect' | 'halls' | 'population' | 'areas' | 'engine'; // inspect: the first look at a picked file
  done: number;
}
