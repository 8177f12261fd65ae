// Every message between the page and the coverage worker, in one typed map
// (one entry per request type: what the page sends, what the worker answers).
// The page never sees the engine itself, only these plain, cloneable shapes.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Crs, GapCollection, LevelStats, Stats } from '../core/types';
import type { FitWarning } from '../core/fit-check';
import type { InputRole, InspectResult } from './inspect-input';
import type { CsvLabels } from './export/csv-labels';

/** The three input files, with the file names used in error messages. */
export interface InputFiles {
  halls: InputFile;
  population: InputFile;
  areas: InputFile;
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
  /** Whether halls, population and areas fit together (core/fit-check.ts); empty when they do. */
  fit: FitWarning[];
  cellM: number; // side of a population cell, whole metres (100 for the sample: people per cell = people per hectare)
  hallPoints: FeatureCollection<Point, HallPointProps>;
  areaShapes: FeatureCollection<Polygon | MultiPolygon, AreaShapeProps>;
  areaLabels: FeatureCollection<Point, AreaShapeProps>;
  population: FeatureCollection<Polygon, PopulationCellProps>; // one square per populated cell of the gap grid, coarsened to at most DISPLAY_CELLS_MAX squares
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

export interface LevelStatsResult extends CoverageRequest {
  /** As the stats JSON's `levels` (core/stats-report.ts): each area with its `parent`. */
  levels: LevelStats[];
}

export interface CoverageRequest {
  radiusM: number; // metres
  services: string[]; // sorted
}

/** The table's numbers; with a coverage target (a fraction 0–1) every block carries meets_target (core/stats-target.ts). */
export interface ComputeRequest extends CoverageRequest {
  target?: number;
}

export interface ComputeResult extends ComputeRequest {
  stats: Stats;
  gaps: GapCollection;
}

/** Union of the service circles of one service: overlaps merged so a map fill never darkens twice. */
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
  suggest: { request: SuggestRequest; response: SuggestResult };
  export: { request: ExportRequest; response: ExportResult };
  inspect: { request: InspectRequest; response: InspectResult };
  import: { request: ImportRequest; response: LoadResult };
  /** Shapes and labels of the further area levels of the loaded data. */
  levelLayers: { request: null; response: LevelLayers[] };
  /** Numbers of the further area levels, as the stats JSON's `levels`. */
  levelStats: { request: CoverageRequest; response: LevelStatsResult };
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
}

export interface PlannedGapsResult extends CoverageRequest {
  proposedIds: number[]; // the proposed halls counted as built
  gaps: GapCollection; // as ComputeResult.gaps, with those halls added to the loaded ones
}

export interface SuggestRequest {
  radiusM: number; // metres
  service: string;
  count: number; // N
  areaIndex: number | null; // restrict to one area (index into LoadResult.areas), or null
  proposed: ProposedHall[]; // count as existing halls: suggestions add to them
  /** The picked file itself, read and decoded in the worker like every import (null: population grid points). */
  candidates: { file: string; blob: Blob; crs: 'wgs84' | 'gcj02' | 'bd09' } | null;
}

export interface SuggestResult {
  request: Omit<SuggestRequest, 'proposed' | 'candidates'>;
  sites: SuggestedSiteInfo[];
  population: number; // people in scope (the area, or all)
  baselineCovered: number; // of them, covered before any suggested site
  candidateCount: number; // sites considered
}

export type ExportFile = 'gaps-geojson' | 'gaps-csv' | 'stats-csv' | 'stats-json' | 'halls-geojson';

export interface ExportRequest extends CoverageRequest {
  file: ExportFile;
  /** The coverage target shown, a fraction 0–1: the statistics JSON carries target and meets_target. */
  target?: number;
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
export type ImportRequest = Partial<Record<InputRole, ImportFile>> & {
  /** Further area levels, coarse to fine; given (even empty) they replace the loaded ones, else new areas drop them. */
  levels?: ImportFile[];
};
export interface ImportFile { file: string; blob: Blob; crs: Crs; field?: string }

/** Sent any number of times before the answer of a long request (inspect of a big file, load, import): how far it got, 0…1. */
export interface ProgressMessage {
  id: number;
  type: RequestType;
  status: 'progress';
  stage: 'inspect' | 'halls' | 'population' | 'areas' | 'engine'; // inspect: the first look at a picked file
  done: number;
}
