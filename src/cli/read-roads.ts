// The roads input of `analyze`: read whole, parsed into the walking
// network. An OSM PBF extract is not read here (it needs a PBF decoder); the
// message says how to turn one into GeoJSON.
import { InputError, RoadNetwork, type Crs } from '../core';
import { readWhole } from './read-input';

/** The roads file as a network; InputError (exit 2) for every bad input. */
export function readRoads(path: string, crs: Crs): RoadNetwork {
  if (/\.pbf$/i.test(path)) {
    throw new InputError({ file: path, message: 'OSM PBF is not read by analyze: export the walkable ways to GeoJSON first (see docs/data-format.md, "Roads")' });
  }
  return RoadNetwork.parse(readWhole(path), { file: path, crs });
}
