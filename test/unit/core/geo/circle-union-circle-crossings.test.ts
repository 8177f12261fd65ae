import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crossings, distinctCentres, rootOf, type Circles } from '../../../../src/core/geo/circle-union/circle-crossings';
import { randomCirclesArb } from '../../helpers/planar-circles';

const dist = (c: Circles, i: number, j: number) => Math.hypot(c.x[i] - c.x[j], c.y[i] - c.y[j]);

describe('distinctCentres', () => {
  it('keeps the first of every run of centres closer than minGap, like a greedy scan over all pairs', () => {
    fc.assert(
      fc.property(
        randomCirclesArb,
        fc.array(fc.tuple(fc.nat(), fc.double({ min: 0, max: 2e-6, noNaN: true }), fc.double({ min: 0, max: 2e-6, noNaN: true })), { maxLength: 10 }),
        (c0, near) => {
          // Add points within 0..2e-6 of existing ones (coincident when both offsets are 0).
          const n0 = c0.x.length;
          const c: Circles = {
            x: Float64Array.from([...c0.x, ...near.map(([k, dx]) => c0.x[k % n0] + dx)]),
            y: Float64Array.from([...c0.y, ...near.map(([k, , dy]) => c0.y[k % n0] + dy)]),
            r: Float64Array.from([...c0.r, ...near.map(([k]) => c0.r[k % n0])]),
          };
          const gap = 1e-6;
          const kept: number[] = [];
          for (let i = 0; i < c.x.length; i++) if (!kept.some((k) => dist(c, k, i) <= gap)) kept.push(i);
          // The brute force keeps i unless a kept centre is within gap; the index drops i when any
          // earlier kept centre is within gap: the same rule.
          expect(distinctCentres(c, gap)).toEqual(kept);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('crossings', () => {
  it('gives every circle that is not hidden two events per circle it crosses (checked against all pairs)', () => {
    fc.assert(
      fc.property(randomCirclesArb, (c) => {
        const n = c.x.length;
        const { events, hidden } = crossings(c);
        for (let i = 0; i < n; i++) {
          if (hidden[i]) {
            expect(events[i]).toEqual([]);
            continue;
          }
          let crossing = 0;
          for (let j = 0; j < n; j++) if (j !== i && dist(c, i, j) < c.r[i] + c.r[j] && dist(c, i, j) > Math.abs(c.r[i] - c.r[j])) crossing++;
          expect(events[i]).toHaveLength(2 * crossing);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('puts each crossing point on both circles, at the angle of its event, entering the other circle where the event says', () => {
    fc.assert(
      fc.property(randomCirclesArb, (c) => {
        const n = c.x.length;
        const { px, py, events } = crossings(c);
        for (let i = 0; i < n; i++) {
          for (const e of events[i]) {
            const r = c.r[i];
            expect(Math.abs(Math.hypot(px[e.point] - c.x[i], py[e.point] - c.y[i]) - r)).toBeLessThan(1e-9 * r);
            const a = Math.atan2(py[e.point] - c.y[i], px[e.point] - c.x[i]);
            expect(Math.abs(Math.sin(a - e.angle))).toBeLessThan(1e-9);
            expect(Math.cos(a - e.angle)).toBeGreaterThan(0);
            // The other circle: the one (besides i) that the point lies on.
            const j = [...Array(n).keys()].find((k) => k !== i && Math.abs(Math.hypot(px[e.point] - c.x[k], py[e.point] - c.y[k]) - c.r[k]) < 1e-9 * r)!;
            expect(j).toBeDefined();
            // Just after the event (counterclockwise) circle i is inside j when it enters, outside when it leaves.
            const step = 1e-7;
            const after = Math.hypot(c.x[i] + r * Math.cos(e.angle + step) - c.x[j], c.y[i] + r * Math.sin(e.angle + step) - c.y[j]);
            const before = Math.hypot(c.x[i] + r * Math.cos(e.angle - step) - c.x[j], c.y[i] + r * Math.sin(e.angle - step) - c.y[j]);
            expect(after < c.r[j]).toBe(e.enter);
            expect(before < c.r[j]).toBe(!e.enter);
          }
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('shares one crossing point between the two circles: an entry on one is an exit on the other (unless one is hidden)', () => {
    fc.assert(
      fc.property(randomCirclesArb, (c) => {
        const { events, hidden } = crossings(c);
        const seen = new Map<number, boolean[]>();
        for (const list of events) for (const e of list) seen.set(e.point, [...(seen.get(e.point) ?? []), e.enter]);
        const anyHidden = hidden.some((h) => h === 1);
        for (const kinds of seen.values()) {
          if (kinds.length === 1) expect(anyHidden).toBe(true);
          else expect(kinds.sort()).toEqual([false, true]);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('links circles into the groups a flood fill over crossing pairs finds', () => {
    fc.assert(
      fc.property(randomCirclesArb, (c) => {
        const n = c.x.length;
        const { parent } = crossings(c);
        const group = new Array<number>(n).fill(-1);
        for (let s = 0; s < n; s++) {
          if (group[s] >= 0) continue;
          const stack = [s];
          group[s] = s;
          while (stack.length) {
            const i = stack.pop()!;
            for (let j = 0; j < n; j++) {
              if (group[j] < 0 && dist(c, i, j) < c.r[i] + c.r[j] && dist(c, i, j) > Math.abs(c.r[i] - c.r[j])) {
                group[j] = s;
                stack.push(j);
              }
            }
          }
        }
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(rootOf(parent, i) === rootOf(parent, j)).toBe(group[i] === group[j]);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('hides every circle inside another, and only circles that other circles cover all round (720 samples)', () => {
    fc.assert(
      fc.property(randomCirclesArb, (c) => {
        const n = c.x.length;
        const { hidden } = crossings(c);
        for (let i = 0; i < n; i++) {
          const others = [...Array(n).keys()].filter((j) => j !== i);
          if (others.some((j) => c.r[i] < c.r[j] && dist(c, i, j) <= c.r[j] - c.r[i])) expect(hidden[i]).toBe(1);
          if (!hidden[i]) continue;
          for (let s = 0; s < 720; s++) {
            const t = (s / 720) * 2 * Math.PI;
            const x = c.x[i] + c.r[i] * Math.cos(t),
              y = c.y[i] + c.r[i] * Math.sin(t);
            expect(Math.min(...others.map((j) => Math.hypot(x - c.x[j], y - c.y[j]) - c.r[j]))).toBeLessThanOrEqual(1e-9 * c.r[i]);
          }
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('hides a circle covered all round by six neighbours, and keeps them', () => {
    const k6 = [0, 1, 2, 3, 4, 5];
    const { hidden } = crossings({
      x: Float64Array.from([0, ...k6.map((k) => Math.cos((k * Math.PI) / 3))]),
      y: Float64Array.from([0, ...k6.map((k) => Math.sin((k * Math.PI) / 3))]),
      r: Float64Array.from([1, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2]),
    });
    expect([...hidden]).toEqual([1, 0, 0, 0, 0, 0, 0]);
  });

  it('gives tangent circles no crossing', () => {
    const { events } = crossings({ x: Float64Array.of(0, 2), y: Float64Array.of(0, 0), r: Float64Array.of(1, 1) });
    expect(events).toEqual([[], []]);
  });
});
