// What-if coverage: add, move or remove proposed halls and read covered people
// per service and per area after each step without recomputing everything.
//
// Per unit and service we keep how many halls offering that service lie within
// radiusM (haversine, <= counts). A hall change touches only the units within
// radiusM of its old and new position. Totals are NOT kept as running sums of
// +/- deltas, which would drift in floating point over long edit sequences.
// Units are grouped into small blocks (one area per block, spatially compact);
// a touched block's covered sum is recomputed from the unit counts, in a fixed
// unit order, when next read, and an area's total is the sum of its blocks in a
// fixed order, all with Neumaier-compensated sums. So every total is a pure
// function of the current halls: the same halls give bit-identical numbers
// whatever edits led there; they are within about one rounding of the exact
// sum, like CoverageEngine.stats (exact for integer populations below 2^53).
import KDBush from 'kdbush';
import { haversineM, radiusBoxes } from '../geo/haversine';
import { ALL_KEY } from '../services';

/** Population units with their area index (-1 = outside every area). */
export interface CoverageUnits {
  lng: Float64Array; // degrees, WGS84
  lat: Float64Array; // degrees, WGS84
  weight: Float64Array; // people
  area: Int32Array; // 0..areaCount-1, or -1
}

/** One hall: position and the services it offers (others than the tracked ones are ignored). */
export interface WhatIfHall {
  lng: number; // degrees, WGS84
  lat: number; // degrees, WGS84
  services: readonly string[];
}

/** Initial halls, HallSet-like: ids 0..count-1 in this order. */
export interface CoverageHalls {
  lng: ArrayLike<number>;
  lat: ArrayLike<number>;
  services: readonly (readonly string[])[];
}

// Units per block: small enough that recomputing a touched block is cheap,
// large enough that summing an area's blocks is cheap (200k units -> ~3k blocks).
const BLOCK = 64;

/**
 * Coverage under hall edits, updated incrementally; totals per service, per
 * area, and for 'all' match a from-scratch computation.
 * @example const cov = new IncrementalCoverage(units, halls, ['petition'], 500, 6);
 * cov.moveHall(3, 113.93, 22.75); cov.covered('petition');
 */
export class IncrementalCoverage {
  readonly services: readonly string[];
  readonly radiusM: number;
  /** Areas 0..areaCount-1; per-area arrays have one more slot, last = outside every area. */
  readonly areaCount: number;

  private readonly units: CoverageUnits;
  private readonly index: KDBush;
  /** counts[s][u] = halls offering service s within radiusM of unit u. */
  private readonly counts: Uint32Array[];
  private readonly blockStart: Int32Array; // CSR over blockUnits
  private readonly blockUnits: Int32Array;
  private readonly blockOf: Int32Array; // unit -> block
  private readonly blockArea: Int32Array; // block -> area bucket
  private readonly areaBlockStart: Int32Array; // area bucket -> first block; blocks of an area are contiguous
  // Index k = services.length holds 'all'.
  private readonly blockSum: Float64Array[];
  private readonly blockDirty: Uint8Array[];
  private readonly dirtyBlocks: number[][];
  private readonly areaSum: Float64Array[];
  private readonly areaPop: Float64Array;

  private readonly hallLng: number[] = [];
  private readonly hallLat: number[] = [];
  private readonly hallSvc: (number[] | null)[] = []; // tracked service indices; null = removed

