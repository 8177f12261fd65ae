// Approximate communities (社区). No public community geometry exists: each
// community is the Voronoi cell of its approximate centre (places.ts), the
// very cell that areas.ts merges into its subdistrict, clipped to that
// subdistrict's committed polygon. So the communities of a subdistrict tile
// it (up to the 6-decimal rounding of the new inner edges), and nest: a
// community never reaches outside its subdistrict.
import { featureCollection, point } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { rewind } from '@turf/rewind';
import { voronoi } from '@turf/voronoi';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { roundGeometry, VORONOI_BBOX, type AreaFeature } from './areas.ts';
import type { CommunitySite } from './halls.ts';
import type { AdminRow } from './read-data.ts';
import { COMMUNITY_NAMES_EN } from './places.ts';

export interface CommunityProps {
  name: string;
  /** Pinyin transliteration (places.ts), shown when the app is in English. */
  name_en: string;
  code: string;
  subdistrict: string;
}

export type CommunityFeature = Feature<Polygon | MultiPolygon, CommunityProps>;

/** One feature per community, in `sites` (admin file) order, each inside its subdistrict of `areas`. */
export function makeCommunities(areas: readonly AreaFeature[], sites: readonly CommunitySite[], admin: readonly AdminRow[]): CommunityFeature[] {
  const cells = voronoi(featureCollection(sites.map((c) => point(c.lngLat))), { bbox: VORONOI_BBOX });
  return sites.map((c, k) => {
    const sub = areas[c.area];
    const row = admin.find((r) => r.level === 'community' && r.name === c.name);
    if (!row) throw new Error(`make-sample: community ${c.name}: no code in the admin codes`);
    const nameEn = COMMUNITY_NAMES_EN[c.name];
    if (!nameEn) throw new Error(`make-sample: community ${c.name}: no English name in places.ts`);
    const clipped = intersect(featureCollection([cells.features[k], sub]));
    if (!clipped) throw new Error(`make-sample: community ${c.name}: its cell misses ${sub.properties.name}`);
    const geometry = rewind(roundGeometry(clipped.geometry), { reverse: false }) as Polygon | MultiPolygon;
    return { type: 'Feature', properties: { name: c.name, name_en: nameEn, code: row.code, subdistrict: sub.properties.name }, geometry };
  });
}
