// A 100 MB population GeoJSON held as one string plus the objects JSON.parse
// builds from it costs several times its size in memory. This reader takes
// the text in chunks and hands over one feature at a time: only the current
// chunk and the current feature are ever alive, and the population arrays
// grow as features arrive.
//
// It scans only the skeleton of a FeatureCollection (the top-level object and
// its "features" array) and leaves each feature and every other top-level
// member to JSON.parse, so it cannot disagree with JSON about their contents.
// Well-formed features are read once, not scanned and then parsed: Point
// features in the layout GIS tools write are read by one regular expression
// each (input/plain-point.ts) when the caller reads a single property, and
// other features by one JSON.parse over every whole feature of the chunk
// (batch()). The character scanner reads the rest of a chunk only when a
// batch fails, which is how it finds and words a syntax error.
// Anything that is not a plain FeatureCollection with a "features" array
// throws StreamFallback: the caller then uses the whole-text parser, which
// knows every other case and words their messages.
import type { Feature } from 'geojson';
import { fail, InputError } from './input-error';
import { jsonSyntaxMessage, scanJsonValue, TOKEN_CHARS } from './json-syntax';
import { PopulationBuilder, type ParsePopulationOptions } from './parse-population';
import { plainPointReader, type PlainPointReader } from './plain-point';
import { checkFeature } from './read-geojson';
import type { PopulationSet } from '../types';

/** Thrown when a file cannot be streamed (not UTF-8, not a FeatureCollection): parse the whole text instead. */
export class StreamFallback extends Error {
  override name = 'StreamFallback';
}

type Mode = 'start' | 'key' | 'firstKey' | 'colon' | 'value' | 'afterValue' | 'elements' | 'firstElement' | 'afterElement' | 'done';

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]); // JSON whitespace
// First characters of a JSON value: { [ " - 0-9 t f n.
const VALUE_START = new Set([0x7b, 0x5b, 0x22, 0x2d, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x74, 0x66, 0x6e]);

// Unwinds the scan at a syntax error, which is recorded in the stream.
const STOP = Symbol('syntax error');

/**
 * Incremental FeatureCollection reader: push text chunks, receive each checked
 * feature with its index, then call end(). "type" may come before or after
 * "features"; when it comes after, features are handed over before the
 * collection is known to be one, and end() throws StreamFallback if it is not.
 *
 * It reports what the whole-text reader (readFeatureValues + checkFeature)
 * reports for the same text, so a planner sees one message whichever reader
 * ran: a JSON syntax error anywhere in the file wins over a broken feature
 * (the whole-text reader cannot see features before JSON.parse succeeds), so
 * the first feature that throws an InputError is held back, later features are
 * only parsed for syntax, and end() throws it. Syntax errors are worded by
 * json-syntax.ts, as the whole-text reader words them, and are also thrown by
 * end(), after the rest of the text has arrived.
 */
export class FeatureStream {
  private buf = '';
  private pos = 0; // scan position in buf
  private mode: Mode = 'start';
  private capStart = -1; // start in buf of the value being captured, -1 when none
  private capLine = 1; // line, and chars before that line, at capStart
  private capLineStart = 0;
  private depth = 0; // bracket depth inside the captured value
  private inString = false;
  private escaped = false;
  private key = '';
  private type: unknown = undefined; // the last top-level "type" so far
  private sawFeatures = false;
  private count = 0;
  private line = 1; // of buf[pos], for messages
  private lineStart = 0; // chars consumed before the current line, for the column
  private consumed = 0; // chars dropped from the front of buf
  private failure: InputError | null = null; // the first broken feature, reported by end()
  private batchFailed = false; // no batch parsed in this chunk: the scanner reads the rest of it
  private syntax: { line: number; column: number; trailing: boolean; rest: string } | null = null;

  private readonly plainPoint: PlainPointReader | null;

  /**
   * `field`: the only property `onFeature` reads, when it reads no other part
   * of a Point feature than its coordinates; features in the plain layout
   * (plain-point.ts) are then handed over with just that property.
   */
  constructor(
    private readonly file: string,
    private readonly onFeature: (f: Feature, index: number) => void,
    field?: string,
  ) {
    this.plainPoint = field === undefined ? null : plainPointReader(field);
  }

