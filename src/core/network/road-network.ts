// A road file ready for network distances: the graph and the grid that finds
// each point's nearest edge. Built once per roads file; halls and units join
// it through accessPoints.
import { accessPoints, edgeGrid, type AccessPoints, type EdgeGrid } from './access';
import { parseRoads, type ParseRoadsOptions } from './parse-roads';
import { buildRoadGraph, type RoadGraph } from './road-graph';

export class RoadNetwork {
  readonly graph: RoadGraph;
  readonly grid: EdgeGrid;

  constructor(graph: RoadGraph) {
    this.graph = graph;
    this.grid = edgeGrid(graph);
  }

  /** Parse a roads GeoJSON text (InputError on bad input) and build its network. */
  static parse(text: string, opts: ParseRoadsOptions): RoadNetwork {
    return new RoadNetwork(buildRoadGraph(parseRoads(text, opts)));
  }

  /** Where each point joins the network. */
  access(lng: Float64Array, lat: Float64Array): AccessPoints {
    return accessPoints(this.graph, this.grid, lng, lat);
  }
}
