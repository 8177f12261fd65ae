// How a hall or a population unit joins the road network: at the nearest
// point of the nearest edge. The point is found in a local equirectangular
// frame at the edge's middle latitude (x = lng·cos(mid lat), y = lat), then
// every length is the engine's haversine: unit to point (the access leg, a
// straight line of any length) and point to each end of the edge (the two
// parts the access point splits the edge into). Equal access legs go to the
// edge that comes first (file order). The nearest edge is found through a
// grid over the edges' boxes, searched in rings with a lower bound that can
// only under-estimate, so the result is the one a scan of every edge gives.
import { haversineM } from '../geo/haversine';
import type { RoadGraph } from './road-graph';

/** Where each of a set of points joins the network. */
export interface AccessPoints {
  count: number;
  edge: Int32Array; // nearest edge; -1 only when the graph has no edges
  access: Float64Array; // metres, point to its access point
  partA: Float64Array; // metres, access point to edgeA along the edge (haversine)
  partB: Float64Array; // metres, access point to edgeB
  lng: Float64Array; // the access point, degrees
  lat: Float64Array;
}

const DEG = Math.PI / 180;

/**
 * The access point on edge e of (lng, lat), written once for the engine and
 * the test reference: [point lng, point lat, access leg m, part to A, part to B].
 */
export function projectOnEdge(g: RoadGraph, e: number, lng: number, lat: number, out: Float64Array): void {
  footOnEdge(g, e, lng, lat, out);
  out[3] = haversineM(out[0], out[1], g.nodeLng[g.edgeA[e]], g.nodeLat[g.edgeA[e]]);
  out[4] = haversineM(out[0], out[1], g.nodeLng[g.edgeB[e]], g.nodeLat[g.edgeB[e]]);
}