  constructor(units: CoverageUnits, halls: CoverageHalls, services: readonly string[], radiusM: number, areaCount: number) {
    const n = units.lng.length;
    if (units.lat.length !== n || units.weight.length !== n || units.area.length !== n) {
      throw new RangeError('IncrementalCoverage: unit arrays differ in length');
    }
    if (!(Number.isFinite(radiusM) && radiusM >= 0)) throw new RangeError(`IncrementalCoverage: radiusM must be >= 0, got ${radiusM}`);
    if (!(Number.isInteger(areaCount) && areaCount >= 0)) throw new RangeError(`IncrementalCoverage: bad areaCount ${areaCount}`);
    if (services.length === 0) throw new RangeError('IncrementalCoverage: at least one service is needed');
    if (new Set(services).size !== services.length || services.includes(ALL_KEY)) {
      throw new RangeError(`IncrementalCoverage: services must be distinct and not "${ALL_KEY}"`);
    }
    this.units = units;
    this.services = [...services];
    this.radiusM = radiusM;
    this.areaCount = areaCount;

    const buckets = areaCount + 1;
    const bucketOf = (u: number): number => {
      const a = units.area[u];
      if (a === -1) return areaCount;
      if (!(Number.isInteger(a) && a >= 0 && a < areaCount)) throw new RangeError(`IncrementalCoverage: unit ${u} has area ${a}, outside 0..${areaCount - 1}`);
      return a;
    };

    this.index = new KDBush(n);
    for (let u = 0; u < n; u++) this.index.add(units.lng[u], units.lat[u]);
    this.index.finish();

    // Blocks: units of each area in kd-tree order (spatially coherent), cut every BLOCK units.
    const perBucket = new Int32Array(buckets);
    for (let u = 0; u < n; u++) perBucket[bucketOf(u)]++;
    this.areaBlockStart = new Int32Array(buckets + 1);
    for (let a = 0; a < buckets; a++) this.areaBlockStart[a + 1] = this.areaBlockStart[a] + Math.ceil(perBucket[a] / BLOCK);
    const blocks = this.areaBlockStart[buckets];
    const unitStart = new Int32Array(buckets + 1);
    for (let a = 0; a < buckets; a++) unitStart[a + 1] = unitStart[a] + perBucket[a];
    this.blockUnits = new Int32Array(n);
    const fill = unitStart.slice(0, buckets);
    for (let j = 0; j < n; j++) {
      const u = this.index.ids[j];
      this.blockUnits[fill[bucketOf(u)]++] = u;
    }
    this.blockStart = new Int32Array(blocks + 1);
    this.blockArea = new Int32Array(blocks);
    for (let a = 0; a < buckets; a++) {
      for (let b = this.areaBlockStart[a]; b < this.areaBlockStart[a + 1]; b++) {
        this.blockStart[b] = unitStart[a] + (b - this.areaBlockStart[a]) * BLOCK;
        this.blockArea[b] = a;
      }
    }
    this.blockStart[blocks] = n;
    this.blockOf = new Int32Array(n);
    for (let b = 0; b < blocks; b++) {
      for (let j = this.blockStart[b]; j < this.blockStart[b + 1]; j++) this.blockOf[this.blockUnits[j]] = b;
    }

    const k = this.services.length;
    this.counts = this.services.map(() => new Uint32Array(n));
    this.blockSum = Array.from({ length: k + 1 }, () => new Float64Array(blocks));
    this.blockDirty = Array.from({ length: k + 1 }, () => new Uint8Array(blocks));
    this.dirtyBlocks = Array.from({ length: k + 1 }, () => []);
    this.areaSum = Array.from({ length: k + 1 }, () => new Float64Array(buckets));
    this.areaPop = new Float64Array(buckets);
    for (let a = 0; a < buckets; a++) this.areaPop[a] = this.sumArea(a, (b) => this.sumBlock(b, () => true));

    if (halls.lat.length !== halls.lng.length || halls.services.length !== halls.lng.length) {
      throw new RangeError('IncrementalCoverage: hall arrays differ in length');
    }
    for (let h = 0; h < halls.lng.length; h++) this.store({ lng: halls.lng[h], lat: halls.lat[h], services: halls.services[h] });
    this.rebuild();
  }

  /** Adds a hall and returns its id (ids are never reused). */
  addHall(hall: WhatIfHall): number {
    const id = this.store(hall);
    this.apply(hall.lng, hall.lat, this.hallSvc[id]!, 1);
    return id;
  }

