// `npm run analyze` runs the CLI bundled to JavaScript by scripts/run-analyze.mjs:
// built on first use, reused while its sources are unchanged, rebuilt when one
// changes, and byte for byte the TypeScript CLI's output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { USAGE } from '../../../src/cli/cli-args';

const ROOT = resolve(import.meta.dirname, '../../..');
const cache = mkdtempSync(join(tmpdir(), 'cli-build-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

function launch(args: string[]) {
  return spawnSync(process.execPath, ['scripts/run-analyze.mjs', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SC_CLI_CACHE: cache } });
}

function tsx(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/analyze.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
}

/** Modification time of the built CLI (it changes only when the launcher builds). */
function builtAt(): number {
  const [dir] = readdirSync(cache);
  return statSync(join(cache, dir, 'analyze.mjs')).mtimeMs;
}

describe('scripts/run-analyze.mjs', () => {
  it('is what npm run analyze runs', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.analyze).toBe('node scripts/run-analyze.mjs');
  });

  it('builds the CLI on first use, then reuses the build while the sources are unchanged', () => {
    const first = launch(['--help']);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(`${USAGE}\n`);
    expect(first.stderr).toBe('');
    const built = builtAt();
    const again = launch(['--help']);
    expect(again.stdout).toBe(`${USAGE}\n`);
    expect(builtAt()).toBe(built);
  });

  it('builds again when a file the CLI is built from changes', () => {
    launch(['--help']);
    const built = builtAt();
    const source = join(ROOT, 'src/cli/summary-table.ts');
    const now = new Date();
    utimesSync(source, now, now);
    expect(launch(['--help']).status).toBe(0);
    expect(builtAt()).toBeGreaterThan(built);
  });

  it('writes exactly what the TypeScript CLI writes: stats, summary table, gap zones and exit code', () => {
    const dir = mkdtempSync(join(cache, 'out-'));
    const fixture = join(ROOT, 'test/fixtures/points');
    const args = (gaps: string) => [
      '--halls',
      join(fixture, 'halls.geojson'),
      '--population',
      join(fixture, 'population.geojson'),
      '--areas',
      join(fixture, 'areas.geojson'),
      '--gaps',
      gaps,
    ];
    const built = launch(args(join(dir, 'built.geojson')));
    const source = tsx(args(join(dir, 'source.geojson')));
    expect(built.status).toBe(0);
    expect([built.stdout, built.stderr]).toEqual([source.stdout, source.stderr]);
    expect(readFileSync(join(dir, 'built.geojson'), 'utf8')).toBe(readFileSync(join(dir, 'source.geojson'), 'utf8'));
    const bad = launch(['--radius', 'x']);
    const badSource = tsx(['--radius', 'x']);
    expect([bad.status, bad.stdout, bad.stderr]).toEqual([2, '', badSource.stderr]);
    expect(badSource.status).toBe(2);
  });
});
