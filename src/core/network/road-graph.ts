// The walking graph of a road file: one node per distinct vertex position
// (exact equality of WGS84 lng and lat), one undirected edge per pair of
// consecutive vertices, its length the engine's haversine. Lines that cross
// without a shared vertex stay apart, as bridges and tunnels do in OSM.
// Everything is flat typed arrays so the graph can be posted to a worker and
// searched without allocation.
import { haversineM } from '../geo/haversine';
import type { RoadLines } from './parse-roads';

export interface RoadGraph {
  nodeCount: number;
  nodeLng: Float64Array; // degrees, WGS84
  nodeLat: Float64Array;
  /** Edges in file order (feature, line, segment) of their first appearance; a repeated segment is the same edge. */
  edgeCount: number;
  edgeA: Int32Array; // first node, in the direction the edge was first drawn
  edgeB: Int32Array;
  edgeLen: Float64Array; // metres, haversineM(A, B)
  /** CSR adjacency: node v's neighbours are adjNode[adjStart[v] .. adjStart[v + 1] - 1]. */
  adjStart: Int32Array; // nodeCount + 1
  adjNode: Int32Array; // 2 * edgeCount
  adjLen: Float64Array; // 2 * edgeCount, the edge's length
}

/** Build the graph; a zero-length segment (a repeated vertex) adds no edge. */
export function buildRoadGraph(lines: RoadLines): RoadGraph {
  // Number -> string is exact and unique for doubles (0 and -0 both give "0",
  // which === also calls equal), so the key is exact coordinate equality.
  const nodeOf = new Map<string, number>();
  const nodeLng: number[] = [];
  const nodeLat: number[] = [];
  const vertexNode = new Int32Array(lines.lng.length);
  for (let p = 0; p < lines.lng.length; p++) {
    const key = `${lines.lng[p]},${lines.lat[p]}`;
    let v = nodeOf.get(key);
    if (v === undefined) {
      v = nodeLng.length;
      nodeOf.set(key, v);
      nodeLng.push(lines.lng[p]);
      nodeLat.push(lines.lat[p]);
    }
    vertexNode[p] = v;
  }
  const n = nodeLng.length;
  const edgeOf = new Map<number, number>();
  const ea: number[] = [];
  const eb: number[] = [];
  for (let k = 0; k < lines.lineCount; k++) {
    for (let p = lines.lineStart[k]; p + 1 < lines.lineStart[k + 1]; p++) {
      const a = vertexNode[p];
      const b = vertexNode[p + 1];
      if (a === b) continue;
      const key = Math.min(a, b) * n + Math.max(a, b);
      if (edgeOf.has(key)) continue;
      edgeOf.set(key, ea.length);
      ea.push(a);
      eb.push(b);
    }
  }
  const m = ea.length;
  const graph: RoadGraph = {
    nodeCount: n,
    nodeLng: Float64Array.from(nodeLng),
    nodeLat: Float64Array.from(nodeLat),
    edgeCount: m,
    edgeA: Int32Array.from(ea),
    edgeB: Int32Array.from(eb),
    edgeLen: new Float64Array(m),
    adjStart: new Int32Array(n + 1),
    adjNode: new Int32Array(2 * m),
    adjLen: new Float64Array(2 * m),
  };
  const { edgeA, edgeB, edgeLen, adjStart, adjNode, adjLen } = graph;
  for (let e = 0; e < m; e++) {
    edgeLen[e] = haversineM(graph.nodeLng[edgeA[e]], graph.nodeLat[edgeA[e]], graph.nodeLng[edgeB[e]], graph.nodeLat[edgeB[e]]);
    adjStart[edgeA[e] + 1]++;
    adjStart[edgeB[e] + 1]++;
  }
  for (let v = 0; v < n; v++) adjStart[v + 1] += adjStart[v];
  const fill = adjStart.slice(0, n);
  for (let e = 0; e < m; e++) {
    const a = edgeA[e],
      b = edgeB[e];
    adjNode[fill[a]] = b;
    adjLen[fill[a]++] = edgeLen[e];
    adjNode[fill[b]] = a;
    adjLen[fill[b]++] = edgeLen[e];
  }
  return graph;
}