  /** Scan the next piece of text. */
  push(chunk: string): void {
    if (this.syntax !== null) {
      // Only the characters the message quotes are still needed.
      if (this.syntax.rest.length < TOKEN_CHARS) this.syntax.rest = (this.syntax.rest + chunk).slice(0, TOKEN_CHARS);
      return;
    }
    this.buf += chunk;
    this.batchFailed = false;
    try {
      this.scan();
    } catch (e) {
      if (e !== STOP) throw e;
      this.buf = '';
      return;
    }
    // Drop what is fully consumed, keeping a value still being captured.
    const keep = this.capStart >= 0 ? this.capStart : this.pos;
    if (keep > 0) {
      this.buf = this.buf.slice(keep);
      this.consumed += keep;
      this.pos -= keep;
      if (this.capStart >= 0) this.capStart = 0;
    }
  }

  /** The text is complete: report the first problem, if any; the collection must be closed and have features. */
  end(): void {
    if (this.syntax === null && this.capStart >= 0) {
      // A value still open: a bare number/true/false/null ends here; anything else is broken.
      const r = scanJsonValue(this.buf, this.capStart);
      try {
        if (!r.ok) this.syntaxAt(r.at, false);
        if (r.end < this.buf.length) this.syntaxAt(r.end, false);
        this.finishCapture(this.buf.length);
      } catch (e) {
        if (e !== STOP) throw e;
      }
    }
    if (this.syntax !== null) {
      const { rest, line, column, trailing } = this.syntax;
      fail({ file: this.file, message: jsonSyntaxMessage(rest, line, column, trailing) });
    }
    if (this.mode === 'start') fail({ file: this.file, message: 'file is empty' });
    if (this.mode !== 'done') fail({ file: this.file, message: jsonSyntaxMessage('', this.line, 0, false) });
    if (!this.sawFeatures) throw new StreamFallback('no "features" array');
    // "type" after "features" (or a second one): the features were read on
    // trust, and are discarded with the fallback unless it is a FeatureCollection.
    if (this.type !== 'FeatureCollection') throw new StreamFallback('"type" is not FeatureCollection');
    if (this.count === 0) fail({ file: this.file, message: 'the collection has no features' });
    if (this.failure !== null) throw this.failure;
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
      if (WS.has(c)) {
        this.advance(c);
        continue;
      }
      if (c === 0xfeff && this.consumed + this.pos === 0) {
        // A byte-order mark, dropped as the whole-text reader drops it: not a column.
        this.advance(c);
        this.lineStart = 1;
        continue;
      }
      switch (this.mode) {
        case 'start':
          if (c !== 0x7b) throw new StreamFallback('not an object'); // {
          this.mode = 'firstKey';
          break;
        case 'firstKey':
        case 'key':
          if (c === 0x7d && this.mode === 'firstKey')
            this.mode = 'done'; // }
          else if (c === 0x22)
            this.startCapture(); // "
          else this.syntaxAt(this.pos, false);
          break;
        case 'colon':
          if (c !== 0x3a) this.syntaxAt(this.pos, false); // :
          this.mode = 'value';
          break;
        case 'value':
          // A second "features" key, or one that is not an array: JSON.parse
          // semantics (last key wins) are the whole-text parser's business.
          if (this.key === 'features' && (this.sawFeatures || c !== 0x5b)) throw new StreamFallback('unusual "features"');
          if (this.key === 'features') {
            // A "type" seen so far that is not FeatureCollection: the whole-text
            // parser knows the other cases. A "type" still to come is checked
            // by end(), before any feature's error is reported.
            if (this.type !== undefined && this.type !== 'FeatureCollection') throw new StreamFallback('"type" is not FeatureCollection');
            this.sawFeatures = true;
            this.mode = 'firstElement';
          } else this.startCapture();
          break;
        case 'afterValue':
          if (c === 0x2c)
            this.mode = 'key'; // ,
          else if (c === 0x7d)
            this.mode = 'done'; // }
          else this.syntaxAt(this.pos, false);
          break;
        case 'firstElement':
        case 'elements':
          if (c === 0x5d && this.mode === 'firstElement')
            this.mode = 'afterValue'; // ]
          else if (c === 0x7b && this.plainPoint !== null && this.plainPoints())
            continue; // {
          else if (c === 0x7b && !this.batchFailed && this.batch()) continue;
          else this.startCapture();
          break;
        case 'afterElement':
          if (c === 0x2c) this.mode = 'elements';
          else if (c === 0x5d) this.mode = 'afterValue';
          else this.syntaxAt(this.pos, false);
          break;
        case 'done':
          this.syntaxAt(this.pos, true);
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
    // A value cannot start here: say so now rather than capture up to the next delimiter.
    if (!VALUE_START.has(this.buf.charCodeAt(this.pos))) this.syntaxAt(this.pos, false);
    this.capStart = this.pos;
    this.capLine = this.line;
    this.capLineStart = this.lineStart;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    // The opening character is scanned by scanCaptured on the next loop turn.
  }

  // Track strings and brackets of the captured value; true when it just closed.
  private scanCaptured(c: number): boolean {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === 0x5c)
        this.escaped = true; // backslash
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
      return this.depth === 0;
    }
    return false;
  }

  private finishCapture(endExclusive: number): void {
    const text = this.buf.slice(this.capStart, endExclusive);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // Where the whole-text reader would stop: inside the value, or just after
      // a bare word that ran into something (12x).
      const r = scanJsonValue(this.buf, this.capStart);
      this.syntaxAt(r.ok ? r.end : r.at, false);
    }
    this.capStart = -1;
    switch (this.mode) {
      case 'firstKey':
      case 'key':
        this.key = value as string; // captured from a quote, so a string
        this.mode = 'colon';
        break;
      case 'value':
        // The last "type" counts, as in JSON.parse.
        if (this.key === 'type') this.type = value;
        this.mode = 'afterValue';
        break;
      default:
        this.element(value);
        this.mode = 'afterElement';
    }
  }

  // Hand over the next element of "features"; the first broken one is held for end().
  private element(value: unknown): void {
    const i = this.count++;
    if (this.failure !== null) return;
    try {
      this.onFeature(checkFeature(value, i, this.file), i);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      this.failure = e;
    }
  }

  /**
   * At the start of an element of "features" (buf[pos] is "{"): parse every
   * element up to the last one this chunk holds whole with one JSON.parse,
   * hand them over and skip past them; false, with nothing changed, when that
   * text does not parse. The batch ends at a "}" followed by "," and "{" or
   * by "]": if the text up to there parses as the body of an array, that "}"
   * closes an element (a cut inside a string or a nested value leaves the
   * array unclosed), so the elements are those the character scanner would
   * capture one by one. When no end parses, the scanner reads the rest of the
   * chunk, finding a syntax error as it always does.
   */
  private batch(): boolean {
    const b = this.buf;
    for (let tries = 0, end = b.length; tries < BATCH_TRIES; tries++) {
      end = batchEnd(b, this.pos, end);
      if (end < 0) break;
      let values: unknown[];
      try {
        values = JSON.parse(`[${b.slice(this.pos, end)}]`) as unknown[];
      } catch {
        end -= 1; // the next candidate ends before this one's "}"
        continue;
      }
      for (const v of values) this.element(v);
      this.skipElements(end);
      return true;
    }
    this.batchFailed = true;
    return false;
  }

  /**
   * At the start of an element of "features": hand over the plain Point
   * features (plain-point.ts) that follow one another from here and skip past
   * them; false when the first is not one. Its text is exactly the element
   * JSON.parse would read, so nothing else can differ.
   */
  private plainPoints(): boolean {
    const b = this.buf;
    let end = -1;
    for (let at = this.pos; ;) {
      const r = this.plainPoint!(b, at);
      if (r === null) break;
      this.element(r.feature);
      end = r.end;
      // The next element, after a comma, when it starts as a feature does.
      let j = end;
      while (WS.has(b.charCodeAt(j))) j++;
      if (b.charCodeAt(j) !== 0x2c) break; // ,
      j++;
      while (WS.has(b.charCodeAt(j))) j++;
      if (b.charCodeAt(j) !== 0x7b) break; // {
      at = j;
    }
    if (end < 0) return false;
    this.skipElements(end);
    return true;
  }

  // Move past elements handed over whole, up to buf[end], counting their lines.
  private skipElements(end: number): void {
    const b = this.buf;
    for (let k = b.indexOf('\n', this.pos); k >= 0 && k < end; k = b.indexOf('\n', k + 1)) {
      this.line++;
      this.lineStart = this.consumed + k + 1;
    }
    this.pos = end;
    this.mode = 'afterElement';
  }

  // Record the syntax error at buf[k] (k ≥ the capture start, or ≥ pos) and stop scanning.
  private syntaxAt(k: number, trailing: boolean): never {
    const fromCapture = this.capStart >= 0 && k < this.pos;
    let j = fromCapture ? this.capStart : this.pos;
    let line = fromCapture ? this.capLine : this.line;
    let lineStart = fromCapture ? this.capLineStart : this.lineStart;
    for (; j < k; j++) {
      if (this.buf.charCodeAt(j) === 0x0a) {
        line++;
        lineStart = this.consumed + j + 1;
      }
    }
    this.syntax = { line, column: this.consumed + k - lineStart + 1, trailing, rest: this.buf.slice(k, k + TOKEN_CHARS) };
    throw STOP;
  }
}

