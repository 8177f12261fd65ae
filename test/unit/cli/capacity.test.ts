// `analyze` with capacity analysis (issue 15), in process: the stats JSON's
// new fields against the brute-force reference on the points fixture, the
// --capacity-field and --services options, the summary table's split, and
// every bad capacity as one located line with exit 2 and nothing written.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import type { Stats } from '../../../src/core/types';
import { refCapacity, type RefHall, type RefUnit } from '../helpers/capacity-reference';
import { ROOT, runCli, type CliResult } from '../helpers/run-cli';

const POINTS = join(ROOT, 'test/fixtures/points');
const tmp = mkdtempSync(join(tmpdir(), 'cli-capacity-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;

const json = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const population = join(POINTS, 'population.geojson');
const areas = join(POINTS, 'areas.geojson');
const CSV_HALLS = readFileSync(join(POINTS, 'halls.csv'), 'utf8').trimEnd().split('\n');

/** The points fixture's halls as CSV with one more column `header` holding `cells` (one per hall). */
function hallsCsv(header: string, cells: string[]): string {
  const dir = join(tmp, `c${n++}`);
  mkdirSync(dir);
  const file = join(dir, 'halls.csv');
  writeFileSync(file, [`${CSV_HALLS[0]},${header}`, ...CSV_HALLS.slice(1).map((l, k) => `${l},${cells[k]}`)].join('\n') + '\n');
  return file;
}

/** The points fixture's halls as GeoJSON with `props` added to hall k. */
function hallsGeoJson(props: Record<string, unknown>[]): string {
  const fcol = json<FeatureCollection<Point>>(join(POINTS, 'halls.geojson'));
  fcol.features.forEach((f, k) => Object.assign(f.properties!, props[k] ?? {}));
  const dir = join(tmp, `g${n++}`);
  mkdirSync(dir);
  const file = join(dir, 'halls.geojson');
  writeFileSync(file, JSON.stringify(fcol));
  return file;
}

const args = (halls: string, ...more: string[]) => ['--halls', halls, '--population', population, '--areas', areas, ...more];

function expectOneLine(r: CliResult, line: string): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(`${line}\n`);
}

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

describe('analyze with a capacity field', () => {
  const CAPS = [30, 25, 5, 0];
  const halls = hallsGeoJson(CAPS.map((capacity) => ({ capacity })));

  it('adds served, over_capacity, out_of_range, access_2sfca and the halls list, equal to the brute-force reference', () => {
    const r = runCli(args(halls, '--radius', '800'));
    expect(r.status).toBe(0);
    const stats = JSON.parse(r.stdout) as Stats;
    const hs = json<FeatureCollection<Point>>(halls).features;
    const refHalls: RefHall[] = hs.map((f) => ({
      p: f.geometry.coordinates as [number, number],
      s: f.properties!.services as string[],
      cap: f.properties!.capacity as number,
    }));
    const units: RefUnit[] = json<FeatureCollection<Point>>(population).features.map((f) => ({
      p: f.geometry.coordinates as [number, number],
      w: f.properties!.population as number,
    }));
    const ref = refCapacity(refHalls, units, json<FeatureCollection<Polygon | MultiPolygon>>(areas).features, 800, stats.services);
    expect(stats.services).toEqual(['legal-aid', 'petition', 'psych-support']);
    stats.areas.forEach((a, g) => {
      for (const s of stats.services) {
        close(a.served![s], ref.served[s][g]);
        close(a.over_capacity![s], ref.over[s][g]);
        expect(a.out_of_range![s]).toBe(ref.out[s][g]);
        if (ref.access[s][g] === null) expect(a.access_2sfca![s]).toBeNull();
        else close(a.access_2sfca![s]!, ref.access[s][g]!);
      }
      expect(Object.keys(a.served!)).not.toContain('all');
    });
    expect(stats.halls).toEqual(
      refHalls.flatMap((h, index) =>
        stats.services
          .filter((s) => h.s.includes(s))
          .map((service) => ({
            index,
            name: hs[index].properties!.name,
            service,
            capacity: h.cap,
            load: ref.load[service][index],
            served: Math.min(ref.load[service][index], h.cap),
          })),
      ),
    );
    expect(stats.halls!.some((h) => h.load > h.capacity!)).toBe(true); // the case has a hall over capacity
  });

  it('reads the same numbers from a CSV column, and writes them with --stats', () => {
    const geo = runCli(args(halls));
    const out = join(tmp, 'stats-cap.json');
    const csv = runCli(args(hallsCsv('capacity', CAPS.map(String)), '--stats', out));
    expect([geo.status, csv.status]).toEqual([0, 0]);
    expect(readFileSync(out, 'utf8')).toBe(geo.stdout);
  });

  it('lists only the reported services with --services', () => {
    const stats = JSON.parse(runCli(args(halls, '--services', 'petition')).stdout) as Stats;
    expect(stats.halls!.map((h) => [h.index, h.service])).toEqual([
      [0, 'petition'],
      [1, 'petition'],
      [3, 'petition'],
    ]);
    expect(Object.keys(stats.total.served!)).toEqual(['petition']);
    expect(Object.keys(stats.total.access_2sfca!)).toEqual(['petition']);
  });

  it('prints the split and the halls over capacity under the summary table', () => {
    const r = runCli(args(halls));
    const lines = r.stderr.trimEnd().split('\n');
    const at = lines.indexOf('capacity: people served, in range of a hall that is over capacity, out of range');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^area\s+legal-aid served\s+over capacity\s+out of range\s+petition served/);
    const stats = JSON.parse(r.stdout) as Stats;
    const total = lines
      .find((l) => l.startsWith('total') && lines.indexOf(l) > at)!
      .split(/\s+/)
      .slice(1)
      .map(Number);
    expect(total.slice(0, 3)).toEqual(
      [stats.total.served!['legal-aid'], stats.total.over_capacity!['legal-aid'], stats.total.out_of_range!['legal-aid']].map((x) =>
        Number(Number.isInteger(x) ? x : x.toFixed(1)),
      ),
    );
    const over = stats.halls!.filter((h) => h.service === 'petition' && h.load > h.capacity!).length;
    expect(lines).toContain(`petition: ${over} of 3 halls over capacity`);
  });
});

