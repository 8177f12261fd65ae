// End-to-end tests of `analyze` (its whole command, run in process as
// src/cli/analyze.ts runs it) on the fixture cases in test/fixtures/<case>/
// and on broken inputs. Goldens (expected-stats.json,
// expected-gaps.geojson) are rewritten with UPDATE=1; the stats are also
// checked against a brute-force turf computation from the same files, so a
// wrong golden cannot pass unnoticed.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import distance from '@turf/distance';
import gcoord from 'gcoord';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import type { GapCollection, Stats } from '../../src/core/types';
import { runCli } from './helpers/run-cli';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures');
const UPDATE = process.env.UPDATE === '1';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[]): Run {
  const r = runCli(args);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const json = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** Brute-force stats from the fixture files: turf.distance for every pair, turf point-in-polygon for every area. */
function bruteStats(dir: string, args: string[]) {
  const opt = (flag: string, def: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : def);
  const radius = Number(opt('--radius', '500'));
  const crs = opt('--halls-crs', 'wgs84');
  const halls = json<FeatureCollection<Point>>(join(dir, 'halls.geojson')).features.map((f) => ({
    at: crs === 'wgs84' ? f.geometry.coordinates : gcoord.transform(f.geometry.coordinates as [number, number], gcoord.GCJ02, gcoord.WGS84),
    services: f.properties!.services as string[],
  }));
  const all = [...new Set(halls.flatMap((h) => h.services))].sort();
  const services = args.includes('--services') ? opt('--services', '').split(/[,;]/).sort() : all;
  const areas = json<FeatureCollection<Polygon | MultiPolygon>>(join(dir, 'areas.geojson')).features;
  const pop = json<FeatureCollection<Point>>(join(dir, 'population.geojson')).features;
  const groups = areas.length + 1;
  const population = new Array(groups).fill(0);
  const covered: Record<string, number[]> = Object.fromEntries([...services, 'all'].map((s) => [s, new Array(groups).fill(0)]));
  for (const f of pop) {
    const a = areas.findIndex((area) => booleanPointInPolygon(f.geometry.coordinates, area));
    const g = a < 0 ? groups - 1 : a;
    const w = f.properties!.population as number;
    population[g] += w;
    const by = services.map((s) => halls.some((h) => h.services.includes(s) && distance(f.geometry.coordinates, h.at, { units: 'meters' }) <= radius));
    services.forEach((s, k) => {
      if (by[k]) covered[s][g] += w;
    });
    if (by.every(Boolean)) covered.all[g] += w;
  }
  return { population, covered, services };
}

const CASES = ['points', 'gcj02-halls', 'polygons'];

describe('analyze CLI on fixture cases', () => {
  for (const name of CASES) {
    it(`${name}: prints stats and writes gap zones matching the goldens, from GeoJSON and CSV halls alike`, () => {
      const dir = join(FIXTURES, name);
      const extra = existsSync(join(dir, 'args.json')) ? json<string[]>(join(dir, 'args.json')) : [];
      const out = mkdtempSync(join(tmpdir(), `analyze-${name}-`));
      const base = ['--population', join(dir, 'population.geojson'), '--areas', join(dir, 'areas.geojson'), ...extra];
      const geo = run(['--halls', join(dir, 'halls.geojson'), ...base, '--gaps', join(out, 'gaps.geojson')]);
      const csv = run(['--halls', join(dir, 'halls.csv'), ...base, '--stats', join(out, 'stats.json')]);
      expect(geo.stderr).not.toMatch(/\n\s+at /);
      expect([geo.code, csv.code]).toEqual([0, 0]);
      expect(csv.stdout).toBe('');
      expect(geo.stderr).toMatch(/^radius \d+ m\n/);
      const stats = JSON.parse(geo.stdout) as Stats;
      const gaps = json<GapCollection>(join(out, 'gaps.geojson'));
      expect(json<Stats>(join(out, 'stats.json'))).toEqual(stats);
      if (UPDATE) {
        writeFileSync(join(dir, 'expected-stats.json'), geo.stdout);
        writeFileSync(join(dir, 'expected-gaps.geojson'), readFileSync(join(out, 'gaps.geojson')));
      }
      expect(stats).toEqual(json(join(dir, 'expected-stats.json')));
      expect(gaps).toEqual(json(join(dir, 'expected-gaps.geojson')));

      // Gap zones add up to what stats call uncovered, per service and area.
      for (const a of stats.areas) {
        for (const k of [...stats.services, 'all']) {
          const sum = gaps.features.filter((f) => f.properties.service === k && f.properties.area === a.name).reduce((s, f) => s + f.properties.population, 0);
          expect(Math.abs(sum - (a.population - a.covered[k]))).toBeLessThanOrEqual(1e-9 * Math.max(1, a.population));
        }
      }
      if (name !== 'polygons') {
        const ref = bruteStats(dir, extra);
        expect(stats.services).toEqual(ref.services);
        stats.areas.forEach((a, g) => {
          expect(a.population).toBe(ref.population[g]);
          for (const k of [...ref.services, 'all']) expect(a.covered[k]).toBe(ref.covered[k][g]);
        });
      }
    });
  }

  it('lists areas in file order, the empty area with zeros, then "(outside areas)"', () => {
    const stats = json<Stats>(join(FIXTURES, 'points/expected-stats.json'));
    expect(stats.areas.map((a) => a.name)).toEqual(['西区 West', '东区 East', '北区 Empty', '(outside areas)']);
    expect(stats.areas[2].population).toBe(0);
    expect(Object.values(stats.areas[2].covered).every((v) => v === 0)).toBe(true);
  });

  it('exits 1 with one line when an output file cannot be written', () => {
    const dir = join(FIXTURES, 'points');
    const r = run([
      '--halls',
      join(dir, 'halls.csv'),
      '--population',
      join(dir, 'population.geojson'),
      '--areas',
      join(dir, 'areas.geojson'),
      '--stats',
      join(dir, 'no-such-dir', 'stats.json'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^analyze: .*no-such-dir\/stats\.json: cannot write file \(ENOENT\); no output file was changed\n$/);
  });

  it('reads a GBK-encoded hall CSV from Chinese Excel', () => {
    const dir = join(FIXTURES, 'points');
    const out = mkdtempSync(join(tmpdir(), 'analyze-gbk-'));
    // "光明" in GBK is b9 e2 c3 f7.
    const csv = Buffer.concat([Buffer.from('name,lng,lat,services\n'), Buffer.from([0xb9, 0xe2, 0xc3, 0xf7]), Buffer.from(',113.934,22.755,petition\n')]);
    writeFileSync(join(out, 'halls.csv'), csv);
    const r = run(['--halls', join(out, 'halls.csv'), '--population', join(dir, 'population.geojson'), '--areas', join(dir, 'areas.geojson')]);
    rmSync(out, { recursive: true, force: true });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Stats).total.halls).toEqual({ total: 1, byService: { petition: 1 } });
  });

  it('prints usage with --help and exits 0', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm run --silent analyze/);
  });
});

