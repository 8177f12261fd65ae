// Per-hall load as export rows and as GeoJSON points: one entry per hall and
// service it offers, in the order of the stats' `halls` list (file order),
// with the people in its catchment, its capacity, the people it serves and
// those over its capacity (docs/data-format.md). Positions are written by the
// caller's function, so the file says its own output coordinate system.
import type { HallLoad, Stats } from '../types';

export interface HallLoadRow extends HallLoad {
  lng: number; // degrees, WGS84 (as loaded)
  lat: number;
  /** People in its catchment it cannot serve: load − served. */
  over: number;
  /** load / capacity; null when the capacity is unlimited or 0. */
  utilisation: number | null;
}

/** The stats' per-hall loads with each hall's position; [] without capacity analysis. */
export function hallLoadRows(stats: Stats, halls: { lng: ArrayLike<number>; lat: ArrayLike<number> }): HallLoadRow[] {
  return (stats.halls ?? []).map((h) => ({
    ...h,
    lng: halls.lng[h.index],
    lat: halls.lat[h.index],
    over: h.load - h.served,
    // A hall of capacity 0 has no finite utilisation: null, like an unlimited one (its over_capacity says it all).
    utilisation: h.capacity === null || h.capacity === 0 ? null : h.load / h.capacity,
  }));
}

/**
 * A FeatureCollection of points, one per row, properties index, name,
 * service, capacity (null = unlimited), load, served, over_capacity,
 * utilisation; the foreign members say the radius and the coordinate system.
 */
export function hallLoadsGeoJson(
  rows: readonly HallLoadRow[],
  radiusM: number,
  coordinateSystem: string,
  position: (lng: number, lat: number) => [number, number],
): string {
  const features = rows.map((r) => ({
    type: 'Feature' as const,
    properties: {
      index: r.index,
      name: r.name,
      service: r.service,
      capacity: r.capacity,
      load: r.load,
      served: r.served,
      over_capacity: r.over,
      utilisation: r.utilisation,
    },
    geometry: { type: 'Point' as const, coordinates: position(r.lng, r.lat) },
  }));
  return `${JSON.stringify({ type: 'FeatureCollection', coordinate_system: coordinateSystem, radius_m: radiusM, features })}\n`;
}
