// Population-weighted quantiles of a per-unit value (distance to the nearest
// hall), per group (area) and over all groups, in linear time: a histogram
// finds the bucket where each quantile falls, and only the units of that
// bucket are sorted to pick the exact value.

export interface Quantiles {
  p50: number;
  p90: number;
  max: number;
}

const BUCKETS = 4096;
// A quantile is reached when the cumulative weight is within this relative
// slack of its share of the total, so summation order cannot move it.
const SLACK = 1 - 1e-12;
const QS = [0.5, 0.9] as const;

/**
 * For each group g in 0..groups-1, then for all groups together (entry
 * `groups`): the smallest value v such that the units with value <= v hold at
 * least 50% (p50) / 90% (p90) of the weight, and the largest value among
 * units with weight > 0 (max). Units with group < 0 or weight <= 0 are
 * skipped. A group with no weight gets 0 everywhere. Values may be Infinity.
 */
export function weightedQuantiles(value: Float64Array, weight: Float64Array, group: Int32Array, groups: number): Quantiles[] {
  const n = value.length;
  const G = groups + 1; // last slot: all groups
  let top = 0;
  for (let i = 0; i < n; i++) if (group[i] >= 0 && weight[i] > 0 && value[i] !== Infinity && value[i] > top) top = value[i];
  const B = BUCKETS + 1; // last bucket holds Infinity
  const bucket = (v: number) => (v === Infinity ? BUCKETS : top > 0 ? Math.min(BUCKETS - 1, Math.floor((v / top) * BUCKETS)) : 0);
  const hist = new Float64Array(G * B);
  const total = new Float64Array(G);
  const out: Quantiles[] = Array.from({ length: G }, () => ({ p50: 0, p90: 0, max: 0 }));
  for (let i = 0; i < n; i++) {
    const g = group[i];
    const w = weight[i];
    if (g < 0 || !(w > 0)) continue;
    const b = bucket(value[i]);
    hist[g * B + b] += w;
    hist[groups * B + b] += w;
    total[g] += w;
    total[groups] += w;
    if (value[i] > out[g].max) out[g].max = value[i];
    if (value[i] > out[groups].max) out[groups].max = value[i];
  }
  // Bucket and weight before it, per (group, quantile).
  const want: { g: number; q: number; b: number; before: number; units: number[] }[] = [];
  for (let g = 0; g < G; g++) {
    if (!(total[g] > 0)) continue;
    for (let q = 0; q < QS.length; q++) {
      const target = QS[q] * total[g] * SLACK;
      let cum = 0;
      let b = 0;
      // Empty buckets are skipped even when the target is 0 (a total so small
      // that q * total underflows): the quantile is always some unit's value.
      while (b < B - 1 && (hist[g * B + b] === 0 || cum + hist[g * B + b] < target)) cum += hist[g * B + b++];
      want.push({ g, q, b, before: cum, units: [] });
    }
  }
  const byKey = new Map<number, typeof want>();
  const wanted = new Uint8Array(G * B); // flags, so most units skip the map
  for (const w of want) {
    const list = byKey.get(w.g * B + w.b);
    if (list) list.push(w);
    else byKey.set(w.g * B + w.b, [w]);
    wanted[w.g * B + w.b] = 1;
  }
  for (let i = 0; i < n; i++) {
    const g = group[i];
    if (g < 0 || !(weight[i] > 0)) continue;
    const b = bucket(value[i]);
    if (wanted[g * B + b]) for (const w of byKey.get(g * B + b)!) w.units.push(i);
    if (wanted[groups * B + b]) for (const w of byKey.get(groups * B + b)!) w.units.push(i);
  }
  for (const w of want) {
    w.units.sort((a, b) => value[a] - value[b] || a - b);
    const target = QS[w.q] * total[w.g] * SLACK;
    let cum = w.before;
    let v = value[w.units[w.units.length - 1]];
    for (const i of w.units) {
      cum += weight[i];
      if (cum >= target) {
        v = value[i];
        break;
      }
    }
    if (w.q === 0) out[w.g].p50 = v;
    else out[w.g].p90 = v;
  }
  return out;
}
