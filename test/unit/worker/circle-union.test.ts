import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { circle } from '@turf/circle';
import { distance } from '@turf/distance';
import { featureCollection, point } from '@turf/helpers';
import { union } from '@turf/union';
import { CIRCLE_STEPS, touchingGroups, unionOfCircles } from '../../../src/worker/circle-union';

// Points in a ~6 km square around Guangming.
const pointsArb = fc.array(fc.tuple(fc.double({ min: 113.9, max: 113.96, noNaN: true }), fc.double({ min: 22.74, max: 22.8, noNaN: true })), { minLength: 1, maxLength: 40 });

function components(pts: [number, number][], r: number): number[][] {
  // Brute force: flood fill over all pairs closer than 2 r.
  const seen = new Array(pts.length).fill(false);
  const out: number[][] = [];
  for (let s = 0; s < pts.length; s++) {
    if (seen[s]) continue;
    const comp = [s];
    seen[s] = true;
    for (let k = 0; k < comp.length; k++) for (let j = 0; j < pts.length; j++) {
      if (!seen[j] && distance(pts[comp[k]], pts[j], { units: 'meters' }) <= 2 * r) { seen[j] = true; comp.push(j); }
    }
    out.push(comp.sort((a, b) => a - b));
  }
  return out;
}

describe('touchingGroups', () => {
  it('never separates two circles that overlap (checked against all pairs)', () => {
    fc.assert(fc.property(pointsArb, fc.integer({ min: 50, max: 1500 }), (pts, r) => {
      const groups = touchingGroups(pts.map((p) => p[0]), pts.map((p) => p[1]), r);
      const groupOf = new Map<number, number>();
      groups.forEach((g, k) => g.forEach((i) => groupOf.set(i, k)));
      expect(groupOf.size).toBe(pts.length);
      for (const comp of components(pts, r)) for (const i of comp) expect(groupOf.get(i)).toBe(groupOf.get(comp[0]));
    }), { seed: 42, numRuns: 60 });
  });
  it('keeps circles apart that are more than 2 r + 1 % apart', () => {
    // Two points 1 100 m apart east-west: separate at r = 500 m, joined at r = 550 m.
    const lat = 22.77;
    const dLng = 1100 / (111_195 * Math.cos((lat * Math.PI) / 180));
    expect(touchingGroups([113.9, 113.9 + dLng], [lat, lat], 500)).toHaveLength(2);
    expect(touchingGroups([113.9, 113.9 + dLng], [lat, lat], 550)).toHaveLength(1);
  });
});

describe('unionOfCircles', () => {
  it('has the area of a single-sweep turf union of the same circles', () => {
    fc.assert(fc.property(pointsArb, fc.integer({ min: 100, max: 2500 }), (pts, r) => {
      const u = unionOfCircles(pts.map((p) => p[0]), pts.map((p) => p[1]), r);
      const circles = pts.map((p) => circle(p, r / 1000, { steps: CIRCLE_STEPS, units: 'kilometers' }));
      const reference = circles.length === 1 ? circles[0] : union(featureCollection(circles));
      const a = area({ type: 'Feature', properties: {}, geometry: u });
      expect(Math.abs(a - area(reference!)) / area(reference!)).toBeLessThan(1e-6);
    }), { seed: 42, numRuns: 25 });
  });
  it('contains every place well inside some circle and no place outside all of them', () => {
    fc.assert(fc.property(pointsArb, fc.integer({ min: 100, max: 2000 }), pointsArb, (pts, r, probes) => {
      const u = { type: 'Feature' as const, properties: {}, geometry: unionOfCircles(pts.map((p) => p[0]), pts.map((p) => p[1]), r) };
      for (const q of probes) {
        const d = Math.min(...pts.map((p) => distance(p, q, { units: 'meters' })));
        // The 32-gon is inscribed: its edges lie within 0.5 % of r inside the true circle.
        if (d < 0.99 * r) expect(booleanPointInPolygon(point(q), u)).toBe(true);
        if (d > 1.001 * r) expect(booleanPointInPolygon(point(q), u)).toBe(false);
      }
    }), { seed: 42, numRuns: 40 });
  });
  it('returns an empty MultiPolygon for no points', () => {
    expect(unionOfCircles([], [], 500)).toEqual({ type: 'MultiPolygon', coordinates: [] });
  });
});
