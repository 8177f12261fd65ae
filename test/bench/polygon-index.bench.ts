// PolygonIndex point tests: sorted slabs (src/core/geo/polygon-index.ts) against
// the band-only index it replaced (BaselineIndex below, a verbatim copy),
// measured in the same run on the same seeded inputs:
//   zigzag          100 000 vertices, every edge across the whole height (2 MiB)
//   jittered zigzag the same with tops and bottoms at 200 latitudes each
//                   (0.0002 degree), so only the tallest vertex-free slabs fit
//                   the entry budget
//   spread zigzag   tips at 2 000 latitudes over 0.025 degree each side: the
//                   slabs there hold ~all edges each, far past the budget, so
//                   points there still scan (the weak spot left)
//   sample areas    public/geo/areas.geojson (7 subdistricts)
// For each: build time, stored entries (band + slab), sampling as a population
// polygon (zigzags; 100 x 100 grid as samplePolygon does), assigning units to
// it as an area, and that both indexes gave identical answers.
// Run: npx tsx test/bench/polygon-index.bench.ts [units]
// Prints times and ratios; asserts nothing (timings depend on the machine).
// The baseline scans every edge of a zigzag per point, so on zigzags it is
// timed on the first BASELINE_UNITS units only and its time per unit compared.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { assignAreas } from '../../src/core/geo/assign-areas';
import { detSign } from '../../src/core/geo/exact-sign';
import { PolygonIndex, type PolygonParts } from '../../src/core/geo/polygon-index';
import { samplePolygon } from '../../src/core/geo/polygon-sampling';
import { mulberry32 } from '../../scripts/sample/prng';

const UNITS = Number(process.argv[2] ?? 200_000);
const BASELINE_UNITS = 10_000;
const ROOT = resolve(import.meta.dirname, '../..');

interface Tester {
  contains(x: number, y: number): boolean;
}

// The band-only PolygonIndex before sorted slabs, kept verbatim as the baseline.
class BaselineIndex {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  private readonly ex1: Float64Array;
  private readonly ey1: Float64Array;
  private readonly ex2: Float64Array;
  private readonly ey2: Float64Array;
  private readonly part: Int32Array; // polygon part of each edge (parity is per part)
  private readonly partCount: number;
  private readonly bandStart: Int32Array;
  private readonly bandEdges: Int32Array;
  private readonly bandH: number; // degrees of latitude per band
  private readonly parity: Uint8Array;

  constructor(parts: PolygonParts) {
    const e: number[][] = [];
    parts.forEach((rings, p) => {
      for (const ring of rings) {
        for (let k = 0; k + 1 < ring.length; k++) {
          const [x1, y1] = ring[k];
          const [x2, y2] = ring[k + 1];
          if (x1 !== x2 || y1 !== y2) e.push([x1, y1, x2, y2, p]);
        }
        // Tolerate unclosed rings: close them implicitly.
        const a = ring[ring.length - 1];
        const b = ring[0];
        if (a[0] !== b[0] || a[1] !== b[1]) e.push([a[0], a[1], b[0], b[1], p]);
      }
    });
    const n = e.length;
    this.ex1 = Float64Array.from(e, (v) => v[0]);
    this.ey1 = Float64Array.from(e, (v) => v[1]);
    this.ex2 = Float64Array.from(e, (v) => v[2]);
    this.ey2 = Float64Array.from(e, (v) => v[3]);
    this.part = Int32Array.from(e, (v) => v[4]);
    this.partCount = parts.length;
    this.parity = new Uint8Array(parts.length);
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      minX = Math.min(minX, this.ex1[i], this.ex2[i]);
      maxX = Math.max(maxX, this.ex1[i], this.ex2[i]);
      minY = Math.min(minY, this.ey1[i], this.ey2[i]);
      maxY = Math.max(maxY, this.ey1[i], this.ey2[i]);
    }
    [this.minX, this.minY, this.maxX, this.maxY] = [minX, minY, maxX, maxY];
    // Each edge is listed in every band its y-range touches: about
    // n + bands * (sum of edge heights) / (total height) entries. Real outlines
    // have edges short against the whole, but a hostile zigzag whose every edge
    // spans the full height would cost n * bands entries (100 000 vertices:
    // 1.6 GB), so the band count is capped to keep entries under ~16 n.
    let spanSum = 0;
    for (let i = 0; i < n; i++) spanSum += Math.abs(this.ey2[i] - this.ey1[i]);
    const height = maxY - minY;
    const budget = spanSum > 0 && height > 0 ? Math.floor((15 * n * height) / spanSum) : Infinity;
    const bands = Math.max(1, Math.min(4096, Math.ceil(n / 4), budget));
    this.bandH = (maxY - minY) / bands || 1;
    // Counting sort of edges into every band their closed y-range touches.
    const lo = new Int32Array(n);
    const hi = new Int32Array(n);
    const count = new Int32Array(bands + 1);
    for (let i = 0; i < n; i++) {
      lo[i] = this.band(Math.min(this.ey1[i], this.ey2[i]), bands);
      hi[i] = this.band(Math.max(this.ey1[i], this.ey2[i]), bands);
      for (let b = lo[i]; b <= hi[i]; b++) count[b + 1]++;
    }
    for (let b = 0; b < bands; b++) count[b + 1] += count[b];
    this.bandStart = count.slice();
    this.bandEdges = new Int32Array(count[bands]);
    const fill = count.slice();
    for (let i = 0; i < n; i++) for (let b = lo[i]; b <= hi[i]; b++) this.bandEdges[fill[b]++] = i;
  }

  // Monotone in y, so an edge whose closed y-range holds y is always listed in
  // band(y): band(ylo) <= band(y) <= band(yhi).
  private band(y: number, bands: number): number {
    const b = Math.floor((y - this.minY) / this.bandH);
    return b < 0 ? 0 : b >= bands ? bands - 1 : b;
  }

  /**
   * True when (x, y) is inside or on the boundary (degrees). Per edge this is
   * the rule of point-in-polygon-hao (what turf.booleanPointInPolygon uses),
   * with an exact orientation sign, so both agree on every boundary point.
   */
  contains(x: number, y: number): boolean {
    if (x < this.minX || x > this.maxX || y < this.minY || y > this.maxY) return false;
    const b = this.band(y, this.bandStart.length - 1);
    const parity = this.parity;
    parity.fill(0);
    for (let k = this.bandStart[b]; k < this.bandStart[b + 1]; k++) {
      const i = this.bandEdges[k];
      const u1 = this.ex1[i] - x,
        v1 = this.ey1[i] - y,
        u2 = this.ex2[i] - x,
        v2 = this.ey2[i] - y;
      if (v1 === 0 && v2 === 0) {
        // Horizontal edge at the point's latitude: on it, or irrelevant.
        if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return true;
      } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
        const f = detSign(u2, u1, v2, v1); // sign of u2*v1 - u1*v2
        if (f === 0) return true; // on the edge
        if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) parity[this.part[i]] ^= 1;
      }
    }
    for (let p = 0; p < this.partCount; p++) if (parity[p] === 1) return true;
    return false;
  }
}

