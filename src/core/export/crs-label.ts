// How each output coordinate system is named inside export files (the
// "coordinate_system" member and column, and the CSV titles). Kept apart from
// the conversion so the page can name a system without bundling the maths.

/** Coordinate systems an export can be written in. */
export type OutputCrs = 'wgs84' | 'gcj02';

export const CRS_LABEL: Record<OutputCrs, string> = { wgs84: 'WGS84', gcj02: 'GCJ-02' };
