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
  /** 1 for a circle that adds nothing to the union (inside another, or covered all round); it has no events. */
  hidden: Uint8Array;
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

const BUCKETS = 64; // angular buckets of the "covered all round" test

/**
 * Crossing points and per-circle events of every pair of circles that cross
 * (centres distinct, see distinctCentres). Pairs that only touch (tangent) or
 * do not meet give no events: tangent circles stay two rings that share a
 * point. Circles that add nothing to the union are flagged `hidden` and get no
 * events: one inside another (with one ground radius that needs radii
 * differing by more than the centres' distance, which sec φ never does, but it
 * is cheap to be safe), or one whose every 1/64 of its turn lies wholly inside
 * one of the intervals its neighbours cover. In a dense group most circles are
 * covered all round, and making and sorting their events was most of the time.
 */
export function crossings(c: Circles): Crossings {
  const n = c.x.length;
  const { x, y, r } = c;
  const kd = index(
    c,
    Array.from({ length: n }, (_, i) => i),
  );
  const rMax = r.reduce((m, v) => Math.max(m, v), 0);
  const out: Crossings = {
    px: [],
    py: [],
    events: Array.from({ length: n }, () => []),
    parent: Int32Array.from({ length: n }, (_, i) => i),
    hidden: new Uint8Array(n),
  };
  const { px, py, events, parent, hidden } = out;
  const pairs: number[] = []; // i, j (i < j) of each crossing pair
  const inside = new Int32Array(BUCKETS + 1); // difference counts of buckets wholly inside an interval
  for (let i = 0; i < n; i++) {
    inside.fill(0);
    let all = false;
    for (const j of kd.within(x[i], y[i], r[i] + rMax)) {
      if (j === i) continue;
      const dx = x[j] - x[i],
        dy = y[j] - y[i];
      const d2 = dx * dx + dy * dy;
      const d = Math.sqrt(d2);
      if (d >= r[i] + r[j]) continue;
      if (d <= Math.abs(r[i] - r[j])) {
        if (r[i] < r[j]) all = true;
        continue;
      }
      const a = (d2 + r[i] * r[i] - r[j] * r[j]) / (2 * d);
      const h2 = r[i] * r[i] - a * a;
      if (!(h2 > 0)) continue;
      if (j > i) {
        pairs.push(i, j);
        parent[rootOf(parent, i)] = rootOf(parent, j);
      }
      // Buckets (1/64 turn each) from ceil(start) to floor(end) lie wholly inside [phi − alpha, phi + alpha].
      const phi = Math.atan2(dy, dx),
        alpha = Math.atan2(Math.sqrt(h2), a);
      const s = (phi - alpha) / (2 * Math.PI),
        s0 = s - Math.floor(s); // turns
      const lo = Math.ceil(s0 * BUCKETS),
        hi = Math.floor((s0 + alpha / Math.PI) * BUCKETS); // hi − lo < BUCKETS as alpha < π
      if (lo < hi) {
        inside[lo]++;
        if (hi > BUCKETS) {
          inside[BUCKETS]--;
          inside[0]++;
          inside[hi - BUCKETS]--;
        } else inside[hi]--;
      }
    }
    let covered = 0;
    for (let q = 0, k = 0; q < BUCKETS; q++) if ((k += inside[q]) > 0) covered++;
    if (all || covered === BUCKETS) hidden[i] = 1;
  }
  for (let p = 0; p < pairs.length; p += 2) {
    const i = pairs[p],
      j = pairs[p + 1];
    if (hidden[i] && hidden[j]) continue;
    const dx = x[j] - x[i],
      dy = y[j] - y[i];
    const d2 = dx * dx + dy * dy;
    const d = Math.sqrt(d2);
    // a: distance from centre i to the chord through both crossings, along i→j; h: half the chord.
    const a = (d2 + r[i] * r[i] - r[j] * r[j]) / (2 * d);
    const h = Math.sqrt(r[i] * r[i] - a * a),
      ux = dx / d,
      uy = dy / d;
    // Point k (right of i→j) is where i, going counterclockwise, enters j and j leaves i; k + 1 (left) the reverse.
    const k = px.length;
    px.push(x[i] + a * ux + h * uy, x[i] + a * ux - h * uy);
    py.push(y[i] + a * uy - h * ux, y[i] + a * uy + h * ux);
    const phi = Math.atan2(dy, dx),
      ai = Math.atan2(h, a),
      aj = Math.atan2(h, d - a);
    // Each circle's events come in (entry, exit) pairs, one pair per crossing circle.
    if (!hidden[i]) events[i].push({ angle: phi - ai, enter: true, point: k }, { angle: phi + ai, enter: false, point: k + 1 });
    if (!hidden[j]) events[j].push({ angle: phi + Math.PI - aj, enter: true, point: k + 1 }, { angle: phi + Math.PI + aj, enter: false, point: k });
  }
  return out;
}
