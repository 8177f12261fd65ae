// Largest-remainder (Hamilton) rounding: integers that sum exactly to a total.

/** Scale non-negative weights to integers summing exactly to `total`; ties go to the lower index. */
export function largestRemainder(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (!(sum > 0)) throw new Error('largestRemainder: weights must have a positive sum');
  const exact = weights.map((w) => (w / sum) * total);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, v) => s + v, 0);
  const order = exact.map((v, i) => ({ i, frac: v - Math.floor(v) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) out[order[k].i] += 1;
  return out;
}
