// Big inputs: 1 000 000 population points (~110 MB GeoJSON) and 10 000 halls,
// generated with a fixed seed in a temporary folder. Each run is a separate
// child process under /usr/bin/time -v, so wall time and peak memory (max RSS)
// are the whole process's:
//   naive parse    readFileSync + parsePopulation(text): the whole file as one string, then JSON.parse
//   streamed parse parsePopulationChunks over 1 MiB reads: one feature alive at a time
//   whole-file CLI the CLI's pipeline with the population read whole (what it did before streaming)
//   CLI            npm run analyze end to end (stats + gap zones), as a planner runs it
// Run: npx tsx test/bench/big-input.bench.ts [points] [halls]
// Prints times, peak memory and ratios against the naive parse of the same run; asserts nothing.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateBigInput } from './big-input-data';
import { timeProcess, type ProcessRun } from './time-process';

const POINTS = Number(process.argv[2] ?? 1_000_000);
const HALLS = Number(process.argv[3] ?? 10_000);
const ROOT = resolve(import.meta.dirname, '../..');
const CORE = join(ROOT, 'src/core/index.ts');

const measure = (label: string, args: string[], dir: string): ProcessRun => timeProcess(label, ['--import', 'tsx', ...args], dir, ROOT);

const dir = mkdtempSync(join(tmpdir(), 'big-input-'));
try {
  const t0 = performance.now();
  const files = generateBigInput(dir, POINTS, HALLS);
  const sizeMiB = statSync(files.population).size / 2 ** 20;
  console.log(
    `generated ${POINTS.toLocaleString('en')} points (${sizeMiB.toFixed(1)} MiB), ${HALLS.toLocaleString('en')} halls in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const naive = join(dir, 'naive.ts');
  writeFileSync(
    naive,
    `import { readFileSync } from 'node:fs';
import { parsePopulation } from ${JSON.stringify(CORE)};
const p = parsePopulation(readFileSync(process.argv[2], 'utf8'), { file: 'population.geojson' });
console.log(p.count + ' units, ' + p.total + ' people');
`,
  );
  const streamed = join(dir, 'streamed.ts');
  writeFileSync(
    streamed,
    `import { closeSync, openSync, readSync } from 'node:fs';
import { parsePopulationChunks } from ${JSON.stringify(join(ROOT, 'src/core/input/stream-features.ts'))};
function* chunks(path: string) {
  const fd = openSync(path, 'r');
  const buf = new Uint8Array(1 << 20);
  try {
    for (let n; (n = readSync(fd, buf)) > 0; ) yield buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
const p = parsePopulationChunks(chunks(process.argv[2]), { file: 'population.geojson' });
console.log(p.count + ' units, ' + p.total + ' people');
`,
  );
  // What the CLI did before streaming: the same pipeline with the population read whole.
  const wholePipeline = join(dir, 'whole-pipeline.ts');
  writeFileSync(
    wholePipeline,
    `import { readFileSync, writeFileSync } from 'node:fs';
import { CoverageEngine, decodeText, parseAreas, parseHalls, parsePopulation } from ${JSON.stringify(CORE)};
const [h, p, a, out] = process.argv.slice(2);
const read = (f: string) => decodeText(readFileSync(f), f);
const engine = new CoverageEngine(parseHalls(read(h), { file: h }), parsePopulation(read(p), { file: p }), parseAreas(read(a), { file: a }));
const opts = { radiusM: 500, services: engine.services };
writeFileSync(out, JSON.stringify(engine.stats(opts)));
writeFileSync(out + '.gaps', JSON.stringify(engine.gaps(opts)));
`,
  );
  const runs = [
    measure('naive parse', [naive, files.population], dir),
    measure('streamed parse', [streamed, files.population], dir),
    measure('whole-file CLI', [wholePipeline, files.halls, files.population, files.areas, join(dir, 'whole-stats.json')], dir),
    measure(
      'CLI stats+gaps',
      [
        join(ROOT, 'src/cli/analyze.ts'),
        '--halls',
        files.halls,
        '--population',
        files.population,
        '--areas',
        files.areas,
        '--stats',
        join(dir, 'stats.json'),
        '--gaps',
        join(dir, 'gaps.geojson'),
      ],
      dir,
    ),
  ];
  const base = runs[0];
  console.log(
    `\n${'run'.padEnd(15)} ${'wall s'.padStart(8)} ${'cpu s'.padStart(8)} ${'peak MiB'.padStart(9)} ${'peak/file'.padStart(9)} ${'time vs naive'.padStart(13)} ${'peak vs naive'.padStart(13)}  result`,
  );
  for (const r of runs) {
    console.log(
      `${r.label.padEnd(15)} ${r.wallS.toFixed(1).padStart(8)} ${r.cpuS.toFixed(1).padStart(8)} ${r.maxRssMiB.toFixed(0).padStart(9)} ${(r.maxRssMiB / sizeMiB).toFixed(2).padStart(9)} ${(r.wallS / base.wallS).toFixed(2).padStart(13)} ${(r.maxRssMiB / base.maxRssMiB).toFixed(2).padStart(13)}  ${r.ok ? 'ok' : 'FAILED'}: ${r.note.slice(0, 100)}`,
    );
  }
  const ratio = (a: ProcessRun, b: ProcessRun) => `time ${(a.wallS / b.wallS).toFixed(2)}x, peak memory ${(a.maxRssMiB / b.maxRssMiB).toFixed(2)}x`;
  console.log(`\nstreamed vs naive parse: ${ratio(runs[1], runs[0])}`);
  console.log(`CLI (streaming) vs whole-file CLI: ${ratio(runs[3], runs[2])}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
