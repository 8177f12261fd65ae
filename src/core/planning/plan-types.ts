// What the what-if planning is asked and answers: plain shapes that the
// worker posts to the page unchanged (src/worker/messages.ts re-exports them).
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { DistanceMode, GapCollection } from '../types';
import type { DifferenceZone, ScenarioComparison } from './scenario-compare';

/** A radius and the services reported. */
export interface CoverageRequest {
  radiusM: number; // metres
  services: string[]; // sorted
  /** Straight line (default) or along the loaded roads; 'network' needs roads. */
  distance?: DistanceMode;
  /** People each hall can serve, typed by the user when the halls carry no capacity (ignored when they do); absent: coverage only. */
  capacity?: number;
}

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

/** A proposed hall as saved (this browser's storage, a project file): the id is given anew when it is read back. */
export type SavedHall = Omit<ProposedHall, 'id'> & {
  /** Other fields (e.g. a capacity) travel with the hall as they are. */
  [field: string]: unknown;
};

/** A proposed hall as a link carries it: where it stands and what it offers. */
export type LinkedHall = Omit<ProposedHall, 'id' | 'name'>;

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

export interface PlannedGapsResult extends CoverageRequest {
  proposedIds: number[]; // the proposed halls counted as built
  gaps: GapCollection; // as ComputeResult.gaps, with those halls added to the loaded ones
}

/** A suggestion asked for: N sites for one service, optionally inside one area. */
export interface SuggestQuery {
  radiusM: number; // metres
  service: string;
  count: number; // N
  distance?: DistanceMode; // as CoverageRequest.distance
  areaIndex: number | null; // restrict to one area (index into the loaded areas), or null
  proposed: ProposedHall[]; // count as existing halls: suggestions add to them
  /**
   * Maximise people served rather than covered (src/core/planning/served-sites.ts):
   * each new site's capacity (null = unlimited); needs capacity analysis (the
   * halls' capacities, or `capacity`, one typed for every hall).
   */
  served?: { siteCapacity: number | null; capacity?: number };
}

export interface SuggestResult {
  request: Omit<SuggestQuery, 'proposed' | 'served'>;
  sites: SuggestedSiteInfo[];
  population: number; // people in scope (the area, or all)
  baselineCovered: number; // of them, covered before any suggested site
  candidateCount: number; // sites considered
  /** Served mode: `added`/`cumulative` are people newly served, `baselineCovered` is the people served before, `population` everyone. */
  mode?: 'served';
}
