// One multi-source shortest-path search per service: every hall is seeded at
// its access point (its access leg plus the part of its edge to each end),
// then Dijkstra over the CSR graph with a binary heap in typed arrays. A
// unit's network distance follows in O(1) from the distances of its edge's
// two ends, plus the halls joined to its own edge (straight along it).
// Float sums along a path are the same left-to-right sums a per-hall search
// makes, and rounding is monotone, so the minimum is the exact same number.
// Each node also carries the hall its distance comes from: the search orders
// (distance, hall index) pairs, so of equally near halls the first in the
// halls file wins, as for straight-line catchments (capacity.ts).
import type { AccessPoints } from './access';
import type { RoadGraph } from './road-graph';

/**
 * Network distance from the nearest of the seeds to every node, metres;
 * Infinity beyond `boundM` (default: no bound) or where no seed reaches.
 * Seeds are indexes into `halls` (its access points). `nodeHall`, when
 * given (nodeCount long), receives each node's nearest seed (the smallest
 * index of equally near ones), -1 where none reaches.
 */
export function nodeDistances(
  g: RoadGraph,
  halls: AccessPoints,
  seeds: ArrayLike<number>,
  boundM = Infinity,
  nodeHall: Int32Array = new Int32Array(g.nodeCount),
): Float64Array {
  const dist = new Float64Array(g.nodeCount).fill(Infinity);
  const lab = nodeHall;
  lab.fill(-1);
  // Lazy deletion: a node may sit in the heap once per improvement, at most
  // once per adjacency entry plus twice per seed. The heap starts small and
  // doubles up to that: a search bounded by a short radius (one per hall for
  // 2SFCA) touches a small part of the graph.
  const cap = g.adjNode.length + 2 * seeds.length + 1;
  let hd = new Float64Array(Math.min(cap, 1024));
  let hl = new Int32Array(hd.length);
  let hv = new Int32Array(hd.length);
  let size = 0;
  // (d, l) before (pd, pl): by distance, then by hall index.
  const before = (d: number, l: number, pd: number, pl: number) => d < pd || (d === pd && l < pl);
  const push = (d: number, l: number, v: number) => {
    if (size === hd.length) {
      const n = Math.min(cap, 2 * size);
      const [d2, l2, v2] = [new Float64Array(n), new Int32Array(n), new Int32Array(n)];
      d2.set(hd);
      l2.set(hl);
      v2.set(hv);
      [hd, hl, hv] = [d2, l2, v2];
    }
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(d, l, hd[p], hl[p])) break;
      hd[i] = hd[p];
      hl[i] = hl[p];
      hv[i] = hv[p];
      i = p;
    }
    hd[i] = d;
    hl[i] = l;
    hv[i] = v;
  };
  // Adding a length never makes a pair come earlier (rounding is monotone),
  // so the pairs settle in order and each node's pair is the least over all
  // paths: its distance is the nearest seed's, its label the first of those.
  const relax = (v: number, d: number, l: number) => {
    if (d <= boundM && (lab[v] < 0 || before(d, l, dist[v], lab[v]))) {
      dist[v] = d;
      lab[v] = l;
      push(d, l, v);
    }
  };
  for (let k = 0; k < seeds.length; k++) {
    const h = seeds[k];
    const e = halls.edge[h];
    if (e < 0) continue;
    relax(g.edgeA[e], halls.access[h] + halls.partA[h], h);
    relax(g.edgeB[e], halls.access[h] + halls.partB[h], h);
  }
  const settled = new Uint8Array(g.nodeCount);
  while (size > 0) {
    const d = hd[0],
      l = hl[0],
      v = hv[0];
    // Pop: move the last entry down from the root.
    const ld = hd[--size],
      ll = hl[size],
      lv = hv[size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && before(hd[c + 1], hl[c + 1], hd[c], hl[c])) c++;
      if (!before(hd[c], hl[c], ld, ll)) break;
      hd[i] = hd[c];
      hl[i] = hl[c];
      hv[i] = hv[c];
      i = c;
    }
    hd[i] = ld;
    hl[i] = ll;
    hv[i] = lv;
    if (settled[v] || d !== dist[v] || l !== lab[v]) continue;
    settled[v] = 1;
    for (let k = g.adjStart[v]; k < g.adjStart[v + 1]; k++) relax(g.adjNode[k], d + g.adjLen[k], l);
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
 * it, or beyond `boundM`. With `nodeHall` (from nodeDistances) and
 * `unitHall`, each unit's nearest hall goes to `unitHall`: the best of those
 * three by (distance, hall index), -1 when none reaches it or beyond `boundM`.
 */
export function unitDistances(
  g: RoadGraph,
  nodeDist: Float64Array,
  halls: AccessPoints,
  byEdge: SeedsByEdge,
  units: AccessPoints,
  boundM = Infinity,
  labels?: { nodeHall: Int32Array; unitHall: Int32Array },
): Float64Array {
  const out = new Float64Array(units.count);
  const { start, hall } = byEdge;
  const nodeHall = labels?.nodeHall;
  const unitHall = labels?.unitHall;
  for (let u = 0; u < units.count; u++) {
    const e = units.edge[u];
    if (e < 0) {
      out[u] = Infinity;
      if (unitHall) unitHall[u] = -1;
      continue;
    }
    const pu = units.partA[u];
    const a = g.edgeA[e],
      b = g.edgeB[e];
    const viaA = nodeDist[a] + pu,
      viaB = nodeDist[b] + units.partB[u];
    let best = viaA,
      bestHall = nodeHall ? nodeHall[a] : -1;
    if (nodeHall ? viaB < best || (viaB === best && nodeHall[b] < bestHall) : viaB < best) {
      best = viaB;
      bestHall = nodeHall ? nodeHall[b] : -1;
    }
    const s = start[e],
      t = start[e + 1];
    if (s < t) {
      // Halls sorted by position: walk out from the unit's position each way
      // until the gap alone is worse (access legs are never negative).
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
        if (d < best || (d === best && bestHall >= 0 && hall[k] < bestHall)) {
          best = d;
          bestHall = hall[k];
        }
      }
      for (let k = lo; k < t; k++) {
        const gap = halls.partA[hall[k]] - pu;
        if (gap > best) break;
        const d = halls.access[hall[k]] + gap;
        if (d < best || (d === best && bestHall >= 0 && hall[k] < bestHall)) {
          best = d;
          bestHall = hall[k];
        }
      }
    }
    const d = best + units.access[u];
    out[u] = d <= boundM ? d : Infinity;
    if (unitHall) unitHall[u] = d <= boundM ? bestHall : -1;
  }
  return out;
}
