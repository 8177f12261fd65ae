// Several levels of areas (issue 16): `--areas` repeated, coarse to fine.
// Each further level equals a run with that file alone, and each of its
// areas names as parent the first-level area holding most of its people,
// checked against a brute-force turf reference on a nested and a non-nested
// fixture (test/fixtures/levels).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Stats } from '../../../src/core/types';
import { ROOT, runCli } from '../helpers/run-cli';

const DIR = join(ROOT, 'test/fixtures/levels');
const AREAS = join(DIR, 'areas.geojson');
const NESTED = join(DIR, 'communities.geojson');
const CROSSING = join(DIR, 'blocks.geojson');
const base = ['--halls', join(DIR, 'halls.csv'), '--population', join(DIR, 'population.geojson')];
const json = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

function stats(args: string[]): Stats {
  const r = runCli([...base, ...args]);
  expect(r.stderr).toMatch(/^radius /);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Stats;
}

/** Parent per fine area by brute force: people per (fine, coarse) pair, the most-populated coarse area, first on ties. */
function bruteParents(fineFile: string, _fineField: string): (string | null)[] {
  const coarse = json<FeatureCollection<Polygon | MultiPolygon>>(AREAS).features;
  const fine = json<FeatureCollection<Polygon | MultiPolygon>>(fineFile).features;
  const people = json<FeatureCollection<Point>>(join(DIR, 'population.geojson')).features;
  const within = (fs: typeof coarse, p: Point) => fs.findIndex((f) => booleanPointInPolygon(p.coordinates, f));
  const sums = fine.map(() => coarse.map(() => 0));
  for (const p of people) {
    const f = within(fine, p.geometry);
    const c = within(coarse, p.geometry);
    if (f >= 0 && c >= 0) sums[f][c] += p.properties!.population as number;
  }
  return sums.map((s) => {
    const best = Math.max(...s);
    return best > 0 ? (coarse[s.indexOf(best)].properties!.name as string) : null;
  });
}

describe('area levels in the CLI (issue 16)', () => {
  const run = stats([
    '--areas',
    AREAS,
    '--areas',
    NESTED,
    '--areas',
    CROSSING,
    '--area-field',
    'name',
    '--area-field',
    'community',
    '--area-field',
    'community',
  ]);

  it('reports the first level in areas exactly as a run with that file alone, and the further levels with the file and field as given', () => {
    const alone = stats(['--areas', AREAS]);
    expect({ ...run, levels: undefined }).toEqual({ ...alone, levels: undefined });
    expect(run.levels!.map((l) => [l.file, l.field])).toEqual([
      [NESTED, 'community'],
      [CROSSING, 'community'],
    ]);
  });

  it('gives each further level the numbers of a run with that file alone', () => {
    for (const [k, file] of [NESTED, CROSSING].entries()) {
      const alone = stats(['--areas', file, '--area-field', 'community']);
      expect(run.levels![k].areas.map(({ parent: _, ...a }) => a)).toEqual(alone.areas);
    }
  });

  it('names as parent of a nested level the area that contains it', () => {
    expect(run.levels![0].areas.map((a) => [a.name, a.parent])).toEqual([
      ['西南 West-South', '西区 West'],
      ['西北 West-North', '西区 West'],
      ['东南 East-South', '东区 East'],
      ['东北 East-North', '东区 East'],
      ['(outside areas)', null],
    ]);
    expect(run.levels![0].areas.map((a) => a.parent).slice(0, -1)).toEqual(bruteParents(NESTED, 'community'));
  });

  it('on a level that does not nest: most people decide, a tie goes to the first area, no people or none inside the first level give null', () => {
    const level = run.levels![1].areas;
    expect(level.map((a) => [a.name, a.parent])).toEqual([
      ['平 Tie', '西区 West'],
      ['跨 Across', '东区 East'],
      ['空 Empty', null],
      ['外 Beyond', null],
      ['(outside areas)', null],
    ]);
    expect(level.map((a) => a.parent).slice(0, -1)).toEqual(bruteParents(CROSSING, 'community'));
    // The tie is a real one: 5 people on each side of the border.
    expect(level[0].population).toBe(10);
    expect(level[2].population).toBe(0);
    expect(level[3].population).toBeGreaterThan(0);
  });

  it('applies one --area-field to every level', () => {
    const r = runCli([...base, '--areas', AREAS, '--areas', NESTED]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${NESTED}: feature 0, field "name": area name is missing\n`);
    const one = stats(['--areas', NESTED, '--areas', CROSSING, '--area-field', 'community']);
    expect(one.levels![0].areas.map((a) => a.name)).toEqual(run.levels![1].areas.map((a) => a.name));
  });

  it('refuses a count of --area-field that is neither one nor one per --areas', () => {
    const r = runCli([...base, '--areas', AREAS, '--areas', NESTED, '--areas', CROSSING, '--area-field', 'name', '--area-field', 'community']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('analyze: --area-field is given 2 times but --areas 3 times: give it once for every level, or once per --areas in the same order\n');
  });

  it('refuses a further areas file that is also an output', () => {
    const r = runCli([...base, '--areas', AREAS, '--areas', NESTED, '--area-field', 'community', '--stats', NESTED]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`analyze: --stats ${NESTED} is the --areas file: writing there would destroy the input; give another file\n`);
  });
});
