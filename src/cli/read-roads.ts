// The roads input of `analyze`: read whole, GeoJSON or an OSM PBF extract
// (core/network/read-road-file.ts), built into the walking network.
import type { Crs } from '../core';
import type { RoadNetwork } from '../core/network';
import { readRoadNetwork } from '../core/network/read-road-file';
import { readWholeBytes } from './read-input';

/** The roads file as a network; InputError (exit 2) for every bad input. */
export function readRoads(path: string, crs: Crs): RoadNetwork {
  return readRoadNetwork(readWholeBytes(path, 'roads files are read whole; cut the extract to the district first (docs/data-format.md, "Roads from OSM")'), {
    file: path,
    crs,
  });
}
