// Sorted slabs: a fast path for PolygonIndex point tests where many edges cross
// one latitude (a hostile zigzag puts every edge across every latitude).
//
// A slab is the open latitude interval between two consecutive distinct vertex
// latitudes. Every edge that meets a latitude inside it spans the whole slab,
// so if no two of them cross inside it they are ordered left to right at every
// latitude of the slab. That order is checked exactly when the slab is built;
// a slab whose edges cross (self-intersecting input) is simply not kept. A
// point's crossing count is then a binary search, with the very per-edge test
// PolygonIndex.contains uses, instead of a scan of every edge.
//
// That test takes coordinate differences in floating point. The order argument
// needs them exact, so a query answers here only when every difference
// between an edge coordinate and the point is exact (true for lon/lat points
// in the same region as the polygon: 113.9 - 113.8 is exact); otherwise the
// caller scans the edges. Either way the answer is the scan's, bit for bit.
import { detSign, exact } from './exact-sign';

/** Fewest edges a point test would otherwise scan for a slab to be worth sorting (below this the scan is as fast). */
export const SLAB_MIN_SCAN = 32;
/** Stored slab entries per edge at most (two Int32 each): memory stays O(edges). */
export const SLAB_ENTRIES_PER_EDGE = 4;

/** Answers of SlabIndex.test. */
export const SLAB_OUTSIDE = 0;
export const SLAB_INSIDE = 1;
export const SLAB_UNKNOWN = -1; // not in a kept slab, or differences not exact: scan instead

/** Tuning for tests and benchmarks; the defaults suit real data. */
export interface SlabOptions {
  minScan?: number;
  entriesPerEdge?: number;
}

/** Most edges a point test scans at some latitude of [ylo, yhi] without slabs. */
export type ScanCost = (ylo: number, yhi: number) => number;

/** Edges as flat arrays ([lng, lat] degrees), with the polygon part of each. */
export interface EdgeArrays {
  ex1: Float64Array;
  ey1: Float64Array;
  ex2: Float64Array;
  ey2: Float64Array;
  part: Int32Array;
  partCount: number;
}

const view = new DataView(new ArrayBuffer(8));

// Exponent of the lowest set bit of x (x is a multiple of 2^result); +Infinity for 0.
function lowBitExponent(x: number): number {
  if (x === 0) return Infinity;
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const base = biased === 0 ? -1074 : biased - 1075;
  const mhi = biased === 0 ? hi & 0xfffff : (hi & 0xfffff) | 0x100000;
  if (lo !== 0) return base + 31 - Math.clz32(lo & -lo);
  return base + 32 + 31 - Math.clz32(mhi & -mhi);
}

// Smallest e such that two multiples of 2^e at most `width` apart always have an
// exactly representable difference (|difference| <= 2^53 * 2^e, with a factor 2
// of slack for the rounding of width itself).
function neededExponent(width: number): number {
  if (!Number.isFinite(width)) return Infinity; // also NaN: never exact
  if (width === 0) return -Infinity;
  let e = Math.ceil(Math.log2(width)) - 52;
  while (2 ** (e + 53) < 2 * width) e++;
  while (2 ** (e + 52) >= 2 * width && e > -1074) e--;
  return e;
}

// Exact dyadic numbers m * 2^e, for the few order checks floats cannot decide.
type Dy = [bigint, number];
const dy: (x: number) => Dy = exact;
function add([ma, ea]: Dy, [mb, eb]: Dy): Dy {
  return ea < eb ? [ma + (mb << BigInt(eb - ea)), ea] : [(ma << BigInt(ea - eb)) + mb, eb];
}
const neg = ([m, e]: Dy): Dy => [-m, e];
const mul = ([ma, ea]: Dy, [mb, eb]: Dy): Dy => [ma * mb, ea + eb];

// Upward edges (y1 < y2) for the order checks, flat: edge q is
// up[4q .. 4q+3] = x1, y1, x2, y2.

