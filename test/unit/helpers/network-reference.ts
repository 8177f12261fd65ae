// Brute-force network distances for the tests: access points by scanning
// every edge, and one plain Dijkstra per hall (array scan for the minimum, no
// heap), the unit's distance the best over halls of the documented formula.
import { projectOnEdge, type AccessPoints, type RoadGraph } from '../../../src/core/network';

export function scanAccess(g: RoadGraph, lng: Float64Array, lat: Float64Array): AccessPoints {
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
  const buf = new Float64Array(5);
  for (let u = 0; u < n; u++) {
    for (let e = 0; e < g.edgeCount; e++) {
      projectOnEdge(g, e, lng[u], lat[u], buf);
      if (buf[2] < out.access[u]) {
        out.edge[u] = e;
        [out.lng[u], out.lat[u], out.access[u], out.partA[u], out.partB[u]] = buf;
      }
    }
  }
  return out;
}

/** Node distances from one hall: O(V²) Dijkstra over an edge list. */
function dijkstraFromHall(g: RoadGraph, halls: AccessPoints, h: number): Float64Array {
  const dist = new Float64Array(g.nodeCount).fill(Infinity);
  const done = new Uint8Array(g.nodeCount);
  const e = halls.edge[h];
  if (e < 0) return dist;
  dist[g.edgeA[e]] = Math.min(dist[g.edgeA[e]], halls.access[h] + halls.partA[h]);
  dist[g.edgeB[e]] = Math.min(dist[g.edgeB[e]], halls.access[h] + halls.partB[h]);
  for (;;) {
    let v = -1;
    for (let i = 0; i < g.nodeCount; i++) if (!done[i] && dist[i] < Infinity && (v < 0 || dist[i] < dist[v])) v = i;
    if (v < 0) return dist;
    done[v] = 1;
    for (let k = 0; k < g.edgeCount; k++) {
      const w = g.edgeA[k] === v ? g.edgeB[k] : g.edgeB[k] === v ? g.edgeA[k] : -1;
      if (w >= 0 && dist[v] + g.edgeLen[k] < dist[w]) dist[w] = dist[v] + g.edgeLen[k];
    }
  }
}

/** Distance from each unit to the nearest of `seeds`, hall by hall. */
export function perHallDistances(g: RoadGraph, halls: AccessPoints, seeds: readonly number[], units: AccessPoints): Float64Array {
  const out = new Float64Array(units.count).fill(Infinity);
  for (const h of seeds) {
    const node = dijkstraFromHall(g, halls, h);
    for (let u = 0; u < units.count; u++) {
      const e = units.edge[u];
      if (e < 0) continue;
      let d = Math.min(node[g.edgeA[e]] + units.partA[u], node[g.edgeB[e]] + units.partB[u]);
      if (halls.edge[h] === e) d = Math.min(d, halls.access[h] + Math.abs(halls.partA[h] - units.partA[u]));
      d += units.access[u];
      if (d < out[u]) out[u] = d;
    }
  }
  return out;
}

/**
 * perHallDistances with each unit's nearest hall: the first of `seeds` (in
 * the order given, file order in the tests) whose own distance is the least,
 * -1 where none reaches.
 */
export function perHallNearest(g: RoadGraph, halls: AccessPoints, seeds: readonly number[], units: AccessPoints): { dist: Float64Array; hall: Int32Array } {
  const dist = new Float64Array(units.count).fill(Infinity);
  const hall = new Int32Array(units.count).fill(-1);
  for (const h of seeds) {
    const d = perHallDistances(g, halls, [h], units);
    for (let u = 0; u < units.count; u++) {
      if (d[u] < dist[u]) {
        dist[u] = d[u];
        hall[u] = h;
      }
    }
  }
  return { dist, hall };
}

/** Units within `radiusM` of hall h along the roads, ascending. */
export function perHallWithin(g: RoadGraph, halls: AccessPoints, h: number, units: AccessPoints, radiusM: number): number[] {
  const d = perHallDistances(g, halls, [h], units);
  return [...d.keys()].filter((u) => d[u] <= radiusM);
}
