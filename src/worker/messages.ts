// Every message between the page and the coverage worker, in one typed map
// (one entry per request type: what the page sends, what the worker answers).
// The page never sees the engine itself, only these plain, cloneable shapes.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { GapCollection, Stats } from '../core/types';

/** Raw text of the three input files, with the file names used in error messages. */
export interface InputFiles {
  halls: { file: string; text: string };
  population: { file: string; text: string };
  areas: { file: string; text: string };
}

/** One hall as shown in tooltips and popups (strings from the file, never HTML). */
export interface HallInfo {
  name: string;
  kind: string; // e.g. 'station', 'community-hall'; '' when the file has none
  address: string;
  subdistrict: string;
  community: string;
  services: string[];
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
export interface PopulationCellProps { p: number } // people in the grid cell

export interface LoadResult {
  services: string[]; // all services found in the halls, sorted
  halls: HallInfo[];
  areas: AreaInfo[];
  totalPopulation: number; // people
  cellM: number; // side of a population cell, metres (100 for the sample: people per cell = people per hectare)
  hallPoints: FeatureCollection<Point, HallPointProps>;
  areaShapes: FeatureCollection<Polygon | MultiPolygon, AreaShapeProps>;
  areaLabels: FeatureCollection<Point, AreaShapeProps>;
  population: FeatureCollection<Polygon, PopulationCellProps>; // one square per populated cell of the engine's gap grid
}

export interface CoverageRequest {
  radiusM: number; // metres
  services: string[]; // sorted
}

export interface ComputeResult extends CoverageRequest {
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
  compute: { request: CoverageRequest; response: ComputeResult };
  circles: { request: CoverageRequest; response: CirclesResult };
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
  | { id: number; type: RequestType; status: 'superseded' }
  | { id: number; type: RequestType; status: 'error'; message: string };
