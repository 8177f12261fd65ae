import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GainHeap } from '../../../../src/core/planning/gain-heap';

describe('GainHeap', () => {
  it('pops by gain descending, lower id first on equal gains, like a sort', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60 }), (gains) => {
        const heap = new GainHeap(gains.length);
        gains.forEach((g, id) => heap.push(id, g));
        const order: number[] = [];
        while (heap.size > 0) {
          order.push(heap.topId());
          heap.pop();
        }
        const want = gains
          .map((g, id) => ({ g, id }))
          .sort((a, b) => b.g - a.g || a.id - b.id)
          .map((e) => e.id);
        expect(order).toEqual(want);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('keeps the order after lowering the top gain with updateTop', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 80 }), (gains, cuts) => {
        const heap = new GainHeap(gains.length);
        const current = new Map<number, number>();
        gains.forEach((g, id) => {
          heap.push(id, g);
          current.set(id, g);
        });
        for (const cut of cuts) {
          const id = heap.topId();
          const best = [...current].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
          expect([id, heap.topGain()]).toEqual(best);
          const g = Math.max(0, current.get(id)! - (cut % 4));
          heap.updateTop(g);
          current.set(id, g);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('refuses to grow past its capacity and reports an empty heap', () => {
    const heap = new GainHeap(1);
    expect(heap.topId()).toBe(-1);
    heap.push(0, 1);
    expect(() => heap.push(1, 2)).toThrow(/capacity exceeded/);
  });
});
