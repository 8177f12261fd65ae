// A picked file's bytes, read in slices when needed, so a 100 MB file is
// never held whole: the worker reads the page's File (blob-source.ts), tests
// read a Uint8Array. Only files that cannot be streamed are read whole, and
// only up to BROWSER_WHOLE_MAX_BYTES.
import { decodeText } from '../core/input/decode-text';
import { InputError } from '../core/input/input-error';
import { BROWSER_SLICE_BYTES, BROWSER_WHOLE_MAX_BYTES, formatMiB } from '../core/limits';

/** Random access to a file's bytes. */
export interface ByteSource {
  readonly size: number; // bytes
  /** Bytes start…end-1 (end ≤ size). */
  read(start: number, end: number): Uint8Array;
}

/** A ByteSource over bytes already in memory. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (start, end) => bytes.subarray(start, end) };
}

/** The bytes in BROWSER_SLICE_BYTES slices, calling onBytes(bytesDone) after each. */
export function* chunksOf(src: ByteSource, onBytes: (done: number) => void = () => {}, chunk = BROWSER_SLICE_BYTES): Generator<Uint8Array> {
  for (let at = 0; at < src.size;) {
    const end = Math.min(src.size, at + chunk);
    yield src.read(at, end);
    at = end;
    onBytes(at);
  }
}

/** The whole file decoded (UTF-8, UTF-16 or GBK, see decodeText); refuses files over BROWSER_WHOLE_MAX_BYTES with one line. */
export function wholeText(file: string, src: ByteSource): string {
  if (src.size > BROWSER_WHOLE_MAX_BYTES) {
    throw new InputError({
      file,
      message: `cannot be read in pieces (not UTF-8, or not a plain FeatureCollection), and at ${formatMiB(src.size)} it is too big to read whole in the browser (at most ${formatMiB(BROWSER_WHOLE_MAX_BYTES)}): save it as UTF-8 GeoJSON, or use the command line (npm run analyze)`,
    });
  }
  return decodeText(src.read(0, src.size), file);
}
