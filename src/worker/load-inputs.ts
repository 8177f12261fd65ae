// Parse the three inputs and build the engine, reporting how far it got, so
// the import dialog can show a real progress bar for large files. Inputs are
// texts (the sample, linked data) or picked files read in slices (a
// ByteSource). Large population files go through the core's streaming parser
// in pieces (the same result and messages as the whole-text parser), so a
// 100 MB file is never one string; progress is the share of characters or
// bytes parsed, with the engine build as the last step.
import {
  CoverageEngine,
  parseAreas,
  parseHalls,
  parsePopulation,
  parsePopulationChunks,
  POLYGON_UNITS_MAX,
  StreamFallback,
  type Crs,
  type PopulationSet,
} from '../core';
import { chunksOf, wholeText, type ByteSource } from './byte-source';
import { BROWSER_STREAM_FROM_BYTES, BROWSER_UNITS_MAX } from '../core/limits';

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

/** Population texts of at least this many characters are parsed in pieces, with progress. */
export const STREAM_CHARS = 2 ** 20;
/** Characters per piece (UTF-16 code units). */
export const PIECE_CHARS = 2 ** 19;
/** Share of the progress bar kept for building the engine (area assignment, indexes). */
const ENGINE_SHARE = 0.1;

/**
 * UTF-8 pieces of `text`, never splitting a surrogate pair, calling
 * `onPiece(charsDone)` after each piece is handed out.
 */
export function* utf8Pieces(text: string, pieceChars: number, onPiece: (charsDone: number) => void): Generator<Uint8Array> {
  const enc = new TextEncoder();
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + pieceChars);
    const c = text.charCodeAt(end - 1);
    if (end < text.length && c >= 0xd800 && c <= 0xdbff) end--; // keep a high surrogate with its low half
    yield enc.encode(text.slice(start, end));
    start = end;
    onPiece(start);
  }
}

/** Parse all inputs (in file order: halls, population, areas) and build the engine; throws the core's InputError. */
export function loadInputs(files: LoadInputs, report: LoadProgress = () => {}): CoverageEngine {
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
  const pop = population(files.population, (chars) => report('population', at(sizes[0] + chars)));
  report('areas', at(sizes[0] + sizes[1]));
  const areas = parseAreas(textOf(files.areas), { file: files.areas.file, crs: files.areas.crs, field: files.areas.field });
  report('engine', 1 - ENGINE_SHARE);
  const engine = new CoverageEngine(h, pop, areas);
  report('engine', 1);
  return engine;
}

// Characters of a text, bytes of a file: the progress bar's unit.
const sizeOf = (f: LoadInput) => ('text' in f ? f.text.length : f.source.size);
const textOf = (f: LoadInput) => ('text' in f ? f.text : wholeText(f.file, f.source));

const BROWSER_UNITS_ADVICE = `more than the browser can hold; use the command line (npm run analyze), which takes up to ${POLYGON_UNITS_MAX / 1e6} million, or give the population as points (one per polygon, at its centroid)`;

function population(f: LoadInput, onDone: (charsOrBytes: number) => void): PopulationSet {
  const opts = { file: f.file, crs: f.crs, field: f.field, groupFields: f.groupFields, unitLimit: { units: BROWSER_UNITS_MAX, advice: BROWSER_UNITS_ADVICE } };
  const big = sizeOf(f) >= ('text' in f ? STREAM_CHARS : BROWSER_STREAM_FROM_BYTES);
  if (big) {
    try {
      const pieces = 'text' in f ? utf8Pieces(f.text.replace(/^\uFEFF/, ''), PIECE_CHARS, onDone) : chunksOf(f.source, onDone);
      return parsePopulationChunks(pieces, opts);
    } catch (e) {
      if (!(e instanceof StreamFallback)) throw e; // not a plain FeatureCollection: the whole-text parser explains
    }
  }
  return parsePopulation(textOf(f), opts);
}
