// A roads file as bytes, whichever format it is: an OSM PBF extract (known
// by its first block, or by the .pbf name so a broken one is named as such)
// or GeoJSON text. One entry for the CLI and the browser's worker; not in
// the core's index, so the PBF decoder stays out of bundles that never read one.
import { decodeText } from '../input/decode-text';
import { readOsmPbf, looksLikeOsmPbf } from './read-osm-pbf';
import { parseRoads, type ParseRoadsOptions, type RoadLines } from './parse-roads';
import { buildRoadGraph } from './road-graph';
import { RoadNetwork } from './road-network';

/** Whether a roads file is read as OSM PBF: its name ends in .pbf or its bytes start like one. */
export function isOsmPbf(file: string, bytes: Uint8Array): boolean {
  return /\.pbf$/i.test(file) || looksLikeOsmPbf(bytes);
}

/** Road polylines from a file's bytes; InputError (one line naming the file) on bad input. */
export function readRoadLines(bytes: Uint8Array, opts: ParseRoadsOptions): RoadLines {
  return isOsmPbf(opts.file, bytes) ? readOsmPbf(bytes, opts) : parseRoads(decodeText(bytes, opts.file), opts);
}

/** The walking network of a roads file's bytes. */
export function readRoadNetwork(bytes: Uint8Array, opts: ParseRoadsOptions): RoadNetwork {
  return new RoadNetwork(buildRoadGraph(readRoadLines(bytes, opts)));
}
