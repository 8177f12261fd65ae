// The gap list as files: GeoJSON with the engine's gap zones and exactly the
// CLI's properties, and CSV with one row per zone for spreadsheets.
import { area } from '@turf/turf';
import type { GapCollection } from '../../core/types';
import { csvText } from './csv-text';
import { CRS_LABEL, outputCoordinates, outputPosition, type OutputCrs } from './output-crs';

/** What the gap zones were computed for (written into the GeoJSON as foreign members). */
export interface GapContext {
  radiusM: number; // metres
  services: string[];
}

/**
 * Gap zones as a GeoJSON FeatureCollection text. RFC 7946 has no `crs`
 * member, so the system is stated in the foreign member "coordinate_system"
 * ("WGS84" or "GCJ-02"); zone centroids are converted like the outlines.
 */
export function gapsGeoJson(gaps: GapCollection, ctx: GapContext, crs: OutputCrs): string {
  const features = gaps.features.map((f) => ({
    type: 'Feature' as const,
    properties: { ...f.properties, centroid: outputPosition(f.properties.centroid, crs) },
    geometry: { type: f.geometry.type, coordinates: outputCoordinates(f.geometry.coordinates, crs) },
  }));
  const fc = { type: 'FeatureCollection', coordinate_system: CRS_LABEL[crs], radius_m: ctx.radiusM, services: ctx.services, features };
  return `${JSON.stringify(fc)}\n`;
}

export const GAP_CSV_HEADER = ['service', 'rank', 'area', 'population', 'area_m2', 'centroid_lng', 'centroid_lat', 'nearest_hall_m', 'coordinate_system'] as const;

/**
 * One row per gap zone, in the engine's order (by service, then rank):
 * people, zone area in m² (Turf's spherical area of the WGS84 outline, holes
 * subtracted), people-weighted
 * centroid, distance of its worst-served person to the nearest hall (m; empty
 * when no hall offers the service).
 */
export function gapsCsv(gaps: GapCollection, crs: OutputCrs): string {
  const rows = gaps.features.map((f) => {
    const p = f.properties;
    const [x, y] = outputPosition(p.centroid, crs);
    const near = p.nearest_hall_m;
    return [p.service, p.rank, p.area, p.population, Math.round(area(f.geometry)), x, y, Number.isFinite(near) ? Math.round(near * 10) / 10 : null, CRS_LABEL[crs]];
  });
  return csvText(GAP_CSV_HEADER, rows);
}
