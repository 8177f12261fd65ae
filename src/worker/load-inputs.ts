// Parse the three inputs and build the engine, reporting how far it got, so
// the import dialog can show a real progress bar for large files. Inputs are
// texts (the sample, linked data) or picked files read in slices (a
// ByteSource). Large population inputs go through the core's streaming parser
// in pieces (the same result and messages as the whole-text parser), so a
// 100 MB file is never one string; progress is the share of characters or
// bytes parsed, with the engine build as the last step. Reading files and
// streaming is FileReading (read-files.ts), which the worker fetches only for
// inputs that need it: small texts, as the sample's, are parsed whole here.
// Core modules by path, not through the ../core barrel, so the code only the
// worker's lazy chunks use stays in those chunks.
import { CoverageEngine } from '../core/coverage/engine';
import { parseAreas } from '../core/input/parse-areas';
import { parseHalls } from '../core/input/parse-halls';
import { parsePopulation, type ParsePopulationOptions } from '../core/input/parse-population';
import type { Crs, PopulationSet } from '../core/types';
import type { ByteSource } from './byte-source';
import { BROWSER_UNITS_MAX, POLYGON_UNITS_MAX } from '../core/limits';

/** One input to load: its text, or its bytes; with the import dialog's choices. */
export type LoadInput = { file: string; crs?: Crs; field?: string; capacityField?: string; groupFields?: string[] } & (
  { text: string } | { source: ByteSource }
);

export interface LoadInputs {
  halls: LoadInput;
  population: LoadInput;
  areas: LoadInput;
}

/** Stages reported, in order. */
export type LoadStage = 'halls' | 'population' | 'areas' | 'engine';

/** done: 0…1 of the whole load. */
export type LoadProgress = (stage: LoadStage, done: number) => void;

/**
 * Population texts of at least this many characters are parsed in pieces,
 * with progress. Below it JSON.parse's objects take a few tens of MB and the
 * parse is quick, so the sample (1.8 M characters) is parsed whole without
 * fetching the streaming parser.
 */
export const STREAM_CHARS = 2 ** 22;
/** Share of the progress bar kept for building the engine (area assignment, indexes). */
const ENGINE_SHARE = 0.1;

/** How picked files and big population texts are read (read-files.ts, fetched on first use). */
export interface FileReading {
  /** The whole file decoded (UTF-8, UTF-16 or GBK); refuses files too big to read whole. */
  wholeText(file: string, src: ByteSource): string;
  /** The population parsed in pieces, with progress; null when it is too small to stream or not a plain FeatureCollection (then the whole-text parser reads it, and explains). */
  streamPopulation(f: LoadInput, opts: ParsePopulationOptions, onDone: (charsOrBytes: number) => void): PopulationSet | null;
}

/** Whether loading these inputs needs FileReading: a picked file (no text), or a population text to parse in pieces. */
export function needsFileReading(files: Record<keyof LoadInputs, { text?: string }>): boolean {
  const { halls, population, areas } = files; // further levels and roads are read by the code that reads them
  return [halls, population, areas].some((f) => f.text === undefined) || (population.text?.length ?? 0) >= STREAM_CHARS;
}

/**
 * Parse all inputs (in file order: halls, population, areas) and build the
 * engine; throws the core's InputError. `reading` is needed when
 * needsFileReading(files).
 */
export function loadInputs(files: LoadInputs, report: LoadProgress = () => {}, reading?: FileReading): CoverageEngine {
  const textOf = (f: LoadInput) => ('text' in f ? f.text : need(reading).wholeText(f.file, f.source));
  const sizes = [sizeOf(files.halls), sizeOf(files.population), sizeOf(files.areas)];
  const total = Math.max(1, sizes[0] + sizes[1] + sizes[2]);
  const at = (chars: number) => ((1 - ENGINE_SHARE) * chars) / total;

  report('halls', 0);
  const h = parseHalls(textOf(files.halls), {
    file: files.halls.file,
    crs: files.halls.crs,
    servicesField: files.halls.field,
    capacityField: files.halls.capacityField,
  });
  report('population', at(sizes[0]));
  const pop = population(files.population, (chars) => report('population', at(sizes[0] + chars)), textOf, reading);
  report('areas', at(sizes[0] + sizes[1]));
  const areas = parseAreas(textOf(files.areas), { file: files.areas.file, crs: files.areas.crs, field: files.areas.field });
  report('engine', 1 - ENGINE_SHARE);
  const engine = new CoverageEngine(h, pop, areas);
  report('engine', 1);
  return engine;
}

// Characters of a text, bytes of a file: the progress bar's unit.
const sizeOf = (f: LoadInput) => ('text' in f ? f.text.length : f.source.size);

const BROWSER_UNITS_ADVICE = `more than the browser can hold; use the command line (npm run analyze), which takes up to ${POLYGON_UNITS_MAX / 1e6} million, or give the population as points (one per polygon, at its centroid)`;

function population(f: LoadInput, onDone: (charsOrBytes: number) => void, textOf: (f: LoadInput) => string, reading?: FileReading): PopulationSet {
  const opts = { file: f.file, crs: f.crs, field: f.field, groupFields: f.groupFields, unitLimit: { units: BROWSER_UNITS_MAX, advice: BROWSER_UNITS_ADVICE } };
  const small = 'text' in f && f.text.length < STREAM_CHARS;
  return (small ? null : need(reading).streamPopulation(f, opts, onDone)) ?? parsePopulation(textOf(f), opts);
}

function need(reading: FileReading | undefined): FileReading {
  if (!reading) throw new Error('file reading code not loaded'); // the worker loads it first (needsFileReading)
  return reading;
}
