import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvText } from '../../../../src/worker/export/csv-text';

// A minimal RFC 4180 reader, to check that what we write reads back as written.
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('csvCell', () => {
  it('writes numbers as numbers, negative ones included, and non-finite numbers as empty cells', () => {
    expect(csvCell(1234.5)).toBe('1234.5');
    expect(csvCell(-73.985)).toBe('-73.985');
    expect(csvCell(Infinity)).toBe('');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(null)).toBe('');
  });
  it('quotes text with commas, quotes or line breaks and doubles inner quotes', () => {
    expect(csvCell('光明街道')).toBe('光明街道');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });
  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const bad of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tcmd']) {
      const cell = csvCell(bad);
      const value = readCsv(`${cell}\r\n`)[0][0];
      expect(value.startsWith("'"), bad).toBe(true);
      expect(value.slice(1)).toBe(bad);
    }
  });
});

describe('csvText', () => {
  it('starts with a UTF-8 BOM, ends rows with CRLF and reads back cell for cell', () => {
    const text = csvText(['area', 'population'], [['光明街道', 1200], ['a "quoted", name', -1], ['=cmd', null]]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(readCsv(text.slice(1))).toEqual([['area', 'population'], ['光明街道', '1200'], ['a "quoted", name', '-1'], ["'=cmd", '']]);
  });
});
