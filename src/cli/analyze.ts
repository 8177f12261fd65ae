// `npm run analyze`: read the three input files, run the core, write stats
// and gap zones. All logic lives in src/core; this file only does IO. Every
// failure ends with one line on stderr and exit code 2 (bad input or flags)
// or 1 (anything unexpected); never a stack trace.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CoverageEngine, decodeText, InputError, parseAreas, parseHalls } from '../core/index.ts';
import { parseAnalyzeArgs, USAGE, UsageError } from './cli-args.ts';
import { readPopulation } from './read-population.ts';
import { roundGeometry } from './round-geometry.ts';
import { summaryTable } from './summary-table.ts';

// Bytes, not 'utf8': decodeText also reads UTF-16 and GBK (Excel on Chinese
// Windows) and names the file and offset of bytes it cannot decode.
function read(path: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError({ file: path, message: code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot read file (${code ?? 'error'})` });
  }
  return decodeText(bytes, path);
}

// Not the input's fault: reported with exit code 1.
class WriteError extends Error {}

function write(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new WriteError(`${path}: cannot write file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function main(argv: string[]): number {
  const args = parseAnalyzeArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const halls = parseHalls(read(args.halls), { file: args.halls, crs: args.hallsCrs });
  // Large population files are streamed feature by feature (read-population.ts).
  const population = readPopulation(args.population, { file: args.population, field: args.populationField, crs: args.populationCrs }, read);
  const areas = parseAreas(read(args.areas), { file: args.areas, field: args.areaField, crs: args.areasCrs });
  const engine = new CoverageEngine(halls, population, areas);
  const unknown = (args.services ?? []).filter((s) => !engine.services.includes(s));
  if (unknown.length > 0) {
    throw new UsageError(`--services: no hall in ${basename(args.halls)} offers "${unknown[0]}" (found: ${engine.services.join(', ') || 'none'})`);
  }
  const opts = { radiusM: args.radiusM, services: args.services ?? engine.services };
  const stats = engine.stats(opts);
  const statsJson = `${JSON.stringify(stats, null, 2)}\n`;
  if (args.stats) write(args.stats, statsJson);
  else process.stdout.write(statsJson);
  if (args.gaps) {
    const gaps = engine.gaps(opts);
    for (const f of gaps.features) roundGeometry(f.geometry);
    write(args.gaps, `${JSON.stringify(gaps)}\n`);
  }
  process.stderr.write(`${summaryTable(stats)}\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof InputError || e instanceof UsageError) {
    process.stderr.write(`${e instanceof UsageError ? 'analyze: ' : ''}${e.message}\n`);
    process.exitCode = 2;
  } else if (e instanceof WriteError) {
    process.stderr.write(`analyze: ${e.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`analyze: internal error: ${e instanceof Error ? e.message : String(e)}\n`.replace(/\n(?!$)/g, ' '));
    process.exitCode = 1;
  }
}
