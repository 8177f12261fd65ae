// Where a text stops being JSON, found the same way whether the file is read
// whole or streamed, so both readers word a syntax error identically. The
// JSON engine's own message cannot serve: it differs between Node and
// browsers, and a stream that parses one feature at a time only ever sees a
// piece of the file, so positions and quoted excerpts would differ too.
// Only used after JSON.parse has failed, so speed does not matter; it is a
// loop with an explicit stack because files can nest arrays 100 000 deep.

/** How one JSON value starting at some offset ends: where it ends, or the offset of the first character that breaks it (text.length: the text ends too early). */
export type JsonValueScan = { ok: true; end: number } | { ok: false; at: number };

const WS = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const DIGIT = (c: number) => c >= 0x30 && c <= 0x39;
const HEX = /[0-9a-fA-F]/;

function skipWs(t: string, i: number): number {
  while (i < t.length && WS(t.charCodeAt(i))) i++;
  return i;
}

// End of the string starting at the quote t[i], or -1 - offset of the breaking character.
function scanString(t: string, i: number): number {
  for (i++; i < t.length;) {
    const c = t.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -1 - i; // raw control characters must be escaped
    if (c !== 0x5c) {
      i++;
      continue;
    }
    const e = t[i + 1];
    if (e === undefined) return -1 - (i + 1);
    if (e === 'u') {
      for (let k = 2; k < 6; k++) if (!HEX.test(t[i + k] ?? '')) return -1 - Math.min(i + k, t.length);
      i += 6;
    } else if ('"\\/bfnrt'.includes(e)) i += 2;
    else return -1 - (i + 1);
  }
  return -1 - t.length;
}

// End of the number starting at t[i], or -1 - offset of the breaking character.
function scanNumber(t: string, i: number): number {
  if (t.charCodeAt(i) === 0x2d) i++; // -
  if (t.charCodeAt(i) === 0x30)
    i++; // a leading 0 stands alone
  else if (DIGIT(t.charCodeAt(i))) while (DIGIT(t.charCodeAt(i))) i++;
  else return -1 - Math.min(i, t.length);
  if (t.charCodeAt(i) === 0x2e) {
    i++;
    if (!DIGIT(t.charCodeAt(i))) return -1 - Math.min(i, t.length);
    while (DIGIT(t.charCodeAt(i))) i++;
  }
  if (t[i] === 'e' || t[i] === 'E') {
    i++;
    if (t[i] === '+' || t[i] === '-') i++;
    if (!DIGIT(t.charCodeAt(i))) return -1 - Math.min(i, t.length);
    while (DIGIT(t.charCodeAt(i))) i++;
  }
  return i;
}

// End of the literal true/false/null starting at t[i], or -1 - offset of the first wrong character.
function scanLiteral(t: string, i: number, word: string): number {
  for (let k = 0; k < word.length; k++) if (t[i + k] !== word[k]) return -1 - Math.min(i + k, t.length);
  return i + word.length;
}

/**
 * Scan one JSON value starting at `from` (after optional whitespace), as
 * JSON.parse would read it.
 * @example scanJsonValue('[1,}', 0) // { ok: false, at: 3 }
 */
