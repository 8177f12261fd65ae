// Dissolve a set of grid cells into polygons by tracing the boundary edges
// between member and non-member cells. Every edge keeps its cell on the left,
// so outer rings run counter-clockwise and holes clockwise (RFC 7946). Where
// two cells touch only at a corner the trace turns left, and a loop that still
// passes a corner twice is split there, so every ring is simple.

/** Rings in integer grid-corner coordinates: corner (i, j) is the lower-left corner of cell (i, j). */
export type CornerRing = [number, number][];

/** Polygons (outer ring first, then holes) outlining the given cells (integer column, row). */
export function outlineCells(ci: Int32Array | number[], cj: Int32Array | number[]): CornerRing[][] {
  const member = new Set<number>();
  const key = (i: number, j: number) => i * 0x200000 + j; // j < 2^21 rows, i < 2^31
  for (let k = 0; k < ci.length; k++) member.add(key(ci[k], cj[k]));
  const has = (i: number, j: number) => member.has(key(i, j));

  // Directed boundary edges, listed by start corner; at most 2 leave a corner.
  const edges: { sx: number; sy: number; ex: number; ey: number }[] = [];
  const starts = new Map<number, number[]>();
  const addEdge = (sx: number, sy: number, ex: number, ey: number) => {
    const id = edges.length;
    edges.push({ sx, sy, ex, ey });
    const k = key(sx, sy);
    const list = starts.get(k);
    if (list) list.push(id);
    else starts.set(k, [id]);
  };
  for (const k of member) {
    const i = Math.floor(k / 0x200000);
    const j = k - i * 0x200000;
    if (!has(i, j - 1)) addEdge(i, j, i + 1, j); // bottom, eastwards
    if (!has(i + 1, j)) addEdge(i + 1, j, i + 1, j + 1); // right, northwards
    if (!has(i, j + 1)) addEdge(i + 1, j + 1, i, j + 1); // top, westwards
    if (!has(i - 1, j)) addEdge(i, j + 1, i, j); // left, southwards
  }

  const used = new Uint8Array(edges.length);
  const rings: CornerRing[] = [];
  for (let e0 = 0; e0 < edges.length; e0++) {
    if (used[e0]) continue;
    const ring: CornerRing = [];
    let e = e0;
    while (!used[e]) {
      used[e] = 1;
      const { sx, sy, ex, ey } = edges[e];
      ring.push([sx, sy]);
      const next = starts.get(key(ex, ey))!;
      e = next.length === 1 ? next[0] : leftmost(edges, e, next);
    }
    for (const simple of splitAtRepeats(ring)) rings.push(dropCollinear(simple));
  }

  // Outer rings have positive area (CCW); holes negative. A hole belongs to the
  // outer ring that contains the cell on its left side (a member cell).
  const outers = rings.filter((r) => signedArea2(r) > 0);
  const holes = rings.filter((r) => signedArea2(r) < 0);
  const polys: CornerRing[][] = outers.map((r) => [r]);
  const areas = outers.map(signedArea2);
  for (const h of holes) {
    const [ax, ay] = h[0];
    const [bx, by] = h[1];
    const ux = Math.sign(bx - ax), uy = Math.sign(by - ay);
    // Centre of the member cell left of the edge's first unit step; the left
    // normal of (ux, uy) is (-uy, ux).
    const cx = ax + ux / 2 - uy / 2;
    const cy = ay + uy / 2 + ux / 2;
    // Innermost containing outer ring: an island in a hole can own holes too.
    let best = -1;
    for (let k = 0; k < outers.length; k++) {
      if (insideRing(outers[k], cx, cy) && (best < 0 || areas[k] < areas[best])) best = k;
    }
    if (best >= 0) polys[best].push(h);
  }
  return polys;
}

// Of the two edges leaving a corner where cells touch diagonally, the one
// turning left from the incoming edge (the other turns right).
function leftmost(edges: { sx: number; sy: number; ex: number; ey: number }[], inc: number, cands: number[]): number {
  const a = edges[inc];
  const dx = a.ex - a.sx, dy = a.ey - a.sy;
  for (const c of cands) {
    const b = edges[c];
    if (dx * (b.ey - b.sy) - dy * (b.ex - b.sx) > 0) return c;
  }
  throw new Error('outlineCells: no left turn at a diagonal corner'); // unreachable on a grid
}

// Split a traced loop (open list of corners) where it passes a corner twice
// into simple closed rings: a pinched outer ring becomes an outer ring plus a
// hole (or two outer rings), each of which orientation then classifies.
function splitAtRepeats(loop: CornerRing): CornerRing[] {
  const out: CornerRing[] = [];
  const stack: [number, number][] = [];
  const at = new Map<number, number>();
  for (const p of [...loop, loop[0]]) {
    const k = p[0] * 0x200000 + p[1];
    const prev = at.get(k);
    if (prev !== undefined) {
      const sub = stack.splice(prev);
      for (const q of sub) at.delete(q[0] * 0x200000 + q[1]);
      out.push([...sub, sub[0]]);
    }
    at.set(k, stack.length);
    stack.push(p);
  }
  return out;
}

function dropCollinear(ring: CornerRing): CornerRing {
  const pts = ring.slice(0, -1);
  const out: CornerRing = [];
  const n = pts.length;
  for (let k = 0; k < n; k++) {
    const [px, py] = pts[(k + n - 1) % n];
    const [x, y] = pts[k];
    const [nx, ny] = pts[(k + 1) % n];
    if ((x - px) * (ny - y) - (y - py) * (nx - x) !== 0) out.push([x, y]);
  }
  out.push(out[0]);
  return out;
}

/** Twice the signed area of a closed ring (positive = counter-clockwise). */
export function signedArea2(r: CornerRing): number {
  let s = 0;
  for (let k = 0; k + 1 < r.length; k++) s += r[k][0] * r[k + 1][1] - r[k + 1][0] * r[k][1];
  return s;
}

// Even-odd test for a point that is never on a grid line (a cell centre).
function insideRing(r: CornerRing, x: number, y: number): boolean {
  let inside = false;
  for (let k = 0; k + 1 < r.length; k++) {
    const [x1, y1] = r[k];
    const [x2, y2] = r[k + 1];
    if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
  }
  return inside;
}
