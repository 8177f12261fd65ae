// One multi-source shortest-path search per service: every hall is seeded at
// its access point (its access leg plus the part of its edge to each end),
// then Dijkstra over the CSR graph with a binary heap in typed arrays. A
// unit's network distance follows in O(1) from the distances of its edge's
// two ends, plus the halls joined to its own edge (straight along it).
// Float sums along a path are the same left-to-right sums a per-hall search
// makes, and rounding is monotone, so the minimum is the exact same number.
import type { AccessPoints } from './access';
import type { RoadGraph } from './road-graph';

/**
 * Network distance from the nearest of the seeds to every node, metres;
 * Infinity beyond `boundM` (default: no bound) or where no seed reaches.
 * Seeds are indexes into `halls` (its access points).
 */
export function nodeDistances(g: RoadGraph, halls: AccessPoints, seeds: ArrayLike<number>, boundM = Infinity): Float64Array {
  const dist = new Float64Array(g.nodeCount).fill(Infinity);
  // Lazy deletion: a node may sit in the heap once per improvement, at most
  // once per adjacency entry plus twice per seed.
  const cap = g.adjNode.length + 2 * seeds.length + 1;
  const hd = new Float64Array(cap);
  const hv = new Int32Array(cap);
  let size = 0;
  const push = (d: number, v: number) => {
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (hd[p] <= d) break;
      hd[i] = hd[p];
      hv[i] = hv[p];
      i = p;
    }
    hd[i] = d;
    hv[i] = v;
  };
  const relax = (v: number, d: number) => {
    if (d < dist[v] && d <= boundM) {
      dist[v] = d;
      push(d, v);
    }
  };
  for (let k = 0; k < seeds.length; k++) {
    const h = seeds[k];
    const e = halls.edge[h];
    if (e < 0) continue;
    relax(g.edgeA[e], halls.access[h] + halls.partA[h]);
    relax(g.edgeB[e], halls.access[h] + halls.partB[h]);
  }
  const settled = new Uint8Array(g.nodeCount);
  while (size > 0) {
    const d = hd[0],
      v = hv[0];
    // Pop: move the last entry down from the root.
    const ld = hd[--size],
      lv = hv[size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && hd[c + 1] < hd[c]) c++;
      if (hd[c] >= ld) break;
      hd[i] = hd[c];
      hv[i] = hv[c];
      i = c;
    }
    hd[i] = ld;
    hv[i] = lv;
    if (settled[v] || d > dist[v]) continue;
    settled[v] = 1;
    for (let k = g.adjStart[v]; k < g.adjStart[v + 1]; k++) relax(g.adjNode[k], d + g.adjLen[k]);
  }
  return dist;
}

/** The seeds grouped by edge, sorted along it (by part to edgeA), for the same-edge case. */
export interface SeedsByEdge {
  start: Int32Array; // edgeCount + 1
  hall: Int32Array; // hall indexes, by edge, then by partA ascending
}

export function seedsByEdge(g: RoadGraph, halls: AccessPoints, seeds: ArrayLike<number>): SeedsByEdge {
  const start = new Int32Array(g.edgeCount + 1);
  for (let k = 0; k < seeds.length; k++) if (halls.edge[seeds[k]] >= 0) start[halls.edge[seeds[k]] + 1]++;
  for (let e = 0; e < g.edgeCount; e++) start[e + 1] += start[e];
  const hall = new Int32Array(start[g.edgeCount]);
  const fill = start.slice(0, g.edgeCount);
  for (let k = 0; k < seeds.length; k++) if (halls.edge[seeds[k]] >= 0) hall[fill[halls.edge[seeds[k]]]++] = seeds[k];
  for (let e = 0; e < g.edgeCount; e++) {
    if (start[e + 1] - start[e] > 1) hall.subarray(start[e], start[e + 1]).sort((a, b) => halls.partA[a] - halls.partA[b]);
  }
  return { start, hall };
}

/**
 * Network distance of every unit to the nearest seed hall, metres: the
 * unit's access leg + the best of (its edge's end A + part to A), (end B +
 * part to B) and, for a hall on the same edge, that hall's access leg + the
 * difference of their positions along the edge. Infinity when no hall reaches
 * it, or beyond `boundM`.
 */
export function unitDistances(
  g: RoadGraph,
  nodeDist: Float64Array,
  halls: AccessPoints,
  byEdge: SeedsByEdge,
  units: AccessPoints,
  boundM = Infinity,
): Float64Array {
  const out = new Float64Array(units.count);
  const { start, hall } = byEdge;
  for (let u = 0; u < units.count; u++) {
    const e = units.edge[u];
    if (e < 0) {
      out[u] = Infinity;
      continue;
    }
    const pu = units.partA[u];
    let best = Math.min(nodeDist[g.edgeA[e]] + pu, nodeDist[g.edgeB[e]] + units.partB[u]);
    const s = start[e],
      t = start[e + 1];
    if (s < t) {
      // Halls sorted by position: walk out from the unit's position each way
      // until the gap alone is no better (access legs are never negative).
      let lo = s,
        hi = t;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (halls.partA[hall[mid]] < pu) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo - 1; k >= s; k--) {
        const gap = pu - halls.partA[hall[k]];
        if (gap > best) break;
        const d = halls.access[hall[k]] + gap;
        if (d < best) best = d;
      }
      for (let k = lo; k < t; k++) {
        const gap = halls.partA[hall[k]] - pu;
        if (gap > best) break;
        const d = halls.access[hall[k]] + gap;
        if (d < best) best = d;
      }
    }
    const d = best + units.access[u];
    out[u] = d <= boundM ? d : Infinity;
  }
  return out;
}
