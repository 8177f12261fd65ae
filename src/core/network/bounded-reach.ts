// The units within r of one point along the roads, for scoring candidate
// sites: one Dijkstra from the point's access point, bounded by r, then the
// units of every edge a settled node touches (and of the point's own edge)
// are tested with the formula of unitDistances (shortest-paths.ts). Sums are
// the same left-to-right sums as the multi-source search seeded with the
// point as a hall (access leg + part, then edge lengths), so "reached" here
// is exactly "network distance <= r" there. Arrays are allocated once and
// reset through the touched lists, so a search costs what it settles.
import type { AccessPoints } from './access';
import type { RoadGraph } from './road-graph';

export class BoundedReach {
  private readonly g: RoadGraph;
  private readonly units: AccessPoints;
  private readonly adjEdge: Int32Array; // edge of each adjacency entry
  private readonly unitStart: Int32Array; // edgeCount + 1: units grouped by access edge
  private readonly unitOnEdge: Int32Array; // ascending unit index within an edge (only the units looked for)
  private readonly dist: Float64Array; // Infinity except at the nodes of the current search
  private readonly touchedNode: Int32Array;
  private readonly edgeMark: Uint8Array;
  private readonly touchedEdge: Int32Array;
  private readonly hd: Float64Array;
  private readonly hv: Int32Array;

  /** `only`: the units to look for (ascending indexes into `units`); default all. */
  constructor(g: RoadGraph, units: AccessPoints, only?: readonly number[]) {
    this.g = g;
    this.units = units;
    const m = g.edgeCount;
    // The adjacency's edge ids, filled in the order buildRoadGraph fills adjNode.
    const adjEdge = new Int32Array(g.adjNode.length);
    const fill = g.adjStart.slice(0, g.nodeCount);
    for (let e = 0; e < m; e++) {
      adjEdge[fill[g.edgeA[e]]++] = e;
      adjEdge[fill[g.edgeB[e]]++] = e;
    }
    this.adjEdge = adjEdge;
    const n = only ? only.length : units.count;
    const unit = (k: number) => (only ? only[k] : k);
    const start = new Int32Array(m + 1);
    for (let k = 0; k < n; k++) if (units.edge[unit(k)] >= 0) start[units.edge[unit(k)] + 1]++;
    for (let e = 0; e < m; e++) start[e + 1] += start[e];
    const onEdge = new Int32Array(start[m]);
    const at = start.slice(0, m);
    for (let k = 0; k < n; k++) {
      const u = unit(k);
      if (units.edge[u] >= 0) onEdge[at[units.edge[u]]++] = u;
    }
    this.unitStart = start;
    this.unitOnEdge = onEdge;
    this.dist = new Float64Array(g.nodeCount).fill(Infinity);
    this.touchedNode = new Int32Array(g.nodeCount);
    this.edgeMark = new Uint8Array(m);
    this.touchedEdge = new Int32Array(m);
    // Lazy deletion: at most one heap entry per successful relaxation.
    this.hd = new Float64Array(g.adjNode.length + 3);
    this.hv = new Int32Array(g.adjNode.length + 3);
  }

  /**
   * Calls visit(u, d) for every unit whose network distance d from point i of
   * `at` (a site joined to the network as a hall) is <= radiusM; in the same
   * order on every call for the same point.
   */
  reach(at: AccessPoints, i: number, radiusM: number, visit: (u: number, d: number) => void): void {
    const ce = at.edge[i];
    if (ce < 0 || !(at.access[i] <= radiusM)) return;
    const { g, dist, hd, hv, touchedNode, edgeMark, touchedEdge, adjEdge } = this;
    let nodes = 0;
    let edges = 0;
    let size = 0;
    const relax = (v: number, d: number): void => {
      if (!(d < dist[v] && d <= radiusM)) return;
      if (dist[v] === Infinity) touchedNode[nodes++] = v;
      dist[v] = d;
      let k = size++;
      while (k > 0) {
        const p = (k - 1) >> 1;
        if (hd[p] <= d) break;
        hd[k] = hd[p];
        hv[k] = hv[p];
        k = p;
      }
      hd[k] = d;
      hv[k] = v;
    };
    edgeMark[ce] = 1;
    touchedEdge[edges++] = ce;
    const a = at.access[i];
    relax(g.edgeA[ce], a + at.partA[i]);
    relax(g.edgeB[ce], a + at.partB[i]);
    while (size > 0) {
      const d = hd[0],
        v = hv[0];
      const ld = hd[--size],
        lv = hv[size];
      let k = 0;
      for (;;) {
        let c = 2 * k + 1;
        if (c >= size) break;
        if (c + 1 < size && hd[c + 1] < hd[c]) c++;
        if (hd[c] >= ld) break;
        hd[k] = hd[c];
        hv[k] = hv[c];
        k = c;
      }
      hd[k] = ld;
      hv[k] = lv;
      // A stale entry: v was reached shorter since (a relaxation must be strictly shorter, so no repeats).
      if (d > dist[v]) continue;
      for (let q = g.adjStart[v]; q < g.adjStart[v + 1]; q++) {
        const e = adjEdge[q];
        if (!edgeMark[e]) {
          edgeMark[e] = 1;
          touchedEdge[edges++] = e;
        }
        relax(g.adjNode[q], d + g.adjLen[q]);
      }
    }
    const u = this.units;
    const pc = at.partA[i];
    for (let t = 0; t < edges; t++) {
      const e = touchedEdge[t];
      const da = dist[g.edgeA[e]],
        db = dist[g.edgeB[e]];
      for (let k = this.unitStart[e]; k < this.unitStart[e + 1]; k++) {
        const w = this.unitOnEdge[k];
        let best = Math.min(da + u.partA[w], db + u.partB[w]);
        if (e === ce) best = Math.min(best, a + Math.abs(pc - u.partA[w]));
        const d = best + u.access[w];
        if (d <= radiusM) visit(w, d);
      }
      edgeMark[e] = 0;
    }
    for (let t = 0; t < nodes; t++) dist[touchedNode[t]] = Infinity;
  }
}
