// Moving a point by a given number of metres, on the same sphere as the
// coverage distances (haversine, R = EARTH_RADIUS_M), so a proposed hall
// nudged "50 m east" is 50 m from where it was by the engine's own measure.
import { EARTH_RADIUS_M } from '../geo/haversine';

const DEG_PER_RAD = 180 / Math.PI;

/**
 * The point `northM` metres north of (lng, lat) along the meridian, then
 * `eastM` metres east along its parallel; degrees in, [lng, lat] degrees out.
 * A move north or south is exactly that many haversine metres (a meridian is
 * a great circle); a move east or west follows the parallel, within 1 mm of
 * that many haversine metres for steps up to 1 km and |lat| ≤ 85° (a
 * micrometre for 50 m in Shenzhen). Negative values go south or west.
 * @example offsetMetres(113.93, 22.77, 50, 0) // ≈ [113.93, 22.770450]
 */
export function offsetMetres(lng: number, lat: number, northM: number, eastM: number): [number, number] {
  const lat2 = lat + (northM / EARTH_RADIUS_M) * DEG_PER_RAD;
  const lng2 = lng + (eastM / (EARTH_RADIUS_M * Math.cos(lat2 / DEG_PER_RAD))) * DEG_PER_RAD;
  return [lng2, lat2];
}
