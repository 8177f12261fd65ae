// Population files can be 100 MB (a million points). From CLI_STREAM_FROM_BYTES on they
// are parsed as a stream of features (src/core/input/stream-features.ts) read in
// 1 MiB pieces, so the whole text and a million feature objects never sit in
// memory together; anything the stream does not handle (not UTF-8, not a plain
// FeatureCollection) is read whole by `readWhole`, with the same messages.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { parsePopulation, parsePopulationChunks, StreamFallback, type ParsePopulationOptions, type PopulationSet } from '../core';
import { CLI_STREAM_FROM_BYTES } from '../core/limits';

const CHUNK_BYTES = 2 ** 20;

// The same buffer is reused: the stream decodes each piece before asking for the next.
function* fileChunks(fd: number): Generator<Uint8Array> {
  const buf = new Uint8Array(CHUNK_BYTES);
  for (let n; (n = readSync(fd, buf)) > 0;) yield buf.subarray(0, n);
}

// An open descriptor for a file worth streaming, or null (small, or unreadable:
// then readWhole reports the problem in its own words).
function openLarge(path: string, streamFrom: number): number | null {
  try {
    return statSync(path).size >= streamFrom ? openSync(path, 'r') : null;
  } catch {
    return null;
  }
}

/** Parse the population file at `path`, streaming it when it is large; `readWhole` reads and decodes a whole file. */
export function readPopulation(
  path: string,
  opts: ParsePopulationOptions,
  readWhole: (path: string) => string,
  streamFrom = CLI_STREAM_FROM_BYTES,
): PopulationSet {
  const fd = openLarge(path, streamFrom);
  if (fd !== null) {
    try {
      return parsePopulationChunks(fileChunks(fd), opts);
    } catch (e) {
      if (!(e instanceof StreamFallback)) throw e;
    } finally {
      closeSync(fd);
    }
  }
  return parsePopulation(readWhole(path), opts);
}
