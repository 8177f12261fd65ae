// The command line against a hand-written reference (issue 14), in one run on
// the same seed-7 files (big-input-data.ts): `npm run analyze` with --stats,
// started as planners start it (scripts/run-analyze.mjs, the esbuild bundle,
// built once before timing), and kdbush-reference.mjs, plain Node reading
// each file whole with JSON.parse and counting the same per-area,
// per-service people with kdbush and a point-in-polygon. Runs alternate, each
// a child process under /usr/bin/time -v; the ratio is the CLI's wall time
// over the reference's in the same round, and the median ratio is reported.
// The CLI's numbers are checked against the reference's.
// Then, in this process, the first full statistics (nearest-hall distances
// for every unit and service) on a fresh engine over the same data.
// Targets: CLI ≤ 0.7× the reference at 200 000 points / 3 000 halls and
// ≤ 0.6× at 1 000 000 / 10 000; the CLI's peak memory ≤ 3× the population
// file; first full statistics at 200 000 / 3 000 under 50 ms.
// Run: npx tsx test/bench/cli-vs-reference.bench.ts [points] [halls] [rounds]
// Prints times, ratios and peak memory; asserts nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CoverageEngine, decodeText, parseAreas, parseHalls, parsePopulation } from '../../src/core/index';
import type { Stats } from '../../src/core/types';
import { generateBigInput } from './big-input-data';
import { timeProcess, type ProcessRun } from './time-process';

const POINTS = Number(process.argv[2] ?? 200_000);
const HALLS = Number(process.argv[3] ?? 3_000);
const ROUNDS = Number(process.argv[4] ?? 3);
const ROOT = resolve(import.meta.dirname, '../..');

interface Counts {
  population: number;
  covered: Record<string, number>;
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const f2 = (x: number) => x.toFixed(2);

// Whether the CLI's stats hold the reference's people and covered people, in total and per area.
function sameCounts(stats: Stats, ref: { total: Counts; areas: Counts[] }): boolean {
  const same = (a: Counts, b: Counts) => a.population === b.population && Object.keys(b.covered).every((k) => a.covered[k] === b.covered[k]);
  return same(stats.total as Counts, ref.total) && ref.areas.length === stats.areas.length && ref.areas.every((a, k) => same(stats.areas[k] as Counts, a));
}

const dir = mkdtempSync(join(tmpdir(), 'cli-vs-reference-'));
try {
  const files = generateBigInput(dir, POINTS, HALLS);
  const fileMiB = statSync(files.population).size / 2 ** 20;
  console.log(
    `${POINTS.toLocaleString('en')} points (${fileMiB.toFixed(1)} MiB), ${HALLS.toLocaleString('en')} halls, 6 areas; ${ROUNDS} rounds; load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  // Build the CLI bundle now if it is stale, so no round pays for esbuild.
  spawnSync(process.execPath, ['scripts/run-analyze.mjs', '--help'], { cwd: ROOT });
  const inputs = ['--halls', files.halls, '--population', files.population, '--areas', files.areas];
  const rounds: { cli: ProcessRun; ref: ProcessRun }[] = [];
  let agree = true;
  for (let r = 0; r < ROUNDS; r++) {
    const ref = timeProcess(
      `reference ${r}`,
      ['test/bench/kdbush-reference.mjs', files.halls, files.population, files.areas, join(dir, 'ref.json')],
      dir,
      ROOT,
    );
    const cli = timeProcess(`cli ${r}`, ['scripts/run-analyze.mjs', ...inputs, '--stats', join(dir, 'stats.json')], dir, ROOT);
    rounds.push({ cli, ref });
    if (!cli.ok || !ref.ok) console.log(`round ${r}: ${cli.ok ? '' : `CLI failed: ${cli.note}`} ${ref.ok ? '' : `reference failed: ${ref.note}`}`);
    else agree &&= sameCounts(JSON.parse(readFileSync(join(dir, 'stats.json'), 'utf8')), JSON.parse(readFileSync(join(dir, 'ref.json'), 'utf8')));
  }
  console.log(
    `\n${'round'.padEnd(6)} ${'CLI s'.padStart(7)} ${'ref s'.padStart(7)} ${'CLI/ref'.padStart(8)} ${'CLI MiB'.padStart(8)} ${'ref MiB'.padStart(8)} ${'CLI MiB/file'.padStart(13)}`,
  );
  rounds.forEach(({ cli, ref }, r) => {
    console.log(
      `${String(r).padEnd(6)} ${f2(cli.wallS).padStart(7)} ${f2(ref.wallS).padStart(7)} ${f2(cli.wallS / ref.wallS).padStart(8)} ${cli.maxRssMiB.toFixed(0).padStart(8)} ${ref.maxRssMiB.toFixed(0).padStart(8)} ${f2(cli.maxRssMiB / fileMiB).padStart(13)}`,
    );
  });
  const ratio = med(rounds.map(({ cli, ref }) => cli.wallS / ref.wallS));
  const peak = Math.max(...rounds.map(({ cli }) => cli.maxRssMiB));
  console.log(`\nCLI ÷ reference, median of the rounds: ${f2(ratio)}× (wall); CPU ${f2(med(rounds.map(({ cli, ref }) => cli.cpuS / ref.cpuS)))}×`);
  console.log(`CLI peak memory: ${peak.toFixed(0)} MiB = ${f2(peak / fileMiB)}× the population file`);
  console.log(`CLI and reference count the same people per area and service: ${agree}`);

  // First full statistics: parsed as the CLI parses, timed on fresh engines
  // (the first after a warm-up of the JIT, as coverage.bench.ts does).
  const read = (f: string) => decodeText(readFileSync(f), f);
  const halls = parseHalls(read(files.halls), { file: files.halls });
  const population = parsePopulation(read(files.population), { file: files.population });
  const areas = parseAreas(read(files.areas), { file: files.areas });
  const opts = { radiusM: 500, services: [...new Set(halls.services.flat())].sort() };
  const wall: number[] = [],
    cpu: number[] = [];
  for (let k = 0; k < 6; k++) {
    const engine = new CoverageEngine(halls, population, areas);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    engine.stats(opts);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const ms = (xs: number[]) => `${xs[0].toFixed(0)} ms cold, ${med(xs.slice(1)).toFixed(0)} ms warm`;
  console.log(`first full statistics on a fresh engine (warm: median of ${wall.length - 1}): wall ${ms(wall)}; CPU ${ms(cpu)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
