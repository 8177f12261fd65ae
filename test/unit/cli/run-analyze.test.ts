// `analyze` in process (runAnalyze): what it refuses before reading, how it
// writes its outputs (all or nothing, never over an input), and what reaches
// the terminal. The exit status and a closed pipe are checked on a real
// process at the end.
import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { writeNewFile } from '../../../src/cli/write-outputs';
import { ROOT, runCli, runCliProcess, type CliResult } from '../helpers/run-cli';
import { CLI_STREAM_FROM_BYTES, CLI_WHOLE_MAX_BYTES } from '../../../src/core/limits';

const POINTS = join(ROOT, 'test/fixtures/points');
const tmp = mkdtempSync(join(tmpdir(), 'run-analyze-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;

/** A fresh folder holding copies of the points fixture's inputs. */
function workspace(): { dir: string; halls: string; population: string; areas: string; args: string[] } {
  const dir = join(tmp, `w${n++}`);
  mkdirSync(dir);
  const [halls, population, areas] = ['halls.csv', 'population.geojson', 'areas.geojson'].map((f) => {
    writeFileSync(join(dir, f), readFileSync(join(POINTS, f)));
    return join(dir, f);
  });
  return { dir, halls, population, areas, args: ['--halls', halls, '--population', population, '--areas', areas] };
}

function expectOneLine(r: CliResult, status: number, line: string | RegExp): void {
  expect(r.status).toBe(status);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.slice(0, -1).split('\n')).toHaveLength(1);
  if (typeof line === 'string') expect(r.stderr.slice(0, -1)).toBe(line);
  else expect(r.stderr.slice(0, -1)).toMatch(line);
}

const GOLDEN = readFileSync(join(POINTS, 'expected-stats.json'), 'utf8');

describe('analyze in process', () => {
  it('prints the same stats bytes as the golden file, and the summary table on stderr', () => {
    const w = workspace();
    const r = runCli(w.args);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(GOLDEN);
    expect(r.stderr).toMatch(/^radius 500 m\n/);
  });
});

describe('an output that is an input is refused before anything is read (issue 19)', () => {
  it.each([
    ['--stats', 'halls', (w: ReturnType<typeof workspace>) => w.halls],
    ['--gaps', 'population', (w: ReturnType<typeof workspace>) => w.population],
    ['--stats', 'areas', (w: ReturnType<typeof workspace>) => `${w.dir}/./areas.geojson`],
    ['--gaps', 'areas', (w: ReturnType<typeof workspace>) => `${w.dir}/../${basename(w.dir)}/areas.geojson`],
  ])('%s given the %s file (also through ./ and ..): exit 2, the input unchanged', (flag, role, out) => {
    const w = workspace();
    const input = w[role as 'halls' | 'population' | 'areas'];
    const before = readFileSync(input);
    const path = out(w);
    const r = runCli([...w.args, flag, path]);
    expectOneLine(r, 2, `analyze: ${flag} ${path} is the --${role} file: writing there would destroy the input; give another file`);
    expect(readFileSync(input)).toEqual(before);
  });

  it('sees through a symbolic link and a hard link, and checks before reading (a broken input is not reported)', () => {
    const w = workspace();
    symlinkSync(w.areas, join(w.dir, 'link.geojson'));
    linkSync(w.halls, join(w.dir, 'hard.csv'));
    writeFileSync(w.population, '{"broken');
    expectOneLine(runCli([...w.args, '--stats', join(w.dir, 'link.geojson')]), 2, /^analyze: --stats .*link\.geojson is the --areas file: /);
    expectOneLine(runCli([...w.args, '--gaps', join(w.dir, 'hard.csv')]), 2, /^analyze: --gaps .*hard\.csv is the --halls file: /);
    expect(readFileSync(w.halls)).toEqual(readFileSync(join(POINTS, 'halls.csv')));
  });

  it('refuses --stats and --gaps naming one file, which would lose the stats', () => {
    const w = workspace();
    const out = join(w.dir, 'out.json');
    writeFileSync(out, 'old');
    expectOneLine(
      runCli([...w.args, '--stats', out, '--gaps', `${w.dir}/./out.json`]),
      2,
      `analyze: --gaps ${w.dir}/./out.json is also the --stats file: give each output its own file`,
    );
    expect(readFileSync(out, 'utf8')).toBe('old');
  });
});

describe('outputs are written whole or not at all (issue 19)', () => {
  const fullDiskAt =
    (failing: string, keep = 65_536) =>
    (path: string, text: string) => {
      if (!path.includes(failing)) return writeNewFile(path, text);
      writeFileSync(path, text.slice(0, keep)); // the disk fills part way
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };

  it('a full disk while writing --gaps keeps the earlier --stats file and the old gaps file, and leaves no temporary file', () => {
    const w = workspace();
    const stats = join(w.dir, 'stats.json');
    const gaps = join(w.dir, 'gaps.geojson');
    writeFileSync(stats, 'old stats');
    writeFileSync(gaps, 'old gaps');
    const files = readdirSync(w.dir).sort();
    const r = runCli([...w.args, '--stats', stats, '--gaps', gaps], fullDiskAt('gaps.geojson', 10));
    expectOneLine(r, 1, `analyze: ${gaps}: cannot write file (ENOSPC): the disk is full; no output file was changed`);
    expect(readFileSync(stats, 'utf8')).toBe('old stats');
    expect(readFileSync(gaps, 'utf8')).toBe('old gaps');
    expect(readdirSync(w.dir).sort()).toEqual(files);
  });

  it('a full disk while writing --stats keeps its old content instead of truncated JSON', () => {
    const w = workspace();
    const stats = join(w.dir, 'stats.json');
    writeFileSync(stats, 'old stats');
    const r = runCli([...w.args, '--stats', stats], fullDiskAt('stats.json', 100));
    expectOneLine(r, 1, `analyze: ${stats}: cannot write file (ENOSPC): the disk is full; no output file was changed`);
    expect(readFileSync(stats, 'utf8')).toBe('old stats');
    expect(readdirSync(w.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('prints no stats on stdout when the --gaps file fails', () => {
    const w = workspace();
    const r = runCli([...w.args, '--gaps', join(w.dir, 'no-such-dir', 'gaps.geojson')]);
    expectOneLine(r, 1, `analyze: ${join(w.dir, 'no-such-dir', 'gaps.geojson')}: cannot write file (ENOENT); no output file was changed`);
  });

  it('replaces existing outputs in full, keeps their permissions, and writes through a symbolic link', () => {
    const w = workspace();
    const stats = join(w.dir, 'stats.json');
    writeFileSync(stats, 'x'.repeat(100_000));
    chmodSync(stats, 0o640);
    const real = join(w.dir, 'real-gaps.geojson');
    writeFileSync(real, 'old');
    symlinkSync(real, join(w.dir, 'gaps-link.geojson'));
    const r = runCli([...w.args, '--stats', stats, '--gaps', join(w.dir, 'gaps-link.geojson')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(stats, 'utf8')).toBe(GOLDEN);
    expect(statSync(stats).mode & 0o777).toBe(0o640);
    expect(lstatSync(join(w.dir, 'gaps-link.geojson')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(real, 'utf8'))).toEqual(JSON.parse(readFileSync(join(POINTS, 'expected-gaps.geojson'), 'utf8')));
    expect(readdirSync(w.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes to /dev/null as a device, without replacing it', () => {
    const w = workspace();
    expect(runCli([...w.args, '--gaps', '/dev/null']).status).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});

describe('inputs the CLI refuses to read (issue 19)', () => {
  it('refuses a device instead of reading it forever', () => {
    const w = workspace();
    for (const role of ['--halls', '--population', '--areas']) {
      const args = [...w.args];
      args[args.indexOf(role) + 1] = '/dev/zero';
      expectOneLine(runCli(args), 2, '/dev/zero: is not a regular file (a device, pipe or socket): save the data to a file and give that');
    }
  });

  it('refuses a file too big to read whole with one line naming it, not an internal error', () => {
    const w = workspace();
    const big = join(w.dir, 'big.csv');
    writeFileSync(big, '');
    truncateSync(big, CLI_WHOLE_MAX_BYTES + 2 ** 20); // sparse: no disk used
    expectOneLine(
      runCli(['--halls', big, '--population', w.population, '--areas', w.areas]),
      2,
      `${big}: is too big to read whole (501 MiB, at most 500 MiB): halls and areas files are read whole`,
    );
    // Zeros cannot be streamed (NUL), so the population falls back to a whole read.
    expectOneLine(
      runCli(['--halls', w.halls, '--population', big, '--areas', w.areas]),
      2,
      `${big}: is too big to read whole (501 MiB, at most 500 MiB): only a UTF-8 GeoJSON FeatureCollection is read in pieces; save it as one`,
    );
  });

  it('streams a big population file whose "type" comes after "features", with the same stats', () => {
    const w = workspace();
    const pop = JSON.parse(readFileSync(w.population, 'utf8')) as { features: unknown[] };
    // The fixture's points, then enough people of population 0 far outside to pass CLI_STREAM_FROM_BYTES.
    const zero = JSON.stringify({ type: 'Feature', properties: { population: 0 }, geometry: { type: 'Point', coordinates: [100, 10] } });
    const filler = `,\n${zero}`.repeat(Math.ceil(CLI_STREAM_FROM_BYTES / zero.length));
    const text = `{"features":[${pop.features.map((f) => JSON.stringify(f)).join(',\n')}${filler}],"type":"FeatureCollection"}`;
    writeFileSync(w.population, text);
    expect(statSync(w.population).size).toBeGreaterThan(CLI_STREAM_FROM_BYTES);
    const r = runCli(w.args);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.status).toBe(0);
    const got = JSON.parse(r.stdout) as { total: unknown };
    expect(got.total).toEqual((JSON.parse(GOLDEN) as { total: unknown }).total);
  });

  it('says a field named like a JavaScript built-in is missing', () => {
    const w = workspace();
    expectOneLine(runCli([...w.args, '--area-field', 'constructor']), 2, `${w.areas}: feature 0, field "constructor": area name is missing`);
    expectOneLine(runCli([...w.args, '--population-field', '__proto__']), 2, `${w.population}: feature 0, field "__proto__": population is missing`);
  });

  it('refuses a repeated option instead of keeping the last', () => {
    const w = workspace();
    expectOneLine(runCli([...w.args, '--radius', '100', '--radius', '2000']), 2, 'analyze: --radius is given 2 times ("100", "2000"): give it once');
    expectOneLine(
      runCli([...w.args, '--population', w.population]),
      2,
      `analyze: --population is given 2 times (${JSON.stringify(w.population)}, ${JSON.stringify(w.population)}): give it once`,
    );
  });
});

describe('data cannot drive the terminal (issue 19)', () => {
  const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

  it('escapes control characters of area and service names in the summary table and in messages', () => {
    const w = workspace();
    const areas = JSON.parse(readFileSync(w.areas, 'utf8')) as { features: { properties: { name: string } }[] };
    areas.features[0].properties.name = 'West\u001b[2J\u001b]0;title\u0007\nforged row\u009b31m\u202e';
    writeFileSync(w.areas, JSON.stringify(areas));
    writeFileSync(w.halls, 'name,lng,lat,services\nA,113.93,22.75,"pe\u001b[31mtition"\n');
    const r = runCli(w.args);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(CONTROL);
    expect(r.stderr.split('\n')).toHaveLength(areas.features.length + 1 + 3 + 1); // radius, header, areas, outside, total, final newline
    // The stats JSON keeps the names as they are (JSON escapes them).
    expect((JSON.parse(r.stdout) as { areas: { name: string }[] }).areas[0].name).toBe(areas.features[0].properties.name);
    const bad = runCli([...w.args, '--services', 'x\u001b[2J']);
    expectOneLine(bad, 2, 'analyze: --services: no hall in halls.csv offers "x [2J" (found: pe [31mtition)');
    expect(bad.stderr).not.toMatch(CONTROL);
  });
});

describe('analyze as a process', () => {
  it('exits 2 with one line on stderr for bad input, and 0 quietly when stdout is closed early (EPIPE)', async () => {
    const w = workspace();
    const [bad, closed] = await Promise.all([runCliProcess([...w.args, '--radius', 'far']), runCliProcess(w.args, { closeStdout: true })]);
    expect(bad).toEqual({ status: 2, stdout: '', stderr: 'analyze: --radius: "far" is not a number of metres >= 0\n' });
    expect(closed.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(closed.stderr).toMatch(/^radius 500 m\n/);
    expect(closed.status).toBe(0);
  });
});
