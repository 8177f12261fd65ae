// Binary max-heap of candidate ids keyed by a gain (people). Ties are broken by
// the lower id so that the lazy greedy picks exactly what a plain greedy picks.

/** Max-heap of integer ids ordered by (gain descending, id ascending). */
export class GainHeap {
  private readonly ids: Int32Array;
  private readonly gains: Float64Array;
  private n = 0;

  constructor(capacity: number) {
    this.ids = new Int32Array(capacity);
    this.gains = new Float64Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  /** Adds id with its gain; capacity must not be exceeded. */
  push(id: number, gain: number): void {
    if (this.n >= this.ids.length) throw new RangeError('GainHeap: capacity exceeded');
    let i = this.n++;
    // Sift up.
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(id, gain, this.ids[p], this.gains[p])) break;
      this.ids[i] = this.ids[p];
      this.gains[i] = this.gains[p];
      i = p;
    }
    this.ids[i] = id;
    this.gains[i] = gain;
  }

  /** Id at the top (largest gain, lowest id among equal gains); -1 when empty. */
  topId(): number {
    return this.n > 0 ? this.ids[0] : -1;
  }

  /** Gain stored with the top id. */
  topGain(): number {
    return this.n > 0 ? this.gains[0] : -Infinity;
  }

  /** Removes the top entry. */
  pop(): void {
    if (this.n === 0) return;
    const last = --this.n;
    if (last === 0) return;
    this.siftDown(this.ids[last], this.gains[last]);
  }

  /** Replaces the top entry's gain (the id stays) and restores heap order. */
  updateTop(gain: number): void {
    this.siftDown(this.ids[0], gain);
  }

  private siftDown(id: number, gain: number): void {
    const n = this.n;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n && this.before(this.ids[r], this.gains[r], this.ids[l], this.gains[l])) c = r;
      if (!this.before(this.ids[c], this.gains[c], id, gain)) break;
      this.ids[i] = this.ids[c];
      this.gains[i] = this.gains[c];
      i = c;
    }
    this.ids[i] = id;
    this.gains[i] = gain;
  }

  // True when (idA, gainA) belongs above (idB, gainB).
  private before(idA: number, gainA: number, idB: number, gainB: number): boolean {
    return gainA > gainB || (gainA === gainB && idA < idB);
  }
}
