// Service circles of many halls merged into one shape per service, so a
// semi-transparent fill covers every place once, however many circles
// overlap there (no "mud" where halls cluster).
//
// All circles of one call share one ground radius, so the union needs no
// general polygon clipper (polygon-clipping cost 9.7 kB gzip, issue 6). In a
// Mercator frame in metres (conformal: a circle stays a circle of r·sec φ, an
// angle around a hall is its bearing; see circle-union/mercator-frame.ts),
// each circle's boundary is cut where it crosses its neighbours (found with
// kdbush); the arcs outside every other circle are the union's boundary
// (circle-union/exposed-arcs.ts). An arc ends where its circle enters another
// and the boundary continues on that circle from the same crossing point,
// computed once per pair and matched by id (circle-union/arc-cycles.ts).
// Following the arcs counterclockwise gives outer rings counterclockwise and
// holes (pockets no circle covers) clockwise, as RFC 7946 wants; each group
// of crossing circles has one outer ring, which takes the group's holes.
//
// Vertices: each arc keeps the vertices of its circle's turf 32-gon that lie
// on it (the points Turf's circle() draws for it)
// plus its two crossing points. So the shape is the union of the 32-gons
// except at the corners where circles meet, which sit on both true
// circles: chords stay ≤ r·(1 − cos(π/32)) inside the circles, and
// the frame adds ≤ r²·tan φ/(2 R) (0.3 m at 3 km in Shenzhen).
//
// Degeneracies: coincident centres (closer than 1e-6 r) count once; tangent
// circles stay two rings touching at a point; a circle covered all round adds
// nothing and is found before its crossings are sorted
// (circle-union/circle-crossings.ts). Where rounding decides an exact
// degeneracy (three circles through one point in the frame) differently on
// two circles, the arcs of that group do not chain exactly once each; the
// group is then retried with centres nudged by 1e-7 r (then 1e-5 r, 1e-3 r),
// see circle-union/merge-circles.ts.
import type { MultiPolygon, Position } from 'geojson';
import type { Circles } from './circle-union/circle-crossings';
import { mercatorFrame } from './circle-union/mercator-frame';
import { mergeCircles, type ArcRing } from './circle-union/merge-circles';
import { circle } from '@turf/turf';

/** Number of vertices per circle; an inscribed polygon, so edges sit ≤ r·(1 − cos(π/steps)) inside the true circle (0.5 % at 32). */
export const CIRCLE_STEPS = 32;

const STEP = (2 * Math.PI) / CIRCLE_STEPS; // radians between 32-gon vertices
// A 32-gon vertex closer than this (radians) to an arc's end is left out: the
// frame's second-order error (≤ r·tan φ/R radians, 3e-4 for 3 km at 22.8° N)
// could otherwise put it just past the crossing point and fold the ring.
const END_GAP = STEP / 50;

/** The union and how it was reached: groups retried with nudged centres, the largest nudge (metres), circles left unmerged after every retry failed (0 in every test). */
export interface CircleUnion {
  geometry: MultiPolygon;
  retried: number;
  nudgedM: number;
  unmerged: number;
}

/** The union of circles of `radiusM` metres around the given points, with a report of retries (see the file comment). */
export function circleUnion(lng: ArrayLike<number>, lat: ArrayLike<number>, radiusM: number): CircleUnion {
  const n = lng.length;
  if (!n || !(radiusM > 0)) return { geometry: { type: 'MultiPolygon', coordinates: [] }, retried: 0, nudgedM: 0, unmerged: 0 };
  const f = mercatorFrame(lng[0], lat[0]);
  const c: Circles = {
    x: Float64Array.from(lng, (v) => f.x(v)),
    y: Float64Array.from(lat, (v) => f.y(v)),
    r: Float64Array.from(lat, (v) => radiusM * f.scale(v)),
  };
  const merged = mergeCircles(c, radiusM);
  const gons = new Map<number, Position[]>();
  const gon = (i: number): Position[] => {
    let v = gons.get(i);
    // Radius in kilometres: with units 'meters' Turf divides by another
    // constant, which moves the last bit of some vertices off the goldens.
    if (!v) gons.set(i, (v = circle([lng[i], lat[i]], radiusM / 1000, { steps: CIRCLE_STEPS, units: 'kilometers' }).geometry.coordinates[0]));
    return v;
  };
  const ring = (arcs: ArcRing): Position[] => {
    if (typeof arcs === 'number') return gon(arcs);
    const pos: Position[] = [];
    for (const a of arcs) {
      pos.push(f.lngLat(a.x, a.y));
      // Turf's vertex i lies at bearing −i·360/steps, i.e. at frame angle (8 + i)·STEP.
      for (let s = Math.ceil((a.from + END_GAP) / STEP); s * STEP < a.to - END_GAP; s++) pos.push(gon(a.circle)[(s + 24) % CIRCLE_STEPS]);
    }
    pos.push(pos[0]);
    return pos;
  };
  return {
    geometry: { type: 'MultiPolygon', coordinates: merged.polygons.map((p) => p.map(ring)) },
    retried: merged.retried,
    // Frame metres are ground metres × sec φ ≥ 1; per axis ±nudge/2.
    nudgedM: merged.nudge,
    unmerged: merged.unmerged,
  };
}

/** The union of circles of `radiusM` metres around the given points, as one MultiPolygon (empty when there are no points). */
export function unionOfCircles(lng: ArrayLike<number>, lat: ArrayLike<number>, radiusM: number): MultiPolygon {
  return circleUnion(lng, lat, radiusM).geometry;
}
