// Great-circle distance, written operation for operation like @turf/distance
// so that the "distance <= radius" test agrees with turf bit for bit, also for
// points exactly on the circle edge. Order matters for rounding: always pass
// the population unit first and the hall second, as turf.distance(unit, hall).
//
// Written out rather than calling Turf's distance() because the engine's
// loops call it for every unit-hall pair: on the same pairs distance() takes
// about 2× the time given bare positions and 3× given point Features, for
// the very same doubles (test/bench/haversine.bench.ts measures both and
// checks the bit-identity; figures in README.md, "Size and dependencies").

/** Mean earth radius used by turf, metres. */
export const EARTH_RADIUS_M = 6_371_008.8;

// turf's degreesToRadians: (deg % 360) * PI / 180, in that order.
function rad(deg: number): number {
  return ((deg % 360) * Math.PI) / 180;
}

/** cos of a latitude in degrees, computed exactly as turf does inside distance(). */
export function cosLat(latDeg: number): number {
  return Math.cos(rad(latDeg));
}

/**
 * The haversine term a = sin²(Δlat/2) + sin²(Δlng/2)·cos(lat1)·cos(lat2), with
 * turf's operation order; distance is havDistanceM(a), monotone in a, so the
 * hot loops compare a values and convert only the winner.
 */
export function havA(fromLng: number, fromLat: number, toLng: number, toLat: number, cosFrom: number, cosTo: number): number {
  return Math.pow(Math.sin(rad(toLat - fromLat) / 2), 2) + Math.pow(Math.sin(rad(toLng - fromLng) / 2), 2) * cosFrom * cosTo;
}

/** Metres for a haversine term a, as turf computes it. */
export function havDistanceM(a: number): number {
  return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * EARTH_RADIUS_M;
}

/** Haversine distance in metres, bit-identical to turf.distance(from, to, { units: 'meters' }). */
export function haversineM(fromLng: number, fromLat: number, toLng: number, toLat: number): number {
  // Written out (not via havA) so V8 inlines it into hot loops without boxing.
  const dLat = rad(toLat - fromLat);
  const dLon = rad(toLng - fromLng);
  const lat1 = rad(fromLat);
  const lat2 = rad(toLat);
  const a = Math.pow(Math.sin(dLat / 2), 2) + Math.pow(Math.sin(dLon / 2), 2) * Math.cos(lat1) * Math.cos(lat2);
  return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * EARTH_RADIUS_M;
}

/**
 * A lng/lat box holding every point within `radiusM` metres of (lng, lat),
 * widened by a relative 1e-9 so rounding never drops a point on the edge.
 * Returns one box, or two when it crosses the antimeridian.
 */
export function radiusBoxes(lng: number, lat: number, radiusM: number): [number, number, number, number][] {
  const d = radiusM / EARTH_RADIUS_M; // radians
  const dLat = ((d * 180) / Math.PI) * (1 + 1e-9) + 1e-12;
  if (Math.abs(lat) + dLat >= 90 || d >= Math.PI / 2) {
    return [[-180, Math.max(-90, lat - dLat), 180, Math.min(90, lat + dLat)]];
  }
  // Widest longitude reach of a spherical cap: asin(sin d / cos lat).
  const dLng = ((Math.asin(Math.min(1, Math.sin(d) / Math.cos((lat * Math.PI) / 180))) * 180) / Math.PI) * (1 + 1e-9) + 1e-12;
  const minX = lng - dLng;
  const maxX = lng + dLng;
  const minY = lat - dLat;
  const maxY = lat + dLat;
  if (minX < -180)
    return [
      [minX + 360, minY, 180, maxY],
      [-180, minY, maxX, maxY],
    ];
  if (maxX > 180)
    return [
      [minX, minY, 180, maxY],
      [-180, minY, maxX - 360, maxY],
    ];
  return [[minX, minY, maxX, maxY]];
}
