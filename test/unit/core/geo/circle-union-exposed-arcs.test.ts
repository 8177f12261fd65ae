import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crossings } from '../../../../src/core/geo/circle-union/circle-crossings';
import { exposedArcs, type Arc } from '../../../../src/core/geo/circle-union/exposed-arcs';
import { randomCirclesArb } from '../../helpers/planar-circles';

const TAU = 2 * Math.PI;

describe('exposedArcs', () => {
  it('covers exactly the angles at which the circle is outside every other circle (720 samples per circle)', () => {
    fc.assert(
      fc.property(randomCirclesArb, (c) => {
        const n = c.x.length;
        const { events } = crossings(c);
        for (let i = 0; i < n; i++) {
          if (!events[i].length) continue;
          const arcs: Arc[] = [];
          exposedArcs(i, events[i], arcs);
          const eventAngles = events[i].map((e) => e.angle);
          for (let s = 0; s < 720; s++) {
            const t = ((s + 0.37) / 720) * TAU;
            // Skip samples within 1e-7 rad of a crossing, where "outside" depends on rounding.
            if (eventAngles.some((a) => Math.abs(Math.sin((t - a) / 2)) < 5e-8)) continue;
            const x = c.x[i] + c.r[i] * Math.cos(t),
              y = c.y[i] + c.r[i] * Math.sin(t);
            const outside = [...Array(n).keys()].every((j) => j === i || Math.hypot(x - c.x[j], y - c.y[j]) >= c.r[j]);
            const onArc = arcs.some((a) => a.from <= t + TAU * Math.floor((a.to - t) / TAU) && t + TAU * Math.floor((a.to - t) / TAU) <= a.to);
            expect(onArc).toBe(outside);
          }
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('starts each arc where the circle leaves another and ends it where the circle enters one, going counterclockwise', () => {
    fc.assert(
      fc.property(randomCirclesArb, (c) => {
        const { events } = crossings(c);
        events.forEach((list, i) => {
          if (!list.length) return;
          const arcs: Arc[] = [];
          exposedArcs(i, list, arcs);
          for (const a of arcs) {
            expect(a.circle).toBe(i);
            expect(list.find((e) => e.point === a.start)?.enter).toBe(false);
            expect(list.find((e) => e.point === a.end)?.enter).toBe(true);
            expect(a.to).toBeGreaterThan(a.from);
            expect(a.to - a.from).toBeLessThanOrEqual(TAU);
          }
        });
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('returns no arc when the covered intervals overlap all round, also across angle 0', () => {
    // Intervals [0.1, 3.3] and [3.2, 6.4]; the second wraps past 2π to 0.117.
    const arcs: Arc[] = [];
    exposedArcs(
      0,
      [
        { angle: 0.1, enter: true, point: 0 },
        { angle: 3.3, enter: false, point: 1 },
        { angle: 3.2, enter: true, point: 2 },
        { angle: 6.4, enter: false, point: 3 },
      ],
      arcs,
    );
    expect(arcs).toEqual([]);
  });

  it('finds the gap between two intervals that miss each other by 1e-9 rad', () => {
    const arcs: Arc[] = [];
    exposedArcs(
      7,
      [
        { angle: 0, enter: true, point: 0 },
        { angle: 3, enter: false, point: 1 },
        { angle: 3 + 1e-9, enter: true, point: 2 },
        { angle: 2 * Math.PI, enter: false, point: 3 },
      ],
      arcs,
    );
    expect(arcs).toEqual([{ circle: 7, from: 3, to: 3 + 1e-9, start: 1, end: 2 }]);
  });

  it('returns the arc that wraps past angle 0 as one arc', () => {
    // Circle 0 at the origin, crossed only by a circle to its west: the exposed arc runs from about −60° to +60° through 0.
    const { events } = crossings({ x: Float64Array.of(0, -1), y: Float64Array.of(0, 0), r: Float64Array.of(1, 1) });
    const arcs: Arc[] = [];
    exposedArcs(0, events[0], arcs);
    expect(arcs).toHaveLength(1);
    expect(arcs[0].to - arcs[0].from).toBeCloseTo((4 * Math.PI) / 3, 12);
  });
});
