import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coarsenGrid, gapGrid, withinCells, type GapGrid } from '../../../../src/core/coverage/gap-grid';
import { haversineM } from '../../../../src/core/geo/haversine';
import { GAP_CELLS_MAX } from '../../../../src/core/limits';

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

describe('gapGrid', () => {
  it('detects a 100 m population grid with 6-decimal coordinates and centres each point in its own cell', () => {
    const dx = 100 / (111_195 * Math.cos((22.75 * Math.PI) / 180));
    const dy = 100 / 111_195;
    const lng: number[] = [],
      lat: number[] = [];
    for (let i = 0; i < 40; i++)
      for (let j = 0; j < 30; j++)
        if ((i * 7 + j * 3) % 5 !== 0) {
          lng.push(round6(113.9 + i * dx));
          lat.push(round6(22.7 + j * dy));
        }
    const g = gapGrid(Float64Array.from(lng), Float64Array.from(lat));
    expect(g.source).toBe('grid');
    expect(Math.abs(g.dx - dx)).toBeLessThan(2e-6);
    expect(Math.abs(g.dy - dy)).toBeLessThan(2e-6);
    const seen = new Set<number>();
    for (let k = 0; k < lng.length; k++) {
      seen.add(g.i[k] * 1000 + g.j[k]);
      // The cell centre is the point itself, up to the 6-decimal rounding.
      expect(haversineM(lng[k], lat[k], g.x0 + g.i[k] * g.dx, g.y0 + g.j[k] * g.dy)).toBeLessThan(1);
    }
    expect(seen.size).toBe(lng.length);
  });

  it('uses the typical spacing for scattered points', () => {
    let s = 1;
    const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
    const lng = Float64Array.from({ length: 2000 }, () => 113.9 + rnd() * 0.05);
    const lat = Float64Array.from({ length: 2000 }, () => 22.7 + rnd() * 0.05);
    const g = gapGrid(lng, lat);
    expect(g.source).toBe('spacing');
    // ~5 km square, 2000 points: mean spacing ~110 m; the 90th percentile is larger.
    expect(g.dy * 111_195).toBeGreaterThan(50);
    expect(g.dy * 111_195).toBeLessThan(400);
  });
});

describe('withinCells (the cell budget)', () => {
  const populated = (g: GapGrid) => new Set(Array.from(g.i, (i, u) => i * 1e6 + g.j[u])).size;
  const pointsArb = fc.oneof(
    // scattered points, some repeated
    fc.array(fc.tuple(fc.double({ min: 0, max: 0.02, noNaN: true }), fc.double({ min: 0, max: 0.02, noNaN: true })), { minLength: 1, maxLength: 400 }),
    // a 6-decimal 0.001° grid with holes
    fc
      .uniqueArray(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })), {
        minLength: 1,
        maxLength: 400,
        selector: ([i, j]) => i * 100 + j,
      })
      .map((ij) => ij.map(([i, j]): [number, number] => [i * 0.001, j * 0.001])),
  );

  it('keeps the grid when it fits, and never coarsens the sample-like 100 m grid by default', () => {
    const lng: number[] = [],
      lat: number[] = [];
    for (let i = 0; i < 150; i++)
      for (let j = 0; j < 100; j++) {
        lng.push(round6(113.85 + i * 0.000975));
        lat.push(round6(22.7 + j * 0.000899));
      }
    const g = gapGrid(Float64Array.from(lng), Float64Array.from(lat));
    expect([g.source, g.coarsen]).toEqual(['grid', 1]);
    expect(withinCells(g, 15_000)).toBe(g);
  });

  it('merges whole k × k blocks until at most maxCells cells hold units, each unit inside its cell', () => {
    fc.assert(
      fc.property(pointsArb, fc.integer({ min: 1, max: 300 }), (pts, maxCells) => {
        const lng = Float64Array.from(pts, ([x]) => round6(113.9 + x));
        const lat = Float64Array.from(pts, ([, y]) => round6(22.7 + y));
        const fine = gapGrid(lng, lat, Infinity);
        const g = withinCells(fine, maxCells);
        expect(populated(g)).toBeLessThanOrEqual(maxCells);
        const k = g.coarsen / fine.coarsen;
        expect(Number.isInteger(k)).toBe(true);
        expect(g.dx).toBeCloseTo(fine.dx * k, 15);
        expect(g.dy).toBeCloseTo(fine.dy * k, 15);
        for (let u = 0; u < lng.length; u++) {
          // The unit's fine cell lies inside its coarse cell: its fine index is within the k × k block.
          expect(Math.floor(fine.i[u] / k)).toBe(g.i[u]);
          expect(Math.floor(fine.j[u] / k)).toBe(g.j[u]);
          expect(g.i[u]).toBeLessThan(g.nx);
          expect(g.j[u]).toBeLessThan(g.ny);
          // …and so does the unit itself (within half a fine cell of its fine centre).
          expect(Math.abs(lng[u] - (g.x0 + g.i[u] * g.dx))).toBeLessThanOrEqual(g.dx / 2 + 1e-9);
          expect(Math.abs(lat[u] - (g.y0 + g.j[u] * g.dy))).toBeLessThanOrEqual(g.dy / 2 + 1e-9);
        }
        // Coarse cell edges are fine cell edges: the west edge of coarse column 1 is that of fine column k.
        expect(g.x0 + 0.5 * g.dx).toBeCloseTo(fine.x0 + (k - 0.5) * fine.dx, 12);
        // No smaller factor would have done (within the search's first 16 factors, which cover these extents).
        for (let smaller = 1; smaller < k; smaller++) expect(populated(coarsenGrid(fine, smaller))).toBeGreaterThan(maxCells);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('coarsens a million-point-like density to the default budget', () => {
    let s = 7;
    const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
    // 150 000 points in a 2.2 km square: ~6 m spacing, ~130 000 cells at that size.
    const lng = Float64Array.from({ length: 150_000 }, () => 113.9 + rnd() * 0.02);
    const lat = Float64Array.from({ length: 150_000 }, () => 22.7 + rnd() * 0.02);
    const g = gapGrid(lng, lat);
    expect(g.coarsen).toBeGreaterThan(1);
    expect(populated(g)).toBeLessThanOrEqual(GAP_CELLS_MAX);
  });
});
