import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstJsonError, jsonSyntaxMessage, lineColumn, scanJsonValue } from '../../../../src/core/input/json-syntax';

// JSON texts, then damaged: a character inserted, dropped or replaced from an
// alphabet full of JSON's own punctuation, or cut short.
const piece = fc.constantFrom(
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  'u',
  '0',
  '1',
  '-',
  '+',
  '.',
  'e',
  'E',
  't',
  'r',
  'n',
  'f',
  'a',
  'l',
  's',
  ' ',
  '\n',
  '\t',
  '\u0001',
  '\uFEFF',
  'x',
  '光',
  '😀',
);
const damaged = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.tuple(fc.json({ maxDepth: 3 }), fc.nat(), piece).map(([t, i, c]) => t.slice(0, i % (t.length + 1)) + c + t.slice(i % (t.length + 1))),
  fc.tuple(fc.json({ maxDepth: 3 }), fc.nat()).map(([t, i]) => t.slice(0, i % (t.length + 1)) + t.slice((i % (t.length + 1)) + 1)),
  fc.tuple(fc.json({ maxDepth: 3 }), fc.nat(), piece).map(([t, i, c]) => t.slice(0, i % (t.length + 1)) + c + t.slice((i % (t.length + 1)) + 1)),
  fc.tuple(fc.json({ maxDepth: 3 }), fc.double({ min: 0, max: 1, noNaN: true })).map(([t, f]) => t.slice(0, Math.floor(t.length * f))),
  fc.string({ unit: piece, maxLength: 12 }),
);

function parses(t: string): boolean {
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

describe('firstJsonError', () => {
  it('finds an error exactly when JSON.parse refuses the text', () => {
    fc.assert(
      fc.property(damaged, (t) => {
        expect(firstJsonError(t) === null).toBe(parses(t));
      }),
      { seed: 42, numRuns: 5000 },
    );
  });

  it("points where V8's JSON.parse points, whenever V8 gives a position", () => {
    // V8 (Node) words most errors "… in JSON at position N"; it is the oracle here, not the product's wording.
    let compared = 0;
    fc.assert(
      fc.property(damaged, (t) => {
        let reason: string;
        try {
          JSON.parse(t);
          return;
        } catch (e) {
          reason = (e as Error).message;
        }
        const at = firstJsonError(t)?.at;
        const pos = /at position (\d+)/.exec(reason);
        if (pos !== null) {
          expect(at).toBe(Number(pos[1]));
          compared++;
        } else if (reason === 'Unexpected end of JSON input') {
          expect(at).toBe(t.length);
          compared++;
        }
      }),
      { seed: 42, numRuns: 3000 },
    );
    expect(compared).toBeGreaterThan(500);
  });

  it('tells junk after a complete value from an error inside it', () => {
    expect(firstJsonError('{"a":1} x')).toEqual({ at: 8, trailing: true });
    expect(firstJsonError('{"a":1 x}')).toEqual({ at: 7, trailing: false });
    expect(firstJsonError('[01]')).toEqual({ at: 2, trailing: false });
    expect(firstJsonError('{"a":"\\x"}')).toEqual({ at: 7, trailing: false });
    expect(firstJsonError('{"a":tru')).toEqual({ at: 8, trailing: false });
    expect(firstJsonError(' [1, 2]\n')).toBeNull();
  });

  it('handles arrays nested 100 000 deep without overflowing the stack', () => {
    expect(firstJsonError(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBeNull();
    expect(firstJsonError(`${'['.repeat(100_000)}${']'.repeat(99_999)}}`)).toEqual({ at: 199_999, trailing: false });
  });
});

describe('scanJsonValue', () => {
  it('reads one value from an offset and says where it ends, leaving what follows', () => {
    expect(scanJsonValue('xx [1, {"a": null}] ,', 2)).toEqual({ ok: true, end: 19 });
    expect(scanJsonValue('12x', 0)).toEqual({ ok: true, end: 2 });
    expect(scanJsonValue('[1,}', 0)).toEqual({ ok: false, at: 3 });
  });
});

describe('jsonSyntaxMessage', () => {
  it('quotes a whole word, one other character, or the code of an invisible one', () => {
    expect(jsonSyntaxMessage('NaN, 22.7]}', 1, 88, false)).toBe('invalid JSON (unexpected "NaN" at line 1, column 88)');
    expect(jsonSyntaxMessage('}]}', 3, 1, true)).toBe('invalid JSON (unexpected "}" after the end of the JSON data, at line 3, column 1)');
    expect(jsonSyntaxMessage('\uFEFF{', 1, 1, false)).toBe('invalid JSON (unexpected U+FEFF at line 1, column 1)');
    expect(jsonSyntaxMessage('😀"', 2, 5, false)).toBe('invalid JSON (unexpected "😀" at line 2, column 5)');
    expect(jsonSyntaxMessage('abcdefghijklmnopqrstuvwxyz', 1, 1, false)).toBe('invalid JSON (unexpected "abcdefghijklmnop…" at line 1, column 1)');
  });

  it('keeps the documented wording for a file that ends too early', () => {
    expect(jsonSyntaxMessage('', 9, 4, false)).toBe('invalid JSON (Unexpected end of JSON input)');
  });
});

describe('lineColumn', () => {
  it('counts lines at \\n and columns in UTF-16 units from 1', () => {
    expect(lineColumn('ab\ncd\r\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\r\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd\r\nef', 7)).toEqual({ line: 3, column: 1 });
  });
});
