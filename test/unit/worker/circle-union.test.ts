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
      groups.forEach((g, k) => g.members.forEach((i) => groupOf.set(i, k)));
      expect(groupOf.size).toBe(pts.length);
      for (const comp of components(pts, r)) for (const i of comp) expect(groupOf.get(i)).toBe(groupOf.get(comp[0]));
    }), { seed: 42, numRuns: 60 });
  });
  it('counts, per group, the mean number of circles each member may touch', () => {
    const lat = 22.77;
    const step = 300 / (111_195 * Math.cos((lat * Math.PI) / 180)); // 300 m east-west
    // Four in a row 300 m apart at r = 200 m: ends touch one neighbour, middles two.
    const [g] = touchingGroups([0, 1, 2, 3].map((k) => 113.9 + k * step), [lat, lat, lat, lat], 200);
    expect(g.members).toHaveLength(4);
    expect(g.meanNeighbours).toBeCloseTo(1.5, 10);
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
  it('merges a dense group (the balanced-tree path) to the same shape area as one sweep', () => {
    // 5 × 6 halls 200 m apart with r = 1 km: every circle touches all 29 others.
    const pts: [number, number][] = [];
    for (let i = 0; i < 5; i++) for (let j = 0; j < 6; j++) pts.push([113.9 + i * 0.00195, 22.77 + j * 0.0018]);
    expect(touchingGroups(pts.map((p) => p[0]), pts.map((p) => p[1]), 1000)[0].meanNeighbours).toBeGreaterThan(20);
    const u = unionOfCircles(pts.map((p) => p[0]), pts.map((p) => p[1]), 1000);
    const reference = union(featureCollection(pts.map((p) => circle(p, 1, { steps: CIRCLE_STEPS, units: 'kilometers' }))))!;
    expect(Math.abs(area({ type: 'Feature', properties: {}, geometry: u }) - area(reference)) / area(reference)).toBeLessThan(1e-6);
  });
  it('returns an empty MultiPolygon for no points', () => {
    expect(unionOfCircles([], [], 500)).toEqual({ type: 'MultiPolygon', coordinates: [] });
  });
});
