// Where circles of (nearly) one radius cross, in a planar frame: each crossing
// point is computed once, by the lower-numbered circle of its pair, and both
// circles refer to it by id, so the arcs that meet there are chained by that id
// and never by comparing coordinates.
import KDBush from 'kdbush';

/** Circles in a planar frame (metres): centres and radii. */
export interface Circles {
  x: Float64Array;
  y: Float64Array;
  r: Float64Array;
}

/** A crossing on one circle: at `angle` (radians, counterclockwise from +x) the circle, going counterclockwise, enters (or leaves) another circle, at crossing point `point`. */
export interface CircleEvent {
  angle: number;
  enter: boolean;
  point: number;
}

export interface Crossings {
  /** Crossing points, two per crossing pair of circles. */
  px: number[];
  py: number[];
  /** Events on each circle, unsorted. */
  events: CircleEvent[][];
  /** Union-find parents: circles linked by crossings share a root (see `rootOf`). */
  parent: Int32Array;
  /** 1 for a circle wholly inside another (it adds nothing to the union). */
  inside: Uint8Array;
}

function index(c: Circles, ids: ArrayLike<number>): KDBush {
  const kd = new KDBush(Math.max(1, ids.length));
  for (let k = 0; k < ids.length; k++) kd.add(c.x[ids[k]], c.y[ids[k]]);
  return kd.finish();
}

/** The union-find root of circle i. */
export function rootOf(parent: Int32Array, i: number): number {
  while (parent[i] !== i) i = parent[i] = parent[parent[i]];
  return i;
}

/**
 * Indices of the circles left once every centre within `minGap` metres of an
 * earlier kept centre is dropped: such a circle lies inside the kept one up to
 * minGap, and two nearly coincident centres would make the direction between
 * them, and so their crossing points, mostly rounding noise.
 */
export function distinctCentres(c: Circles, minGap: number): number[] {
  const n = c.x.length;
  const all = Array.from({ length: n }, (_, i) => i);
  const kd = index(c, all);
  const dropped = new Uint8Array(n);
  const kept: number[] = [];
  for (let i = 0; i < n; i++) {
    if (dropped[i]) continue;
    kept.push(i);
    for (const j of kd.within(c.x[i], c.y[i], minGap)) if (j > i) dropped[j] = 1;
  }
  return kept;
}

/**
 * Crossing points and per-circle events of every pair of circles that cross
 * (centres distinct, see distinctCentres). Pairs that only touch (tangent) or
 * do not meet give no events: tangent circles stay two rings that share a
 * point. A circle inside another is flagged; with one ground radius that needs
 * radii differing by more than the centres' distance, which sec φ never does
 * (the radii differ by about r·tan φ/R per metre apart), but it costs little
 * to be safe.
 */
export function crossings(c: Circles): Crossings {
  const n = c.x.length;
  const { x, y, r } = c;
  const kd = index(c, Array.from({ length: n }, (_, i) => i));
  const rMax = r.reduce((m, v) => Math.max(m, v), 0);
  const out: Crossings = { px: [], py: [], events: Array.from({ length: n }, () => []), parent: Int32Array.from({ length: n }, (_, i) => i), inside: new Uint8Array(n) };
  const { px, py, events, parent } = out;
  for (let i = 0; i < n; i++) {
    for (const j of kd.within(x[i], y[i], r[i] + rMax)) {
      if (j <= i) continue;
      const dx = x[j] - x[i], dy = y[j] - y[i];
      const d2 = dx * dx + dy * dy;
      const d = Math.sqrt(d2);
      if (d >= r[i] + r[j]) continue;
      if (d <= Math.abs(r[i] - r[j])) {
        out.inside[r[i] < r[j] ? i : j] = 1;
        continue;
      }
      // a: distance from centre i to the chord through both crossings, along i→j; h: half the chord.
      const a = (d2 + r[i] * r[i] - r[j] * r[j]) / (2 * d);
      const h2 = r[i] * r[i] - a * a;
      if (!(h2 > 0)) continue;
      const h = Math.sqrt(h2), ux = dx / d, uy = dy / d;
      // Point p (right of i→j) is where i, going counterclockwise, enters j and j leaves i; p + 1 (left) the reverse.
      const p = px.length;
      px.push(x[i] + a * ux + h * uy, x[i] + a * ux - h * uy);
      py.push(y[i] + a * uy - h * ux, y[i] + a * uy + h * ux);
      const phi = Math.atan2(dy, dx), ai = Math.atan2(h, a), aj = Math.atan2(h, d - a);
      events[i].push({ angle: phi - ai, enter: true, point: p }, { angle: phi + ai, enter: false, point: p + 1 });
      events[j].push({ angle: phi + Math.PI - aj, enter: true, point: p + 1 }, { angle: phi + Math.PI + aj, enter: false, point: p });
      parent[rootOf(parent, i)] = rootOf(parent, j);
    }
  }
  return out;
}
