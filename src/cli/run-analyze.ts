// The `analyze` command as a function of its arguments: read the three input
// files, run the core, write stats and gap zones. All logic lives in
// src/core; this file only does IO, through `io` so tests can run it in
// process. Every failure ends with one line on stderr and exit code 2 (bad
// input or flags) or 1 (anything unexpected); never a stack trace.
import { basename } from 'node:path';
import { InputError, parseAreas, parseHalls, plainText, statsJson, statsReport } from '../core';
import { coverageEngine, statsForMode } from '../core/network';
import { parseAnalyzeArgs, USAGE, UsageError } from './cli-args';
import { readWhole } from './read-input';
import { readPopulation } from './read-population';
import { readRoads } from './read-roads';
import { isSampleInputs, reportFile, today } from './report-file';
import { gapsGeoJson } from '../core/export/gaps-export';
import { summaryTable } from './summary-table';
import { checkOutputs, WriteError, writeOutputs, type WriteFile } from './write-outputs';

export interface AnalyzeIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Writes each output's temporary file (default: write-outputs.ts writeNewFile). */
  writeFile?: WriteFile;
}

/** An unexpected failure (exit code 1), naming the file being read when it happened. */
class InternalError extends Error {
  override name = 'InternalError';
}

// Whatever goes wrong while one file is read, the line names that file.
function reading<T>(path: string, step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof InputError || e instanceof UsageError) throw e;
    throw new InternalError(`internal error while reading ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const POPULATION_ADVICE = 'only a UTF-8 GeoJSON FeatureCollection is read in pieces; save it as one';

function analyze(argv: string[], io: AnalyzeIo): number {
  const args = parseAnalyzeArgs(argv);
  if (args.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const inputs = [
    { flag: 'halls', path: args.halls },
    { flag: 'population', path: args.population },
    ...[args.areas, ...args.levels.map((l) => l.file)].map((path) => ({ flag: 'areas', path })),
  ];
  if (args.roads) inputs.push({ flag: 'roads', path: args.roads });
  const outputs = [
    ...(args.stats ? [{ flag: 'stats', path: args.stats }] : []),
    ...(args.gaps ? [{ flag: 'gaps', path: args.gaps }] : []),
    ...(args.report ? [{ flag: 'report', path: args.report }] : []),
  ];
  checkOutputs(inputs, outputs);
  const halls = reading(args.halls, () => parseHalls(readWhole(args.halls), { file: args.halls, crs: args.hallsCrs, capacityField: args.capacityField }));
  // Large population files are streamed feature by feature (read-population.ts).
  const population = reading(args.population, () =>
    readPopulation(args.population, { file: args.population, field: args.populationField, crs: args.populationCrs, groupFields: args.groupFields }, (p) =>
      readWhole(p, POPULATION_ADVICE),
    ),
  );
  const areas = reading(args.areas, () => parseAreas(readWhole(args.areas), { file: args.areas, field: args.areaField, crs: args.areasCrs }));
  const levels = args.levels.map((l) => ({
    ...l,
    areas: reading(l.file, () => parseAreas(readWhole(l.file), { file: l.file, field: l.field, crs: args.areasCrs })),
  }));
  const roads = args.roads ? reading(args.roads, () => readRoads(args.roads!, args.roadsCrs)) : null;
  const engine = coverageEngine(halls, population, areas, roads, args.distance);
  const unknown = (args.services ?? []).filter((s) => !engine.services.includes(s));
  if (unknown.length > 0) {
    throw new UsageError(`--services: no hall in ${basename(args.halls)} offers "${unknown[0]}" (found: ${engine.services.join(', ') || 'none'})`);
  }
  const opts = { radiusM: args.radiusM, services: args.services ?? engine.services };
  // Capacity analysis is on when some hall has the capacity field or it is named (parse-halls.ts); its catchments follow the distance mode.
  const report = { ...opts, levels, groups: args.groupFields, capacity: halls.capacity !== undefined, ...(args.target !== null && { target: args.target }) };
  const stats = statsForMode(statsReport(engine, report), roads, args.distance);
  const statsText = statsJson(stats);
  const files: { path: string; text: string }[] = [];
  if (args.stats) files.push({ path: args.stats, text: statsText });
  const gaps = args.gaps || args.report ? engine.gaps(opts) : null;
  if (args.report) {
    const inputFiles = [
      { path: args.halls, crs: args.hallsCrs },
      { path: args.population, crs: args.populationCrs },
      { path: args.areas, crs: args.areasCrs },
    ];
    const sample = isSampleInputs(args);
    files.push({
      path: args.report,
      text: reportFile({ stats, gaps: gaps!, halls, areas, files: inputFiles, hallsPath: args.halls, sample, lang: args.reportLang, date: today() }),
    });
  }
  if (args.gaps) {
    files.push({ path: args.gaps, text: gapsGeoJson(gaps!, { radiusM: opts.radiusM, services: stats.services }, 'wgs84', 'every') });
  }
  // Every output is complete before any is shown or replaced.
  writeOutputs(files, io.writeFile);
  if (!args.stats) io.stdout(statsText);
  io.stderr(`${summaryTable(stats)}\n`);
  return 0;
}

/** Run `analyze` with argv (without node and script); returns the exit code. */
export function runAnalyze(argv: string[], io: AnalyzeIo): number {
  // Paths, service names and engine messages may carry control characters:
  // plainText keeps every message one line that cannot drive the terminal.
  const say = (line: string) => io.stderr(`${plainText(line)}\n`);
  try {
    return analyze(argv, io);
  } catch (e) {
    if (e instanceof InputError) say(e.message);
    else if (e instanceof UsageError) say(`analyze: ${e.message}`);
    else if (e instanceof WriteError) {
      say(`analyze: ${e.message}`);
      return 1;
    } else if (e instanceof InternalError) {
      say(`analyze: ${e.message}`);
      return 1;
    } else {
      say(`analyze: internal error: ${e instanceof Error ? e.message : String(e)}`);
      return 1;
    }
    return 2;
  }
}