const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const pt = (c: unknown, props: Record<string, unknown> = { population: 1 }) => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'Point', coordinates: c },
});

describe('analyze CLI on bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'analyze-bad-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const ok = join(FIXTURES, 'points');
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const args = (o: { halls?: string; population?: string; areas?: string; more?: string[] }) => [
    '--halls',
    o.halls ?? join(ok, 'halls.csv'),
    '--population',
    o.population ?? join(ok, 'population.geojson'),
    '--areas',
    o.areas ?? join(ok, 'areas.geojson'),
    ...(o.more ?? []),
  ];
  const cases: [string, string[], RegExp][] = [
    ['invalid JSON', args({ population: file('broken.geojson', '{"type": "FeatureCollection", "features": [') }), /broken\.geojson: invalid JSON/],
    ['an empty file', args({ areas: file('empty.geojson', '') }), /empty\.geojson: file is empty$/],
    ['an empty collection', args({ population: file('none.geojson', fc([])) }), /none\.geojson: the collection has no features$/],
    [
      'a wrong geometry type',
      args({
        halls: file(
          'lines.geojson',
          fc([
            pt([113.9, 22.7]),
            {
              type: 'Feature',
              properties: {},
              geometry: {
                type: 'LineString',
                coordinates: [
                  [113.9, 22.7],
                  [114, 22.8],
                ],
              },
            },
          ]),
        ),
      }),
      /lines\.geojson: feature 1: wrong geometry type LineString, halls must be Point$/,
    ],
    [
      'swapped coordinates',
      args({ population: file('swapped.geojson', fc([pt([113.9, 22.7]), pt([22.71, 113.91])])) }),
      /swapped\.geojson: feature 1: coordinates look swapped \(latitude first\): \[22\.71, 113\.91\]$/,
    ],
    [
      'projected coordinates',
      args({
        areas: file(
          'utm.geojson',
          fc([
            {
              type: 'Feature',
              properties: { name: 'x' },
              geometry: {
                type: 'Polygon',
                coordinates: [
                  [
                    [800000, 2500000],
                    [801000, 2500000],
                    [801000, 2501000],
                    [800000, 2500000],
                  ],
                ],
              },
            },
          ]),
        ),
      }),
      /utm\.geojson: feature 0: coordinates look projected/,
    ],
    [
      'missing population',
      args({ population: file('nopop.geojson', fc([pt([113.9, 22.7]), pt([113.9, 22.7], {})])) }),
      /nopop\.geojson: feature 1, field "population": population is missing$/,
    ],
    [
      'negative population',
      args({ population: file('neg.geojson', fc([pt([113.9, 22.7], { population: -2 })])) }),
      /neg\.geojson: feature 0, field "population": -2 is negative$/,
    ],
    [
      'non-numeric population',
      args({ population: file('text.geojson', fc([pt([113.9, 22.7], { population: 'many' })])) }),
      /text\.geojson: feature 0, field "population": "many" is not a number$/,
    ],
    [
      'a bad CSV cell',
      args({ halls: file('bad.csv', 'name,lng,lat,services\nA,113.9,north,petition\n') }),
      /bad\.csv: row 1 \(line 2\), field "lat": "north" is not a number$/,
    ],
    ['a missing file', args({ halls: join(dir, 'missing.csv') }), /missing\.csv: file not found$/],
    ['a directory', args({ areas: dir }), /is a directory, not a file$/],
    ['an unknown flag', [...args({}), '--radius-m', '5'], /^analyze: Unknown option '--radius-m'/],
    ['a bad radius', args({ more: ['--radius=-5'] }), /^analyze: --radius: "-5" is not a number of metres >= 0$/],
    ['a radius that looks like a flag', args({ more: ['--radius', '-5'] }), /^analyze: Option '--radius' argument is ambiguous\./],
    ['a radius that is not a number', args({ more: ['--radius', '500m'] }), /^analyze: --radius: "500m" is not a number of metres >= 0$/],
    ['a bad CRS', args({ more: ['--halls-crs', 'utm'] }), /^analyze: --halls-crs: "utm" is not one of wgs84, gcj02, bd09$/],
    ['an unknown service', args({ more: ['--services', 'petition,legal'] }), /^analyze: --services: no hall in halls\.csv offers "legal"/],
    ['a missing required flag', ['--halls', join(ok, 'halls.csv')], /^analyze: --population FILE is required/],
  ];

  it('exits 2 with one line naming file, feature and problem, and no stack trace, for every kind of bad input', () => {
    const results = cases.map(([, a]) => run(a));
    cases.forEach(([what, , re], k) => {
      const r = results[k];
      expect({ what, code: r.code, stdout: r.stdout }).toEqual({ what, code: 2, stdout: '' });
      expect(r.stderr.endsWith('\n')).toBe(true);
      const lines = r.stderr.trimEnd().split('\n');
      expect({ what, lines: lines.length }).toEqual({ what, lines: 1 });
      expect(lines[0]).toMatch(re);
      expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
    });
  });
});
