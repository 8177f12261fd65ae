// Colours of the map and its legends, from the Okabe–Ito palette (distinct
// for the common colour-vision deficiencies). Plain constants, no MapLibre,
// so the Svelte legends can show exactly what the map draws.

/** One colour per known service; other services found in data get OTHER_SERVICE. */
export const SERVICE_COLORS: Record<string, string> = {
  petition: '#D55E00', // vermillion
  'legal-aid': '#0072B2', // blue
  'psych-support': '#CC79A7', // reddish purple
};
export const OTHER_SERVICE = '#555555';

/**
 * Hall fill by service mix (known services offered, in KNOWN_SERVICES order,
 * joined by '+'): a single service keeps its service colour, combinations get
 * the remaining Okabe–Ito colours, all three is black.
 */
export const MIX_COLORS: Record<string, string> = {
  petition: '#D55E00',
  'legal-aid': '#0072B2',
  'psych-support': '#CC79A7',
  'petition+legal-aid': '#56B4E9', // sky blue
  'petition+psych-support': '#E69F00', // orange
  'legal-aid+psych-support': '#009E73', // bluish green
  'petition+legal-aid+psych-support': '#000000',
};
export const NO_KNOWN_SERVICE = '#999999';

/** Gap zones: one dark crimson for every service, hatched, so "missing" reads the same everywhere. */
export const GAP_COLOR = '#7a0019';
/** Scenario comparison: people B covers and A does not (falling hatch), and the reverse (rising hatch). */
export const COMPARE_GAINED = '#00785a';
export const COMPARE_LOST = '#a63d00';

/** The gap zone picked in the list or on the map: a thick yellow line on a dark casing, seen over any fill. */
export const GAP_SELECTED = '#ffd23f';
export const GAP_SELECTED_CASING = '#1d232a';

/** Halls that do not offer the chosen service: faint fill, ring in their own colour (hollow, not a colour change). */
export const MUTED_HALL_FILL_OPACITY = 0.15;
export const MUTED_HALL_RING_OPACITY = 0.7;

export const AREA_LINE = '#37424a';
export const AREA_SELECTED = '#111111';
export const BACKGROUND = '#f4f1ea';
export const DISTRICT_FILL = '#ffffff';

export function serviceColor(service: string): string {
  return SERVICE_COLORS[service] ?? OTHER_SERVICE;
}

/** Planning: proposed halls (black ring, white centre) and suggested sites (purple ring), unlike any service colour. */
export const PROPOSED_COLOR = '#111111';
export const SUGGESTED_COLOR = '#6a3d9a';

/** The walking network under the circles: a neutral grey that reads on the district fill and the population cells. */
export const ROAD_COLOR = '#5f6b76';
/** Ring around a hall over capacity: near-black, so it reads on every service colour and on the basemap. */
export const OVER_CAPACITY_RING = '#1d232a';
