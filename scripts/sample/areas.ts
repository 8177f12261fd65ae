// Approximate subdistricts. No public subdistrict geometry exists, so each
// subdistrict is modelled as the union of the Voronoi cells of its
// communities' approximate centres (places.ts), clipped to the real district
// outline: every place goes to the subdistrict of the nearest community centre.
// Using 31 community centres instead of 6 seats gives less boxy shapes.
import { featureCollection, point } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { rewind } from '@turf/rewind';
import { union } from '@turf/union';
import { voronoi } from '@turf/voronoi';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { round6 } from './projection';
import type { Subdistrict } from './places';

export interface AreaProps {
  name: string;
  name_en: string;
  code: string;
}

export type AreaFeature = Feature<Polygon | MultiPolygon, AreaProps>;

/** A point that generates Voronoi cells for subdistrict `area` (index into the subdistricts). */
export interface AreaGenerator {
  lngLat: [number, number];
  area: number;
}

function roundRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const [x, y] of ring) {
    const p = [round6(x), round6(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Round a (Multi)Polygon to 6 decimals, dropping repeated vertices the rounding creates. */
export function roundGeometry<G extends Polygon | MultiPolygon>(g: G): G {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(roundRing) } as G;
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(roundRing)) } as G;
}

/** Bounds of the Voronoi diagram, degrees: well outside the district so no cell is cut before clipping. */
export const VORONOI_BBOX: [number, number, number, number] = [113.7, 22.6, 114.1, 22.9];

/** One feature per subdistrict, in `subs` order, tiling `district` exactly. */
export function makeAreas(
  district: Feature<Polygon | MultiPolygon>,
  subs: readonly Subdistrict[],
  generators: readonly AreaGenerator[],
  codes: ReadonlyMap<string, string>,
): AreaFeature[] {
  const cells = voronoi(featureCollection(generators.map((g) => point(g.lngLat))), { bbox: VORONOI_BBOX });
  return subs.map((s, i) => {
    const own = cells.features.filter((_, k) => generators[k].area === i);
    const merged = own.length > 1 ? union(featureCollection(own)) : own[0];
    const clipped = merged && intersect(featureCollection([merged, district]));
    if (!clipped) throw new Error(`make-sample: subdistrict ${s.name}: its cells miss the district`);
    const code = codes.get(s.name);
    if (!code) throw new Error(`make-sample: subdistrict ${s.name}: no code in the admin codes`);
    const geometry = rewind(roundGeometry(clipped.geometry), { reverse: false }) as Polygon | MultiPolygon;
    return { type: 'Feature', properties: { name: s.name, name_en: s.nameEn, code }, geometry };
  });
}
