// Which subdistrict a point falls in, with a bbox pre-check for speed.
import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export interface Locator {
  /** Indices of every area containing [lng, lat] (boundary counts as inside). */
  containing(p: [number, number]): number[];
}

/** Build a point-in-area lookup over `areas` in their order. */
export function makeLocator(areas: readonly Feature<Polygon | MultiPolygon>[]): Locator {
  const boxes = areas.map((a) => bbox(a));
  return {
    containing(p) {
      const hits: number[] = [];
      areas.forEach((a, i) => {
        const b = boxes[i];
        if (p[0] < b[0] || p[0] > b[2] || p[1] < b[1] || p[1] > b[3]) return;
        if (booleanPointInPolygon(p, a)) hits.push(i);
      });
      return hits;
    },
  };
}

/** Index of the single area containing p, or -1 when none or several (on a shared edge). */
export function uniqueArea(loc: Locator, p: [number, number]): number {
  const hits = loc.containing(p);
  return hits.length === 1 ? hits[0] : -1;
}