// Sign of xa(y) - xb(y), the edges' longitudes at latitude y (inside both
// y-ranges), decided by floats when the gap is clearly above their error bound
// (~2^-50 relative; generous on purpose), exactly otherwise.
function compareAt(up: Float64Array, a: number, b: number, y: number): number {
  const ax1 = up[4 * a],
    ay1 = up[4 * a + 1],
    ax2 = up[4 * a + 2],
    ay2 = up[4 * a + 3];
  const bx1 = up[4 * b],
    by1 = up[4 * b + 1],
    bx2 = up[4 * b + 2],
    by2 = up[4 * b + 3];
  // At its own vertex an edge's longitude is exact: neighbours in a ring meet so.
  const va = y === ay1 ? ax1 : y === ay2 ? ax2 : NaN;
  const vb = y === by1 ? bx1 : y === by2 ? bx2 : NaN;
  if (va === va && vb === vb) return Math.sign(va - vb);
  const xa = ax1 + ((y - ay1) / (ay2 - ay1)) * (ax2 - ax1);
  const xb = bx1 + ((y - by1) / (by2 - by1)) * (bx2 - bx1);
  const err = 2 ** -48 * (Math.abs(ax1) + Math.abs(ax2) + Math.abs(bx1) + Math.abs(bx2)) + 2 ** -900;
  const d = xa - xb;
  if (Number.isFinite(d) && Math.abs(d) > err) return Math.sign(d);
  // x(y) = (x1 (y2 - y) + x2 (y - y1)) / (y2 - y1), denominators > 0.
  const num = (x1: number, y1: number, x2: number, y2: number) => add(mul(dy(x1), add(dy(y2), neg(dy(y)))), mul(dy(x2), add(dy(y), neg(dy(y1)))));
  const den = (y1: number, y2: number) => add(dy(y2), neg(dy(y1)));
  const [m] = add(mul(num(ax1, ay1, ax2, ay2), den(by1, by2)), neg(mul(num(bx1, by1, bx2, by2), den(ay1, ay2))));
  return m > 0n ? 1 : m < 0n ? -1 : 0;
}

/** Edges of selected vertex-free latitude slabs, each slab sorted left to right. */
export class SlabIndex {
  /** Stored entries (edge ids), for memory accounting. */
  readonly entries: number;
  private readonly lo: Float64Array; // slab s is the open interval (lo[s], hi[s]), sorted by lo
  private readonly hi: Float64Array;
  private readonly start: Int32Array; // slab s owns ids[start[s] .. start[s+1])
  private readonly ids: Int32Array;
  private readonly oddAfter: Int32Array; // parts with odd crossings among the slab's ids up to and including this one
  private readonly needX: number; // exponents for exact differences, see neededExponent
  private readonly needY: number;
  private readonly e: EdgeArrays;
  private readonly box: [number, number, number, number]; // minX, minY, maxX, maxY of the edges
  // Boundary on slab s's lower latitude: vertices there (start = end) and
  // horizontal edges there, spans [spanFrom[s], spanFrom[s+1]) sorted by start,
  // with the running maximum of ends, so "on it" is one binary search.
  private readonly spanFrom: Int32Array;
  private readonly spanStart: Float64Array;
  private readonly spanMaxEnd: Float64Array;

  private constructor(
    e: EdgeArrays,
    lo: number[],
    hi: number[],
    start: number[],
    ids: Int32Array,
    oddAfter: Int32Array,
    need: [number, number],
    box: [number, number, number, number],
    spans: [Int32Array, Float64Array, Float64Array],
  ) {
    this.e = e;
    this.box = box;
    [this.spanFrom, this.spanStart, this.spanMaxEnd] = spans;
    this.lo = Float64Array.from(lo);
    this.hi = Float64Array.from(hi);
    this.start = Int32Array.from(start);
    this.ids = ids;
    this.oddAfter = oddAfter;
    this.entries = ids.length;
    [this.needX, this.needY] = need;
  }

