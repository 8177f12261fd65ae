import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GCJ02_BOX, gcj02Offset, gcj02ToWgs84, inGcj02Box, wgs84ToGcj02 } from '../../../../src/core/crs/gcj02';

const { west, east, south, north } = GCJ02_BOX;
const MARGIN = 0.03; // degrees: well over the largest offset in the box (0.0108°, at its north-east corner)
const inner = fc.tuple(
  fc.double({ min: west + MARGIN, max: east - MARGIN, noNaN: true }),
  fc.double({ min: south + MARGIN, max: north - MARGIN, noNaN: true }),
);
const globe = fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }));
const outside = globe.filter(([x, y]) => !inGcj02Box(x, y));

/** Largest coordinate difference, degrees. */
const gap = (a: readonly number[], b: readonly number[]) => Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]));

describe('gcj02', () => {
  it('inGcj02Box holds its edges and nothing one step beyond them', () => {
    for (const [x, y] of [
      [west, 30],
      [east, 30],
      [100, south],
      [100, north],
    ])
      expect(inGcj02Box(x, y)).toBe(true);
    const beyond = (v: number, dir: number) => v + dir * Number.EPSILON * Math.abs(v) * 2;
    expect(inGcj02Box(beyond(west, -1), 30)).toBe(false);
    expect(inGcj02Box(beyond(east, 1), 30)).toBe(false);
    expect(inGcj02Box(100, beyond(south, -1))).toBe(false);
    expect(inGcj02Box(100, beyond(north, 1))).toBe(false);
    expect(inGcj02Box(NaN, 30)).toBe(false);
    expect(inGcj02Box(100, Infinity)).toBe(false);
  });

  it('wgs84ToGcj02 and gcj02ToWgs84 return positions outside the box unchanged', () => {
    fc.assert(
      fc.property(outside, ([x, y]) => {
        expect(wgs84ToGcj02(x, y)).toEqual([x, y]);
        expect(gcj02ToWgs84(x, y)).toEqual([x, y]);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('wgs84ToGcj02 adds gcj02Offset in the box, at most 0.011° per axis (so MARGIN clears it)', () => {
    const box = fc.tuple(fc.double({ min: west, max: east, noNaN: true }), fc.double({ min: south, max: north, noNaN: true }));
    fc.assert(
      fc.property(box, ([x, y]) => {
        const [dx, dy] = gcj02Offset(x, y);
        expect(wgs84ToGcj02(x, y)).toEqual([x + dx, y + dy]);
        expect(Math.max(Math.abs(dx), Math.abs(dy))).toBeLessThan(0.011);
      }),
      { seed: 42, numRuns: 5000 },
    );
  });

  it('gcj02ToWgs84 finds the WGS84 position that wgs84ToGcj02 maps back to the input, to 1e-10°', () => {
    fc.assert(
      fc.property(inner, ([x, y]) => {
        const w = gcj02ToWgs84(x, y);
        expect(gap(wgs84ToGcj02(w[0], w[1]), [x, y])).toBeLessThanOrEqual(1e-10);
      }),
      { seed: 42, numRuns: 5000 },
    );
  });

  it('gcj02ToWgs84 settles at 105° E, where the √|lng − 105| term has an infinite slope', () => {
    const nearCusp = fc.tuple(fc.double({ min: 105 - 1e-9, max: 105 + 1e-9, noNaN: true }), fc.double({ min: 1, max: 55, noNaN: true }));
    fc.assert(
      fc.property(nearCusp, ([x, y]) => {
        const g = wgs84ToGcj02(x, y);
        expect(gap(gcj02ToWgs84(g[0], g[1]), [x, y])).toBeLessThanOrEqual(1e-10);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('gcj02ToWgs84 returns the unboxed pre-image just outside the west edge, where gcoord never returns', () => {
    // The offset at 72.005° E, 30° N is about +0.0039° east, so the position
    // that maps here lies west of the box edge, where nothing is shifted: there
    // is no WGS84 pre-image, and an iteration that tests the box at each step
    // (gcoord's) flips between two points forever.
    const [x, y] = gcj02ToWgs84(west + 0.001, 30);
    expect(x).toBeLessThan(west);
    const [dx, dy] = gcj02Offset(x, y);
    expect(gap([x + dx, y + dy], [west + 0.001, 30])).toBeLessThanOrEqual(1e-10);
  });

  it('moves a Guangming position 400-700 m, mostly east and a little south (the known GCJ-02 shift there)', () => {
    const [dx, dy] = gcj02Offset(113.93, 22.75);
    const eastM = dx * 111_320 * Math.cos((22.75 * Math.PI) / 180);
    const northM = dy * 110_574;
    expect(Math.hypot(eastM, northM)).toBeGreaterThan(400);
    expect(Math.hypot(eastM, northM)).toBeLessThan(700);
    expect(eastM).toBeGreaterThan(0);
    expect(northM).toBeLessThan(0);
  });
});