/** Zigzag of n vertices over 0.1 degree of longitude, teeth 0.1 degree tall, on a base 0.1 degree below; tips at `levels` latitudes `step` degrees apart. */
function zigzag(n: number, levels: number, step = 1e-6): PolygonParts {
  const ring: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const j = (i % levels) * step; // degrees
    ring.push([round6(113.9 + i * 1e-6), round6(i % 2 === 0 ? 22.7 - j : 22.8 + j)]);
  }
  ring.push([round6(113.9 + n * 1e-6), 22.6], [113.9, 22.6], ring[0]);
  return [[ring]];
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, (performance.now() - t) / 1000];
}

// The samplePolygon grid (cell centres of a side x side grid over the bbox), with either index.
function gridInside(index: Tester & { minX: number; minY: number; maxX: number; maxY: number }, side: number): number {
  const dx = (index.maxX - index.minX) / side;
  const dy = (index.maxY - index.minY) / side;
  let inside = 0;
  for (let j = 0; j < side; j++) for (let i = 0; i < side; i++) if (index.contains(index.minX + (i + 0.5) * dx, index.minY + (j + 0.5) * dy)) inside++;
  return inside;
}

function randomUnits(count: number, box: [number, number, number, number], seed: number): [Float64Array, Float64Array] {
  const rnd = mulberry32(seed);
  const lng = new Float64Array(count);
  const lat = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    lng[i] = round6(box[0] + rnd() * (box[2] - box[0]));
    lat[i] = round6(box[1] + rnd() * (box[3] - box[1]));
  }
  return [lng, lat];
}

function assignWith(lng: Float64Array, lat: Float64Array, indexes: Tester[], count = lng.length): Int32Array {
  const out = new Int32Array(count).fill(-1);
  for (let i = 0; i < count; i++)
    for (let a = 0; a < indexes.length; a++)
      if (indexes[a].contains(lng[i], lat[i])) {
        out[i] = a;
        break;
      }
  return out;
}

const sameOn = (a: Int32Array, b: Int32Array) => b.every((v, i) => a[i] === v);
const f2 = (s: number) => (s < 0.01 ? `${(s * 1000).toFixed(2)} ms` : `${s.toFixed(2)} s`);
const row = (label: string, base: number, fast: number, note = '') =>
  console.log(`${label.padEnd(44)} baseline ${f2(base).padStart(10)}   slabs ${f2(fast).padStart(10)}   ${(base / fast).toFixed(1).padStart(7)}x ${note}`);

