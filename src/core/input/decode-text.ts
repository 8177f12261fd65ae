// Files arrive as bytes in whatever encoding the sender's tools wrote: UTF-8
// with or without a BOM, UTF-16 from Excel's "Unicode text", and GBK/GB18030
// from Excel CSV exports on Chinese Windows. Decode the ones we can recognise
// safely and explain the rest, rather than show mojibake as hall names.
import { fail, InputError } from './input-error';

/** Share of non-ASCII characters that must be common Chinese text for a GBK guess to be trusted. */
const CHINESE_SHARE = 0.8;

/**
 * Decode a file's bytes to text: strips a UTF-8/UTF-16 byte-order mark,
 * accepts valid UTF-8, otherwise decodes GBK/GB18030 when the result reads as
 * Chinese, else throws an InputError naming the file and the offending byte.
 * @example decodeText(new Uint8Array([0xb9, 0xe2, 0xc3, 0xf7]), 'a.csv') === '光明'
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return utf8(b.subarray(3), file, 3);
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return utf16(b.subarray(2), 'utf-16le', file);
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return utf16(b.subarray(2), 'utf-16be', file);
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    fail({ file, message: 'is an Excel workbook or zip archive, not text: save it as "CSV UTF-8" or GeoJSON' });
  }
  return utf8(b, file, 0);
}

function utf8(b: Uint8Array, file: string, base: number): string {
  const bad = firstInvalidUtf8(b);
  if (bad === null) return noNul(new TextDecoder('utf-8', { ignoreBOM: true }).decode(b), b, file, base);
  if (bad.truncated) {
    fail({ file, message: `ends in the middle of a UTF-8 character (byte offset ${base + bad.offset}): the file looks truncated` });
  }
  if (base === 0) {
    refuseMixed(b, file);
    const gb = gb18030(b);
    if (gb !== null && readsAsChinese(gb)) return noNul(gb, b, file, base);
  }
  const hex = b[bad.offset].toString(16).toUpperCase().padStart(2, '0');
  fail({
    file,
    line: lineAt(b, bad.offset),
    message: `not UTF-8 text (byte 0x${hex} at offset ${base + bad.offset}) and not GBK Chinese text either: save it as UTF-8 ("CSV UTF-8" in Excel)`,
  });
}

// Rows pasted together from a UTF-8 and a GBK export: decoded as GB18030 as a
// whole, every UTF-8 name turns into mojibake. A file with a line of Chinese
// in valid UTF-8 and a line of Chinese in GBK (not UTF-8) is such a mix:
// refuse it at the first line whose encoding differs from the first line of
// Chinese text.
function refuseMixed(b: Uint8Array, file: string): void {
  let first: { kind: 'UTF-8' | 'GBK'; line: number } | null = null;
  let line = 1;
  for (let start = 0; start < b.length; line++) {
    let end = b.indexOf(0x0a, start);
    if (end < 0) end = b.length;
    const row = b.subarray(start, end);
    const offset = start;
    start = end + 1;
    if (!row.some((c) => c >= 0x80)) continue;
    const bad = firstInvalidUtf8(row);
    const text = bad === null ? new TextDecoder('utf-8').decode(row) : gb18030(row);
    const kind = text === null || !readsAsChinese(text) ? null : bad === null ? 'UTF-8' : 'GBK';
    if (kind === null) continue;
    if (first === null) first = { kind, line };
    else if (kind !== first.kind) {
      const at = bad !== null ? ` (byte 0x${row[bad.offset].toString(16).toUpperCase().padStart(2, '0')} at offset ${offset + bad.offset})` : '';
      fail({
        file,
        line,
        message: `this line is ${kind}${at} but line ${first.line} is ${first.kind}: the file mixes two encodings (rows pasted from different exports?); save it all as UTF-8 ("CSV UTF-8" in Excel)`,
      });
    }
  }
}

function utf16(b: Uint8Array, label: 'utf-16le' | 'utf-16be', file: string): string {
  try {
    return noNul(new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(b), null, file, 2);
  } catch (e) {
    if (e instanceof InputError) throw e;
    fail({
      file,
      message: `starts with a ${label.toUpperCase()} byte-order mark but is not valid ${label.toUpperCase()} (odd length or broken surrogate): the file looks truncated or mislabelled`,
    });
  }
}

// GB18030 is a superset of GBK and GB2312; the WHATWG decoder (browsers, and
// Node built with full ICU) knows it. null when the bytes are not GB18030 or
// the runtime lacks the decoder.
function gb18030(b: Uint8Array): string | null {
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(b);
  } catch {
    return null;
  }
}

// Random or Latin-1 bytes sometimes form valid GB18030 too; accept the guess
// only when almost every non-ASCII character is common Chinese text.
function readsAsChinese(s: string): boolean {
  let other = 0;
  let chinese = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (
      (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
      (c >= 0x3400 && c <= 0x4dbf) || // extension A
      (c >= 0x3000 && c <= 0x303f) || // CJK punctuation 、。《》「」
      (c >= 0xff00 && c <= 0xffef) || // full-width forms ，；：（）
      (c >= 0x2010 && c <= 0x206f) || // “” ‘’ … —
      c === 0x00b7 // middle dot in names
    )
      chinese++;
    else other++;
  }
  return chinese > 0 && chinese >= CHINESE_SHARE * (chinese + other);
}

function noNul(text: string, b: Uint8Array | null, file: string, base: number): string {
  const k = text.indexOf('\u0000');
  if (k < 0) return text;
  const offset = b === null ? undefined : b.indexOf(0);
  fail({
    file,
    line: b === null || offset === undefined ? undefined : lineAt(b, offset),
    message: `contains a NUL character${offset === undefined ? '' : ` (byte offset ${base + offset})`}: it looks binary, or UTF-16 without a byte-order mark; save it as UTF-8`,
  });
}

function lineAt(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (b[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8, and whether it is just a character cut off at the end; null when valid. */
export function firstInvalidUtf8(b: Uint8Array): { offset: number; truncated: boolean } | null {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0; // no overlong forms
      if (c === 0xed) hi = 0x9f; // no UTF-16 surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f; // nothing above U+10FFFF
    } else return { offset: i, truncated: false };
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return { offset: i, truncated: true };
      const t = b[i + k];
      if (k === 1 ? t < lo || t > hi : t < 0x80 || t > 0xbf) return { offset: i, truncated: false };
    }
    i += need + 1;
  }
  return null;
}
