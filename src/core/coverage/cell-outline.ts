// Dissolve a set of grid cells into polygons by tracing the boundary edges
// between member and non-member cells. Every edge keeps its cell on the left,
// so outer rings run counter-clockwise and holes clockwise (RFC 7946). Where
// two cells touch only at a corner the trace turns left, and a loop that still
// passes a corner twice is split there, so every ring is simple. Each polygon
// is one 4-connected group of cells: its outer ring and the holes whose left
// side touches that group. Dense typed arrays over the cells' bounding box keep
// this linear in the number of cells.

/** Rings in integer grid-corner coordinates: corner (i, j) is the lower-left corner of cell (i, j). */
export type CornerRing = [number, number][];

/** Polygons (outer ring first, then holes) outlining the given cells (integer column, row). */
export function outlineCells(ci: ArrayLike<number>, cj: ArrayLike<number>): CornerRing[][] {
  const n = ci.length;
  if (n === 0) return [];
  let i0 = Infinity,
    j0 = Infinity,
    i1 = -Infinity,
    j1 = -Infinity;
  for (let k = 0; k < n; k++) {
    i0 = Math.min(i0, ci[k]);
    i1 = Math.max(i1, ci[k]);
    j0 = Math.min(j0, cj[k]);
    j1 = Math.max(j1, cj[k]);
  }
  // Local cell (x, y) = (i - i0 + 1, j - j0 + 1), with a one-cell empty border.
  const W = i1 - i0 + 3;
  const H = j1 - j0 + 3;
  const label = new Int32Array(W * H).fill(-1); // -1 empty, else 4-connected group
  for (let k = 0; k < n; k++) label[(ci[k] - i0 + 1) * H + (cj[k] - j0 + 1)] = 0;
  let groups = 0;
  const stack: number[] = [];
  for (let c = 0; c < W * H; c++) {
    if (label[c] !== 0) continue;
    const g = ++groups;
    label[c] = g;
    stack.push(c);
    while (stack.length > 0) {
      const d = stack.pop()!;
      for (const e of [d - H, d + H, d - 1, d + 1])
        if (label[e] === 0) {
          label[e] = g;
          stack.push(e);
        }
    }
  }
  const member = (x: number, y: number) => label[x * H + y] > 0;

  // Corners (x, y), 0 <= x <= W, 0 <= y <= H; at most two edges leave one.
  const CH = H + 1;
  const out1 = new Int32Array((W + 1) * CH).fill(-1);
  const out2 = new Int32Array((W + 1) * CH).fill(-1);
  const ex: number[] = [],
    ey: number[] = [],
    fx: number[] = [],
    fy: number[] = [];
  const addEdge = (sx: number, sy: number, tx: number, ty: number) => {
    const id = ex.length;
    ex.push(sx);
    ey.push(sy);
    fx.push(tx);
    fy.push(ty);
    const k = sx * CH + sy;
    if (out1[k] < 0) out1[k] = id;
    else out2[k] = id;
  };
  for (let x = 1; x < W - 1; x++) {
    for (let y = 1; y < H - 1; y++) {
      if (!member(x, y)) continue;
      if (!member(x, y - 1)) addEdge(x, y, x + 1, y); // bottom, eastwards
      if (!member(x + 1, y)) addEdge(x + 1, y, x + 1, y + 1); // right, northwards
      if (!member(x, y + 1)) addEdge(x + 1, y + 1, x, y + 1); // top, westwards
      if (!member(x - 1, y)) addEdge(x, y + 1, x, y); // left, southwards
    }
  }

  const used = new Uint8Array(ex.length);
  const at = new Int32Array((W + 1) * CH).fill(-1); // position of a corner on the current loop
  const polys = new Map<number, { outer: CornerRing | null; holes: CornerRing[] }>();
  for (let e0 = 0; e0 < ex.length; e0++) {
    if (used[e0]) continue;
    const loop: number[] = []; // corner keys
    let e = e0;
    while (!used[e]) {
      used[e] = 1;
      loop.push(ex[e] * CH + ey[e]);
      const k = fx[e] * CH + fy[e];
      e = out2[k] < 0 ? out1[k] : leftTurn(ex, ey, fx, fy, e, out1[k], out2[k]);
    }
    for (const ring of splitAtRepeats(loop, at)) {
      const pts = dropCollinear(ring.map((k) => [Math.floor(k / CH), k % CH] as [number, number]));
      // The cell left of the first edge's first unit step names the group.
      const [ax, ay] = pts[0];
      const [bx, by] = pts[1];
      const ux = Math.sign(bx - ax),
        uy = Math.sign(by - ay);
      const g = label[(ax + (ux - uy - 1) / 2) * H + (ay + (uy + ux - 1) / 2)];
      const global = pts.map(([x, y]) => [x - 1 + i0, y - 1 + j0] as [number, number]);
      const p = polys.get(g) ?? { outer: null, holes: [] };
      polys.set(g, p);
      if (signedArea2(global) > 0) p.outer = global;
      else p.holes.push(global);
    }
  }
  return [...polys.keys()]
    .sort((a, b) => a - b)
    .map((g) => {
      const p = polys.get(g)!;
      return [p.outer!, ...p.holes];
    });
}

// Of the two edges leaving a corner where cells touch diagonally, the one
// turning left from the incoming edge (the other turns right).
function leftTurn(ex: number[], ey: number[], fx: number[], fy: number[], inc: number, a: number, b: number): number {
  const dx = fx[inc] - ex[inc],
    dy = fy[inc] - ey[inc];
  return dx * (fy[a] - ey[a]) - dy * (fx[a] - ex[a]) > 0 ? a : b;
}

// Split a traced loop (open list of corner keys) where it passes a corner
// twice into simple closed rings: a pinched outer ring becomes an outer ring
// plus a hole. `at` is scratch, all -1 on entry and on return.
function splitAtRepeats(loop: number[], at: Int32Array): number[][] {
  const out: number[][] = [];
  const stack: number[] = [];
  for (const k of [...loop, loop[0]]) {
    const prev = at[k];
    if (prev >= 0) {
      const sub = stack.splice(prev);
      for (const q of sub) at[q] = -1;
      out.push([...sub, sub[0]]);
    }
    at[k] = stack.length;
    stack.push(k);
  }
  for (const q of stack) at[q] = -1;
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