// Ends of a batch tried, from the last of the chunk back, before the scanner takes over.
const BATCH_TRIES = 4;

/**
 * One past the last "}" at or before `end` - 1 (and after `from`) that is
 * followed, after whitespace, by "," then "{", or by "]": where an element of
 * "features" may end with the next one or the array. -1 when there is none;
 * a "}" whose follower has not arrived yet does not count.
 */
function batchEnd(b: string, from: number, end: number): number {
  for (let k = b.lastIndexOf('}', end - 1); k > from; k = b.lastIndexOf('}', k - 1)) {
    let j = k + 1;
    while (j < b.length && WS.has(b.charCodeAt(j))) j++;
    const c = b.charCodeAt(j);
    if (c === 0x5d) return k + 1; // ]
    if (c !== 0x2c) continue; // ,
    j++;
    while (j < b.length && WS.has(b.charCodeAt(j))) j++;
    if (b.charCodeAt(j) === 0x7b) return k + 1; // {
  }
  return -1;
}

// Characters that end a bare number/true/false/null at bracket depth 0.
function isScalarEnd(c: number): boolean {
  return c === 0x2c || c === 0x7d || c === 0x5d || WS.has(c);
}

/**
 * Hand each checked feature of a FeatureCollection arriving as UTF-8 byte
 * chunks to `onFeature` (a leading BOM is dropped); throws StreamFallback
 * when the bytes are not UTF-8, hold a NUL, or are not a plain
 * FeatureCollection, and after the last chunk the core's InputError for a
 * syntax error or the first broken feature, as readFeatures would.
 * `field`: the only property `onFeature` reads (see FeatureStream).
 */
