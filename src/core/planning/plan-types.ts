// What the what-if planning is asked and answers: plain shapes that the
// worker posts to the page unchanged (src/worker/messages.ts re-exports them).
import type { GapCollection } from '../types';

/** A radius and the services reported. */
export interface CoverageRequest {
  radiusM: number; // metres
  services: string[]; // sorted
}

/** A hall the user is trying out: placed on the map or kept from a suggestion. */
export interface ProposedHall {
  id: number; // stable while the hall exists; never reused in a session
  lng: number; // degrees, WGS84
  lat: number; // degrees, WGS84
  services: string[]; // sorted
  name: string; // plain text
}

/** A proposed hall as saved (this browser's storage, a project file): the id is given anew when it is read back. */
export type SavedHall = Omit<ProposedHall, 'id'>;

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
  areaIndex: number | null; // restrict to one area (index into the loaded areas), or null
  proposed: ProposedHall[]; // count as existing halls: suggestions add to them
}

export interface SuggestResult {
  request: Omit<SuggestQuery, 'proposed'>;
  sites: SuggestedSiteInfo[];
  population: number; // people in scope (the area, or all)
  baselineCovered: number; // of them, covered before any suggested site
  candidateCount: number; // sites considered
}