  /** Moves hall `id` to a new position; touches units near the old and new positions only. */
  moveHall(id: number, lng: number, lat: number): void {
    checkPoint(lng, lat);
    const svc = this.live(id);
    this.apply(this.hallLng[id], this.hallLat[id], svc, -1);
    this.hallLng[id] = lng;
    this.hallLat[id] = lat;
    this.apply(lng, lat, svc, 1);
  }

  /** Changes which services hall `id` offers. */
  setHallServices(id: number, services: readonly string[]): void {
    const old = this.live(id);
    this.apply(this.hallLng[id], this.hallLat[id], old, -1);
    const svc = this.trackedIndices(services);
    this.hallSvc[id] = svc;
    this.apply(this.hallLng[id], this.hallLat[id], svc, 1);
  }

  /** Removes hall `id`. */
  removeHall(id: number): void {
    const svc = this.live(id);
    this.apply(this.hallLng[id], this.hallLat[id], svc, -1);
    this.hallSvc[id] = null;
  }

  /** The hall with this id, or undefined when removed or unknown. */
  hall(id: number): WhatIfHall | undefined {
    const svc = this.hallSvc[id];
    if (!svc) return undefined;
    return { lng: this.hallLng[id], lat: this.hallLat[id], services: svc.map((i) => this.services[i]) };
  }

  /** Ids of the halls present now, ascending. */
  hallIds(): number[] {
    const ids: number[] = [];
    this.hallSvc.forEach((s, id) => {
      if (s) ids.push(id);
    });
    return ids;
  }

  /** People covered for a tracked service, or for 'all' (every tracked service). */
  covered(service: string): number {
    const sums = this.coveredByArea(service);
    return this.sumOf(0, sums.length, (a) => sums[a]);
  }

  /** People covered per area (index areaCount = outside every area); a fresh copy. */
  coveredByArea(service: string): Float64Array {
    const s = this.serviceIndex(service);
    this.flush(s);
    return this.areaSum[s].slice();
  }

  /** People per area (index areaCount = outside every area); a fresh copy. */
  populationByArea(): Float64Array {
    return this.areaPop.slice();
  }

  /** Halls offering `service` within radiusM of unit u. */
  hallsInReach(service: string, u: number): number {
    const s = this.serviceIndex(service);
    if (s === this.services.length) throw new RangeError(`IncrementalCoverage: hallsInReach needs one service, not "${ALL_KEY}"`);
    return this.counts[s][u];
  }

  /** Per unit, 1 = covered for the service (or 'all'). */
  coveredMask(service: string): Uint8Array {
    const s = this.serviceIndex(service);
    const n = this.units.lng.length;
    const mask = new Uint8Array(n);
    for (let u = 0; u < n; u++) mask[u] = this.isCovered(s, u) ? 1 : 0;
    return mask;
  }

  /** Recomputes all counts and totals from the current halls (the from-scratch path). */
  rebuild(): void {
    for (const c of this.counts) c.fill(0);
    this.hallSvc.forEach((svc, id) => {
      if (svc)
        this.forUnitsInReach(this.hallLng[id], this.hallLat[id], (u) => {
          for (const s of svc) this.counts[s][u]++;
        });
    });
    const blocks = this.blockArea.length;
    for (let s = 0; s <= this.services.length; s++) {
      this.blockDirty[s].fill(0);
      this.dirtyBlocks[s].length = 0;
      for (let b = 0; b < blocks; b++) this.blockSum[s][b] = this.sumBlock(b, (u) => this.isCovered(s, u));
      for (let a = 0; a <= this.areaCount; a++) this.areaSum[s][a] = this.sumArea(a, (b) => this.blockSum[s][b]);
    }
  }

  private store(hall: WhatIfHall): number {
    checkPoint(hall.lng, hall.lat);
    this.hallLng.push(hall.lng);
    this.hallLat.push(hall.lat);
    this.hallSvc.push(this.trackedIndices(hall.services));
    return this.hallSvc.length - 1;
  }

