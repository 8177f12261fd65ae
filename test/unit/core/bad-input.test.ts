// Every documented bad-input case ends in one InputError whose message is
// exactly the line docs/robustness.md shows (one case per row of the table).
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/input-error.ts';
import { parseAreas } from '../../../src/core/parse-areas.ts';
import { parseHalls } from '../../../src/core/parse-halls.ts';
import { parsePopulation } from '../../../src/core/parse-population.ts';
import { BAD_INPUTS, VALID, type Role } from '../helpers/bad-inputs.ts';

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
    const expected = c.message(file);
    if (typeof expected === 'string') expect((err as Error).message).toBe(expected);
    else expect((err as Error).message).toMatch(expected);
  });

  it.each(Object.entries(VALID))('the valid %s file used beside each case parses', (role, v) => {
    expect(() => PARSE[role as Role](v.text, `${role}.${v.ext}`)).not.toThrow();
  });
});
