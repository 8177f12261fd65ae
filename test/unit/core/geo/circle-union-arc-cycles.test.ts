import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chainArcs, cycleArea } from '../../../../src/core/geo/circle-union/arc-cycles';
import { crossings } from '../../../../src/core/geo/circle-union/circle-crossings';
import { exposedArcs, type Arc } from '../../../../src/core/geo/circle-union/exposed-arcs';
import { randomCirclesArb } from '../../helpers/planar-circles';

const arc = (start: number, end: number, circle = 0): Arc => ({ circle, from: 0, to: 1, start, end });

describe('chainArcs', () => {
  it('uses every arc once and follows each arc by the one starting at its end point', () => {
    fc.assert(
      fc.property(randomCirclesArb, (c) => {
        const { events } = crossings(c);
        const arcs: Arc[] = [];
        events.forEach((list, i) => list.length && exposedArcs(i, list, arcs));
        const cycles = chainArcs(arcs);
        expect(cycles).not.toBeNull();
        expect(cycles!.flat().sort((a, b) => a - b)).toEqual(arcs.map((_, k) => k));
        for (const cycle of cycles!) cycle.forEach((k, s) => expect(arcs[cycle[(s + 1) % cycle.length]].start).toBe(arcs[k].end));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('chains by point id alone: two arcs meeting at points 3 and 8 make one cycle', () => {
    expect(chainArcs([arc(3, 8, 0), arc(8, 3, 1)])).toEqual([[0, 1]]);
  });

  it('returns null when two arcs start at one point', () => {
    expect(chainArcs([arc(1, 2), arc(1, 3), arc(2, 1)])).toBeNull();
  });

  it('returns null when an arc ends where no arc starts', () => {
    expect(chainArcs([arc(1, 2), arc(2, 5)])).toBeNull();
  });

  it('returns null when two arcs end at one point', () => {
    expect(chainArcs([arc(1, 2), arc(2, 1), arc(3, 1)])).toBeNull();
  });
});

describe('cycleArea', () => {
  it('gives two crossing unit circles the area 2π − lens, positive (counterclockwise)', () => {
    const d = 1.3;
    const r = new Float64Array([1, 1]);
    const { px, py, events } = crossings({ x: Float64Array.of(0, d), y: Float64Array.of(0, 0), r });
    const arcs: Arc[] = [];
    exposedArcs(0, events[0], arcs);
    exposedArcs(1, events[1], arcs);
    const [cycle] = chainArcs(arcs)!;
    const lens = 2 * Math.acos(d / 2) - (d / 2) * Math.sqrt(4 - d * d);
    expect(cycleArea(cycle, arcs, px, py, r)).toBeCloseTo(2 * Math.PI - lens, 12);
  });

  it('gives the pocket inside a ring of six circles a negative area equal to a fine polygon of its arcs', () => {
    const k6 = [0, 1, 2, 3, 4, 5];
    const c = {
      x: Float64Array.from(k6, (k) => 2 * Math.cos((k * Math.PI) / 3)),
      y: Float64Array.from(k6, (k) => 2 * Math.sin((k * Math.PI) / 3)),
      r: new Float64Array(6).fill(1.2),
    };
    const { px, py, events } = crossings(c);
    const arcs: Arc[] = [];
    events.forEach((list, i) => exposedArcs(i, list, arcs));
    const areas = chainArcs(arcs)!.map((cycle) => {
      // Brute force: shoelace over each arc sampled every 1e-4 rad.
      let s = 0,
        prev: [number, number] | null = null,
        first: [number, number] | null = null;
      for (const k of cycle) {
        const a = arcs[k];
        for (let t = a.from; t < a.to; t += 1e-4) {
          const p: [number, number] = [c.x[a.circle] + c.r[a.circle] * Math.cos(t), c.y[a.circle] + c.r[a.circle] * Math.sin(t)];
          if (prev) s += prev[0] * p[1] - p[0] * prev[1];
          else first = p;
          prev = p;
        }
      }
      s += prev![0] * first![1] - first![0] * prev![1];
      return [cycleArea(cycle, arcs, px, py, c.r), s / 2];
    });
    expect(areas).toHaveLength(2);
    const [outer, hole] = areas.sort((a, b) => b[0] - a[0]);
    expect(hole[0]).toBeLessThan(0);
    expect(outer[0]).toBeGreaterThan(0);
    for (const [exact, sampled] of areas) expect(Math.abs(exact - sampled)).toBeLessThan(1e-6);
  });
});
