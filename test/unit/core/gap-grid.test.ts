import { describe, expect, it } from 'vitest';
import { gapGrid } from '../../../src/core/gap-grid.ts';
import { haversineM } from '../../../src/core/haversine.ts';

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

describe('gapGrid', () => {
  it('detects a 100 m population grid with 6-decimal coordinates and centres each point in its own cell', () => {
    const dx = 100 / (111_195 * Math.cos((22.75 * Math.PI) / 180));
    const dy = 100 / 111_195;
    const lng: number[] = [], lat: number[] = [];
    for (let i = 0; i < 40; i++) for (let j = 0; j < 30; j++) if ((i * 7 + j * 3) % 5 !== 0) {
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
    const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
    const lng = Float64Array.from({ length: 2000 }, () => 113.9 + rnd() * 0.05);
    const lat = Float64Array.from({ length: 2000 }, () => 22.7 + rnd() * 0.05);
    const g = gapGrid(lng, lat);
    expect(g.source).toBe('spacing');
    // ~5 km square, 2000 points: mean spacing ~110 m; the 90th percentile is larger.
    expect(g.dy * 111_195).toBeGreaterThan(50);
    expect(g.dy * 111_195).toBeLessThan(400);
  });
});
