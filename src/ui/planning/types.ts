// Shapes of the planning workflow shared by the page, the worker and the
// exports: halls the user proposes and sites the suggestion returns.

/** A hall the user is trying out: placed on the map or kept from a suggestion. */
export interface ProposedHall {
  id: number; // stable while the hall exists; never reused in a session
  lng: number; // degrees, WGS84
  lat: number; // degrees, WGS84
  services: string[]; // sorted
  name: string; // shown in lists and exports; plain text
}

/** One ranked site of a suggestion run ("Suggest N new halls for service S"). */
export interface SuggestedSiteInfo {
  rank: number; // 1 = picked first
  lng: number; // degrees, WGS84
  lat: number; // degrees, WGS84
  service: string;
  added: number; // people newly covered by this site, given the sites ranked before it
  cumulative: number; // people newly covered by this site and all before it
  name?: string; // from a user candidate file
}
