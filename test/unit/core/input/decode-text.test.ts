import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8 } from '../../../../src/core/input/decode-text';
import { InputError } from '../../../../src/core/input/input-error';
import { parseHalls } from '../../../../src/core/input/parse-halls';
import { inputErrorMessage } from '../../helpers/input-error-message';

// Known GBK (= GB18030 two-byte) encodings, from the GB2312 code table.
const GBK: Record<string, number[]> = {
  光明: [0xb9, 0xe2, 0xc3, 0xf7],
  街道: [0xbd, 0xd6, 0xb5, 0xc0],
  服务站: [0xb7, 0xfe, 0xce, 0xf1, 0xd5, 0xbe],
  诉求: [0xcb, 0xdf, 0xc7, 0xf3],
  法律: [0xb7, 0xa8, 0xc2, 0xc9],
  心理: [0xd0, 0xc4, 0xc0, 0xed],
  '，': [0xa3, 0xac],
  '、': [0xa1, 0xa2],
};

/** Encode ASCII and the Chinese words of the table above as GBK bytes. */
function gbk(...parts: string[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (p in GBK) out.push(...GBK[p]);
    else
      for (const ch of p) {
        if (ch.charCodeAt(0) > 0x7f) throw new Error(`no GBK code for ${ch} in the test table`);
        out.push(ch.charCodeAt(0));
      }
  }
  return Uint8Array.from(out);
}

const message = inputErrorMessage;

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('decodes UTF-8 and strips its byte-order mark', () => {
    expect(decodeText(utf8('name,lng\n光明,113.9'), 'a.csv')).toBe('name,lng\n光明,113.9');
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('光明')]), 'a.csv')).toBe('光明');
    expect(decodeText(new Uint8Array(0), 'a.csv')).toBe('');
  });

  it('decodes UTF-16 LE and BE with a byte-order mark', () => {
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x49, 0x51, 0x0e, 0x66, 0x41, 0x00]), 'a.txt')).toBe('光明A'); // U+5149 U+660E
    expect(decodeText(Uint8Array.from([0xfe, 0xff, 0x51, 0x49, 0x66, 0x0e, 0x00, 0x41]), 'a.txt')).toBe('光明A');
  });

  it('decodes GBK from a Chinese Excel CSV export', () => {
    expect(decodeText(gbk('光明'), 'a.csv')).toBe('光明');
    const bytes = gbk('name,lng,lat,services\r\n', '光明', '街道', '服务站', ',113.9,22.7,"', '诉求', '，', '法律', '、', '心理', '"\r\n');
    const h = parseHalls(decodeText(bytes, 'halls.csv'), { file: 'halls.csv' });
    expect(h.name).toEqual(['光明街道服务站']);
    expect(h.services).toEqual([['诉求', '法律', '心理']]);
  });

  it('refuses a CSV mixing UTF-8 and GBK rows at the first row that breaks, instead of turning the UTF-8 names into mojibake (issue 19)', () => {
    const cat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
    const header = utf8('name,lng,lat,services\n');
    const utf8Rows = utf8('光明街道,113.9,22.7,petition\n服务站,113.91,22.7,petition\n');
    const gbkRow = gbk('光明', ',113.92,22.7,petition\n');
    const offset = header.length + utf8Rows.length;
    expect(message(() => decodeText(cat(header, utf8Rows, gbkRow), 'h.csv'))).toBe(
      `h.csv: line 4: this line is GBK (byte 0xB9 at offset ${offset}) but line 2 is UTF-8: the file mixes two encodings (rows pasted from different exports?); save it all as UTF-8 ("CSV UTF-8" in Excel)`,
    );
    expect(message(() => decodeText(cat(header, gbkRow, utf8('A,1,2,x\n'), utf8Rows), 'h.csv'))).toBe(
      'h.csv: line 4: this line is UTF-8 but line 2 is GBK: the file mixes two encodings (rows pasted from different exports?); save it all as UTF-8 ("CSV UTF-8" in Excel)',
    );
    // All GBK, ASCII lines between: still decoded.
    expect(decodeText(cat(header, gbkRow, utf8('A,1,2,x\n'), gbkRow), 'h.csv')).toBe(
      'name,lng,lat,services\n光明,113.92,22.7,petition\nA,1,2,x\n光明,113.92,22.7,petition\n',
    );
  });

  it('never takes valid UTF-8 for GBK', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        fc.pre(!s.includes('\u0000') && !s.startsWith('PK\u0003\u0004'));
        expect(decodeText(utf8(s), 'a.csv')).toBe(s.replace(/^\uFEFF/, ''));
      }),
      { seed: 42, numRuns: 2000 },
    );
    const chinese = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(chinese, (s) => {
        expect(decodeText(utf8(s), 'a.csv')).toBe(s);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('finds the first invalid UTF-8 byte exactly where the standard decoder fails', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (b) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(b);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(b) === null).toBe(valid);
      }),
      { seed: 42, numRuns: 5000 },
    );
  });

  it('explains bytes it cannot decode, naming the file, line and offset', () => {
    expect(message(() => decodeText(utf8('光明').subarray(0, 5), 'a.csv'))).toBe(
      'a.csv: ends in the middle of a UTF-8 character (byte offset 3): the file looks truncated',
    );
    expect(message(() => decodeText(Uint8Array.from([...utf8('name\ncaf'), 0xe9, 0x2c, 0x31]), 'a.csv'))).toBe(
      'a.csv: line 2: not UTF-8 text (byte 0xE9 at offset 8) and not GBK Chinese text either: save it as UTF-8 ("CSV UTF-8" in Excel)',
    );
    expect(message(() => decodeText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'halls.xlsx'))).toBe(
      'halls.xlsx: is an Excel workbook or zip archive, not text: save it as "CSV UTF-8" or GeoJSON',
    );
    expect(message(() => decodeText(Uint8Array.from([0x6e, 0x00, 0x61, 0x00]), 'a.csv'))).toBe(
      'a.csv: line 1: contains a NUL character (byte offset 1): it looks binary, or UTF-16 without a byte-order mark; save it as UTF-8',
    );
    expect(message(() => decodeText(Uint8Array.from([0xff, 0xfe, 0x41]), 'a.csv'))).toBe(
      'a.csv: starts with a UTF-16LE byte-order mark but is not valid UTF-16LE (odd length or broken surrogate): the file looks truncated or mislabelled',
    );
  });

  it('rejects bytes that are valid GB18030 but do not read as Chinese', () => {
    // C4 31 81 30 is a well-formed GB18030 four-byte sequence, but for a character outside the CJK blocks.
    expect(() => decodeText(Uint8Array.from([0xc4, 0x31, 0x81, 0x30]), 'a.csv')).toThrow(InputError);
  });
});
