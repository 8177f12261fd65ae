// A 100 MB population GeoJSON held as one string plus the objects JSON.parse
// builds from it costs several times its size in memory. This reader takes
// the text in chunks and hands over one feature at a time: only the current
// chunk and the current feature are ever alive, and the population arrays
// grow as features arrive.
//
// It scans only the skeleton of a FeatureCollection (the top-level object and
// its "features" array) and leaves each feature and every other top-level
// member to JSON.parse, so it cannot disagree with JSON about their contents.
// Anything that is not a plain FeatureCollection with a "features" array
// throws StreamFallback: the caller then uses the whole-text parser, which
// knows every other case and words their messages.
import type { Feature } from 'geojson';
import { fail } from './input-error.ts';
import { PopulationBuilder, type ParsePopulationOptions } from './parse-population.ts';
import { checkFeature } from './read-geojson.ts';
import type { PopulationSet } from './types.ts';

/** Thrown when a file cannot be streamed (not UTF-8, not a FeatureCollection): parse the whole text instead. */
export class StreamFallback extends Error {
  override name = 'StreamFallback';
}

type Mode = 'start' | 'key' | 'firstKey' | 'colon' | 'value' | 'afterValue' | 'elements' | 'firstElement' | 'afterElement' | 'done';

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]); // JSON whitespace

/** Incremental FeatureCollection reader: push text chunks, receive each checked feature with its index. */
export class FeatureStream {
  private buf = '';
  private pos = 0; // scan position in buf
  private mode: Mode = 'start';
  private capStart = -1; // start in buf of the value being captured, -1 when none
  private depth = 0; // bracket depth inside the captured value
  private inString = false;
  private escaped = false;
  private key = '';
  private readonly top: Record<string, unknown> = {};
  private sawFeatures = false;
  private count = 0;
  private line = 1; // of buf[pos], for messages
  private lineStart = 0; // chars consumed before the current line, for the column
  private consumed = 0; // chars dropped from the front of buf

  constructor(
    private readonly file: string,
    private readonly onFeature: (f: Feature, index: number) => void,
  ) {}

  /** Scan the next piece of text. */
  push(chunk: string): void {
    this.buf += chunk;
    this.scan();
    // Drop what is fully consumed, keeping a value still being captured.
    const keep = this.capStart >= 0 ? this.capStart : this.pos;
    if (keep > 0) {
      this.buf = this.buf.slice(keep);
      this.consumed += keep;
      this.pos -= keep;
      if (this.capStart >= 0) this.capStart = 0;
    }
  }

  /** The text is complete: a scalar still being captured ends here; the collection must be closed. */
  end(): void {
    if (this.capStart >= 0 && !this.inString && this.depth === 0) this.finishCapture(this.buf.length);
    for (; this.pos < this.buf.length; this.pos++) if (!WS.has(this.buf.charCodeAt(this.pos))) this.syntax();
    if (this.mode === 'start') fail({ file: this.file, message: 'file is empty' });
    if (this.mode !== 'done') fail({ file: this.file, message: 'invalid JSON (Unexpected end of JSON input)' });
    if (!this.sawFeatures) throw new StreamFallback('no "features" array');
    if (this.count === 0) fail({ file: this.file, message: 'the collection has no features' });
  }

  private scan(): void {
    const b = this.buf;
    while (this.pos < b.length) {
      const c = b.charCodeAt(this.pos);
      if (this.capStart >= 0) {
        // Only a bare number/true/false/null is still open at depth 0 after its
        // first character: it ends before its delimiter, which is then scanned
        // again in the new mode.
        if (this.depth === 0 && !this.inString && this.pos > this.capStart && isScalarEnd(c)) {
          this.finishCapture(this.pos);
          continue;
        }
        if (this.scanCaptured(c)) this.finishCapture(this.pos + 1);
        this.advance(c);
        continue;
      }
      if (WS.has(c) || (c === 0xfeff && this.consumed + this.pos === 0)) {
        this.advance(c);
        continue;
      }
      switch (this.mode) {
        case 'start':
          if (c !== 0x7b) throw new StreamFallback('not an object'); // {
          this.mode = 'firstKey';
          break;
        case 'firstKey':
        case 'key':
          if (c === 0x7d && this.mode === 'firstKey') this.mode = 'done'; // }
          else if (c === 0x22) this.startCapture(); // "
          else this.syntax();
          break;
        case 'colon':
          if (c !== 0x3a) this.syntax(); // :
          this.mode = 'value';
          break;
        case 'value':
          // A second "features" key, or one that is not an array: JSON.parse
          // semantics (last key wins) are the whole-text parser's business.
          if (this.key === 'features' && (this.sawFeatures || c !== 0x5b)) throw new StreamFallback('unusual "features"');
          if (this.key === 'features') {
            // Streamed only when "type" comes first (as GDAL, QGIS and turf write it), so
            // a feature's error can never pre-empt the whole-text parser's type check.
            if (this.top.type !== 'FeatureCollection') throw new StreamFallback('"type" is not FeatureCollection or comes after "features"');
            this.sawFeatures = true;
            this.mode = 'firstElement';
          } else this.startCapture();
          break;
        case 'afterValue':
          if (c === 0x2c) this.mode = 'key'; // ,
          else if (c === 0x7d) this.mode = 'done'; // }
          else this.syntax();
          break;
        case 'firstElement':
        case 'elements':
          if (c === 0x5d && this.mode === 'firstElement') this.mode = 'afterValue'; // ]
          else this.startCapture();
          break;
        case 'afterElement':
          if (c === 0x2c) this.mode = 'elements';
          else if (c === 0x5d) this.mode = 'afterValue';
          else this.syntax();
          break;
        case 'done':
          this.syntax();
      }
      if (this.capStart < 0 || this.capStart !== this.pos) this.advance(c);
    }
  }

