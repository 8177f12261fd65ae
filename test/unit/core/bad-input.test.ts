// Every documented bad-input case ends in one InputError whose message is
// exactly the line docs/robustness.md shows (one case per row of the table),
// and the population cases keep it, features and lines later, when valid
// points or blanks make the file big, whether read whole or streamed (as
// big files are in the browser and the CLI).
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/input/input-error';
import { parseAreas } from '../../../src/core/input/parse-areas';
import { parseHalls } from '../../../src/core/input/parse-halls';
import { parsePopulation } from '../../../src/core/input/parse-population';
import { parsePopulationChunks, StreamFallback } from '../../../src/core/input/stream-features';
import { BAD_INPUTS, madeBig, VALID, type Role } from '../helpers/bad-inputs';

const PARSE: Record<Role, (text: string, file: string) => unknown> = {
  halls: (text, file) => parseHalls(text, { file }),
  population: (text, file) => parsePopulation(text, { file }),
  areas: (text, file) => parseAreas(text, { file }),
};

describe('documented bad inputs: the core parsers', () => {
  it.each(BAD_INPUTS)('$name: one InputError with the documented message', (c) => {
    const file = `${c.role}.${c.ext}`;
    let err: unknown = null;
    try {
      PARSE[c.role](c.text, file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe(c.message(file));
  });

  it.each(Object.entries(VALID))('the valid %s file used beside each case parses', (role, v) => {
    expect(() => PARSE[role as Role](v.text, `${role}.${v.ext}`)).not.toThrow();
  });
});

/** The message of the InputError `run` throws ('' when it throws none). */
function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  return '';
}

// Streamed as the browser does: pieces in order, the whole text when the stream cannot read it.
function streamed(text: string, file: string, pieceBytes: number): unknown {
  const bytes = new TextEncoder().encode(text);
  const pieces = Array.from({ length: Math.ceil(bytes.length / pieceBytes) }, (_, k) => bytes.subarray(k * pieceBytes, (k + 1) * pieceBytes));
  try {
    return parsePopulationChunks(pieces, { file });
  } catch (e) {
    if (!(e instanceof StreamFallback)) throw e;
    return parsePopulation(text, { file });
  }
}

describe('documented population bad inputs made big (64 KiB of valid points or blanks first)', () => {
  const FILL = 64 * 2 ** 10; // bytes before the case's own text; the browser test uses over 1 MiB
  it.each(BAD_INPUTS.filter((c) => c.role === 'population'))('$name: the same message, features and lines later, read whole or streamed', (c) => {
    const file = 'population.geojson';
    const big = madeBig(c, FILL);
    expect(big.text.length - c.text.length).toBeGreaterThanOrEqual(FILL);
    const expected = c.message(file, big.before);
    expect(messageOf(() => parsePopulation(big.text, { file }))).toBe(expected);
    // 4099-byte pieces: the case's features straddle piece boundaries somewhere in most files.
    expect(messageOf(() => streamed(big.text, file, 4099))).toBe(expected);
  });
});
