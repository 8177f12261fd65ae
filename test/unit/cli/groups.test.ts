// `--group-fields` (issue 16): every block of every level gains `groups`,
// each group counted like the population; a missing or invalid group count
// is bad input named like a bad population.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import type { Stats } from '../../../src/core/types';
import { ROOT, runCli } from '../helpers/run-cli';

const LEVELS = join(ROOT, 'test/fixtures/levels');
const POLYGONS = join(ROOT, 'test/fixtures/polygons');
const dir = mkdtempSync(join(tmpdir(), 'groups-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The levels fixture's population with group counts added by `props` (or a feature changed by `edit`). */
function population(props: (p: number, i: number) => Record<string, unknown>, name = 'population.geojson'): string {
  const fc = JSON.parse(readFileSync(join(LEVELS, 'population.geojson'), 'utf8')) as FeatureCollection;
  fc.features.forEach((f, i) => Object.assign(f.properties!, props(f.properties!.population as number, i)));
  writeFileSync(join(dir, name), JSON.stringify(fc));
  return join(dir, name);
}

const withGroups = population((p, i) => ({ age65: Math.floor(p / 3), children: i % 4 === 0 ? 0 : p % 4 }));
const args = (pop: string) => [
  '--halls',
  join(LEVELS, 'halls.csv'),
  '--population',
  pop,
  '--areas',
  join(LEVELS, 'areas.geojson'),
  '--areas',
  join(LEVELS, 'blocks.geojson'),
  '--area-field',
  'name',
  '--area-field',
  'community',
];

describe('analyze --group-fields (issue 16)', () => {
  const r = runCli([...args(withGroups), '--group-fields', 'age65, children']);
  const stats = JSON.parse(r.stdout) as Stats;
  const people = (JSON.parse(readFileSync(withGroups, 'utf8')) as FeatureCollection).features.map((f) => f.properties as { age65: number; children: number });

  it('adds groups to every block of every level; totals are the file sums and the sums of the areas; covered never exceeds the group', () => {
    expect(r.status).toBe(0);
    expect(Object.keys(stats.total.groups!)).toEqual(['age65', 'children']);
    for (const g of ['age65', 'children'] as const) {
      expect(stats.total.groups![g].population).toBe(people.reduce((s, p) => s + p[g], 0));
      for (const areas of [stats.areas, stats.levels![0].areas]) {
        expect(areas.reduce((s, a) => s + a.groups![g].population, 0)).toBe(stats.total.groups![g].population);
        for (const k of [...stats.services, 'all']) {
          expect(areas.reduce((s, a) => s + a.groups![g].covered[k], 0)).toBe(stats.total.groups![g].covered[k]);
          for (const a of areas) expect(a.groups![g].covered[k]).toBeLessThanOrEqual(a.groups![g].population);
        }
      }
    }
  });

  it('counts a group equal to the population as the population, on polygon population too', () => {
    const extra = JSON.parse(readFileSync(join(POLYGONS, 'args.json'), 'utf8')) as string[];
    const p = runCli([
      '--halls',
      join(POLYGONS, 'halls.csv'),
      '--population',
      join(POLYGONS, 'population.geojson'),
      '--areas',
      join(POLYGONS, 'areas.geojson'),
      ...extra,
      '--group-fields',
      'people',
    ]);
    const s = JSON.parse(p.stdout) as Stats;
    for (const b of [s.total, ...s.areas]) expect(b.groups!.people).toEqual({ population: b.population, covered: b.covered });
  });

  it('leaves the rest of the stats as without groups', () => {
    const plain = JSON.parse(runCli(args(withGroups)).stdout) as Stats;
    const strip = <T extends { groups?: unknown }>({ groups: _, ...b }: T) => b;
    expect({
      ...stats,
      total: strip(stats.total),
      areas: stats.areas.map(strip),
      levels: stats.levels!.map((l) => ({ ...l, areas: l.areas.map(strip) })),
    }).toEqual(plain);
  });

  it.each([
    ['missing', population((p, i) => (i === 5 ? { age65: undefined } : { age65: 1 }), 'missing.geojson'), 'feature 5, field "age65": group count is missing'],
    ['text', population((p, i) => ({ age65: i === 2 ? '3' : 1 }), 'text.geojson'), 'feature 2, field "age65": "3" is not a number'],
    ['negative', population((p, i) => ({ age65: i === 7 ? -1 : 1 }), 'negative.geojson'), 'feature 7, field "age65": -1 is negative'],
  ])('refuses a %s group count with one line naming feature and field', (_, pop, message) => {
    const e = runCli([...args(pop), '--group-fields', 'age65']);
    expect(e.status).toBe(2);
    expect(e.stderr).toBe(`${pop}: ${message}\n`);
  });

  it.each([
    [
      'age65,,children',
      'analyze: --group-fields: "age65,,children" has an empty property name; give names separated by commas, e.g. --group-fields age65,children',
    ],
    ['age65,age65', 'analyze: --group-fields: "age65" is given twice'],
  ])('refuses --group-fields %j', (v, line) => {
    const e = runCli([...args(withGroups), '--group-fields', v]);
    expect(e.status).toBe(2);
    expect(e.stderr).toBe(`${line}\n`);
  });
});
