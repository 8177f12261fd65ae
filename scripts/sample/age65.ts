// Modelled count of residents aged 65 and over per population cell. The
// repository's source data has no age breakdown, so the district share is an
// ASSUMPTION (AGE65_SHARE), not a census figure; cells vary around it with
// seeded noise so a group's coverage can differ from everyone's.
import { largestRemainder } from './largest-remainder.ts';
import { mulberry32 } from './prng.ts';

/** Assumed share of residents aged 65+ (a young, migrant-heavy district); not from the source data. */
export const AGE65_SHARE = 0.04;
const NOISE = 0.6; // sd of the log-normal cell factor

/** Per cell, people aged 65+: integers ≤ the cell's people, summing to round(share × total). */
export function makeAge65(people: readonly number[], seed: number): number[] {
  const rand = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const total = people.reduce((s, v) => s + v, 0);
  // Factor capped at 1 / share so no cell's weight exceeds its people.
  const weights = people.map((p) => p * Math.min(1 / AGE65_SHARE, Math.exp(NOISE * gauss())));
  const out = largestRemainder(weights, Math.round(AGE65_SHARE * total));
  out.forEach((v, i) => {
    if (v > people[i]) throw new Error(`make-sample: cell ${i}: ${v} aged 65+ of ${people[i]} people`);
  });
  return out;
}
