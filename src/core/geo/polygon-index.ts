// Point-in-polygon for one (Multi)Polygon, boundary inclusive, holes honoured.
// Edges are bucketed into horizontal bands so a test only looks at the edges
// that can cross the point's latitude: ~O(1) per point for area assignment of
// hundreds of thousands of units against outlines with thousands of vertices.
// Where many edges cross one latitude (a hostile zigzag), sorted slabs
// (polygon-slabs.ts) answer by binary search instead, with the same result,
// in the command line and the browser's worker alike.
import { detSign } from './exact-sign';
import { SLAB_INSIDE, SLAB_UNKNOWN, SlabIndex, type SlabOptions } from './polygon-slabs';

/** Rings per polygon part, [lng, lat] degrees: [part][ring][vertex]. */
export type PolygonParts = [number, number][][][];

/** Boundary-inclusive point-in-(multi)polygon tester with a band index over the edges. */
export class PolygonIndex {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  private readonly ex1: Float64Array;
  private readonly ey1: Float64Array;
  private readonly ex2: Float64Array;
  private readonly ey2: Float64Array;
  private readonly part: Int32Array; // polygon part of each edge (parity is per part)
  private readonly partCount: number;
  private readonly bandStart: Int32Array;
  private readonly bandEdges: Int32Array;
  private readonly bandH: number; // degrees of latitude per band
  private readonly parity: Uint8Array;
  /** Sorted slabs where many edges cross a latitude, or null (none needed: every test scans its band). */
  readonly slabs: SlabIndex | null;

  /** `slabOptions` tune the slab fast path (tests use small thresholds); results never depend on them. */
  constructor(parts: PolygonParts, slabOptions?: SlabOptions) {
    const e: number[][] = [];
    parts.forEach((rings, p) => {
      for (const ring of rings) {
        for (let k = 0; k + 1 < ring.length; k++) {
          const [x1, y1] = ring[k];
          const [x2, y2] = ring[k + 1];
          if (x1 !== x2 || y1 !== y2) e.push([x1, y1, x2, y2, p]);
        }
        // Tolerate unclosed rings: close them implicitly.
        const a = ring[ring.length - 1];
        const b = ring[0];
        if (a[0] !== b[0] || a[1] !== b[1]) e.push([a[0], a[1], b[0], b[1], p]);
      }
    });
    const n = e.length;
    this.ex1 = Float64Array.from(e, (v) => v[0]);
    this.ey1 = Float64Array.from(e, (v) => v[1]);
    this.ex2 = Float64Array.from(e, (v) => v[2]);
    this.ey2 = Float64Array.from(e, (v) => v[3]);
    this.part = Int32Array.from(e, (v) => v[4]);
    this.partCount = parts.length;
    this.parity = new Uint8Array(parts.length);
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      minX = Math.min(minX, this.ex1[i], this.ex2[i]);
      maxX = Math.max(maxX, this.ex1[i], this.ex2[i]);
      minY = Math.min(minY, this.ey1[i], this.ey2[i]);
      maxY = Math.max(maxY, this.ey1[i], this.ey2[i]);
    }
    [this.minX, this.minY, this.maxX, this.maxY] = [minX, minY, maxX, maxY];
    // Each edge is listed in every band its y-range touches: about
    // n + bands * (sum of edge heights) / (total height) entries. Real outlines
    // have edges short against the whole, but a hostile zigzag whose every edge
    // spans the full height would cost n * bands entries (100 000 vertices:
    // 1.6 GB), so the band count is capped to keep entries under ~16 n.
    let spanSum = 0;
    for (let i = 0; i < n; i++) spanSum += Math.abs(this.ey2[i] - this.ey1[i]);
    const height = maxY - minY;
    const budget = spanSum > 0 && height > 0 ? Math.floor((15 * n * height) / spanSum) : Infinity;
    const bands = Math.max(1, Math.min(4096, Math.ceil(n / 4), budget));
    this.bandH = (maxY - minY) / bands || 1;
    // Counting sort of edges into every band their closed y-range touches.
    const lo = new Int32Array(n);
    const hi = new Int32Array(n);
    const count = new Int32Array(bands + 1);
    for (let i = 0; i < n; i++) {
      lo[i] = this.band(Math.min(this.ey1[i], this.ey2[i]), bands);
      hi[i] = this.band(Math.max(this.ey1[i], this.ey2[i]), bands);
      for (let b = lo[i]; b <= hi[i]; b++) count[b + 1]++;
    }
    for (let b = 0; b < bands; b++) count[b + 1] += count[b];
    this.bandStart = count.slice();
    this.bandEdges = new Int32Array(count[bands]);
    const fill = count.slice();
    for (let i = 0; i < n; i++) for (let b = lo[i]; b <= hi[i]; b++) this.bandEdges[fill[b]++] = i;
    const edges = { ex1: this.ex1, ey1: this.ey1, ex2: this.ex2, ey2: this.ey2, part: this.part, partCount: this.partCount };
    this.slabs = SlabIndex.build(
      edges,
      (ylo, yhi) => {
        let most = 0;
        for (let b = this.band(ylo, bands); b <= this.band(yhi, bands); b++) most = Math.max(most, this.bandStart[b + 1] - this.bandStart[b]);
        return most;
      },
      slabOptions,
    );
  }

  // Monotone in y, so an edge whose closed y-range holds y is always listed in
  // band(y): band(ylo) <= band(y) <= band(yhi).
  private band(y: number, bands: number): number {
    const b = Math.floor((y - this.minY) / this.bandH);
    return b < 0 ? 0 : b >= bands ? bands - 1 : b;
  }

  /**
   * True when (x, y) is inside or on the boundary (degrees). Per edge this is
   * the rule of point-in-polygon-hao (what turf.booleanPointInPolygon uses),
   * with an exact orientation sign, so both agree on every boundary point.
   */
  contains(x: number, y: number): boolean {
    if (x < this.minX || x > this.maxX || y < this.minY || y > this.maxY) return false;
    if (this.slabs !== null) {
      const r = this.slabs.test(x, y);
      if (r !== SLAB_UNKNOWN) return r === SLAB_INSIDE;
    }
    const b = this.band(y, this.bandStart.length - 1);
    const parity = this.parity;
    parity.fill(0);
    for (let k = this.bandStart[b]; k < this.bandStart[b + 1]; k++) {
      const i = this.bandEdges[k];
      const u1 = this.ex1[i] - x,
        v1 = this.ey1[i] - y,
        u2 = this.ex2[i] - x,
        v2 = this.ey2[i] - y;
      if (v1 === 0 && v2 === 0) {
        // Horizontal edge at the point's latitude: on it, or irrelevant.
        if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return true;
      } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
        const f = detSign(u2, u1, v2, v1); // sign of u2*v1 - u1*v2
        if (f === 0) return true; // on the edge
        if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) parity[this.part[i]] ^= 1;
      }
    }
    for (let p = 0; p < this.partCount; p++) if (parity[p] === 1) return true;
    return false;
  }
}
