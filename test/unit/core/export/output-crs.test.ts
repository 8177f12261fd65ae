import { describe, expect, it } from 'vitest';
import { fromWgs84, toWgs84 } from '../../../../src/core';
import { outputCoordinates, outputPosition } from '../../../../src/core/export/output-crs';

describe('outputPosition', () => {
  it('rounds WGS84 to 6 decimals and leaves it otherwise unchanged', () => {
    expect(outputPosition([113.92612345678, 22.7548071], 'wgs84')).toEqual([113.926123, 22.754807]);
  });
  it('converts to GCJ-02 with the core, a few hundred metres off in Shenzhen, and back within 0.2 m', () => {
    const p: [number, number] = [113.926141, 22.754807];
    const [x, y] = outputPosition(p, 'gcj02');
    const [ex, ey] = fromWgs84(p[0], p[1], 'gcj02');
    expect(Math.abs(x - ex)).toBeLessThanOrEqual(5e-7 + 1e-9);
    expect(Math.abs(y - ey)).toBeLessThanOrEqual(5e-7 + 1e-9);
    const shiftM = Math.hypot((x - p[0]) * 102_700, (y - p[1]) * 111_195);
    expect(shiftM).toBeGreaterThan(200);
    expect(shiftM).toBeLessThan(700);
    const [bx, by] = toWgs84(x, y, 'gcj02');
    expect(Math.hypot((bx - p[0]) * 102_700, (by - p[1]) * 111_195)).toBeLessThan(0.2);
  });
});

describe('outputCoordinates', () => {
  it('converts every position of nested rings and does not touch the input', () => {
    const rings = [
      [
        [113.9, 22.7],
        [113.91, 22.7],
        [113.91, 22.71],
        [113.9, 22.7],
      ],
    ];
    const copy = JSON.parse(JSON.stringify(rings));
    const out = outputCoordinates(rings, 'gcj02');
    expect(rings).toEqual(copy);
    expect(out[0]).toHaveLength(4);
    out[0].forEach((p, k) => expect(p).toEqual(outputPosition(rings[0][k], 'gcj02')));
  });
});
