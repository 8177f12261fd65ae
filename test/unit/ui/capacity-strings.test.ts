import { describe, expect, it } from 'vitest';
import { CAPACITY_STRINGS } from '../../../src/ui/planning/capacity-strings';

// Every string, with functions called on a sample argument.
function texts(o: object): [string, string][] {
  return Object.entries(o).flatMap(([k, v]): [string, string][] =>
    typeof v === 'string' ? [[k, v]] : typeof v === 'function' ? [[k, String(v('X', 'Y'))]] : texts(v as object).map(([kk, t]) => [`${k}.${kk}`, t]),
  );
}

describe('capacity strings', () => {
  it('translates every text: Chinese characters in each Chinese one, none in the English ones', () => {
    for (const [k, v] of texts(CAPACITY_STRINGS.zh)) expect(/\p{Script=Han}/u.test(v), `zh.${k}`).toBe(true);
    for (const [k, v] of texts(CAPACITY_STRINGS.en)) expect(/\p{Script=Han}/u.test(v), `en.${k}`).toBe(false);
  });
});
