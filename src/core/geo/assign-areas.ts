// Each population unit and hall belongs to the first area in file order that
// contains it (boundary inclusive, holes honoured), or to none (-1).
import { PolygonIndex, type PolygonParts } from './polygon-index';
import type { AreaSet } from '../types';

/** Point-in-area testers for every area, in file order. */
export function areaIndexes(areas: AreaSet): PolygonIndex[] {
  return areas.features.map((f) => {
    const g = f.geometry;
    const parts = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as PolygonParts;
    return new PolygonIndex(parts);
  });
}

/** Area index (0-based, file order) of each point, -1 when it lies outside every area. */
export function assignAreas(lng: ArrayLike<number>, lat: ArrayLike<number>, indexes: PolygonIndex[]): Int32Array {
  const out = new Int32Array(lng.length).fill(-1);
  for (let i = 0; i < lng.length; i++) {
    for (let a = 0; a < indexes.length; a++) {
      if (indexes[a].contains(lng[i], lat[i])) {
        out[i] = a;
        break;
      }
    }
  }
  return out;
}
