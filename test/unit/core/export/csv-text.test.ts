import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvText } from '../../../../src/core/export/csv-text';
import { readCsv } from '../../helpers/read-csv';

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
    const text = csvText(
      ['area', 'population'],
      [
        ['光明街道', 1200],
        ['a "quoted", name', -1],
        ['=cmd', null],
      ],
    );
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(readCsv(text.slice(1))).toEqual([
      ['area', 'population'],
      ['光明街道', '1200'],
      ['a "quoted", name', '-1'],
      ["'=cmd", ''],
    ]);
  });
  it('puts a title, when given, in one cell above the header, quoted and neutralised like any text', () => {
    const text = csvText(['area', 'population'], [['光明街道', 1200]], '服务圈 缺口清单 · 诉求服务, 500 米');
    expect(text.startsWith(`${BOM}"服务圈 缺口清单 · 诉求服务, 500 米"\r\n`)).toBe(true);
    expect(readCsv(text)).toEqual([['服务圈 缺口清单 · 诉求服务, 500 米'], ['area', 'population'], ['光明街道', '1200']]);
    expect(readCsv(csvText(['a'], [], '=1+1'))[0]).toEqual(["'=1+1"]);
  });
});
