// Gap outlines are written with 6 decimals (~0.1 m): enough for a 100 m grid,
// and stable in diffs of golden files.
import type { MultiPolygon, Polygon } from 'geojson';

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Round a polygon's coordinates to 6 decimals, in place. */
export function roundGeometry(g: Polygon | MultiPolygon): void {
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  for (const ring of rings) for (const p of ring) [p[0], p[1]] = [r6(p[0]), r6(p[1])];
}
