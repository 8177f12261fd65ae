import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { area, circle, destination } from '@turf/turf';
import type { MultiPolygon, Position } from 'geojson';
import polygonClipping from 'polygon-clipping';
import { EARTH_RADIUS_M, haversineM } from '../../../../src/core/geo/haversine';
import { CIRCLE_STEPS, circleUnion, unionOfCircles } from '../../../../src/core/geo/circle-union';
import { polygonClippingUnion } from '../../helpers/polygon-clipping-union';

// How far the drawn shape may stray from the true union of discs (metres):
// the inscribed 32-gon's chords, r·(1 − cos(π/32)), 2 % more where a vertex
// next to a crossing is skipped (END_GAP = STEP/50 widens that chord); the
// Mercator frame's second-order error, r²·tan|φ|/R (bound of
// circle-union-frame.test.ts); any centre nudge of a retry; 1 mm of rounding.
function tolerance(r: number, lat: number, nudgedM: number): number {
  return 1.021 * r * (1 - Math.cos(Math.PI / CIRCLE_STEPS)) + (r * r * Math.abs(Math.tan((lat * Math.PI) / 180))) / EARTH_RADIUS_M + nudgedM + 1e-3;
}

/** Even-odd point in polygon over every ring of the MultiPolygon (lng/lat as planar). */
function insideEvenOdd(q: Position, mp: MultiPolygon): boolean {
  let inside = false;
  for (const poly of mp.coordinates)
    for (const ring of poly) {
      for (let k = 0, l = ring.length - 1; k < ring.length; l = k++) {
        const [xk, yk] = ring[k],
          [xl, yl] = ring[l];
        if (yk > q[1] !== yl > q[1] && q[0] < ((xl - xk) * (q[1] - yk)) / (yl - yk) + xk) inside = !inside;
      }
    }
  return inside;
}

/** Shoelace area in degrees², positive counterclockwise, relative to the first vertex. */
function signedArea(ring: Position[]): number {
  let s = 0;
  const [x0, y0] = ring[0];
  for (let k = 0; k + 1 < ring.length; k++) s += (ring[k][0] - x0) * (ring[k + 1][1] - y0) - (ring[k + 1][0] - x0) * (ring[k][1] - y0);
  return s / 2;
}

const m2 = (g: MultiPolygon) => area({ type: 'Feature', properties: {}, geometry: g });
const dest = (p: Position, m: number, bearing: number): Position => destination(p, m, bearing, { units: 'meters' }).geometry.coordinates;

// Halls around Guangming built to hit the degenerate cases on purpose:
// clusters, exact duplicates, points 1 cm and 10 µm apart, collinear rows,
// pairs exactly 2 r apart (tangent), 3 to 5 halls exactly r from one point
// (3+ circles through it), and rings of 5 to 8 halls around an uncovered
// pocket (holes).
const lngArb = fc.double({ min: 113.85, max: 113.98, noNaN: true });
const latArb = fc.double({ min: 22.69, max: 22.83, noNaN: true });
const extraArb = fc.oneof(
  fc.record({ kind: fc.constant('duplicate' as const), of: fc.nat() }),
  fc.record({
    kind: fc.constant('near' as const),
    of: fc.nat(),
    metres: fc.constantFrom(0.01, 1e-5),
    bearing: fc.double({ min: -180, max: 180, noNaN: true }),
  }),
  fc.record({ kind: fc.constant('tangent' as const), of: fc.nat(), bearing: fc.double({ min: -180, max: 180, noNaN: true }) }),
  fc.record({
    kind: fc.constant('through' as const),
    of: fc.nat(),
    bearings: fc.array(fc.double({ min: -180, max: 180, noNaN: true }), { minLength: 3, maxLength: 5 }),
  }),
  fc.record({
    kind: fc.constant('ring' as const),
    of: fc.nat(),
    count: fc.integer({ min: 5, max: 8 }),
    spread: fc.double({ min: 0, max: 1, noNaN: true }),
    phase: fc.double({ min: 0, max: 90, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('row' as const),
    of: fc.nat(),
    count: fc.integer({ min: 2, max: 6 }),
    spacing: fc.double({ min: 0.2, max: 2.2, noNaN: true }),
    bearing: fc.double({ min: -180, max: 180, noNaN: true }),
  }),
);
const hallsArb = fc
  .record({
    r: fc.integer({ min: 100, max: 3000 }),
    centres: fc.array(fc.tuple(lngArb, latArb), { minLength: 1, maxLength: 3 }),
    offsets: fc.array(fc.tuple(fc.nat(), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true })), { maxLength: 25 }),
    extras: fc.array(extraArb, { maxLength: 6 }),
  })
  .map(({ r, centres, offsets, extras }) => {
    const halls: Position[] = [centres[0]];
    // Offsets in units of r around a cluster centre, so circles overlap often.
    for (const [c, dx, dy] of offsets) {
      const [lng, lat] = centres[c % centres.length];
      halls.push([lng + (dx * r) / (111_195 * Math.cos((lat * Math.PI) / 180)), lat + (dy * r) / 111_195]);
    }
    for (const e of extras) {
      const h = halls[e.of % halls.length];
      if (e.kind === 'duplicate') halls.push([h[0], h[1]]);
      else if (e.kind === 'near') halls.push(dest(h, e.metres, e.bearing));
      else if (e.kind === 'tangent') halls.push(dest(h, 2 * r, e.bearing));
      else if (e.kind === 'through') {
        const o = dest(h, r, e.bearings[0]);
        for (const b of e.bearings.slice(1)) halls.push(dest(o, r, b));
      } else if (e.kind === 'ring') {
        // Neighbours on the ring overlap while D < r / sin(π/count); the centre stays uncovered while D > r.
        const d = r * (1.05 + e.spread * (0.95 / Math.sin(Math.PI / e.count) - 1.05));
        const o = dest(h, d + 1.5 * r, 4 * e.phase); // the pocket's centre, 1.5 r beyond the ring from hall h
        for (let k = 0; k < e.count; k++) halls.push(dest(o, d, e.phase + (360 * k) / e.count));
      } else for (let k = 1; k < e.count; k++) halls.push(dest(h, k * e.spacing * r, e.bearing));
    }
    return { r, halls };
  });

