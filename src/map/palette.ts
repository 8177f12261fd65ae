// Colours of the map and its legends, from the Okabe–Ito palette (distinct
// for the common colour-vision deficiencies). Plain constants, no MapLibre,
// so the Svelte legends can show exactly what the map draws. The colours the
// printable report shares come from core (src/core/report/palette.ts).
import { OTHER_SERVICE, SERVICE_COLORS } from '../core/report/palette';

export { AREA_LINE, BACKGROUND, DISTRICT_FILL, GAP_COLOR, MIX_COLORS, NO_KNOWN_SERVICE, OTHER_SERVICE, SERVICE_COLORS } from '../core/report/palette';

/** Scenario comparison: people B covers and A does not (falling hatch), and the reverse (rising hatch). */
export const COMPARE_GAINED = '#00785a';
export const COMPARE_LOST = '#a63d00';
/**
 * Scenario comparison: the proposed halls of A (hollow square) and of B (filled diamond), from Paul Tol's
 * high-contrast scheme (safe for the common colour-vision deficiencies and in grey), unlike the hatches and every hall colour.
 */
export const COMPARE_HALL_A = '#004488';
export const COMPARE_HALL_B = '#ddaa33';

/** The gap zone picked in the list or on the map: a thick yellow line on a dark casing, seen over any fill. */
export const GAP_SELECTED = '#ffd23f';
export const GAP_SELECTED_CASING = '#1d232a';

/** Halls that do not offer the chosen service: faint fill, ring in their own colour (hollow, not a colour change). */
export const MUTED_HALL_FILL_OPACITY = 0.15;
export const MUTED_HALL_RING_OPACITY = 0.7;
export const AREA_SELECTED = '#111111';

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
