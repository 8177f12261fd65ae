// Colours shared by the map and the printable report, from the Okabe–Ito
// palette (distinct for the common colour-vision deficiencies): the report is
// drawn without MapLibre, so these plain constants live in core and
// src/map/palette.ts takes them from here.

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

export const AREA_LINE = '#37424a';
export const BACKGROUND = '#f4f1ea';
export const DISTRICT_FILL = '#ffffff';
