// `--target` (issue 16): every block of the stats says per service whether
// its covered share meets the target, exactly at the boundary, without
// changing the exit code; without it the stats are unchanged.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Stats } from '../../../src/core/types';
import { runCli } from '../helpers/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'target-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pt = (x: number, y: number, population: number) => ({ type: 'Feature', properties: { population }, geometry: { type: 'Point', coordinates: [x, y] } });
const box = (name: string, x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Feature',
  properties: { name },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  },
});
const file = (name: string, features: unknown[]) => {
  writeFileSync(join(dir, name), JSON.stringify({ type: 'FeatureCollection', features }));
  return join(dir, name);
};
// 7 of the area's 100 people live by the petition hall, 93 are 5 km away; the second area is empty.
const args = [
  '--halls',
  file('halls.geojson', [{ type: 'Feature', properties: { name: 'A', services: ['petition'] }, geometry: { type: 'Point', coordinates: [113.94, 22.75] } }]),
  '--population',
  file('population.geojson', [pt(113.94, 22.75, 7), pt(113.99, 22.75, 93)]),
  '--areas',
  file('areas.geojson', [box('Near', 113.9, 22.7, 114, 22.8), box('Empty', 114.1, 22.7, 114.2, 22.8)]),
];

function stats(more: string[]): Stats {
  const r = runCli([...args, ...more]);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Stats;
}

describe('analyze --target (issue 16)', () => {
  it('meets the target when covered / population equals it (7 of 100 at 0.07, although 0.07 × 100 > 7 in floating point)', () => {
    const s = stats(['--target', '0.07']);
    expect(s.target).toBe(0.07);
    expect(s.total.meets_target).toEqual({ petition: true, all: true });
    expect(s.areas.map((a) => [a.name, a.meets_target])).toEqual([
      ['Near', { petition: true, all: true }],
      ['Empty', { petition: null, all: null }],
    ]);
  });

  it('misses it just above the share, with exit code 0', () => {
    const s = stats(['--target', '0.0700001']);
    expect(s.total.meets_target).toEqual({ petition: false, all: false });
  });

  it('marks every further level too', () => {
    const s = stats(['--areas', join(dir, 'areas.geojson'), '--target', '1']);
    expect(s.levels![0].areas.map((a) => a.meets_target)).toEqual([
      { petition: false, all: false },
      { petition: null, all: null },
    ]);
  });

  it('leaves the stats unchanged without --target', () => {
    const plain = runCli(args).stdout;
    expect(plain).not.toMatch(/target/);
    const s = stats(['--target', '0.5']);
    const strip = ({ meets_target: _, ...b }: Stats['total']) => b;
    expect(JSON.stringify({ ...s, target: undefined, total: strip(s.total), areas: s.areas.map(strip) }, null, 2) + '\n').toBe(plain);
  });

  it.each(['95', '-0.1', '1.5', '0x1', 'half', ''])('refuses --target %j with one line', (v) => {
    const r = runCli([...args, `--target=${v}`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`analyze: --target: ${JSON.stringify(v)} is not a fraction between 0 and 1 (e.g. 0.95 for 95 %)\n`);
  });
});
