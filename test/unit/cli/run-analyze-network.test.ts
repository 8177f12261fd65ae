// `analyze --roads … --distance network` in process (issue 17): the river
// fixture, the mode field, and one exit-2 line for every bad roads input.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GapCollection, Stats } from '../../../src/core/types';
import { BAD_ROADS } from '../helpers/bad-roads';
import { ROOT, runCli } from '../helpers/run-cli';
import { riverPbf } from '../helpers/river-pbf';

const RIVER = join(ROOT, 'test/fixtures/river');
const POINTS = join(ROOT, 'test/fixtures/points');
const base = (dir: string) => ['--halls', join(dir, 'halls.geojson'), '--population', join(dir, 'population.geojson'), '--areas', join(dir, 'areas.geojson')];
const roads = ['--roads', join(RIVER, 'roads.geojson')];
const tmp = mkdtempSync(join(tmpdir(), 'analyze-network-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('analyze with roads', () => {
  it('river: the hall 200 m away across the river does not cover by network what it covers by straight line', () => {
    const straight = runCli([...base(RIVER), ...roads]);
    const network = runCli([...base(RIVER), ...roads, '--distance', 'network']);
    expect([straight.status, network.status]).toEqual([0, 0]);
    const s = JSON.parse(straight.stdout) as Stats,
      n = JSON.parse(network.stdout) as Stats;
    expect(Object.keys(n).slice(0, 2)).toEqual(['radius_m', 'distance']);
    expect([s.distance, n.distance]).toEqual(['straight', 'network']);
    expect(network.stderr).toMatch(/^radius 500 m, walking distance along the roads\n/);
    expect(straight.stderr).toMatch(/^radius 500 m, straight-line distance\n/);
    expect([s.total.covered.petition, n.total.covered.petition]).toEqual([150, 50]);
    // The worst-served people walk over the bridge and back: far more than 500 m, but reachable.
    expect(n.total.nearestHallM.petition.max).toBeGreaterThan(3000);
    if (process.env.UPDATE === '1') writeFileSync(join(RIVER, 'expected-stats.json'), network.stdout);
    expect(network.stdout).toBe(readFileSync(join(RIVER, 'expected-stats.json'), 'utf8'));
  });

  it('river: gap zones in network mode hold exactly the uncovered people', () => {
    const gaps = join(tmp, 'gaps.geojson');
    const r = runCli([...base(RIVER), ...roads, '--distance', 'network', '--gaps', gaps]);
    expect(r.status).toBe(0);
    const zones = (JSON.parse(readFileSync(gaps, 'utf8')) as GapCollection).features.filter((f) => f.properties.service === 'petition');
    expect(zones.reduce((k, f) => k + f.properties.population, 0)).toBe(130);
    expect(Math.max(...zones.map((f) => f.properties.nearest_hall_m))).toBeGreaterThan(3000);
  });

  it('without roads, straight output keeps its bytes (no "distance" key)', () => {
    const r = runCli([...base(POINTS), '--distance', 'straight']);
    expect(r.stdout).toBe(readFileSync(join(POINTS, 'expected-stats.json'), 'utf8'));
  });

  it("shows an unreachable unit's distance as null (Infinity) and leaves it uncovered", () => {
    const far = join(tmp, 'far-roads.geojson');
    // The population's only road is a separate piece no hall joins.
    writeFileSync(
      far,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'LineString',
              coordinates: [
                [113.93, 22.749],
                [113.94, 22.749],
              ],
            },
          },
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'LineString',
              coordinates: [
                [113.935, 22.7508],
                [113.949, 22.7512],
              ],
            },
          },
        ],
      }),
    );
    const pop = join(tmp, 'north.geojson');
    writeFileSync(
      pop,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { population: 7 }, geometry: { type: 'Point', coordinates: [113.94, 22.7511] } }],
      }),
    );
    const r = runCli([
      '--halls',
      join(RIVER, 'halls.geojson'),
      '--population',
      pop,
      '--areas',
      join(RIVER, 'areas.geojson'),
      '--roads',
      far,
      '--distance',
      'network',
    ]);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout) as { total: { covered: Record<string, number>; nearestHallM: Record<string, { max: unknown }> } };
    expect(s.total.covered.petition).toBe(0);
    expect(s.total.nearestHallM.petition.max).toBeNull();
  });
});

