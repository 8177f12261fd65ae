// Counterexamples the fuzz suite found, kept as plain tests so they stay fixed
// even if the generators change. Each names what used to go wrong.
import { describe, expect, it } from 'vitest';
import { formatIssue, InputError } from '../../../src/core/input-error.ts';
import { parsePopulation } from '../../../src/core/parse-population.ts';

/** The InputError message thrown by fn (fails on any other outcome). */
function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.message;
  }
  throw new Error('expected an InputError');
}

describe('fuzz regressions', () => {
  it('keeps messages on one line when JSON.parse quotes U+2028/U+2029 or control characters from the file', () => {
    const m = message(() => parsePopulation('{"type":"FeatureCollection","features":[\u2028NaN\u2029]}', { file: 'p.geojson' }));
    expect(m).toMatch(/^p\.geojson: invalid JSON/);
    expect(m).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
  });

  it('drops terminal escape sequences carried in file names or data', () => {
    expect(formatIssue({ file: 'a\u001b[2J.csv', message: 'x\u0085y\ty' })).toBe('a [2J.csv: x y y');
  });
});
