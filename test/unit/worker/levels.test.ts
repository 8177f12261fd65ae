// The worker's further area levels: the sample's communities read as a level,
// their numbers exactly the core's levelStats, and the nesting check.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoverageEngine, levelStats, parseAreas, parseHalls, parsePopulation } from '../../../src/core';
import { areaInfo } from '../../../src/worker/build-layers';
import { LevelSession, levelsNest } from '../../../src/worker/levels';
import type { InputFile } from '../../../src/worker/messages';

const geo = path.resolve('public/geo');
const read = (f: string) => readFileSync(path.join(geo, f), 'utf8');
const engine = new CoverageEngine(
  parseHalls(read('halls.geojson'), { file: 'halls.geojson' }),
  parsePopulation(read('population.geojson'), { file: 'population.geojson' }),
  parseAreas(read('areas.geojson'), { file: 'areas.geojson' }),
);
const communities = { file: 'communities.geojson', text: read('communities.geojson') };
// As the worker passes them (coverage.worker.ts): the areas parser and the label placement of its first chunk.
const tools = { readAreas: (f: InputFile) => parseAreas(f.text ?? '', { file: f.file, crs: f.crs, field: f.field }), areaInfo };

describe('LevelSession on the sample', () => {
  const session = new LevelSession(engine, [communities], tools);

  it('gives the 31 communities as one nested level with labels and shapes', () => {
    const [l] = session.layers();
    expect(l.file).toBe('communities.geojson');
    expect(l.areas).toHaveLength(31);
    expect(l.areaShapes.features).toHaveLength(31);
    expect(l.areaLabels.features.map((f) => f.properties.name)).toEqual(l.areas.map((a) => a.name));
    expect(l.nested).toBe(true);
  });

  it('reports the numbers of the core levelStats, each community under its subdistrict, adding up to it', () => {
    const req = { radiusM: 500, services: ['legal-aid', 'petition'] };
    const r = session.stats(req);
    const areas = parseAreas(communities.text, { file: 'communities.geojson' });
    expect(r.levels).toEqual([levelStats(engine, { file: 'communities.geojson', field: 'name', areas }, req)]);
    const subs = JSON.parse(communities.text).features.map((f: { properties: { name: string; subdistrict: string } }) => f.properties);
    expect(r.levels[0].areas.map((a) => a.parent)).toEqual(subs.map((p: { subdistrict: string }) => p.subdistrict));
    const first = engine.stats(req);
    for (const a of first.areas) {
      const kids = r.levels[0].areas.filter((c) => c.parent === a.name);
      expect(kids.reduce((s, c) => s + c.population, 0)).toBe(a.population);
      expect(kids.reduce((s, c) => s + c.covered.all, 0)).toBe(a.covered.all);
    }
  });

  it('refuses a bad level file with the core message naming it', () => {
    expect(
      () =>
        new LevelSession(
          engine,
          [{ file: 'bad.geojson', text: '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null}]}' }],
          tools,
        ),
    ).toThrow(/bad\.geojson/);
  });
});

describe('levelsNest', () => {
  it('is false when a finer area straddles two first-level areas', () => {
    // One box over the whole district: its people lie in all six subdistricts.
    const whole = parseAreas(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { name: 'all' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [113.7, 22.6],
                  [114.1, 22.6],
                  [114.1, 22.9],
                  [113.7, 22.9],
                  [113.7, 22.6],
                ],
              ],
            },
          },
        ],
      }),
      { file: 'box.geojson' },
    );
    expect(levelsNest(engine, engine.forAreas(whole))).toBe(false);
    expect(levelsNest(engine, engine.forAreas(parseAreas(communities.text, { file: 'c' })))).toBe(true);
  });
});