describe('bad roads input: one line, exit 2', () => {
  const expectOneLine = (r: ReturnType<typeof runCli>, line: string) => {
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${line}\n`);
  };
  it.each(BAD_ROADS)('$name', ({ text, message }) => {
    const file = join(tmp, 'roads.geojson');
    writeFileSync(file, text);
    expectOneLine(runCli([...base(POINTS), '--roads', file, '--distance', 'network']), message(file));
  });
  it('--distance network without --roads', () => {
    expectOneLine(runCli([...base(POINTS), '--distance', 'network']), 'analyze: --distance network needs --roads FILE (a GeoJSON of road lines)');
  });
  it('an unknown --distance', () => {
    expectOneLine(runCli([...base(POINTS), '--distance', 'walking']), 'analyze: --distance: "walking" is not one of straight, network');
  });
  it('a missing roads file', () => {
    const file = join(tmp, 'nope.geojson');
    expectOneLine(runCli([...base(POINTS), '--roads', file]), `${file}: file not found`);
  });
  it('an OSM PBF extract: read like its GeoJSON, the motorway across the river left out', () => {
    const file = join(tmp, 'river.osm.pbf');
    writeFileSync(file, riverPbf());
    const r = runCli([...base(RIVER), '--roads', file, '--distance', 'network']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as Stats).total.covered.petition).toBe(50);
  });
  it('a broken OSM PBF', () => {
    const file = join(tmp, 'guangming.osm.pbf');
    writeFileSync(file, new Uint8Array([0, 0, 0, 13, 10, 9, 79, 83, 77, 72, 101, 97, 100, 101, 114]));
    expectOneLine(runCli([...base(POINTS), '--roads', file, '--distance', 'network']), `${file}: not a readable OSM PBF file (truncated blob header)`);
  });
  it('a roads file that is also an output', () => {
    const file = join(tmp, 'r2.geojson');
    writeFileSync(file, readFileSync(join(RIVER, 'roads.geojson')));
    expectOneLine(
      runCli([...base(POINTS), '--roads', file, '--stats', file]),
      `analyze: --stats ${file} is the --roads file: writing there would destroy the input; give another file`,
    );
  });
});

describe('analyze with roads and capacity', () => {
  // Two halls on the river fixture: the south one (capacity 30) 200 m across the
  // water from the north-bank people, the north one (capacity 200) by the bridge.
  const halls = join(tmp, 'capacity-halls.geojson');
  writeFileSync(
    halls,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'south', services: ['petition'], capacity: 30 }, geometry: { type: 'Point', coordinates: [113.935, 22.749] } },
        { type: 'Feature', properties: { name: 'north', services: ['petition'], capacity: 200 }, geometry: { type: 'Point', coordinates: [113.949, 22.751] } },
      ],
    }),
  );
  const args = ['--halls', halls, '--population', join(RIVER, 'population.geojson'), '--areas', join(RIVER, 'areas.geojson'), ...roads, '--radius', '2000'];
  type Loads = Stats & { halls: { name: string; load: number; served: number }[] };

  it('puts people in the catchment of their nearest hall along the roads: the north bank walks to the north hall, not across the river', () => {
    const straight = runCli(args);
    const report = join(tmp, 'capacity-report.html');
    const network = runCli([...args, '--distance', 'network', '--report', report]);
    expect([straight.status, network.status, network.stderr.includes('over capacity')]).toEqual([0, 0, true]);
    expect(readFileSync(report, 'utf8')).toMatch(/^<!doctype html>/i); // the report is written with capacities in network mode too
    const s = JSON.parse(straight.stdout) as Loads,
      n = JSON.parse(network.stdout) as Loads;
    expect(s.halls.map((h) => [h.name, h.load, h.served])).toEqual([
      ['south', 150, 30],
      ['north', 30, 30],
    ]);
    expect(n.halls.map((h) => [h.name, h.load, h.served])).toEqual([
      ['south', 50, 30],
      ['north', 130, 130],
    ]);
    const t = n.total;
    expect([t.covered.petition, t.served?.petition, t.over_capacity?.petition, t.out_of_range?.petition]).toEqual([180, 160, 20, 0]);
    expect(s.total.served?.petition).toBe(60);
    expect(n.distance).toBe('network');
  });
});
