// Chinese web maps publish GCJ-02 (Amap, Tencent) or BD-09 (Baidu); both sit
// 300-600 m off WGS84 in Shenzhen, more than the service radius, so every
// input is converted to WGS84 on import and the engine never sees anything else.
// BD-09 is defined on top of GCJ-02, so BD-09 <-> WGS84 goes through GCJ-02.
import { bd09ToGcj02, gcj02ToBd09 } from './bd09';
import { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02';
import type { Crs } from '../types';

/** The accepted CRS names, as the CLI and import dialog spell them. */
export const CRS_NAMES: readonly Crs[] = ['wgs84', 'gcj02', 'bd09'];

/** Convert one position from `crs` to WGS84 [lng, lat] in degrees. */
export function toWgs84(lng: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'wgs84') return [lng, lat];
  const [x, y] = crs === 'gcj02' ? gcj02ToWgs84(lng, lat) : gcj02ToWgs84(...bd09ToGcj02(lng, lat));
  // The BD-09 shift (~0.006 degrees) can push a position at the antimeridian or
  // a pole just outside the globe: wrap longitude, clamp latitude.
  return [x < -180 ? x + 360 : x > 180 ? x - 360 : x, Math.max(-90, Math.min(90, y))];
}

/** Convert one WGS84 position to `crs` [lng, lat] in degrees (for exports in the source CRS). */
export function fromWgs84(lng: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'wgs84') return [lng, lat];
  const gcj = wgs84ToGcj02(lng, lat);
  return crs === 'gcj02' ? gcj : gcj02ToBd09(...gcj);
}
