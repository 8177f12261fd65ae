// Coordinates in exports: WGS84 by default, GCJ-02 on request (for Amap or
// Tencent maps), rounded to 6 decimals (~0.1 m), as the CLI writes gap zones.
// The engine is WGS84 throughout; conversion happens only here, on the way out.
import { fromWgs84 } from '../crs/crs';
import type { Position } from 'geojson';
import type { OutputCrs } from './crs-label';

export { CRS_LABEL, type OutputCrs } from './crs-label';

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** One WGS84 [lng, lat] in the output system, 6 decimals. */
export function outputPosition(p: readonly number[], crs: OutputCrs): [number, number] {
  const [x, y] = fromWgs84(p[0], p[1], crs);
  return [r6(x), r6(y)];
}

/** A new ring list (any nesting of positions) with every position converted; the input is not changed. */
export function outputCoordinates<T>(coords: T, crs: OutputCrs): T {
  const walk = (c: unknown): unknown => (typeof (c as unknown[])[0] === 'number' ? outputPosition(c as Position, crs) : (c as unknown[]).map(walk));
  return walk(coords) as T;
}
