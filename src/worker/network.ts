// Walking distance in the worker, fetched on first use (an import with
// roads): reading the roads file (GeoJSON or OSM PBF), the network engine
// over the loaded halls and people, the roads and the covered area for the
// map. The numbers are the core's (src/core/network/); this only adapts them.
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Position } from 'geojson';
// Core modules by path, not through the barrels, so the network code stays in this chunk.
import type { CoverageEngine } from '../core/coverage/engine';
import { withinCells, type GapGrid } from '../core/coverage/gap-grid';
import { statsForMode } from '../core/network/distance-mode';
import { NetworkCoverageEngine } from '../core/network/network-engine';
import { readRoadNetwork } from '../core/network/read-road-file';
import type { RoadNetwork } from '../core/network/road-network';
import type { Crs, DistanceMode, Stats } from '../core/types';
import { DISPLAY_CELLS_MAX, formatMiB, ROADS_MAX_BYTES } from '../core/limits';
import type { ByteSource } from './byte-source';
// The entry reads a roads text through this (the worker's first load does not carry byte-source.ts's decoders).
export { bytesSource } from './byte-source';

/** The roads file's network; InputError (one line naming the file) on bad input. */
export function readRoads(file: string, src: ByteSource, crs: Crs | undefined): RoadNetwork {
  if (src.size > ROADS_MAX_BYTES)
    throw new Error(
      `${file}: too big for the browser (${formatMiB(src.size)}, at most ${formatMiB(ROADS_MAX_BYTES)}): cut the district's roads from the extract first (docs/data-format.md, "Roads from OSM")`,
    );
  return readRoadNetwork(src.read(0, src.size), { file, crs });
}

/** The same halls, people and areas measured along the roads (areas already assigned, distances cached per service). */
export function walkingEngine(base: CoverageEngine, roads: RoadNetwork): CoverageEngine {
  return new NetworkCoverageEngine(base.halls, base.population, base.areas, roads, { assigned: { unitArea: base.unitArea, hallArea: base.hallArea } });
}

/** Stats as written with roads loaded: `"distance"` named. */
export function statsWithMode(stats: Stats, roads: RoadNetwork, mode: DistanceMode): Stats {
  return statsForMode(stats, roads, mode);
}

/** Every edge of the network, one two-point line each, for the map's thin road layer. */
export function roadLines(roads: RoadNetwork): FeatureCollection<MultiLineString> {
  const g = roads.graph;
  const lines: Position[][] = [];
  for (let e = 0; e < g.edgeCount; e++)
    lines.push([
      [g.nodeLng[g.edgeA[e]], g.nodeLat[g.edgeA[e]]],
      [g.nodeLng[g.edgeB[e]], g.nodeLat[g.edgeB[e]]],
    ]);
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: lines } }] };
}

/**
 * The area covered by walking, as the population layer's cells holding at
 * least one person within `radiusM` along the roads of a hall offering
 * `service` (a circle would claim people the roads do not reach).
 */
export function coveredCells(walking: CoverageEngine, service: string, radiusM: number): Feature<MultiPolygon, { service: string }> {
  const grid: GapGrid = withinCells(walking.gapGrid(), DISPLAY_CELLS_MAX);
  const d = walking.nearest(service);
  const w = walking.population.weight;
  const cells = new Set<number>();
  for (let k = 0; k < d.length; k++) if (d[k] <= radiusM && w[k] > 0) cells.add(grid.j[k] * grid.nx + grid.i[k]);
  const hx = grid.dx / 2,
    hy = grid.dy / 2;
  const coordinates = [...cells]
    .sort((a, b) => a - b)
    .map((key) => {
      const x = grid.x0 + (key % grid.nx) * grid.dx,
        y = grid.y0 + Math.floor(key / grid.nx) * grid.dy;
      return [
        [
          [x - hx, y - hy],
          [x + hx, y - hy],
          [x + hx, y + hy],
          [x - hx, y + hy],
          [x - hx, y - hy],
        ],
      ];
    });
  return { type: 'Feature', properties: { service }, geometry: { type: 'MultiPolygon', coordinates } };
}
