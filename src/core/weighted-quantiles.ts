// Population-weighted quantiles of a per-unit value (distance to the nearest
// hall), per group (area), in one pass over the units sorted by value.

export interface Quantiles {
  p50: number;
  p90: number;
  max: number;
}

/**
 * For each group g in 0..groups-1, the smallest value v such that the units
 * of g with value <= v hold at least 50% (p50) / 90% (p90) of g's weight, and
 * the largest value among units of g with weight > 0 (max). Units with
 * group < 0 are skipped. A group with no weight gets 0 everywhere.
 * Values may be Infinity (no hall offers the service).
 */
export function weightedQuantiles(value: Float64Array, weight: Float64Array, group: Int32Array, groups: number): Quantiles[] {
  const n = value.length;
  // Sort the values natively (fast), then place each unit by its value's rank:
  // a counting sort by rank orders units by value without a comparator sort.
  const sorted = Float64Array.from(value).sort();
  const rank = new Int32Array(n);
  const bucket = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    let lo = 0, hi = n - 1;
    const v = value[i];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    rank[i] = lo;
    bucket[lo + 1]++;
  }
  for (let r = 0; r < n; r++) bucket[r + 1] += bucket[r];
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[bucket[rank[i]]++] = i;

  const total = new Float64Array(groups);
  for (let i = 0; i < n; i++) if (group[i] >= 0) total[group[i]] += weight[i];
  const cum = new Float64Array(groups);
  const out: Quantiles[] = Array.from({ length: groups }, () => ({ p50: NaN, p90: NaN, max: 0 }));
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const g = group[i];
    if (g < 0 || !(weight[i] > 0)) continue;
    cum[g] += weight[i];
    const q = out[g];
    // Compare in the same summation order as `total` would not be guaranteed,
    // so allow a relative 1e-12 slack: p90 is reached when 90% of people are.
    if (Number.isNaN(q.p50) && cum[g] >= 0.5 * total[g] * (1 - 1e-12)) q.p50 = value[i];
    if (Number.isNaN(q.p90) && cum[g] >= 0.9 * total[g] * (1 - 1e-12)) q.p90 = value[i];
    q.max = value[i];
  }
  for (const q of out) {
    if (Number.isNaN(q.p50)) q.p50 = 0;
    if (Number.isNaN(q.p90)) q.p90 = 0;
  }
  return out;
}
