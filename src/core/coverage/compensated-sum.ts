// Neumaier-compensated sums: the result is within about one rounding of the
// exact sum of the addends whatever their order, so totals built from
// different groupings (areas, gap zones) agree to ~1e-16 relative, and sums of
// integer populations (below 2^53) are exact.

/** Compensated sum of the given numbers. */
export function compensatedSum(values: Iterable<number>): number {
  const acc = new SumAccumulators(1);
  for (const v of values) acc.add(0, v);
  return acc.value(0);
}

/** Many independent compensated sums in flat typed arrays (one slot per key). */
export class SumAccumulators {
  private readonly sum: Float64Array;
  private readonly comp: Float64Array;
  constructor(slots: number) {
    this.sum = new Float64Array(slots);
    this.comp = new Float64Array(slots);
  }
  add(slot: number, x: number): void {
    const s = this.sum[slot];
    const t = s + x;
    this.comp[slot] += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    this.sum[slot] = t;
  }
  /** One slot back to 0. */
  clear(slot: number): void {
    this.sum[slot] = 0;
    this.comp[slot] = 0;
  }
  /** Every slot back to 0. */
  reset(): void {
    this.sum.fill(0);
    this.comp.fill(0);
  }
  value(slot: number): number {
    return this.sum[slot] + this.comp[slot];
  }
}
