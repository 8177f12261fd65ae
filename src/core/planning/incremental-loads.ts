// Per-hall loads (capacity.ts) with proposed halls, kept up to date one edit
// at a time: placing, moving or removing a proposed hall changes the
// catchment only of the units within the radius of its old and new place,
// so only those units are looked at, and only the halls that lost or gained
// one are summed again. Each such hall's load is summed over its catchment in
// unit order with the same compensated sum as hallLoads, so every load equals
// a full recomputation (the engine on the halls file with the proposed halls
// appended in id order) exactly.
import { SumAccumulators } from '../coverage/compensated-sum';
import { haversineM } from '../geo/haversine';
import { hallLoads } from '../coverage/capacity';
import type { UnitCells } from '../geo/nearest-hall';
import { UnitList, unitsWithin } from '../geo/units-within';

/** The population units and their search grid (the engine's unit cells; `cos` is unitCosines(lat)). */
export interface LoadUnits {
  lng: Float64Array;
  lat: Float64Array;
  weight: Float64Array;
  cos: Float64Array;
  cells: UnitCells;
}

/** The loaded halls' side of one service: their places and each unit's nearest hall offering it (engine.nearest / nearestHall). */
export interface LoadBase {
  hallLng: Float64Array;
  hallLat: Float64Array;
  nearestM: Float64Array;
  nearestHall: Int32Array; // file position, -1 for none
}

/**
 * Loads of one service at one radius. Hall keys: the loaded halls by file
 * position 0…H-1, a proposed hall with id k as H + k (ids ascend in the order
 * halls were proposed, so a tie goes to the loaded halls, then the earlier
 * proposed one, as if appended to the file in id order).
 */
export class IncrementalLoads {
  private readonly dist: Float64Array; // per unit: distance to its hall, Infinity when out of range
  private readonly who: Int32Array; // per unit: key of its hall, -1 out of range
  private readonly loads = new Map<number, number>(); // hall key → load (loaded halls: all; proposed: placed ones)
  private readonly placed = new Map<number, [number, number]>(); // proposed id → [lng, lat]
  private readonly near = new UnitList();
  private readonly acc = new SumAccumulators(1);
  readonly hallCount: number;

  constructor(
    private readonly units: LoadUnits,
    private readonly base: LoadBase,
    readonly radiusM: number,
  ) {
    const n = units.weight.length;
    this.hallCount = base.hallLng.length;
    this.dist = new Float64Array(n);
    this.who = new Int32Array(n);
    for (let u = 0; u < n; u++) {
      const inRange = base.nearestM[u] <= radiusM;
      this.dist[u] = inRange ? base.nearestM[u] : Infinity;
      this.who[u] = inRange ? base.nearestHall[u] : -1;
    }
    hallLoads(units.weight, base.nearestM, base.nearestHall, radiusM, this.hallCount).forEach((l, h) => this.loads.set(h, l));
  }

  /** Load of a loaded hall (file position). */
  load(hall: number): number {
    return this.loads.get(hall) ?? 0;
  }

  /** Load of a placed proposed hall, 0 if it is not placed. */
  proposedLoad(id: number): number {
    return this.loads.get(this.hallCount + id) ?? 0;
  }

  /** Every hall whose load differs from `before` (same keys), as keys. */
  changedSince(before: ReadonlyMap<number, number>): number[] {
    const out: number[] = [];
    for (const [k, l] of this.loads) if (k < this.hallCount && before.get(k) !== l) out.push(k);
    return out;
  }

  /** A copy of the current loads by key, to compare with later. */
  snapshot(): Map<number, number> {
    return new Map(this.loads);
  }

  /** Place (or move) proposed hall `id` at [lng, lat]; returns the keys of the halls whose catchment changed. */
  set(id: number, lng: number, lat: number): number[] {
    if (!Number.isInteger(id) || id < 0) throw new RangeError(`proposed hall id ${id} is not a whole number >= 0`);
    const touched = new Set<number>();
    if (this.placed.has(id)) this.release(id, touched);
    const key = this.hallCount + id;
    this.placed.set(id, [lng, lat]);
    this.loads.set(key, 0);
    const { units, near } = this;
    const m = unitsWithin(units.cells, units.lng, units.lat, units.cos, lng, lat, this.radiusM, near);
    for (let k = 0; k < m; k++) {
      const u = near.ids[k];
      const d = haversineM(units.lng[u], units.lat[u], lng, lat);
      if (d < this.dist[u] || (d === this.dist[u] && key < this.who[u])) {
        if (this.who[u] >= 0) touched.add(this.who[u]);
        this.dist[u] = d;
        this.who[u] = key;
        touched.add(key);
      }
    }
    this.resum(touched);
    return [...touched];
  }

  /** Remove proposed hall `id` (no-op when not placed); returns the keys of the halls whose catchment changed. */
  remove(id: number): number[] {
    if (!this.placed.has(id)) return [];
    const touched = new Set<number>();
    this.release(id, touched);
    this.resum(touched);
    return [...touched];
  }

  // Take hall `id` out: each of its units goes to the nearest other hall in range (loaded first, then proposed by id).
  private release(id: number, touched: Set<number>): void {
    const key = this.hallCount + id;
    const [lng, lat] = this.placed.get(id)!;
    this.placed.delete(id);
    this.loads.delete(key);
    touched.add(key);
    const { units, near, base, radiusM } = this;
    const others = [...this.placed].sort((a, b) => a[0] - b[0]);
    const m = unitsWithin(units.cells, units.lng, units.lat, units.cos, lng, lat, radiusM, near);
    for (let k = 0; k < m; k++) {
      const u = near.ids[k];
      if (this.who[u] !== key) continue;
      let bestD = base.nearestM[u] <= radiusM ? base.nearestM[u] : Infinity;
      let best = bestD === Infinity ? -1 : base.nearestHall[u];
      for (const [oid, [x, y]] of others) {
        const d = haversineM(units.lng[u], units.lat[u], x, y);
        if (d <= radiusM && d < bestD) {
          bestD = d;
          best = this.hallCount + oid;
        }
      }
      this.dist[u] = bestD;
      this.who[u] = best;
      if (best >= 0) touched.add(best);
    }
    touched.delete(key);
  }

  // Sum each touched hall's catchment anew, in unit order (as hallLoads does).
  private resum(touched: Set<number>): void {
    const { units, near, acc } = this;
    for (const key of touched) {
      if (key >= this.hallCount && !this.placed.has(key - this.hallCount)) continue;
      const [lng, lat] = key < this.hallCount ? [this.base.hallLng[key], this.base.hallLat[key]] : this.placed.get(key - this.hallCount)!;
      const m = unitsWithin(units.cells, units.lng, units.lat, units.cos, lng, lat, this.radiusM, near);
      const ids = near.ids.subarray(0, m).sort();
      acc.reset();
      for (const u of ids) if (this.who[u] === key) acc.add(0, units.weight[u]);
      this.loads.set(key, acc.value(0));
    }
  }
}