describe('analyze: when capacity analysis is on', () => {
  it('stays off, the stats byte for byte as before, when no hall has the field', () => {
    const r = runCli(args(join(POINTS, 'halls.csv')));
    expect(r.stdout).toBe(readFileSync(join(POINTS, 'expected-stats.json'), 'utf8'));
    expect(r.stderr).not.toMatch(/capacity/);
  });

  it('is on with --capacity-field naming a field no hall has: every hall unlimited, served = covered, 2SFCA null', () => {
    const stats = JSON.parse(runCli(args(join(POINTS, 'halls.csv'), '--capacity-field', 'seats')).stdout) as Stats;
    for (const s of stats.services) {
      expect(stats.total.served![s]).toBe(stats.total.covered[s]);
      expect(stats.total.over_capacity![s]).toBe(0);
      expect(stats.total.access_2sfca![s]).toBeNull();
    }
    expect(stats.halls!.every((h) => h.capacity === null && h.served === h.load)).toBe(true);
  });

  it('reads the field --capacity-field names, and is on when the default field is there with only empty values', () => {
    const named = JSON.parse(runCli(args(hallsCsv('seats', ['1', '2', '3', '4']), '--capacity-field', 'seats')).stdout) as Stats;
    expect(named.halls!.filter((h) => h.service === 'petition').map((h) => h.capacity)).toEqual([1, 2, 4]);
    const empty = JSON.parse(runCli(args(hallsGeoJson([{ capacity: null }, { capacity: '' }]))).stdout) as Stats;
    expect(empty.halls!.every((h) => h.capacity === null)).toBe(true);
  });

  it('refuses an empty --capacity-field', () => {
    expectOneLine(runCli(args(join(POINTS, 'halls.csv'), '--capacity-field', ' ')), 'analyze: --capacity-field: the property name is empty');
  });
});

describe('analyze: a bad capacity is one line, exit 2, and nothing written', () => {
  it.each([
    [
      'a number as text in GeoJSON',
      () => hallsGeoJson([{}, { capacity: '1200' }]),
      (f: string) => `${f}: feature 1, field "capacity": "1200" is text, not a number: write the capacity without quotes (hall "Station \\"B\\", east")`,
    ],
    ['a negative number', () => hallsGeoJson([{ capacity: -1 }]), (f: string) => `${f}: feature 0, field "capacity": -1 is negative (hall "区中心 A")`],
    ['a boolean', () => hallsGeoJson([{}, {}, { capacity: true }]), (f: string) => `${f}: feature 2, field "capacity": true is not a number (hall "Empty C")`],
    [
      'text in a CSV cell',
      () => hallsCsv('capacity', ['1', '2', 'many', '4']),
      (f: string) => `${f}: row 3 (line 4), field "capacity": "many" is not a number (hall "Empty C")`,
    ],
    [
      'a negative CSV cell',
      () => hallsCsv('capacity', ['1', '2', '3', '-4']),
      (f: string) => `${f}: row 4 (line 5), field "capacity": -4 is negative (hall "Outside D")`,
    ],
  ])('%s', (_, make, message) => {
    const halls = make();
    const out = join(tmp, `never-${n++}.json`);
    expectOneLine(runCli(args(halls, '--stats', out)), message(halls));
    expect(existsSync(out)).toBe(false);
  });

  it('names the field --capacity-field gives', () => {
    const halls = hallsCsv('seats', ['1', 'x', '3', '4']);
    expectOneLine(
      runCli(args(halls, '--capacity-field', 'seats')),
      `${halls}: row 2 (line 3), field "seats": "x" is not a number (hall "Station \\"B\\", east")`,
    );
  });
});