export function streamFeatures(chunks: Iterable<Uint8Array>, file: string, onFeature: (f: Feature, index: number) => void, field?: string): void {
  const stream = new FeatureStream(file, onFeature, field);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const text = (bytes?: Uint8Array): string => {
    try {
      return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
    } catch {
      throw new StreamFallback('not UTF-8');
    }
  };
  for (const c of chunks) {
    // decodeText refuses a NUL (binary, or UTF-16 without a BOM) before any
    // parsing: leave that to it, with its message. In UTF-8 only U+0000 has a
    // zero byte, so the bytes are searched rather than the decoded text.
    if (c.indexOf(0) >= 0) throw new StreamFallback('NUL character');
    stream.push(text(c));
  }
  stream.push(text());
  stream.end();
}

/**
 * parsePopulation for a FeatureCollection arriving as UTF-8 byte chunks (a
 * leading BOM is dropped). The same result or message as
 * parsePopulation(decodeText(bytes)) for every file it does not hand back
 * with StreamFallback (not UTF-8, a NUL, not a plain FeatureCollection);
 * checked by test/unit/fuzz/stream-parity.test.ts.
 */
export function parsePopulationChunks(chunks: Iterable<Uint8Array>, opts: ParsePopulationOptions): PopulationSet {
  const builder = new PopulationBuilder(opts);
  streamFeatures(chunks, opts.file, (f, i) => builder.add(f, i), builder.onlyField);
  return builder.finish();
}
