// The gap list as files: GeoJSON with the engine's gap zones, one writer for
// the app's export (the key the app shows, gap-key.ts: the one service
// chosen, or `all` for several) and the CLI's --gaps (every key), and CSV
// for people with one row per zone, so summing its people column gives the
// uncovered people once.
import { area as turfArea } from '@turf/turf';
import { gapKey } from '../coverage/gap-key';
import { OUTSIDE_AREAS, type GapCollection } from '../types';
import { keyLabels, type CsvLabels } from './csv-labels';
import { csvText } from './csv-text';
import { CRS_LABEL, outputCoordinates, outputPosition, type OutputCrs } from './output-crs';

/** What the gap zones were computed for (written into the GeoJSON as foreign members). */
export interface GapContext {
  radiusM: number; // metres
  services: string[];
}

/** The engine's zones of one key (a service or 'all'), in the engine's order. */
export function zonesOf(gaps: GapCollection, key: string): GapCollection['features'] {
  return gaps.features.filter((f) => f.properties.service === key);
}

/**
 * Gap zones as a GeoJSON FeatureCollection text. `which`: 'shown', the zones
 * of gapKey(services) with the foreign member "service" naming that key (the
 * app's export), or 'every', the zones of every service and `all` (the CLI's
 * --gaps). RFC 7946 has no `crs` member, so the system is stated in the
 * foreign member "coordinate_system" ("WGS84" or "GCJ-02"); zone centroids
 * are converted and rounded like the outlines.
 */
export function gapsGeoJson(gaps: GapCollection, ctx: GapContext, crs: OutputCrs, which: 'shown' | 'every' = 'shown'): string {
  const service = which === 'shown' ? gapKey(ctx.services) : null;
  const features = (service === null ? gaps.features : zonesOf(gaps, service)).map((f) => ({
    type: 'Feature' as const,
    properties: { ...f.properties, centroid: outputPosition(f.properties.centroid, crs) },
    geometry: { type: f.geometry.type, coordinates: outputCoordinates(f.geometry.coordinates, crs) },
  }));
  const fc = {
    type: 'FeatureCollection',
    coordinate_system: CRS_LABEL[crs],
    radius_m: ctx.radiusM,
    services: ctx.services,
    ...(service !== null && { service }),
    features,
  };
  return `${JSON.stringify(fc)}\n`;
}

/** Column names of the gap CSV, in order. */
export function gapsCsvHeader(labels: CsvLabels, key: string): string[] {
  const l = labels;
  return [l.service, l.rank, l.area, keyLabels(l, key).uncovered, l.areaM2, l.centroidLng, l.centroidLat, l.nearestHallM, l.coordinateSystem];
}

/**
 * The title line, then one row per gap zone of gapKey(services) in the
 * engine's order (by rank): the key's name, rank, area, uncovered people
 * (exact, as the engine summed them), zone area in m² (Turf's spherical area of the WGS84
 * outline, holes subtracted), people-weighted centroid, distance of its worst-served person to
 * the nearest hall (m, 0.1 m; empty when no hall offers the service).
 */
export function gapsCsv(gaps: GapCollection, services: readonly string[], labels: CsvLabels, crs: OutputCrs): string {
  const key = gapKey(services);
  const name = keyLabels(labels, key).name;
  const rows = zonesOf(gaps, key).map((f) => {
    const p = f.properties;
    const [x, y] = outputPosition(p.centroid, crs);
    const near = p.nearest_hall_m;
    const area = p.area === OUTSIDE_AREAS ? labels.outsideAreas : p.area;
    return [
      name,
      p.rank,
      area,
      p.population,
      Math.round(turfArea(f.geometry)),
      x,
      y,
      Number.isFinite(near) ? Math.round(near * 10) / 10 : null,
      CRS_LABEL[crs],
    ];
  });
  return csvText(gapsCsvHeader(labels, key), rows, labels.title);
}
