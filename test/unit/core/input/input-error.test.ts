import { describe, expect, it } from 'vitest';
import { formatIssue, InputError, plainText } from '../../../../src/core/input/input-error';

describe('formatIssue', () => {
  it('names file, feature and field on one line', () => {
    expect(formatIssue({ file: 'p.geojson', feature: 12, field: 'population', message: '"x" is not a number' })).toBe(
      'p.geojson: feature 12, field "population": "x" is not a number',
    );
  });
  it('names the CSV data row and file line', () => {
    expect(formatIssue({ file: 'h.csv', feature: 2, line: 4, field: 'lng', message: '"abc" is not a number' })).toBe(
      'h.csv: row 3 (line 4), field "lng": "abc" is not a number',
    );
  });
  it('keeps file-level problems short and never spans lines', () => {
    expect(formatIssue({ file: 'a.geojson', message: 'invalid JSON (Unexpected\ntoken)' })).toBe('a.geojson: invalid JSON (Unexpected token)');
  });
  it('is the message of InputError, which keeps the issue', () => {
    const e = new InputError({ file: 'f', feature: 0, message: 'bad' });
    expect(e.message).toBe('f: feature 0: bad');
    expect(e.issue.feature).toBe(0);
    expect(e).toBeInstanceOf(Error);
  });
});

describe('plainText', () => {
  it('turns every run of control characters, line separators and bidirectional controls into one space', () => {
    expect(plainText('A\u001b[2J\u001b]0;t\u0007B')).toBe('A [2J ]0;t B');
    expect(plainText('row\r\nforged\u2028x\u0085y')).toBe('row forged x y');
    expect(plainText('abc\u202edef\u2066g\u200fh')).toBe('abc def g h');
    expect(plainText('光明街道 West')).toBe('光明街道 West');
  });
  it('is what formatIssue applies, so a bidirectional override in a file name cannot reorder a message', () => {
    expect(formatIssue({ file: 'x\u202ecsv.exe', message: 'bad' })).toBe('x csv.exe: bad');
  });
});
