import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../src/core/input/csv';

describe('parseCsv', () => {
  it('reads quoted cells with commas, doubled quotes and newlines, CRLF rows and a BOM', () => {
    const rows = parseCsv('\uFEFFname,lng\r\n"A, ""big"" hall",113.9\r\n"multi\nline",114\r\n\r\n');
    expect(Array.isArray(rows)).toBe(true);
    if (!Array.isArray(rows)) return;
    expect(rows.map((r) => r.cells)).toEqual([
      ['name', 'lng'],
      ['A, "big" hall', '113.9'],
      ['multi\nline', '114'],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3]);
  });
  it('reads a last row without a trailing newline', () => {
    const rows = parseCsv('a,b\n1,2');
    expect(Array.isArray(rows) && rows.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('reports the line of an unclosed quote', () => {
    expect(parseCsv('a,b\n1,"2\n3')).toEqual({ unclosedQuoteLine: 2 });
  });
});
