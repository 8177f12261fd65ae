import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import fc from 'fast-check';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PolygonIndex, type PolygonParts } from '../../../../src/core/geo/polygon-index';
import { SLAB_UNKNOWN } from '../../../../src/core/geo/polygon-slabs';

// Random star-shaped polygons with vertices on a 0.001-degree grid, sometimes
// with a hole, and test points on the same grid so many land exactly on
// vertices and edges.
const grid = (n: number) => fc.integer({ min: 0, max: n });
const star = fc
  .tuple(grid(20), grid(20), fc.array(fc.integer({ min: 3, max: 12 }), { minLength: 3, maxLength: 14 }))
  .map(([cx, cy, radii]) =>
    radii.map((r, k) => {
      const t = (2 * Math.PI * k) / radii.length;
      return [Math.round((cx + r * Math.cos(t)) * 1) / 1000 + 113.9, Math.round((cy + r * Math.sin(t)) * 1) / 1000 + 22.7] as [number, number];
    }),
  )
  .map((ring) => [...ring, ring[0]]);

function feature(parts: PolygonParts): Feature<Polygon | MultiPolygon> {
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: parts } };
}

describe('PolygonIndex.contains', () => {
  it('agrees with turf booleanPointInPolygon (boundary inclusive) on random polygons and grid points', () => {
    fc.assert(
      fc.property(
        fc.array(star, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(grid(40), grid(40)), { minLength: 1, maxLength: 80, size: 'max' }),
        (rings, pts) => {
          const parts: PolygonParts = rings.map((r) => [r]);
          const idx = new PolygonIndex(parts);
          const f = feature(parts);
          for (const [i, j] of pts) {
            const x = i / 1000 - 0.01 + 113.9;
            const y = j / 1000 - 0.01 + 22.7;
            expect(idx.contains(x, y)).toBe(booleanPointInPolygon([x, y], f));
          }
          for (const ring of rings) for (const [x, y] of ring) expect(idx.contains(x, y)).toBe(true);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('honours holes, counting the hole boundary as inside', () => {
    const outer: [number, number][] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    const hole: [number, number][] = [
      [3, 3],
      [3, 7],
      [7, 7],
      [7, 3],
      [3, 3],
    ];
    const idx = new PolygonIndex([[outer, hole]]);
    expect(idx.contains(5, 5)).toBe(false);
    expect(idx.contains(3, 5)).toBe(true);
    expect(idx.contains(1, 1)).toBe(true);
    expect(idx.contains(10, 5)).toBe(true);
    expect(idx.contains(10.0001, 5)).toBe(false);
  });

  it('handles thousands of edges across many bands like the plain even-odd test', () => {
    const n = 5000;
    const ring: [number, number][] = Array.from({ length: n }, (_, k) => {
      const t = (2 * Math.PI * k) / n;
      const r = 1 + 0.3 * Math.sin(17 * t);
      return [r * Math.cos(t), r * Math.sin(t)];
    });
    ring.push(ring[0]);
    const idx = new PolygonIndex([[ring]]);
    const f = feature([[ring]]);
    fc.assert(
      fc.property(fc.double({ min: -1.5, max: 1.5, noNaN: true }), fc.double({ min: -1.5, max: 1.5, noNaN: true }), (x, y) => {
        expect(idx.contains(x, y)).toBe(booleanPointInPolygon([x, y], f));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('keeps a hostile zigzag (every edge spans the full height) to about 16 band entries per edge, still exact', () => {
    const n = 20_000;
    const ring: [number, number][] = [];
    for (let i = 0; i < n; i++) ring.push([113.9 + i * 1e-5, i % 2 === 0 ? 22.7 : 22.8]);
    ring.push([113.9 + n * 1e-5, 22.6], [113.9, 22.6], ring[0]);
    const index = new PolygonIndex([[ring]]);
    const entries = (index as unknown as { bandEdges: Int32Array }).bandEdges.length;
    expect(entries).toBeLessThanOrEqual(18 * ring.length); // was n x 4096 = 82 million
    const f = feature([[ring]]);
    fc.assert(
      fc.property(fc.double({ min: 113.9, max: 114.1, noNaN: true }), fc.double({ min: 22.59, max: 22.81, noNaN: true }), (x, y) => {
        expect(index.contains(x, y)).toBe(booleanPointInPolygon([x, y], f));
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

// Brute-force reference: the per-edge rule of PolygonIndex (point-in-polygon-hao
// with an exact sign) over every edge of every ring, no index at all.
function bruteContains(parts: PolygonParts, x: number, y: number): boolean {
  const parity = parts.map(() => 0);
  for (let p = 0; p < parts.length; p++) {
    for (const ring of parts[p]) {
      for (let k = 0; k < ring.length; k++) {
        const [x1, y1] = ring[k];
        const [x2, y2] = ring[(k + 1) % ring.length];
        if (x1 === x2 && y1 === y2) continue;
        const u1 = x1 - x,
          v1 = y1 - y,
          u2 = x2 - x,
          v2 = y2 - y;
        if (v1 === 0 && v2 === 0) {
          if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return true;
        } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
          const f = Math.sign(u2 * v1 - u1 * v2) || exactSign(u2, u1, v2, v1);
          if (f === 0) return true;
          if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) parity[p] ^= 1;
        }
      }
    }
  }
  return parity.some((v) => v === 1);
}

// a*d - b*c exactly, through BigInt on the doubles' exact binary values: an
// independent reference for exact-sign.ts's filtered determinant.
function exactSign(a: number, b: number, c: number, d: number): number {
  const big = (v: number): [bigint, number] => {
    let e = 0;
    while (!Number.isInteger(v)) {
      v *= 2;
      e--;
    }
    return [BigInt(v), e];
  };
  const [ma, ea] = big(a),
    [mb, eb] = big(b),
    [mc, ec] = big(c),
    [md, ed] = big(d);
  const el = ea + ed,
    er = eb + ec,
    e = Math.min(el, er);
  const l = (ma * md) << BigInt(el - e),
    r = (mb * mc) << BigInt(er - e);
  return l > r ? 1 : l < r ? -1 : 0;
}

// Coordinates on a dyadic grid (1/1024 degree) near Guangming, so midpoints and
// quarter points of edges are exact doubles lying exactly on the edge.
const G = 1024;
const gx = (i: number) => 113.5 + i / G;
const gy = (j: number) => 22.5 + j / G;
const gridPt = fc.tuple(fc.integer({ min: -2, max: 66 }), fc.integer({ min: -2, max: 66 }));
const freeRing = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 64 })), { minLength: 3, maxLength: 40 })
  .map((pts) => pts.map(([i, j]) => [gx(i), gy(j)] as [number, number]));
// Zigzag: teeth alternating between a low and a high latitude (each with a
// little jitter, so some slabs are thin and many edges cross each latitude),
// closed by a base below.
const zigzag = fc.tuple(fc.integer({ min: 4, max: 120 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 1000 })).map(([teeth, jitter, seed]) => {
  const ring: [number, number][] = [];
  for (let k = 0; k < teeth; k++) {
    const wobble = (seed * (k + 7)) % (jitter + 1);
    ring.push([gx(k / 2), gy(k % 2 === 0 ? 10 + wobble : 60 - wobble)]);
  }
  ring.push([gx(teeth / 2), gy(0)], [gx(0), gy(0)], ring[0]);
  return ring;
});
const squareWithHole = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 4, max: 24 })).map(
  ([i, j, s]) =>
    [
      [
        [gx(i), gy(j)],
        [gx(i + s), gy(j)],
        [gx(i + s), gy(j + s)],
        [gx(i), gy(j + s)],
        [gx(i), gy(j)],
      ],
      [
        [gx(i + 1), gy(j + 1)],
        [gx(i + 1), gy(j + s - 1)],
        [gx(i + s - 1), gy(j + s - 1)],
        [gx(i + s - 1), gy(j + 1)],
      ],
    ] as [number, number][][],
);

// Points to test: grid points, every vertex, the midpoint and quarter points of
// every edge (exactly on it), points at vertex latitudes and just off them, and
// random points in the box.
function probePoints(parts: PolygonParts, grid: [number, number][], free: [number, number][]): [number, number][] {
  const out: [number, number][] = grid.map(([i, j]) => [gx(i), gy(j)]);
  for (const rings of parts)
    for (const ring of rings) {
      for (let k = 0; k < ring.length; k++) {
        const [x1, y1] = ring[k];
        const [x2, y2] = ring[(k + 1) % ring.length];
        out.push([x1, y1], [(x1 + x2) / 2, (y1 + y2) / 2], [x1 + (x2 - x1) / 4, y1 + (y2 - y1) / 4]);
        out.push([(x1 + x2) / 2, y1], [x1, y1 + 1 / G / 64], [x1, y1 - 1 / G / 64]);
      }
    }
  for (const [a, b] of free) out.push([gx(a * 70 - 3), gy(b * 70 - 3)]);
  return out;
}

const shapes = fc.oneof(
  fc.array(freeRing, { minLength: 1, maxLength: 3 }).map((rs) => rs.map((r) => [r])), // self-intersecting rings, parts overlapping
  fc.array(zigzag, { minLength: 1, maxLength: 2 }).map((zs) => zs.map((z) => [z])),
  fc.array(squareWithHole, { minLength: 1, maxLength: 3 }),
  fc.tuple(zigzag, squareWithHole, freeRing).map(([z, h, r]) => [[z], h, [r]]),
) as fc.Arbitrary<PolygonParts>;
const unit = fc.double({ min: 0, max: 1, noNaN: true });

describe('PolygonIndex sorted slabs', () => {
  it('answers exactly like a brute-force scan of every edge on zigzags, self-intersecting rings and holes, on and off the boundary', () => {
    let bySlab = 0;
    let byScan = 0;
    fc.assert(
      fc.property(shapes, fc.array(gridPt, { maxLength: 40 }), fc.array(fc.tuple(unit, unit), { maxLength: 40 }), (parts, grid, free) => {
        const fast = new PolygonIndex(parts, { minScan: 1 }); // sort every slab, however few edges cross it
        const plain = new PolygonIndex(parts);
        for (const [x, y] of probePoints(parts, grid, free)) {
          const want = bruteContains(parts, x, y);
          expect(fast.contains(x, y)).toBe(want);
          expect(plain.contains(x, y)).toBe(want);
          if (fast.slabs !== null && fast.slabs.test(x, y) !== SLAB_UNKNOWN) bySlab++;
          else byScan++;
        }
      }),
      { seed: 42, numRuns: 200 },
    );
    // Both paths were exercised, so the agreement above covers the slabs.
    expect(bySlab).toBeGreaterThan(1000);
    expect(byScan).toBeGreaterThan(1000);
  });

  it('builds and answers like brute force on rings of arbitrary doubles up to 1e300 (-0, subnormals)', () => {
    // Up to 1e300 so that differences stay finite (the reference needs them finite).
    const coord = fc.oneof(fc.double({ min: -1e300, max: 1e300, noNaN: true }), fc.integer({ min: -3, max: 3 }), fc.constantFrom(-0, 5e-324, 1e300, -1e300));
    const ring = fc.array(fc.tuple(coord, coord), { minLength: 3, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(ring, { minLength: 1, maxLength: 2 }), fc.array(fc.tuple(coord, coord), { maxLength: 10 }), (rings, pts) => {
        const parts: PolygonParts = rings.map((r) => [r]);
        const index = new PolygonIndex(parts, { minScan: 1 });
        for (const [x, y] of [...pts, ...rings.flat()]) expect(index.contains(x, y)).toBe(bruteContains(parts, x, y));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('leaves a slab whose edges cross to the scan, still answering like brute force', () => {
    // A bow tie: its two long edges cross in the middle slab.
    const ring: [number, number][] = [
      [gx(0), gy(0)],
      [gx(10), gy(10)],
      [gx(10), gy(0)],
      [gx(0), gy(10)],
      [gx(0), gy(0)],
    ];
    const index = new PolygonIndex([[ring]], { minScan: 1 });
    expect(index.slabs).toBeNull();
    for (let i = -1; i <= 11; i++) for (let j = -1; j <= 11; j++) expect(index.contains(gx(i), gy(j))).toBe(bruteContains([[ring]], gx(i), gy(j)));
  });

  it('falls back to the scan when coordinate differences would round, with the same answers', () => {
    // Vertices on a 1/256-degree grid around (0, 0): a point like 1e-9 and a
    // vertex at 0.75 have an inexact difference, a point on the grid does not.
    const n = 384;
    const ring: [number, number][] = [];
    for (let k = 0; k < n; k++) ring.push([-0.75 + k / 256, k % 2 === 0 ? -0.5 : 0.5]);
    ring.push([0.75, -0.875], [-0.75, -0.875], ring[0]);
    const index = new PolygonIndex([[ring]]);
    expect(index.slabs).not.toBeNull();
    expect(index.slabs?.test(1e-9, 0.1)).toBe(SLAB_UNKNOWN);
    expect(index.slabs?.test(1 / 1024, 0.125)).not.toBe(SLAB_UNKNOWN);
    fc.assert(
      fc.property(fc.double({ min: -0.8, max: 0.8, noNaN: true }), fc.double({ min: -1, max: 0.6, noNaN: true }), (x, y) => {
        expect(index.contains(x, y)).toBe(bruteContains([[ring]], x, y));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it("answers points exactly on a zigzag's vertex latitudes by binary search too, vertices and horizontal edges counting as boundary", () => {
    const n = 2000;
    const ring: [number, number][] = [];
    for (let i = 0; i < n; i++) ring.push([gx(i / 8), gy(i % 2 === 0 ? 16 : 48)]);
    ring.push([gx(n / 8), gy(16)], [gx(n / 8 + 2), gy(16)], [gx(n / 8 + 2), gy(0)], [gx(0), gy(0)], ring[0]); // a horizontal edge at latitude 16
    const index = new PolygonIndex([[ring]]);
    let bySlab = 0;
    fc.assert(
      fc.property(fc.integer({ min: -8, max: 16 * (n / 8 + 3) }), fc.constantFrom(0, 16, 48), (i, j) => {
        const [x, y] = [gx(i / 16), gy(j)];
        expect(index.contains(x, y)).toBe(bruteContains([[ring]], x, y));
        if (index.slabs?.test(x, y) !== SLAB_UNKNOWN) bySlab++;
      }),
      { seed: 42, numRuns: 1000 },
    );
    expect(bySlab).toBeGreaterThan(300); // latitudes 0 and 16 open sorted slabs; 48 is the top
  });

  it('answers a 20 000-edge zigzag by binary search within 4 stored slab entries per edge', () => {
    // Tops at 200 different latitudes: 400 slabs crossed by ~all edges, far more
    // than the budget, so only the tallest are sorted and the rest scan.
    const n = 20_000;
    const ring: [number, number][] = [];
    for (let i = 0; i < n; i++) ring.push([113.9 + i * 1e-5, i % 2 === 0 ? 22.7 - (i % 200) * 1e-6 : 22.8 + (i % 200) * 1e-6]);
    ring.push([113.9 + n * 1e-5, 22.6], [113.9, 22.6], ring[0]);
    const index = new PolygonIndex([[ring]]);
    expect(index.slabs?.entries).toBeGreaterThan(0);
    expect(index.slabs?.entries).toBeLessThanOrEqual(4 * ring.length);
    let bySlab = 0;
    fc.assert(
      fc.property(fc.double({ min: 113.9, max: 114.1, noNaN: true }), fc.double({ min: 22.59, max: 22.81, noNaN: true }), (x, y) => {
        expect(index.contains(x, y)).toBe(bruteContains([[ring]], x, y));
        if (index.slabs?.test(x, y) !== SLAB_UNKNOWN) bySlab++;
      }),
      { seed: 42, numRuns: 200 },
    );
    expect(bySlab).toBeGreaterThan(100);
  });
});

describe('PolygonIndex builds its slabs by itself', () => {
  // No switch to set: the command line and the browser worker run this same code.
  it('sorts slabs for a zigzag and for the sample subdistrict that needs them, with nothing installed first', () => {
    const zig: [number, number][] = [];
    for (let k = 0; k <= 200; k++) zig.push([113.9 + k * 0.0001, k % 2 ? 22.8 : 22.7]); // every edge across the whole height
    const ring: [number, number][] = [...zig, [113.93, 22.6], zig[0]];
    expect(new PolygonIndex([[ring]]).slabs).not.toBeNull();
    const areas = JSON.parse(readFileSync('public/geo/areas.geojson', 'utf8')) as { features: Feature<Polygon | MultiPolygon>[] };
    const g = areas.features[0].geometry;
    expect(new PolygonIndex((g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as PolygonParts).slabs).not.toBeNull();
  });

  it('polygon-slabs.ts does not import polygon-index.ts (no import cycle)', () => {
    expect(readFileSync('src/core/geo/polygon-slabs.ts', 'utf8')).not.toMatch(/from '\.\/polygon-index/);
  });
});