  private advance(c: number): void {
    if (c === 0x0a) {
      this.line++;
      this.lineStart = this.consumed + this.pos + 1;
    }
    this.pos++;
  }

  private startCapture(): void {
    this.capStart = this.pos;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    // The opening character is scanned by scanCaptured on the next loop turn.
  }

  // Track strings and brackets of the captured value; true when it just closed.
  private scanCaptured(c: number): boolean {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === 0x5c) this.escaped = true; // backslash
      else if (c === 0x22) {
        this.inString = false;
        return this.depth === 0;
      }
      return false;
    }
    if (c === 0x22) this.inString = true;
    else if (c === 0x7b || c === 0x5b) this.depth++;
    else if (c === 0x7d || c === 0x5d) {
      this.depth--;
      if (this.depth < 0) this.syntax();
      return this.depth === 0;
    }
    return false;
  }

  private finishCapture(endExclusive: number): void {
    const text = this.buf.slice(this.capStart, endExclusive);
    this.capStart = -1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      fail({ file: this.file, message: `invalid JSON (${e instanceof Error ? e.message : String(e)}) in the value ending at line ${this.line}` });
    }
    switch (this.mode) {
      case 'firstKey':
      case 'key':
        if (typeof value !== 'string') this.syntax();
        this.key = value;
        this.mode = 'colon';
        break;
      case 'value':
        this.top[this.key] = value;
        if (this.key === 'type' && this.sawFeatures) throw new StreamFallback('a second "type" after "features"');
        this.mode = 'afterValue';
        break;
      default: {
        const i = this.count++;
        this.onFeature(checkFeature(value, i, this.file), i);
        this.mode = 'afterElement';
      }
    }
  }

  private syntax(): never {
    const ch = this.buf[this.pos] ?? '';
    const col = this.consumed + this.pos - this.lineStart + 1;
    fail({ file: this.file, message: `invalid JSON (unexpected ${ch === '' ? 'end' : JSON.stringify(ch)} at line ${this.line}, column ${col})` });
  }
}

// Characters that end a bare number/true/false/null at bracket depth 0.
function isScalarEnd(c: number): boolean {
  return c === 0x2c || c === 0x7d || c === 0x5d || WS.has(c);
}

/**
 * Hand each checked feature of a FeatureCollection arriving as UTF-8 byte
 * chunks to `onFeature` (a leading BOM is dropped); throws StreamFallback
 * when the bytes are not UTF-8 or the file is not a plain FeatureCollection,
 * and the core's InputError for a broken feature.
 */
export function streamFeatures(chunks: Iterable<Uint8Array>, file: string, onFeature: (f: Feature, index: number) => void): void {
  const stream = new FeatureStream(file, onFeature);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const text = (bytes?: Uint8Array): string => {
    try {
      return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
    } catch {
      throw new StreamFallback('not UTF-8');
    }
  };
  for (const c of chunks) stream.push(text(c));
  stream.push(text());
  stream.end();
}

/**
 * parsePopulation for a FeatureCollection arriving as UTF-8 byte chunks (a
 * leading BOM is dropped). Same result and messages as parsePopulation on the
 * whole text for every well-formed file; throws StreamFallback when the
 * bytes are not UTF-8 or the file is not a FeatureCollection.
 */
export function parsePopulationChunks(chunks: Iterable<Uint8Array>, opts: ParsePopulationOptions): PopulationSet {
  const builder = new PopulationBuilder(opts);
  streamFeatures(chunks, opts.file, (f, i) => builder.add(f, i));
  return builder.finish();
}
