// The parent of each area of a further level (e.g. a community): the
// first-level area (e.g. a subdistrict) holding the largest part of its
// people. Levels need not nest, so this is decided by people, not geometry.
import { SumAccumulators } from './compensated-sum';

/**
 * For each fine area f in 0..fineCount-1: the coarse area (index into the
 * first level, file order) whose units hold most of f's weight, ties going to
 * the first in file order; -1 when no coarse area holds any of it (f has no
 * people, or all of them lie outside every coarse area). Units with a fine or
 * coarse area of -1 (outside) never decide a parent.
 */
export function levelParents(fineArea: Int32Array, fineCount: number, coarseArea: Int32Array, coarseCount: number, weight: Float64Array): Int32Array {
  // Compensated sums, so whole people compare exactly whatever the unit order.
  const acc = new SumAccumulators(fineCount * coarseCount);
  for (let i = 0; i < weight.length; i++) {
    const f = fineArea[i];
    const c = coarseArea[i];
    if (f >= 0 && c >= 0 && weight[i] > 0) acc.add(f * coarseCount + c, weight[i]);
  }
  const out = new Int32Array(fineCount).fill(-1);
  for (let f = 0; f < fineCount; f++) {
    let best = 0;
    for (let c = 0; c < coarseCount; c++) {
      const v = acc.value(f * coarseCount + c);
      if (v > best) {
        best = v;
        out[f] = c;
      }
    }
  }
  return out;
}