  /** Slabs for the edges, or null when no slab has enough crossings to be worth it. */
  static build(e: EdgeArrays, scanCost: ScanCost, options: SlabOptions = {}): SlabIndex | null {
    const minScan = Math.max(1, options.minScan ?? SLAB_MIN_SCAN);
    const n = e.ex1.length;
    if (n < minScan) return null;
    // Every coordinate difference a query takes must be exact; the query's own
    // coordinates are checked at query time against the same exponents.
    let minX = Infinity,
      maxX = -Infinity,
      minY = Infinity,
      maxY = -Infinity,
      lowX = Infinity,
      lowY = Infinity;
    for (const xs of [e.ex1, e.ex2])
      for (const x of xs) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        lowX = Math.min(lowX, lowBitExponent(x));
      }
    for (const ys of [e.ey1, e.ey2])
      for (const y of ys) {
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        lowY = Math.min(lowY, lowBitExponent(y));
      }
    const needX = neededExponent(maxX - minX);
    const needY = neededExponent(maxY - minY);
    if (lowX < needX || lowY < needY) return null; // no query could be exact

    // Distinct vertex latitudes and, by a sweep, the edges across each slab.
    const ys = new Float64Array(2 * n);
    ys.set(e.ey1);
    ys.set(e.ey2, n);
    ys.sort();
    let k = 0;
    for (let i = 0; i < ys.length; i++) if (i === 0 || ys[i] !== ys[k - 1]) ys[k++] = ys[i];
    const lat = ys.subarray(0, k);
    const at = (y: number) => {
      // index of y in lat (present)
      let a = 0,
        b = lat.length - 1;
      while (a < b) {
        const m = (a + b) >> 1;
        if (lat[m] < y) a = m + 1;
        else b = m;
      }
      return a;
    };
    const from = new Int32Array(n).fill(-1); // slab index range [from, to) of each non-horizontal edge
    const to = new Int32Array(n);
    const delta = new Int32Array(lat.length + 1);
    for (let i = 0; i < n; i++) {
      if (e.ey1[i] === e.ey2[i]) continue;
      from[i] = at(Math.min(e.ey1[i], e.ey2[i]));
      to[i] = at(Math.max(e.ey1[i], e.ey2[i]));
      delta[from[i]]++;
      delta[to[i]]--;
    }
    const crossings = new Int32Array(Math.max(0, lat.length - 1));
    for (let j = 0, c = 0; j < crossings.length; j++) crossings[j] = c += delta[j];

    // Slabs where the scan is long, even if few edges cross them (a slab just
    // below a zigzag shares its bands with all the zigzag's edges). Taller
    // slabs first (they hold more of the points), within the budget.
    const candidates: number[] = [];
    for (let j = 0; j < crossings.length; j++) if (scanCost(lat[j], lat[j + 1]) >= minScan) candidates.push(j);
    if (candidates.length === 0) return null;
    candidates.sort((a, b) => lat[b + 1] - lat[b] - (lat[a + 1] - lat[a]) || a - b);
    let budget = Math.floor((options.entriesPerEdge ?? SLAB_ENTRIES_PER_EDGE) * n);
    const chosen: number[] = [];
    for (const j of candidates)
      if (crossings[j] <= budget) {
        chosen.push(j);
        budget -= crossings[j];
      }
    chosen.sort((a, b) => a - b);

