// The circle union as the worker computed it before it dropped
// polygon-clipping (issue 6: 9.7 kB gzip for a splay-tree sweep line): turf
// 32-gons merged by polygon-clipping, per group of centres closer than
// 2 r + 1 %, as a balanced tree of small unions where circles overlap many
// neighbours. Kept, unchanged, as the reference for the new arc-based union in
// test/unit/core/geo/circle-union.test.ts and the baseline in
// test/bench/circle-union.bench.ts; polygon-clipping stays a devDependency.
import { circle } from '@turf/circle';
import type { MultiPolygon, Position } from 'geojson';
import polygonClipping, { type MultiPolygon as Shape, type Polygon as ClipPolygon } from 'polygon-clipping';
import { EARTH_RADIUS_M as EARTH_R, haversineM as haversine } from '../../../src/core/geo/haversine';
const LEAF = 8; // circles per first-level union: measured best of 1/8/16/32 on the sample
const TREE_FROM = 10; // mean neighbours per circle from which the tree beats one sweep

const CIRCLE_STEPS = 32; // vertices per circle, as in src/core/geo/circle-union.ts

function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

export interface CircleGroup {
  members: number[]; // point indices
  meanNeighbours: number; // circles each member may touch, on average
}

/** Groups of point indices whose circles of radius `radiusM` may touch (centres ≤ 2 r + 1 % apart). */
export function touchingGroups(lng: ArrayLike<number>, lat: ArrayLike<number>, radiusM: number): CircleGroup[] {
  const n = lng.length;
  const parent = new Int32Array(n).map((_, i) => i);
  const degree = new Int32Array(n);
  const reach = 2 * radiusM * 1.01; // 1 % slack: a pair that only nearly touches is merged, which is harmless
  // Sort by longitude so each point only looks at neighbours within `reach` east of it.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => lng[a] - lng[b]);
  const degPerM = 180 / (Math.PI * EARTH_R);
  for (let a = 0; a < n; a++) {
    const i = order[a];
    const maxDLng = ((reach * degPerM) / Math.max(0.01, Math.cos((lat[i] * Math.PI) / 180))) * 1.01;
    for (let b = a + 1; b < n && lng[order[b]] - lng[i] <= maxDLng; b++) {
      const j = order[b];
      if (haversine(lng[i], lat[i], lng[j], lat[j]) <= reach) {
        parent[find(parent, i)] = find(parent, j);
        degree[i]++;
        degree[j]++;
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(parent, i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()].map((members) => ({ members, meanNeighbours: members.reduce((t, i) => t + degree[i], 0) / members.length }));
}

function morton(lng: number, lat: number): number {
  // 16 bits per axis over the whole globe: ~600 m cells, enough to keep neighbours together.
  const x = Math.floor(((lng + 180) / 360) * 65535);
  const y = Math.floor(((lat + 90) / 180) * 65535);
  let m = 0;
  for (let b = 15; b >= 0; b--) m = m * 4 + ((y >> b) & 1) * 2 + ((x >> b) & 1);
  return m;
}

function merge(shapes: Shape[]): Shape {
  if (shapes.length === 1) return shapes[0];
  return polygonClipping.union(shapes[0], ...shapes.slice(1)); // default import: node loads the CommonJS build
}

/** The union of circles of `radiusM` metres around the given points, as one MultiPolygon (empty when there are no points). */
export function polygonClippingUnion(lng: ArrayLike<number>, lat: ArrayLike<number>, radiusM: number): MultiPolygon {
  const polygons: Position[][][] = [];
  const disc = (i: number): Shape => [
    circle([lng[i], lat[i]], radiusM / 1000, { steps: CIRCLE_STEPS, units: 'kilometers' }).geometry.coordinates as ClipPolygon,
  ];
  for (const { members, meanNeighbours } of touchingGroups(lng, lat, radiusM)) {
    if (meanNeighbours < TREE_FROM) {
      polygons.push(...merge(members.map(disc)));
      continue;
    }
    members.sort((a, b) => morton(lng[a], lat[a]) - morton(lng[b], lat[b]));
    let level: Shape[] = [];
    for (let k = 0; k < members.length; k += LEAF) level.push(merge(members.slice(k, k + LEAF).map(disc)));
    while (level.length > 1) {
      const next: Shape[] = [];
      for (let k = 0; k < level.length; k += 2) next.push(merge(level.slice(k, k + 2)));
      level = next;
    }
    polygons.push(...level[0]);
  }
  return { type: 'MultiPolygon', coordinates: polygons };
}