function entries(index: PolygonIndex | BaselineIndex): string {
  const band = (index as unknown as { bandEdges: Int32Array }).bandEdges.length;
  const slab = index instanceof PolygonIndex ? (index.slabs?.entries ?? 0) : 0;
  return `${band} band + ${slab} slab entries, ${((band * 4 + slab * 8) / 2 ** 20).toFixed(1)} MiB`;
}

function zigzagCase(label: string, parts: PolygonParts): void {
  const edges = parts[0][0].length - 1;
  console.log(`\n${label}: ${edges} edges`);
  const [base, tb] = time(() => new BaselineIndex(parts));
  const [fast, tf] = time(() => new PolygonIndex(parts));
  row('build', tb, tf, `(${entries(base)} -> ${entries(fast)})`);
  const [inBase, sb] = time(() => gridInside(base, 100));
  const [inFast, sf] = time(() => gridInside(fast, 100));
  const [samples, ss] = time(() => samplePolygon(parts, 1000));
  row(
    'sample as population (100 x 100 grid)',
    sb,
    sf,
    `${inBase === inFast ? 'same' : 'DIFFERENT'} cells inside (${inFast}); samplePolygon ${f2(ss)}, ${samples.lng.length} units`,
  );
  const [lng, lat] = randomUnits(UNITS, [fast.minX, fast.minY, fast.maxX, fast.maxY], 7);
  const nb = Math.min(BASELINE_UNITS, UNITS);
  const [ab, tab] = time(() => assignWith(lng, lat, [base], nb));
  const [af, taf] = time(() => assignAreas(lng, lat, [fast]));
  row(
    `assign ${UNITS} units to it as an area`,
    (tab * UNITS) / nb,
    taf,
    `${sameOn(af, ab) ? 'same' : 'DIFFERENT'} areas; baseline timed on ${nb} units (${f2(tab)}) and scaled`,
  );
  lat.fill(22.7); // a population grid whose rows meet the tips exactly
  const [tb2, ttb2] = time(() => assignWith(lng, lat, [base], nb));
  const [tf2, ttf2] = time(() => assignAreas(lng, lat, [fast]));
  row(
    `  the same units all on latitude 22.7`,
    (ttb2 * UNITS) / nb,
    ttf2,
    `${sameOn(tf2, tb2) ? 'same' : 'DIFFERENT'} areas; baseline timed on ${nb} units and scaled`,
  );
}

function areasCase(): void {
  const fc = JSON.parse(readFileSync(resolve(ROOT, 'public/geo/areas.geojson'), 'utf8')) as {
    features: { geometry: { type: string; coordinates: unknown } }[];
  };
  const parts = fc.features.map((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as PolygonParts);
  const edges = parts.flat(2).reduce((s, r) => s + r.length - 1, 0);
  console.log(`\nsample areas (public/geo/areas.geojson): ${parts.length} areas, ${edges} edges`);
  for (let r = 0; r < 20; r++)
    for (const p of parts) {
      new BaselineIndex(p);
      new PolygonIndex(p);
    } // builds warm, as in a session
  const [base, tb] = time(() => parts.map((p) => new BaselineIndex(p)));
  const [fast, tf] = time(() => parts.map((p) => new PolygonIndex(p)));
  const count = (xs: (PolygonIndex | BaselineIndex)[]) => xs.map(entries).reduce((s, e) => s + Number(e.split(' ')[0]), 0);
  const slabs = fast.reduce((s, i) => s + (i.slabs?.entries ?? 0), 0);
  row('build', tb, tf, `(${count(base)} band entries -> ${count(fast)} band + ${slabs} slab)`);
  const pop = JSON.parse(readFileSync(resolve(ROOT, 'public/geo/population.geojson'), 'utf8')) as {
    features: { geometry: { coordinates: [number, number] } }[];
  };
  const plng = Float64Array.from(pop.features, (f) => f.geometry.coordinates[0]);
  const plat = Float64Array.from(pop.features, (f) => f.geometry.coordinates[1]);
  for (const [label, lng, lat] of [
    [`assign the sample population (${plng.length} points)`, plng, plat],
    ['assign 1 000 000 random points', ...randomUnits(1_000_000, [113.75, 22.64, 114.02, 22.87], 11)],
  ] as [string, Float64Array, Float64Array][]) {
    assignWith(lng, lat, base, 20_000); // warm up both
    assignAreas(lng.subarray(0, 20_000), lat.subarray(0, 20_000), fast);
    const [ab, tab] = time(() => assignWith(lng, lat, base));
    const [af, taf] = time(() => assignAreas(lng, lat, fast));
    row(label, tab, taf, sameOn(af, ab) ? 'same areas' : 'DIFFERENT areas');
  }
}

console.log(`node ${process.version}; times in seconds of one run; ratio = baseline / slabs`);
zigzagCase('zigzag', zigzag(100_000, 1));
zigzagCase('jittered zigzag', zigzag(100_000, 200));
zigzagCase('spread zigzag (tips over 0.025 degree at each end, past the slab budget)', zigzag(100_000, 2000, 0.025 / 2000));
areasCase();
