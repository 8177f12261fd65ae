// Service circles of many halls merged into one shape per service, so a
// semi-transparent fill covers every place once, however many circles
// overlap there (no "mud" where halls cluster).
//
// @turf/union sweeps all rings at once; with 236 circles of 3 km that takes
// seconds because every circle crosses dozens of others. Two cheap steps keep
// it well under a second: circles that cannot touch are never unioned
// (connected components of "centres closer than 2 r"), and each component is
// merged as a balanced tree of small unions over a Morton-ordered list, so
// neighbours merge first and inner edges vanish early.
import { circle } from '@turf/circle';
import { featureCollection } from '@turf/helpers';
import { union } from '@turf/union';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

const EARTH_R = 6_371_008.8; // metres, as turf.distance
const LEAF = 8; // circles per first-level union: measured best of 1/8/16/32 on the sample

/** Number of vertices per circle; an inscribed polygon, so edges sit ≤ r·(1 − cos(π/steps)) inside the true circle (0.5 % at 32). */
export const CIRCLE_STEPS = 32;

function haversine(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLng = (lng2 - lng1) * toRad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_R * Math.asin(Math.min(1, Math.sqrt(a)));
}

function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

/** Groups of point indices whose circles of radius `radiusM` may touch (centres ≤ 2 r + 1 % apart). */
export function touchingGroups(lng: ArrayLike<number>, lat: ArrayLike<number>, radiusM: number): number[][] {
  const n = lng.length;
  const parent = new Int32Array(n).map((_, i) => i);
  const reach = 2 * radiusM * 1.01; // 1 % slack: a pair that only nearly touches is merged, which is harmless
  // Sort by longitude so each point only looks at neighbours within `reach` east of it.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => lng[a] - lng[b]);
  const degPerM = 180 / (Math.PI * EARTH_R);
  for (let a = 0; a < n; a++) {
    const i = order[a];
    const maxDLng = (reach * degPerM) / Math.max(0.01, Math.cos((lat[i] * Math.PI) / 180)) * 1.01;
    for (let b = a + 1; b < n && lng[order[b]] - lng[i] <= maxDLng; b++) {
      const j = order[b];
      if (haversine(lng[i], lat[i], lng[j], lat[j]) <= reach) parent[find(parent, i)] = find(parent, j);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(parent, i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()];
}

function morton(lng: number, lat: number): number {
  // 16 bits per axis over the whole globe: ~600 m cells, enough to keep neighbours together.
  const x = Math.floor(((lng + 180) / 360) * 65535);
  const y = Math.floor(((lat + 90) / 180) * 65535);
  let m = 0;
  for (let b = 15; b >= 0; b--) m = m * 4 + ((y >> b) & 1) * 2 + ((x >> b) & 1);
  return m;
}

type Shape = Feature<Polygon | MultiPolygon>;

function merge(shapes: Shape[]): Shape {
  if (shapes.length === 1) return shapes[0];
  return union(featureCollection(shapes)) ?? shapes[0];
}

function polygonsOf(shape: Shape): Position[][][] {
  return shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates;
}

/** The union of circles of `radiusM` metres around the given points, as one MultiPolygon (empty when there are no points). */
export function unionOfCircles(lng: ArrayLike<number>, lat: ArrayLike<number>, radiusM: number): MultiPolygon {
  const polygons: Position[][][] = [];
  for (const group of touchingGroups(lng, lat, radiusM)) {
    group.sort((a, b) => morton(lng[a], lat[a]) - morton(lng[b], lat[b]));
    let level: Shape[] = [];
    for (let k = 0; k < group.length; k += LEAF) {
      level.push(merge(group.slice(k, k + LEAF).map((i) => circle([lng[i], lat[i]], radiusM / 1000, { steps: CIRCLE_STEPS, units: 'kilometers' }))));
    }
    while (level.length > 1) {
      const next: Shape[] = [];
      for (let k = 0; k < level.length; k += 2) next.push(merge(level.slice(k, k + 2)));
      level = next;
    }
    polygons.push(...polygonsOf(level[0]));
  }
  return { type: 'MultiPolygon', coordinates: polygons };
}
