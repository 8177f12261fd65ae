// Parse the three inputs and build the engine, reporting how far it got, so
// the import dialog can show a real progress bar for large files. Large
// population files go through the core's streaming parser in pieces (the
// same result and messages as the whole-text parser); progress is the share
// of characters parsed, with the engine build as the last step.
import { CoverageEngine, parseAreas, parseHalls, parsePopulation, parsePopulationChunks, StreamFallback, type PopulationSet } from '../core';
import type { InputFile, InputFiles } from './messages';

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
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + pieceChars);
    const c = text.charCodeAt(end - 1);
    if (end < text.length && c >= 0xd800 && c <= 0xdbff) end--; // keep a high surrogate with its low half
    yield enc.encode(text.slice(start, end));
    start = end;
    onPiece(start);
  }
}

/** Parse all inputs (in file order: halls, population, areas) and build the engine; throws the core's InputError. */
export function loadInputs(files: InputFiles, report: LoadProgress = () => {}): CoverageEngine {
  const sizes = [files.halls.text.length, files.population.text.length, files.areas.text.length];
  const total = Math.max(1, sizes[0] + sizes[1] + sizes[2]);
  const at = (chars: number) => ((1 - ENGINE_SHARE) * chars) / total;

  report('halls', 0);
  const h = parseHalls(files.halls.text, { file: files.halls.file, crs: files.halls.crs, servicesField: files.halls.field });
  report('population', at(sizes[0]));
  const pop = population(files.population, (chars) => report('population', at(sizes[0] + chars)));
  report('areas', at(sizes[0] + sizes[1]));
  const areas = parseAreas(files.areas.text, { file: files.areas.file, crs: files.areas.crs, field: files.areas.field });
  report('engine', 1 - ENGINE_SHARE);
  const engine = new CoverageEngine(h, pop, areas);
  report('engine', 1);
  return engine;
}

function population(f: InputFile, onChars: (chars: number) => void): PopulationSet {
  const opts = { file: f.file, crs: f.crs, field: f.field };
  if (f.text.length >= STREAM_CHARS) {
    try {
      return parsePopulationChunks(utf8Pieces(f.text.replace(/^\uFEFF/, ''), PIECE_CHARS, onChars), opts);
    } catch (e) {
      if (!(e instanceof StreamFallback)) throw e; // not a plain FeatureCollection: the whole-text parser explains
    }
  }
  return parsePopulation(f.text, opts);
}
