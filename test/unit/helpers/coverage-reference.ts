// Brute-force references for the coverage engine tests: turf.distance for
// every unit-hall pair and turf.booleanPointInPolygon for every unit-area
// pair, with no index and no cleverness.
import distance from '@turf/distance';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { point } from '@turf/helpers';
import fc from 'fast-check';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export const LNG0 = 113.93; // degrees, Guangming
export const LAT0 = 22.75; // degrees

/** Turf distance in metres, unit first, as the engine's convention. */
export function turfM(uLng: number, uLat: number, hLng: number, hLat: number): number {
  return distance(point([uLng, uLat]), point([hLng, hLat]), { units: 'meters' });
}

/** Nearest hall distance by brute force over all halls (Infinity if none). */
export function bruteNearest(uLng: number, uLat: number, halls: { lng: number; lat: number }[]): number {
  let best = Infinity;
  for (const h of halls) best = Math.min(best, turfM(uLng, uLat, h.lng, h.lat));
  return best;
}

/** First area (file order) containing the point, boundary inclusive; -1 if none. */
export function bruteArea(lng: number, lat: number, areas: Feature<Polygon | MultiPolygon>[]): number {
  return areas.findIndex((a) => booleanPointInPolygon([lng, lat], a));
}

/** The next double above x (x >= 0). */
export function nextUp(x: number): number {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, x);
  b.setBigUint64(0, b.getBigUint64(0) + 1n);
  return b.getFloat64(0);
}

/** The next double below x (x > 0). */
export function nextDown(x: number): number {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, x);
  b.setBigUint64(0, b.getBigUint64(0) - 1n);
  return b.getFloat64(0);
}

/**
 * Positions near Guangming on a coarse grid (~110 m, many exact ties and
 * shared positions) or a fine one (~1 m, near-continuous).
 */
export const positionArb = (coarse: boolean) =>
  fc
    .tuple(fc.integer({ min: 0, max: coarse ? 30 : 3000 }), fc.integer({ min: 0, max: coarse ? 30 : 3000 }))
    .map(([i, j]) => [LNG0 + i * (coarse ? 0.001 : 0.00001), LAT0 + j * (coarse ? 0.001 : 0.00001)] as [number, number]);

/** A rectangle polygon feature [minX, minY, maxX, maxY] with an optional rectangular hole. */
export function rect(name: string, b: [number, number, number, number], hole?: [number, number, number, number]): Feature<Polygon> {
  const ring = (r: [number, number, number, number], ccw: boolean) => {
    const pts: [number, number][] = [
      [r[0], r[1]],
      [r[2], r[1]],
      [r[2], r[3]],
      [r[0], r[3]],
      [r[0], r[1]],
    ];
    return ccw ? pts : pts.reverse();
  };
  return { type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates: hole ? [ring(b, true), ring(hole, false)] : [ring(b, true)] } };
}
