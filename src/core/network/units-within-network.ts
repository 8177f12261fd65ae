// Every population unit within a network distance of one hall, for 2SFCA
// (capacity.ts spreads a hall's capacity over everyone within r of it, in
// either distance mode). One search from the hall bounded by r, then the
// units on the edges of the nodes it reached, and on the hall's own edge,
// each measured by the formula of shortest-paths.ts for that single hall.
import type { UnitList } from '../geo/units-within';
import type { AccessPoints } from './access';
import type { RoadGraph } from './road-graph';
import { nodeDistances } from './shortest-paths';

/** Units grouped by edge, and each node's edges: built once per engine. */
export interface UnitsOnEdges {
  unitStart: Int32Array; // edgeCount + 1
  unit: Int32Array; // unit indexes by edge, ascending within one
  nodeStart: Int32Array; // nodeCount + 1
  nodeEdge: Int32Array; // edges touching each node
}

export function unitsOnEdges(g: RoadGraph, units: AccessPoints): UnitsOnEdges {
  const unitStart = new Int32Array(g.edgeCount + 1);
  for (let u = 0; u < units.count; u++) if (units.edge[u] >= 0) unitStart[units.edge[u] + 1]++;
  for (let e = 0; e < g.edgeCount; e++) unitStart[e + 1] += unitStart[e];
  const unit = new Int32Array(unitStart[g.edgeCount]);
  const fill = unitStart.slice(0, g.edgeCount);
  for (let u = 0; u < units.count; u++) if (units.edge[u] >= 0) unit[fill[units.edge[u]]++] = u;
  const nodeStart = new Int32Array(g.nodeCount + 1);
  for (let e = 0; e < g.edgeCount; e++) {
    nodeStart[g.edgeA[e] + 1]++;
    nodeStart[g.edgeB[e] + 1]++;
  }
  for (let v = 0; v < g.nodeCount; v++) nodeStart[v + 1] += nodeStart[v];
  const nodeEdge = new Int32Array(nodeStart[g.nodeCount]);
  const nf = nodeStart.slice(0, g.nodeCount);
  for (let e = 0; e < g.edgeCount; e++) {
    nodeEdge[nf[g.edgeA[e]]++] = e;
    nodeEdge[nf[g.edgeB[e]]++] = e;
  }
  return { unitStart, unit, nodeStart, nodeEdge };
}

/**
 * Fill `out` with the units whose network distance to hall `h` (an index
 * into `halls`) is ≤ `radiusM`, each once; returns their count. `seen` is
 * scratch, one per edge, all different from `stamp` before the call (pass a
 * new stamp each call).
 */
export function unitsWithinNetwork(
  g: RoadGraph,
  halls: AccessPoints,
  h: number,
  units: AccessPoints,
  on: UnitsOnEdges,
  radiusM: number,
  out: UnitList,
  seen: Int32Array,
  stamp: number,
): number {
  out.count = 0;
  const he = halls.edge[h];
  if (he < 0) return 0;
  const node = nodeDistances(g, halls, [h], radiusM);
  const visit = (e: number) => {
    if (seen[e] === stamp) return;
    seen[e] = stamp;
    const a = node[g.edgeA[e]],
      b = node[g.edgeB[e]];
    for (let k = on.unitStart[e]; k < on.unitStart[e + 1]; k++) {
      const u = on.unit[k];
      let d = Math.min(a + units.partA[u], b + units.partB[u]);
      if (e === he) d = Math.min(d, halls.access[h] + Math.abs(halls.partA[h] - units.partA[u]));
      if (d + units.access[u] <= radiusM) out.push(u);
    }
  };
  visit(he);
  for (let v = 0; v < g.nodeCount; v++) {
    if (node[v] === Infinity) continue;
    for (let k = on.nodeStart[v]; k < on.nodeStart[v + 1]; k++) visit(on.nodeEdge[k]);
  }
  return out.count;
}
