// How the worker reads what is not a small text: a picked file, from its Blob
// in slices and decoded as UTF-8, UTF-16 or GBK (byte-source.ts), and a
// population big enough to parse in pieces with the core's streaming parser.
// Fetched with the first load or import that needs it (coverage.worker.ts,
// needsFileReading), so the first page load, whose sample is small texts,
// does not carry the decoders and the streaming parser.
import { parsePopulationChunks, StreamFallback } from '../core/input/stream-features';
import { BROWSER_STREAM_FROM_BYTES } from '../core/limits';
import { chunksOf, wholeText } from './byte-source';
import { STREAM_CHARS, type FileReading } from './load-inputs';

/** Characters per piece of a streamed text (UTF-16 code units). */
export const PIECE_CHARS = 2 ** 19;

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

export const FILE_READING: FileReading = {
  wholeText,
  streamPopulation(f, opts, onDone) {
    const big = 'text' in f ? f.text.length >= STREAM_CHARS : f.source.size >= BROWSER_STREAM_FROM_BYTES;
    if (!big) return null;
    try {
      const pieces = 'text' in f ? utf8Pieces(f.text.replace(/^\uFEFF/, ''), PIECE_CHARS, onDone) : chunksOf(f.source, onDone);
      return parsePopulationChunks(pieces, opts);
    } catch (e) {
      if (!(e instanceof StreamFallback)) throw e; // not a plain FeatureCollection: the whole-text parser explains
      return null;
    }
  },
};