export function scanJsonValue(t: string, from: number): JsonValueScan {
  const stack: number[] = []; // open brackets, 0x7b { or 0x5b [
  let i = from;
  const fail = (at: number): JsonValueScan => ({ ok: false, at: Math.min(at, t.length) });
  // Expecting a key (after { or a comma in an object): the key and its colon.
  const key = (): boolean => {
    i = skipWs(t, i);
    if (t.charCodeAt(i) !== 0x22) return false;
    const end = scanString(t, i);
    if (end < 0) {
      i = -1 - end;
      return false;
    }
    i = skipWs(t, end);
    if (t.charCodeAt(i) !== 0x3a) return false;
    i++;
    return true;
  };
  for (;;) {
    // A value is expected at i.
    i = skipWs(t, i);
    const c = t.charCodeAt(i);
    let end: number;
    if (c === 0x7b || c === 0x5b) {
      i = skipWs(t, i + 1);
      const close = c === 0x7b ? 0x7d : 0x5d;
      if (t.charCodeAt(i) === close) end = i + 1;
      else {
        stack.push(c);
        if (c === 0x7b && !key()) return fail(i);
        continue;
      }
    } else if (c === 0x22) end = scanString(t, i);
    else if (c === 0x2d || DIGIT(c)) end = scanNumber(t, i);
    else if (c === 0x74) end = scanLiteral(t, i, 'true');
    else if (c === 0x66) end = scanLiteral(t, i, 'false');
    else if (c === 0x6e) end = scanLiteral(t, i, 'null');
    else return fail(i);
    if (end < 0) return fail(-1 - end);
    i = end;
    // After a value: close brackets until a comma asks for the next value.
    for (;;) {
      if (stack.length === 0) return { ok: true, end: i };
      i = skipWs(t, i);
      const d = t.charCodeAt(i);
      const top = stack[stack.length - 1];
      if (d === 0x2c) {
        i++;
        if (top === 0x7b && !key()) return fail(i);
        break;
      }
      if (d !== (top === 0x7b ? 0x7d : 0x5d)) return fail(i);
      stack.pop();
      i++;
    }
  }
}

/**
 * Offset of the first character where `t` stops being one JSON text
 * (t.length: it ends too early; trailing: junk after a complete value), or
 * null when JSON.parse accepts it.
 */
export function firstJsonError(t: string): { at: number; trailing: boolean } | null {
  const r = scanJsonValue(t, 0);
  if (!r.ok) return { at: r.at, trailing: false };
  const i = skipWs(t, r.end);
  return i < t.length ? { at: i, trailing: true } : null;
}

/** Characters of text after an error that its message may quote: enough for the longest token shown. */
export const TOKEN_CHARS = 24;

/**
 * The one wording of a JSON syntax error, for whole and streamed reading:
 * `rest` is the text from the error on (at least TOKEN_CHARS characters when
 * there are that many), line and column (1-based, UTF-16 units) locate it;
 * `trailing` when it follows a complete top-level value.
 * @example jsonSyntaxMessage('NaN]}', 1, 88, false) === 'invalid JSON (unexpected "NaN" at line 1, column 88)'
 */
export function jsonSyntaxMessage(rest: string, line: number, column: number, trailing: boolean): string {
  if (rest === '') return 'invalid JSON (Unexpected end of JSON input)';
  const where = `at line ${line}, column ${column}`;
  return `invalid JSON (unexpected ${token(rest)} ${trailing ? `after the end of the JSON data, ${where}` : where})`;
}

// A word (NaN, Infinity, undefined, True) is quoted whole so the planner sees
// what their tool wrote; anything else is one character, invisible ones by code.
function token(rest: string): string {
  const word = /^[A-Za-z0-9_$.+-]+/.exec(rest.slice(0, TOKEN_CHARS));
  if (word !== null) return JSON.stringify(word[0].length > 16 ? `${word[0].slice(0, 16)}…` : word[0]);
  const cp = rest.codePointAt(0) ?? 0;
  const ch = String.fromCodePoint(cp);
  const invisible =
    cp < 0x20 || (cp >= 0x7f && cp <= 0xa0) || cp === 0xfeff || cp === 0x2028 || cp === 0x2029 || (cp >= 0xd800 && cp <= 0xdfff) || /\s/.test(ch);
  return invisible ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : JSON.stringify(ch);
}

/** 1-based line and column of offset `at` in `t` (lines end at \n; columns count UTF-16 units). */
export function lineColumn(t: string, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = t.indexOf('\n'); k >= 0 && k < at; k = t.indexOf('\n', k + 1)) {
    line++;
    start = k + 1;
  }
  return { line, column: at - start + 1 };
}