// The first three of projectOnEdge: the search needs the parts only for the winner.
function footOnEdge(g: RoadGraph, e: number, lng: number, lat: number, out: Float64Array): void {
  const ax = g.nodeLng[g.edgeA[e]],
    ay = g.nodeLat[g.edgeA[e]];
  const bx = g.nodeLng[g.edgeB[e]],
    by = g.nodeLat[g.edgeB[e]];
  const k = Math.cos(((ay + by) / 2) * DEG);
  const dx = (bx - ax) * k,
    dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((lng - ax) * k * dx + (lat - ay) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const px = t === 0 ? ax : t === 1 ? bx : ax + t * (bx - ax);
  const py = t === 0 ? ay : t === 1 ? by : ay + t * (by - ay);
  out[0] = px;
  out[1] = py;
  out[2] = haversineM(lng, lat, px, py);
}

/** A uniform lng/lat grid; each edge is listed in every cell its box touches. */
export interface EdgeGrid {
  minX: number;
  minY: number;
  cell: number; // degrees, square cells
  nx: number;
  ny: number;
  start: Int32Array; // nx * ny + 1
  edges: Int32Array; // ascending edge order within a cell
  cosMin: number; // smallest cos(latitude) over the grid's rows, for the longitude lower bound
}

/** Grid over the edges' boxes (at most ~4 cells per edge on average). */
export function edgeGrid(g: RoadGraph): EdgeGrid {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity,
    sumSpan = 0;
  for (let v = 0; v < g.nodeCount; v++) {
    const x = g.nodeLng[v],
      y = g.nodeLat[v];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const m = g.edgeCount;
  for (let e = 0; e < m; e++) {
    sumSpan += Math.max(Math.abs(g.nodeLng[g.edgeA[e]] - g.nodeLng[g.edgeB[e]]), Math.abs(g.nodeLat[g.edgeA[e]] - g.nodeLat[g.edgeB[e]]));
  }
  if (m === 0) return { minX: 0, minY: 0, cell: 1, nx: 1, ny: 1, start: new Int32Array(2), edges: new Int32Array(0), cosMin: 1 };
  const w = Math.max(maxX - minX, 1e-9),
    h = Math.max(maxY - minY, 1e-9);
  // Cells of half the mean edge span (most points then find their edge in the
  // first 3 × 3 cells), but never more cells than ~4 per edge.
  const cell = Math.max(sumSpan / m / 2, Math.sqrt((w * h) / (4 * m)), 1e-9);
  const nx = Math.min(1 << 14, Math.floor(w / cell) + 1),
    ny = Math.min(1 << 14, Math.floor(h / cell) + 1);
  const cellSize = Math.max(cell, w / nx, h / ny) * (1 + 1e-12);
  const ix = (x: number) => Math.min(nx - 1, Math.max(0, Math.floor((x - minX) / cellSize)));
  const iy = (y: number) => Math.min(ny - 1, Math.max(0, Math.floor((y - minY) / cellSize)));
  const count = new Int32Array(nx * ny + 1);
  const box = (e: number, visit: (c: number) => void) => {
    const ax = g.nodeLng[g.edgeA[e]],
      ay = g.nodeLat[g.edgeA[e]],
      bx = g.nodeLng[g.edgeB[e]],
      by = g.nodeLat[g.edgeB[e]];
    const i0 = ix(Math.min(ax, bx)),
      i1 = ix(Math.max(ax, bx)),
      j0 = iy(Math.min(ay, by)),
      j1 = iy(Math.max(ay, by));
    for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) visit(j * nx + i);
  };
  for (let e = 0; e < m; e++) box(e, (c) => count[c + 1]++);
  for (let c = 0; c < nx * ny; c++) count[c + 1] += count[c];
  const edges = new Int32Array(count[nx * ny]);
  const fill = count.slice(0, nx * ny);
  for (let e = 0; e < m; e++) box(e, (c) => (edges[fill[c]++] = e));
  const maxAbsLat = Math.min(90, Math.max(Math.abs(minY), Math.abs(maxY)));
  return { minX, minY, cell: cellSize, nx, ny, start: count, edges, cosMin: Math.max(0, Math.cos(maxAbsLat * DEG)) };
}

// Lower bound, in metres, of the haversine distance between (lng, lat) and any
// point whose latitude differs by at least dLat degrees or whose longitude
// differs by at least dLng degrees (either may be 0): from
// sin²(d/2) ≥ sin²(Δφ/2) + cos²φmax·sin²(Δλ/2), shrunk for rounding.
function lowerBoundM(dLat: number, dLng: number, cosMax: number): number {
  const s = Math.sin((dLat * DEG) / 2),
    t = cosMax * Math.sin((Math.min(dLng, 180) * DEG) / 2);
  return 2 * Math.asin(Math.min(1, Math.sqrt(s * s + t * t))) * 6_371_008.8 * (1 - 1e-9) - 1e-9;
}

/** Access points of every (lng[i], lat[i]); the same result as scanning every edge (see nearestEdgeByScan in the tests). */
export function accessPoints(g: RoadGraph, grid: EdgeGrid, lng: Float64Array, lat: Float64Array): AccessPoints {
  const n = lng.length;
  const out: AccessPoints = {
    count: n,
    edge: new Int32Array(n).fill(-1),
    access: new Float64Array(n).fill(Infinity),
    partA: new Float64Array(n),
    partB: new Float64Array(n),
    lng: new Float64Array(n),
    lat: new Float64Array(n),
  };
  if (g.edgeCount === 0) return out;
  const { minX, minY, cell, nx, ny, start, edges } = grid;
  const seen = new Int32Array(g.edgeCount).fill(-1);
  const buf = new Float64Array(5);
  for (let u = 0; u < n; u++) {
    const x = lng[u],
      y = lat[u];
    // Latitude bound for the longitude term: the larger |lat| of the unit and the grid.
    const cosMax = Math.min(grid.cosMin, Math.cos(Math.min(90, Math.abs(y)) * DEG));
    const ci = Math.min(nx - 1, Math.max(0, Math.floor((x - minX) / cell)));
    const cj = Math.min(ny - 1, Math.max(0, Math.floor((y - minY) / cell)));
    let best = Infinity,
      bestE = -1;
    const maxRing = Math.max(ci, nx - 1 - ci, cj, ny - 1 - cj);
    for (let r = 0; r <= maxRing; r++) {
      if (r > 0 && bestE >= 0) {
        // Every cell of ring r and beyond lies outside the block of rings < r.
        const x0 = minX + (ci - r + 1) * cell,
          x1 = minX + (ci + r) * cell;
        const y0 = minY + (cj - r + 1) * cell,
          y1 = minY + (cj + r) * cell;
        const dLat = Math.max(0, Math.min(y - y0, y1 - y));
        const dLng = Math.max(0, Math.min(x - x0, x1 - x));
        if (lowerBoundM(dLat, 0, cosMax) > best && lowerBoundM(0, dLng, cosMax) > best) break;
      }
      for (let j = cj - r; j <= cj + r; j++) {
        if (j < 0 || j >= ny) continue;
        const edgeRow = j === cj - r || j === cj + r;
        for (let i = ci - r; i <= ci + r; i += edgeRow ? 1 : 2 * r) {
          if (i >= 0 && i < nx) {
            const c = j * nx + i;
            for (let k = start[c]; k < start[c + 1]; k++) {
              const e = edges[k];
              if (seen[e] === u) continue;
              seen[e] = u;
              footOnEdge(g, e, x, y, buf);
              if (buf[2] < best || (buf[2] === best && e < bestE)) {
                best = buf[2];
                bestE = e;
              }
            }
          }
          if (r === 0) break;
        }
      }
    }
    projectOnEdge(g, bestE, x, y, buf);
    out.edge[u] = bestE;
    out.access[u] = best;
    out.lng[u] = buf[0];
    out.lat[u] = buf[1];
    out.partA[u] = buf[3];
    out.partB[u] = buf[4];
  }
  return out;
}