const lngsOf = (halls: Position[]) => halls.map((p) => p[0]);
const latsOf = (halls: Position[]) => halls.map((p) => p[1]);

describe('unionOfCircles', () => {
  it('covers exactly the places within r of some hall (haversine), away from the drawing tolerance', () => {
    fc.assert(
      fc.property(
        hallsArb,
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 50, maxLength: 150 }),
        ({ r, halls }, unit) => {
          const u = circleUnion(lngsOf(halls), latsOf(halls), r);
          expect(u.unmerged).toBe(0);
          const tol = tolerance(r, 22.83, u.nudgedM);
          const dLat = (1.3 * r) / 111_195,
            dLng = dLat / Math.cos((22.83 * Math.PI) / 180);
          const lo = [Math.min(...lngsOf(halls)) - dLng, Math.min(...latsOf(halls)) - dLat];
          const hi = [Math.max(...lngsOf(halls)) + dLng, Math.max(...latsOf(halls)) + dLat];
          const probes = unit.map(([a, b]) => [lo[0] + a * (hi[0] - lo[0]), lo[1] + b * (hi[1] - lo[1])]);
          // And probes just either side of every circle (3 tolerances in and out, 16 bearings), where
          // a missing hole or arc would show: the output itself does not choose them.
          for (const h of halls) for (let k = 0; k < 16; k++) for (const d of [r - 3 * tol, r + 3 * tol]) probes.push(dest(h, d, 22.5 * k + 7));
          let checked = 0;
          for (const q of probes) {
            const d = halls.map((h) => haversineM(q[0], q[1], h[0], h[1]));
            if (d.some((v) => Math.abs(v - r) <= tol)) continue;
            checked++;
            expect(insideEvenOdd(q, u.geometry)).toBe(d.some((v) => v < r));
          }
          expect(checked).toBeGreaterThan(0);
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });

  it('puts every vertex on the boundary of the true union: on one circle, inside none, within the tolerance', () => {
    fc.assert(
      fc.property(hallsArb, ({ r, halls }) => {
        const u = circleUnion(lngsOf(halls), latsOf(halls), r);
        const eps = tolerance(r, 22.83, u.nudgedM) - 1.021 * r * (1 - Math.cos(Math.PI / CIRCLE_STEPS)); // vertices sit on the circles, chords aside
        for (const poly of u.geometry.coordinates)
          for (const ring of poly)
            for (const v of ring) {
              const d = Math.min(...halls.map((h) => haversineM(v[0], v[1], h[0], h[1])));
              expect(Math.abs(d - r)).toBeLessThanOrEqual(eps);
            }
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('returns closed rings of at least 4 finite positions, outer rings counterclockwise and holes clockwise', () => {
    fc.assert(
      fc.property(hallsArb, ({ r, halls }) => {
        const g = unionOfCircles(lngsOf(halls), latsOf(halls), r);
        expect(g.type).toBe('MultiPolygon');
        expect(g.coordinates.length).toBeGreaterThan(0);
        for (const poly of g.coordinates) {
          poly.forEach((ring, k) => {
            expect(ring.length).toBeGreaterThanOrEqual(4);
            expect(ring[ring.length - 1]).toEqual(ring[0]);
            for (const p of ring) expect(p.every(Number.isFinite)).toBe(true);
            if (k === 0) expect(signedArea(ring)).toBeGreaterThan(0);
            else expect(signedArea(ring)).toBeLessThan(0);
          });
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('differs from the old polygon-clipping union of 32-gons only at the corners where circles meet', () => {
    // Each corner moves from where two 32-gon chords cross out to where the
    // two circles cross: at most a sliver of a chord (2 r sin(π/32)) by its
    // sagitta plus the frame error, so the symmetric difference stays under
    // (corners + 1)·r²·1e-3 (a sliver is ≤ r²·STEP³/8 = 9.5e-4 r²).
    fc.assert(
      fc.property(hallsArb, ({ r, halls }) => {
        const u = circleUnion(lngsOf(halls), latsOf(halls), r);
        // polygon-clipping itself fails on some inputs (e.g. centres 1e-14° apart: "Unable to find
        // segment in SweepLine tree"), which the new union handles; those have no reference.
        let old: MultiPolygon;
        try {
          old = polygonClippingUnion(lngsOf(halls), latsOf(halls), r);
        } catch {
          return fc.pre(false);
        }
        const xor = polygonClipping.xor(u.geometry.coordinates as polygonClipping.MultiPolygon, old.coordinates as polygonClipping.MultiPolygon);
        // Corners: vertices of the new union that are not 32-gon vertices, counted generously as all vertices off the 32-gon grid.
        const corners = u.geometry.coordinates.flat().reduce((t, ring) => t + ring.length, 0);
        expect(m2({ type: 'MultiPolygon', coordinates: xor })).toBeLessThanOrEqual((corners + 1) * r * r * 1e-3 + u.nudgedM * 2 * Math.PI * r * halls.length);
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('has the area of a brute-force grid count of places within r, less at most the 32-gon shortfall', () => {
    fc.assert(
      fc.property(hallsArb, ({ r, halls }) => {
        const u = circleUnion(lngsOf(halls), latsOf(halls), r);
        // 120 × 120 cell centres over the bounding box, each counted in if within r of a hall (haversine).
        const dLat = (1.05 * r) / 111_195,
          dLng = dLat / Math.cos((22.6 * Math.PI) / 180);
        const x0 = Math.min(...lngsOf(halls)) - dLng,
          x1 = Math.max(...lngsOf(halls)) + dLng;
        const y0 = Math.min(...latsOf(halls)) - dLat,
          y1 = Math.max(...latsOf(halls)) + dLat;
        const N = 120;
        let hits = 0;
        for (let i = 0; i < N; i++)
          for (let j = 0; j < N; j++) {
            const x = x0 + ((i + 0.5) * (x1 - x0)) / N,
              y = y0 + ((j + 0.5) * (y1 - y0)) / N;
            if (halls.some((h) => haversineM(x, y, h[0], h[1]) <= r)) hits++;
          }
        const boxM2 = m2({
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [x0, y0],
                [x1, y0],
                [x1, y1],
                [x0, y1],
                [x0, y0],
              ],
            ],
          ],
        });
        const estimate = (hits / (N * N)) * boxM2;
        // Grid error: at most the cells the boundary crosses, perimeter × cell diagonal, perimeter ≤ 2πr per circle.
        const cell = Math.sqrt(boxM2 / (N * N)) * Math.SQRT2;
        const gridError = 2 * Math.PI * r * halls.length * cell;
        const a = m2(u.geometry);
        // The 32-gon holds (32/2π)·sin(2π/32) = 99.36 % of its circle's area.
        expect(a).toBeLessThanOrEqual(estimate + gridError);
        expect(a).toBeGreaterThanOrEqual(0.9935 * estimate - gridError);
      }),
      { seed: 42, numRuns: 20 },
    );
  });

  it('draws one hall as exactly the turf 32-gon of its circle', () => {
    const c = circle([113.93, 22.77], 0.5, { steps: CIRCLE_STEPS, units: 'kilometers' }).geometry.coordinates;
    expect(unionOfCircles([113.93], [22.77], 500)).toEqual({ type: 'MultiPolygon', coordinates: [c] });
  });

  it("draws a lone hall anywhere, at any radius, as the ring Turf's circle() returns for r / 1000 km, bit for bit", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -179, max: 179, noNaN: true }),
        fc.double({ min: -80, max: 80, noNaN: true }),
        fc.double({ min: 1, max: 50_000, noNaN: true }),
        (lng, lat, r) => {
          const turf = circle([lng, lat], r / 1000, { steps: CIRCLE_STEPS, units: 'kilometers' }).geometry.coordinates;
          expect(unionOfCircles([lng], [lat], r).coordinates).toEqual([turf]);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('counts duplicate halls once', () => {
    const one = unionOfCircles([113.93], [22.77], 500);
    expect(unionOfCircles([113.93, 113.93, 113.93], [22.77, 22.77, 22.77], 500)).toEqual(one);
  });

  it('keeps two halls exactly 2 r apart as two circles touching at a point', () => {
    const [lng, lat] = dest([113.93, 22.77], 1000, 90);
    const g = unionOfCircles([113.93, lng], [22.77, lat], 500);
    expect(g.coordinates).toHaveLength(2);
    expect(g.coordinates.every((p) => p.length === 1)).toBe(true);
  });

  it('merges two halls 1.9 r apart into one ring with the lens counted once', () => {
    const [lng, lat] = dest([113.93, 22.77], 950, 30);
    const g = unionOfCircles([113.93, lng], [22.77, lat], 500);
    expect(g.coordinates).toHaveLength(1);
    expect(g.coordinates[0]).toHaveLength(1);
    // Two discs of r = 500 m at d = 950 m overlap in a lens of 2r²acos(d/2r) − (d/2)√(4r² − d²) = 12 223 m²;
    // the union is 2πr² minus that, times the 32-gon's 99.36 %, give or take the two corner slivers.
    const r = 500,
      d = 950;
    const lens = 2 * r * r * Math.acos(d / (2 * r)) - (d / 2) * Math.sqrt(4 * r * r - d * d);
    const exact = 2 * Math.PI * r * r - lens;
    expect(m2(g)).toBeGreaterThan(0.9935 * exact);
    expect(m2(g)).toBeLessThan(exact);
  });

  it('leaves the hole in a ring of six circles and draws it clockwise', () => {
    // Six halls 1 km from a centre, 60° apart, r = 600 m: neighbours overlap (1 km apart), the centre is 1 km from all.
    const o: Position = [113.93, 22.77];
    const halls = [0, 60, 120, 180, 240, 300].map((b) => dest(o, 1000, b));
    const g = unionOfCircles(lngsOf(halls), latsOf(halls), 600);
    expect(g.coordinates).toHaveLength(1);
    expect(g.coordinates[0]).toHaveLength(2);
    expect(signedArea(g.coordinates[0][1])).toBeLessThan(0);
    expect(insideEvenOdd(o, g)).toBe(false);
  });

  it('draws nothing for a circle covered all round by others', () => {
    // A hall at the centre of the six above, r = 1.2 km: its circle lies inside the union of the other six.
    const o: Position = [113.93, 22.77];
    const ring6 = [0, 60, 120, 180, 240, 300].map((b) => dest(o, 1000, b));
    const withCentre = unionOfCircles(lngsOf([...ring6, o]), latsOf([...ring6, o]), 1200);
    expect(withCentre).toEqual(unionOfCircles(lngsOf(ring6), latsOf(ring6), 1200));
  });

  it('merges circles whose crossings coincide (a 3 × 3 grid of halls r·√2 apart through shared points) without leftovers', () => {
    // Halls on a square grid with spacing s and r = s/√2: four circles pass through each cell centre.
    const r = 700,
      s = r * Math.SQRT2;
    const halls: Position[] = [];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) halls.push(dest(dest([113.93, 22.77], i * s, 90), j * s, 0));
    const u = circleUnion(lngsOf(halls), latsOf(halls), r);
    expect(u.unmerged).toBe(0);
    expect(u.geometry.coordinates).toHaveLength(1);
  });

  it('on the sample halls (each service, 500 m and 3 km) holds the old union and adds only the corner slivers', () => {
    // Measured: old minus new ≤ 1.1e-6 of the area (a 32-gon vertex skipped next to a corner), new minus
    // old 1.8–2.1e-4 (each corner moved out from the chords' crossing to the circles' crossing).
    const halls = JSON.parse(readFileSync('public/geo/halls.geojson', 'utf8')) as {
      features: { geometry: { coordinates: number[] }; properties: { services: string[] } }[];
    };
    for (const service of ['petition', 'legal-aid', 'psych-support'])
      for (const r of [500, 3000]) {
        const hs = halls.features.filter((f) => f.properties.services.includes(service)).map((f) => f.geometry.coordinates);
        const u = unionOfCircles(lngsOf(hs), latsOf(hs), r).coordinates as polygonClipping.MultiPolygon;
        const old = polygonClippingUnion(lngsOf(hs), latsOf(hs), r).coordinates as polygonClipping.MultiPolygon;
        const a = m2({ type: 'MultiPolygon', coordinates: old });
        expect(m2({ type: 'MultiPolygon', coordinates: polygonClipping.difference(old, u) }) / a).toBeLessThan(5e-6);
        expect(m2({ type: 'MultiPolygon', coordinates: polygonClipping.difference(u, old) }) / a).toBeLessThan(3e-4);
      }
  });

  it('returns an empty MultiPolygon for no points', () => {
    expect(unionOfCircles([], [], 500)).toEqual({ type: 'MultiPolygon', coordinates: [] });
  });
});
