// The river fixture's roads (test/fixtures/river/roads.geojson) as an OSM
// PBF written by hand: one node per distinct position, one way per line,
// plus a motorway joining both banks that walkers may not use, so reading
// it must drop that way to give the GeoJSON's numbers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './run-cli';
import { writeOsmPbf, type OsmNode, type OsmPbfOptions, type OsmWay } from './osm-pbf-writer';

export const RIVER_DIR = join(ROOT, 'test/fixtures/river');

export function riverOsm(): { nodes: OsmNode[]; ways: OsmWay[] } {
  const fc = JSON.parse(readFileSync(join(RIVER_DIR, 'roads.geojson'), 'utf8')) as {
    features: { properties: { name: string }; geometry: { type: string; coordinates: unknown } }[];
  };
  const nodes: OsmNode[] = [];
  const ids = new Map<string, number>();
  const node = ([lng, lat]: number[]) => {
    const key = `${lng},${lat}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = 1000 + nodes.length;
      ids.set(key, id);
      nodes.push({ id, lng, lat });
    }
    return id;
  };
  const ways: OsmWay[] = [];
  for (const f of fc.features) {
    const lines = (f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][];
    for (const l of lines) ways.push({ id: ways.length + 1, refs: l.map(node), tags: { highway: 'residential', name: f.properties.name } });
  }
  // Across the river on the banks' own end nodes: a way across if walkers could use it.
  ways.push({ id: 99, refs: [node([113.93, 22.749]), node([113.93, 22.751])], tags: { highway: 'motorway', name: 'no walking' } });
  return { nodes, ways };
}

export function riverPbf(opts?: OsmPbfOptions): Uint8Array {
  const { nodes, ways } = riverOsm();
  return writeOsmPbf(nodes, ways, opts);
}
