// The polygon @turf/circle draws for a service circle, vertex for vertex:
// circle(centre, r / 1000, { steps, units: 'kilometers' }) calls
// destination() at bearings −i·360/steps, and this is that formula, operation
// for operation (turf's degree/radian conversions, radius in km over turf's
// earth radius in km), so the coordinates agree bit for bit
// (test/unit/worker/circle-union-turf-gon.test.ts). Written out because
// @turf/circle's Feature wrappers, coordinate checks and unit table were
// ~1 kB gzip of the worker, only ever used here.
import type { Position } from 'geojson';
import { EARTH_RADIUS_M } from '../../core/haversine.ts';

const rad = (deg: number): number => ((deg % 360) * Math.PI) / 180;
const deg = (r: number): number => ((r % (2 * Math.PI)) * 180) / Math.PI;

/** The closed ring (steps + 1 positions, counterclockwise from north) that @turf/circle draws around (lng, lat) with radius `radiusM` metres. */
export function turfGon(lng: number, lat: number, radiusM: number, steps: number): Position[] {
  const l1 = rad(lng), p1 = rad(lat);
  const d = radiusM / 1000 / (EARTH_RADIUS_M / 1000); // radians, as turf's lengthToRadians(km)
  const ring: Position[] = [];
  for (let i = 0; i < steps; i++) {
    const b = rad((i * -360) / steps);
    const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
    const l2 = l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
    ring.push([deg(l2), deg(p2)]);
  }
  ring.push(ring[0]);
  return ring;
}