  private trackedIndices(services: readonly string[]): number[] {
    const svc: number[] = [];
    this.services.forEach((s, i) => {
      if (services.includes(s)) svc.push(i);
    });
    return svc;
  }

  private apply(lng: number, lat: number, svc: readonly number[], delta: 1 | -1): void {
    if (svc.length === 0) return;
    const all = this.services.length;
    this.forUnitsInReach(lng, lat, (u) => {
      for (const s of svc) {
        const before = this.counts[s][u];
        this.counts[s][u] = before + delta;
        // Only a 0 <-> 1 change alters who is covered.
        if (before === 0 || before + delta === 0) {
          this.markDirty(s, this.blockOf[u]);
          this.markDirty(all, this.blockOf[u]);
        }
      }
    });
  }

  private forUnitsInReach(lng: number, lat: number, f: (u: number) => void): void {
    const { lng: ul, lat: ut } = this.units;
    for (const [x0, y0, x1, y1] of radiusBoxes(lng, lat, this.radiusM)) {
      for (const u of this.index.range(x0, y0, x1, y1)) {
        // Unit first, hall second: the same rounding as the coverage engine's test.
        if (haversineM(ul[u], ut[u], lng, lat) <= this.radiusM) f(u);
      }
    }
  }

  private markDirty(s: number, b: number): void {
    if (this.blockDirty[s][b]) return;
    this.blockDirty[s][b] = 1;
    this.dirtyBlocks[s].push(b);
  }

  // Brings block and area sums of service index s up to date.
  private flush(s: number): void {
    const list = this.dirtyBlocks[s];
    if (list.length === 0) return;
    const areas = new Set<number>();
    for (const b of list) {
      this.blockDirty[s][b] = 0;
      this.blockSum[s][b] = this.sumBlock(b, (u) => this.isCovered(s, u));
      areas.add(this.blockArea[b]);
    }
    list.length = 0;
    for (const a of areas) this.areaSum[s][a] = this.sumArea(a, (b) => this.blockSum[s][b]);
  }

  private isCovered(s: number, u: number): boolean {
    if (s < this.services.length) return this.counts[s][u] > 0;
    for (const c of this.counts) if (c[u] === 0) return false;
    return true;
  }

  private sumBlock(b: number, take: (u: number) => boolean): number {
    const w = this.units.weight;
    const units = this.blockUnits;
    return this.sumOf(this.blockStart[b], this.blockStart[b + 1], (j) => (take(units[j]) ? w[units[j]] : 0));
  }

  private sumArea(a: number, blockValue: (b: number) => number): number {
    return this.sumOf(this.areaBlockStart[a], this.areaBlockStart[a + 1], blockValue);
  }

  // Neumaier-compensated sum of value(i) for i in [from, to), in that order.
  private sumOf(from: number, to: number, value: (i: number) => number): number {
    let s = 0;
    let c = 0;
    for (let i = from; i < to; i++) {
      const x = value(i);
      const t = s + x;
      c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
      s = t;
    }
    return s + c;
  }

  private serviceIndex(service: string): number {
    if (service === ALL_KEY) return this.services.length;
    const s = this.services.indexOf(service);
    if (s < 0) throw new RangeError(`IncrementalCoverage: service "${service}" is not tracked (${this.services.join(', ')})`);
    return s;
  }

  private live(id: number): number[] {
    const svc = Number.isInteger(id) ? this.hallSvc[id] : undefined;
    if (!svc) throw new RangeError(`IncrementalCoverage: no hall with id ${id}`);
    return svc;
  }
}

function checkPoint(lng: number, lat: number): void {
  if (!(Math.abs(lng) <= 180 && Math.abs(lat) <= 90)) {
    throw new RangeError(`IncrementalCoverage: hall position [${lng}, ${lat}] is not a valid lng/lat`);
  }
}