    // Sweep in latitude order: edges enter at `from`, leave at `to`.
    let sloped = 0;
    for (let i = 0; i < n; i++) if (from[i] >= 0) sloped++;
    const byFrom = new Int32Array(sloped);
    for (let i = 0, q = 0; i < n; i++) if (from[i] >= 0) byFrom[q++] = i;
    byFrom.sort((a, b) => from[a] - from[b]);
    const byTo = byFrom.slice().sort((a, b) => to[a] - to[b]);
    const active = new Int32Array(n);
    const slot = new Int32Array(n);
    let size = 0,
      pf = 0,
      pt = 0;
    const lo: number[] = [],
      hi: number[] = [],
      start: number[] = [0];
    const keptAt = new Int32Array(lat.length).fill(-1); // kept slab whose lower latitude is lat[j]
    const idChunks: Int32Array[] = [];
    const oddChunks: Int32Array[] = [];
    let total = 0;
    const parity = new Uint8Array(e.partCount);
    for (const j of chosen) {
      while (pf < byFrom.length && from[byFrom[pf]] <= j) {
        const i = byFrom[pf++];
        slot[i] = size;
        active[size++] = i;
      }
      while (pt < byTo.length && to[byTo[pt]] <= j) {
        const i = byTo[pt++];
        const last = active[--size];
        active[slot[i]] = last;
        slot[last] = slot[i];
      }
      const ids = active.slice(0, size);
      const sorted = SlabIndex.order(e, ids, lat[j], lat[j + 1]);
      if (sorted === null) continue; // edges cross inside: leave this slab to the scan
      const odd = new Int32Array(size);
      parity.fill(0);
      for (let q = 0, c = 0; q < size; q++) {
        const p = e.part[sorted[q]];
        parity[p] ^= 1;
        c += parity[p] === 1 ? 1 : -1;
        odd[q] = c;
      }
      keptAt[j] = lo.length;
      lo.push(lat[j]);
      hi.push(lat[j + 1]);
      total += size;
      start.push(total);
      idChunks.push(sorted);
      oddChunks.push(odd);
    }
    if (lo.length === 0) return null;
    const ids = new Int32Array(total);
    const oddAfter = new Int32Array(total);
    for (let s = 0; s < idChunks.length; s++) {
      ids.set(idChunks[s], start[s]);
      oddAfter.set(oddChunks[s], start[s]);
    }
    return new SlabIndex(e, lo, hi, start, ids, oddAfter, [needX, needY], [minX, minY, maxX, maxY], SlabIndex.spans(e, lat, at, keptAt, lo.length));
  }

  // Vertices and horizontal edges on each kept slab's lower latitude (at most
  // two per edge in all), for points exactly on that latitude.
  private static spans(
    e: EdgeArrays,
    lat: Float64Array,
    at: (y: number) => number,
    keptAt: Int32Array,
    slabs: number,
  ): [Int32Array, Float64Array, Float64Array] {
    // Two passes over the edges (count, then fill) into flat arrays.
    const from = new Int32Array(slabs + 1);
    const each = (visit: (s: number, a: number, b: number) => void) => {
      const add = (y: number, a: number, b: number) => {
        const s = keptAt[at(y)];
        if (s >= 0) visit(s, Math.min(a, b), Math.max(a, b));
      };
      for (let i = 0; i < e.ex1.length; i++) {
        if (e.ey1[i] === e.ey2[i]) add(e.ey1[i], e.ex1[i], e.ex2[i]);
        else {
          add(e.ey1[i], e.ex1[i], e.ex1[i]);
          add(e.ey2[i], e.ex2[i], e.ex2[i]);
        }
      }
    };
    each((s) => from[s + 1]++);
    for (let s = 0; s < slabs; s++) from[s + 1] += from[s];
    const total = from[slabs];
    const start = new Float64Array(total),
      end = new Float64Array(total);
    const fill = from.slice();
    each((s, a, b) => {
      start[fill[s]] = a;
      end[fill[s]++] = b;
    });
    const order = new Int32Array(total);
    for (let k = 0; k < total; k++) order[k] = k;
    const startX = new Float64Array(total),
      maxEnd = new Float64Array(total);
    for (let s = 0; s < slabs; s++) {
      const own = order.subarray(from[s], from[s + 1]).sort((p, q) => start[p] - start[q]);
      for (let k = 0; k < own.length; k++) {
        startX[from[s] + k] = start[own[k]];
        maxEnd[from[s] + k] = k > 0 ? Math.max(end[own[k]], maxEnd[from[s] + k - 1]) : end[own[k]];
      }
    }
    return [from, startX, maxEnd];
  }

  // The slab's edges sorted left to right, or null when two of them cross
  // inside (ylo, yhi). Sorting is by longitude at mid-slab in floats; the
  // order is then checked exactly at both slab ends, pair by neighbour pair:
  // two edges that are left-right at both ends are so throughout (straight
  // lines), and left-of-or-equal is transitive.
  private static order(e: EdgeArrays, ids: Int32Array, ylo: number, yhi: number): Int32Array | null {
    const m = ids.length;
    const up = new Float64Array(4 * m);
    const key = new Float64Array(m); // longitude at mid-slab
    const pos = new Int32Array(m);
    const ymid = ylo + (yhi - ylo) / 2;
    for (let q = 0; q < m; q++) {
      const i = ids[q];
      const flip = e.ey1[i] > e.ey2[i];
      const x1 = flip ? e.ex2[i] : e.ex1[i],
        y1 = flip ? e.ey2[i] : e.ey1[i];
      const x2 = flip ? e.ex1[i] : e.ex2[i],
        y2 = flip ? e.ey1[i] : e.ey2[i];
      up[4 * q] = x1;
      up[4 * q + 1] = y1;
      up[4 * q + 2] = x2;
      up[4 * q + 3] = y2;
      key[q] = x1 + ((ymid - y1) / (y2 - y1)) * (x2 - x1);
      pos[q] = q;
    }
    pos.sort((a, b) => key[a] - key[b] || a - b);
    for (let q = 0; q + 1 < m; q++) {
      if (compareAt(up, pos[q], pos[q + 1], ylo) > 0 || compareAt(up, pos[q], pos[q + 1], yhi) > 0) return null;
    }
    for (let q = 0; q < m; q++) pos[q] = ids[pos[q]];
    return pos;
  }

  /**
   * SLAB_INSIDE / SLAB_OUTSIDE exactly as PolygonIndex's scan would answer for
   * (x, y), or SLAB_UNKNOWN when this index cannot say.
   */
  test(x: number, y: number): number {
    const { lo, hi } = this;
    let a = 0,
      b = lo.length; // first slab with lo >= y, then step back one
    while (a < b) {
      const m = (a + b) >> 1;
      if (lo[m] < y) a = m + 1;
      else b = m;
    }
    // On a kept slab's lower latitude the edges that count are that slab's
    // (those ending there from below never count, horizontal ones neither);
    // the vertices and horizontal edges there only decide "on the boundary".
    const onLow = a < lo.length && lo[a] === y;
    const s = onLow ? a : a - 1;
    if (s < 0 || !(y < hi[s])) return SLAB_UNKNOWN;
    // Differences are bounded by the box width only for points inside it.
    if (x < this.box[0] || x > this.box[2]) return SLAB_UNKNOWN;
    if (lowBitExponent(x) < this.needX || lowBitExponent(y) < this.needY) return SLAB_UNKNOWN;
    if (onLow) {
      let p = this.spanFrom[s],
        q = this.spanFrom[s + 1]; // first span starting right of x
      while (p < q) {
        const m = (p + q) >> 1;
        if (this.spanStart[m] <= x) p = m + 1;
        else q = m;
      }
      if (p > this.spanFrom[s] && this.spanMaxEnd[p - 1] >= x) return SLAB_INSIDE;
    }
    const { ex1, ey1, ex2, ey2 } = this.e;
    const ids = this.ids;
    const first = this.start[s];
    let l = first,
      r = this.start[s + 1]; // first edge not strictly left of the point
    while (l < r) {
      const m = (l + r) >> 1;
      const i = ids[m];
      const u1 = ex1[i] - x,
        v1 = ey1[i] - y,
        u2 = ex2[i] - x,
        v2 = ey2[i] - y;
      const f = detSign(u2, u1, v2, v1); // the scan's test: f > 0 upward or f < 0 downward counts
      if (f === 0) return SLAB_INSIDE; // on the edge
      if ((f > 0 && v2 > 0) || (f < 0 && v1 > 0)) l = m + 1;
      else r = m;
    }
    return l > first && this.oddAfter[l - 1] > 0 ? SLAB_INSIDE : SLAB_OUTSIDE;
  }
}
