import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoverageEngine, parseAreas, parseHalls, parsePopulation, withinCells } from '../../../src/core';
import { NetworkCoverageEngine, RoadNetwork } from '../../../src/core/network/index';
import { DISPLAY_CELLS_MAX } from '../../../src/core/limits';
import { bytesSource } from '../../../src/worker/byte-source';
import { coveredCells, readRoads, roadLines, walkingEngine } from '../../../src/worker/network';
import { RIVER_DIR, riverPbf } from '../helpers/river-pbf';

const text = (f: string) => readFileSync(join(RIVER_DIR, f), 'utf8');
const base = new CoverageEngine(
  parseHalls(text('halls.geojson'), { file: 'h' }),
  parsePopulation(text('population.geojson'), { file: 'p' }),
  parseAreas(text('areas.geojson'), { file: 'a' }),
);
const roads = RoadNetwork.parse(text('roads.geojson'), { file: 'roads.geojson' });

describe('worker network code', () => {
  it('the walking engine gives the numbers of a NetworkCoverageEngine built from the files', () => {
    const opts = { radiusM: 500, services: ['petition'] };
    expect(walkingEngine(base, roads).stats(opts)).toEqual(new NetworkCoverageEngine(base.halls, base.population, base.areas, roads).stats(opts));
  });

  it('draws as covered exactly the display cells holding someone within the radius along the roads', () => {
    const walking = walkingEngine(base, roads);
    const grid = withinCells(walking.gapGrid(), DISPLAY_CELLS_MAX);
    for (const r of [0, 250, 500, 5000]) {
      const d = walking.nearest('petition');
      const want = new Set<string>();
      for (let u = 0; u < d.length; u++) if (d[u] <= r) want.add(`${grid.i[u]},${grid.j[u]}`);
      const got = coveredCells(walking, 'petition', r).geometry.coordinates.map((poly) => {
        const [[x0, y0], , [x1, y1]] = poly[0];
        return `${Math.round(((x0 + x1) / 2 - grid.x0) / grid.dx)},${Math.round(((y0 + y1) / 2 - grid.y0) / grid.dy)}`;
      });
      expect(new Set(got)).toEqual(want);
      expect(got.length).toBe(want.size);
    }
  });

  it('reads roads as GeoJSON or OSM PBF from bytes, and draws every edge once', () => {
    const fromPbf = readRoads('river.osm.pbf', bytesSource(riverPbf()), 'wgs84');
    expect(fromPbf.graph.edgeCount).toBe(roads.graph.edgeCount);
    expect(readRoads('roads.geojson', bytesSource(new TextEncoder().encode(text('roads.geojson'))), undefined).graph.edgeCount).toBe(roads.graph.edgeCount);
    expect(roadLines(roads).features[0].geometry.coordinates).toHaveLength(roads.graph.edgeCount);
    expect(() => readRoads('broken.osm.pbf', bytesSource(riverPbf().subarray(0, 100)), 'wgs84')).toThrow(
      'broken.osm.pbf: not a readable OSM PBF file (truncated blob)',
    );
  });
});
