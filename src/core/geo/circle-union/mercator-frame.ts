// The plane the circle union is worked out in: spherical Mercator (earth
// radius as turf's), in metres, shifted so the first hall is the origin and
// local coordinates keep full precision.
//
// Mercator is conformal, so a service circle of r metres around a hall at
// latitude φ maps to a circle of r·sec φ frame metres to first order, and an
// angle around the hall in the frame is its compass bearing (90° − angle).
// What is left is second order: the image of the true circle strays from that
// planar circle by about r²·tan|φ|/(2 R) (0.3 m for r = 3 km at 22.8° N,
// 9 mm for 500 m), independent of how far apart the halls are, which an
// equirectangular frame could not promise for a district-wide group of
// circles. test/unit/core/geo/circle-union-mercator-frame.test.ts holds it to r²·tan|φ|/R.
import type { Position } from 'geojson';
import { EARTH_RADIUS_M as R } from '../haversine';

const RAD = Math.PI / 180;
const mercY = (lat: number): number => R * Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2));

/** A Mercator frame in metres with (lng0, lat0) at the origin. */
export interface MercatorFrame {
  x(lng: number): number;
  y(lat: number): number;
  /** Frame metres per ground metre at a latitude (degrees): sec φ. */
  scale(lat: number): number;
  /** Back to [lng, lat] in degrees. */
  lngLat(x: number, y: number): Position;
}

/** A Mercator frame in metres centred on (lng0, lat0); no antimeridian handling (a service area is a few km wide). */
export function mercatorFrame(lng0: number, lat0: number): MercatorFrame {
  const y0 = mercY(lat0);
  return {
    x: (lng) => R * RAD * (lng - lng0),
    y: (lat) => mercY(lat) - y0,
    scale: (lat) => 1 / Math.cos(lat * RAD),
    lngLat: (x, y) => [lng0 + x / (R * RAD), (2 * Math.atan(Math.exp((y + y0) / R)) - Math.PI / 2) / RAD],
  };
}
