// A picked file's bytes, read in slices when needed, so a 100 MB file is
// never held whole: the worker reads the page's File (blob-source.ts), tests
// read a Uint8Array. Only files that cannot be streamed are read whole, and
// only up to WHOLE_MAX_BYTES.
import { decodeText, InputError } from '../core';

/** Random access to a file's bytes. */
export interface ByteSource {
  readonly size: number; // bytes
  /** Bytes start…end-1 (end ≤ size). */
  read(start: number, end: number): Uint8Array;
}

/** Bytes per slice: big enough that reading is not dominated by per-call costs, small against the file. */
export const CHUNK_BYTES = 2 ** 20;

/** Files of at least this many bytes are read as a stream of features when they can be (smaller ones are quick whole). */
export const STREAM_BYTES = 2 ** 20;

/**
 * Largest file read whole into one string (not UTF-8, or not a plain
 * FeatureCollection). The text and JSON.parse's objects take about 8× the
 * file in the worker (measured: test/bench/browser-import.bench.ts, docs/robustness.md).
 */
export const WHOLE_MAX_BYTES = 128 * 2 ** 20;

/** A ByteSource over bytes already in memory. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (start, end) => bytes.subarray(start, end) };
}

/** The bytes in CHUNK_BYTES slices, calling onBytes(bytesDone) after each. */
export function* chunksOf(src: ByteSource, onBytes: (done: number) => void = () => {}, chunk = CHUNK_BYTES): Generator<Uint8Array> {
  for (let at = 0; at < src.size; ) {
    const end = Math.min(src.size, at + chunk);
    yield src.read(at, end);
    at = end;
    onBytes(at);
  }
}

/** The whole file decoded (UTF-8, UTF-16 or GBK, see decodeText); refuses files over WHOLE_MAX_BYTES with one line. */
export function wholeText(file: string, src: ByteSource): string {
  if (src.size > WHOLE_MAX_BYTES) {
    throw new InputError({
      file,
      message: `cannot be read in pieces (not UTF-8, or not a plain FeatureCollection), and at ${mib(src.size)} MiB it is too big to read whole in the browser (at most ${mib(WHOLE_MAX_BYTES)} MiB): save it as UTF-8 GeoJSON, or use the command line (npm run analyze)`,
    });
  }
  return decodeText(src.read(0, src.size), file);
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
