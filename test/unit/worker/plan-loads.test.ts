// What-if loads in the worker: the proposed halls' loads and the changed
// loads of the loaded halls equal the engine's on the halls with the proposed
// ones appended (in id order); a proposed hall's capacity is its own, else
// the typed one; without capacity analysis there are none.
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../src/core/coverage/engine';
import type { AreaSet, HallSet } from '../../../src/core/types';
import { PlanLoads } from '../../../src/core/planning/plan-loads';
import type { ProposedHall } from '../../../src/worker/messages';
import { hallSet } from '../helpers/hall-set';
import { popSet } from '../helpers/pop-set';

const X0 = 113.9375,
  Y0 = 22.75,
  STEP = 2 ** -10; // ~100 m
const NO_AREAS: AreaSet = { names: [], features: [] };
const at = (i: number, j: number): [number, number] => [X0 + i * STEP, Y0 + j * STEP];
const units = Array.from({ length: 64 }, (_, k) => ({ p: at(k % 8, Math.floor(k / 8)), w: 10 + (k % 5) }));
const base = [
  { p: at(0, 0), s: ['a', 'b'] },
  { p: at(7, 7), s: ['a'] },
];

function engineWith(halls: { p: [number, number]; s: string[] }[], capacity?: number[]): CoverageEngine {
  const h: HallSet = hallSet(halls);
  if (capacity) h.capacity = Float64Array.from(capacity);
  return new CoverageEngine(h, popSet(units), NO_AREAS);
}

describe('PlanLoads', () => {
  const proposed: ProposedHall[] = [
    { id: 3, lng: at(3, 3)[0], lat: at(3, 3)[1], services: ['a'], name: '', capacity: 50 },
    { id: 5, lng: at(5, 2)[0], lat: at(5, 2)[1], services: ['a', 'b'], name: '' },
  ];

  it('equals the engine with the proposed halls appended, for loaded and proposed halls', () => {
    const e = engineWith(base, [100, 200]);
    const got = new PlanLoads(e).loads({ radiusM: 500, services: ['a', 'b'], proposed }, ['a', 'b'])!;
    const full = engineWith([...base, { p: at(3, 3), s: ['a'] }, { p: at(5, 2), s: ['a', 'b'] }]).capacity({ radiusM: 500, services: ['a', 'b'] });
    const before = e.capacity({ radiusM: 500, services: ['a', 'b'] });
    for (const l of got) {
      const k = l.proposedId === null ? l.hall : 2 + proposed.findIndex((h) => h.id === l.proposedId);
      expect(l.load).toBe(full.load[l.service][k]);
      if (l.proposedId === null) expect(l.baseline).toBe(before.load[l.service][l.hall]);
    }
    // Every loaded hall whose load changed is listed, and only those.
    for (const s of ['a', 'b']) {
      const changed = [0, 1].filter((h) => full.load[s][h] !== before.load[s][h]);
      expect(got.filter((l) => l.service === s && l.proposedId === null).map((l) => l.hall)).toEqual(changed);
    }
    expect(got.filter((l) => l.proposedId !== null).map((l) => [l.service, l.proposedId, l.capacity])).toEqual([
      ['a', 3, 50],
      ['a', 5, null],
      ['b', 5, null],
    ]);
  });

  it('takes the typed capacity for data without capacities, and gives nothing without any', () => {
    const e = engineWith(base);
    expect(new PlanLoads(e).loads({ radiusM: 500, services: ['a'], proposed }, ['a'])).toBeNull();
    const got = new PlanLoads(e).loads({ radiusM: 500, services: ['a'], proposed, capacity: 70 }, ['a'])!;
    expect(got.filter((l) => l.proposedId !== null).map((l) => l.capacity)).toEqual([50, 70]);
    expect(got.filter((l) => l.proposedId === null).every((l) => l.capacity === 70)).toBe(true);
  });

  it('follows moves and removals', () => {
    const e = engineWith(base, [100, 200]);
    const loads = new PlanLoads(e);
    loads.loads({ radiusM: 500, services: ['a'], proposed }, ['a']);
    const moved = [{ ...proposed[0], lng: at(6, 6)[0], lat: at(6, 6)[1] }];
    const got = loads.loads({ radiusM: 500, services: ['a'], proposed: moved }, ['a'])!;
    const full = engineWith([...base, { p: at(6, 6), s: ['a'] }]).capacity({ radiusM: 500, services: ['a'] });
    expect(got.map((l) => l.load)).toEqual([...[0, 1].filter((h) => got.some((l) => l.hall === h)).map((h) => full.load.a[h]), full.load.a[2]]);
  });
});
