// The union of circles in a planar frame, as rings of arcs: per group of
// crossing circles, the exposed arcs chained into cycles, one outer ring
// (counterclockwise) and its holes (clockwise). A group whose arcs do not
// chain, or do not make exactly one outer ring, met an exact degeneracy that
// rounding decided two ways (three circles through one point, seen in the
// frame); it is retried with centres nudged by 1e-7, then 1e-5, then 1e-3 of
// the radius in fixed pseudo-random directions, which breaks exact ties
// without visibly moving anything.
import { chainArcs, cycleArea } from './arc-cycles';
import { crossings, distinctCentres, rootOf, type Circles } from './circle-crossings';
import { exposedArcs, type Arc } from './exposed-arcs';

const SAME_CENTRE = 1e-6; // × radius: closer centres are one circle
const MIN_POCKET = 1e-12; // × radius²: smaller holes are rounding, not uncovered land
const NUDGE = [0, 1e-7, 1e-5, 1e-3]; // × radius: centre nudge per attempt

/** An arc of a ring: on circle `circle`, counterclockwise from angle `from` to `to` (radians), starting at (x, y). */
export interface RingArc {
  circle: number;
  from: number;
  to: number;
  x: number;
  y: number;
}

/** A ring: its arcs in boundary order, or a circle's index when the ring is that whole circle. */
export type ArcRing = RingArc[] | number;

export interface MergedCircles {
  /** Polygons, each its outer ring then its holes. */
  polygons: ArcRing[][];
  /** Groups retried with nudged centres, and the largest nudge (frame metres per axis). */
  retried: number;
  nudge: number;
  /** Circles drawn unmerged after every retry failed (0 in every test). */
  unmerged: number;
}

// A fixed pseudo-random number in [0, 1) per (circle, attempt), so a retry is reproducible.
function noise(i: number, s: number): number {
  const v = Math.sin(i * 12.9898 + s * 78.233) * 43758.5453;
  return v - Math.floor(v);
}

/** The union of the circles `c` (frame metres; `radius` is their typical radius, the unit of the tolerances above). */
export function mergeCircles(c: Circles, radius: number): MergedCircles {
  const out: MergedCircles = { polygons: [], retried: 0, nudge: 0, unmerged: 0 };
  // Merge the circles `ids`; returns the groups whose arcs did not chain.
  const merge = (ids: number[], nudge: number, attempt: number): number[][] => {
    const m = ids.length;
    const sub: Circles = { x: new Float64Array(m), y: new Float64Array(m), r: new Float64Array(m) };
    ids.forEach((i, k) => {
      sub.x[k] = c.x[i] + nudge * (noise(i, attempt) - 0.5);
      sub.y[k] = c.y[i] + nudge * (noise(i, attempt + 0.5) - 0.5);
      sub.r[k] = c.r[i];
    });
    const { px, py, events, parent, hidden } = crossings(sub);
    const groups = new Map<number, number[]>(); // root → circles with crossings
    for (let k = 0; k < m; k++) {
      if (hidden[k]) continue;
      if (!events[k].length) out.polygons.push([ids[k]]);
      else {
        const root = rootOf(parent, k);
        const g = groups.get(root);
        if (g) g.push(k);
        else groups.set(root, [k]);
      }
    }
    const failed: number[][] = [];
    for (const members of groups.values()) {
      const arcs: Arc[] = [];
      for (const k of members) exposedArcs(k, events[k], arcs);
      const rings = (chainArcs(arcs) ?? []).map((cycle) => ({ cycle, area: cycleArea(cycle, arcs, px, py, sub.r) }));
      const outer = rings.filter((q) => q.area > 0);
      if (outer.length !== 1) {
        failed.push(members.map((k) => ids[k]));
        continue;
      }
      const holes = rings.filter((q) => -q.area > MIN_POCKET * radius * radius);
      out.polygons.push(
        [outer[0], ...holes].map(({ cycle }) =>
          cycle.map((k) => {
            const a = arcs[k];
            return { circle: ids[a.circle], from: a.from, to: a.to, x: px[a.start], y: py[a.start] };
          }),
        ),
      );
    }
    return failed;
  };
  let todo = [distinctCentres(c, SAME_CENTRE * radius)];
  for (let attempt = 0; attempt < NUDGE.length && todo.length; attempt++) {
    if (attempt) {
      out.retried += todo.length;
      out.nudge = NUDGE[attempt] * radius;
    }
    todo = todo.flatMap((ids) => merge(ids, NUDGE[attempt] * radius, attempt));
  }
  // Last resort, never reached in the tests: the circles unmerged.
  for (const ids of todo) for (const i of ids) out.polygons.push([i]);
  out.unmerged = todo.reduce((t, ids) => t + ids.length, 0);
  return out;
}
