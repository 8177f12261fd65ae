// Incremental per-hall loads with proposed halls against a full recomputation:
// the engine on the loaded halls with the placed proposed halls appended in id
// order, after every edit of a random sequence (place, move, remove),
// including halls at exactly the same distance and units exactly at the radius.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../../src/core/coverage/engine';
import { unitCells } from '../../../../src/core/geo/nearest-hall';
import { IncrementalLoads } from '../../../../src/core/planning/incremental-loads';
import { unitCosines } from '../../../../src/core/geo/units-within';
import type { AreaSet } from '../../../../src/core/types';
import { hallSet } from '../../helpers/hall-set';
import { popSet } from '../../helpers/pop-set';

// Dyadic grid positions: symmetric halls are at exactly equal distances.
const X0 = 113.9375,
  Y0 = 22.75,
  STEP = 2 ** -10; // ~100 m
const NO_AREAS: AreaSet = { names: [], features: [] };
const position = fc.tuple(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 16 })).map(([i, j]) => [X0 + i * STEP, Y0 + j * STEP] as [number, number]);
const edit = fc.record({ id: fc.integer({ min: 0, max: 4 }), p: position, remove: fc.boolean() });

function fullLoads(
  base: { p: [number, number] }[],
  placed: Map<number, [number, number]>,
  units: { p: [number, number]; w: number }[],
  r: number,
): Float64Array {
  const proposed = [...placed].sort((a, b) => a[0] - b[0]).map(([, p]) => ({ p, s: ['a'] }));
  const e = new CoverageEngine(hallSet([...base.map((h) => ({ p: h.p, s: ['a'] })), ...proposed]), popSet(units), NO_AREAS);
  return e.capacity({ radiusM: r, services: ['a'] }).load.a;
}

describe('IncrementalLoads', () => {
  it('equals a full recomputation after every place, move and remove', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ p: position }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.record({ p: position, w: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 50, noNaN: true })) }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.constantFrom(0, 150, 300, 500),
        fc.array(edit, { maxLength: 12 }),
        (base, units, r, edits) => {
          const engine = new CoverageEngine(hallSet(base.map((h) => ({ p: h.p, s: ['a'] }))), popSet(units), NO_AREAS);
          const pop = engine.population;
          const inc = new IncrementalLoads(
            { lng: pop.lng, lat: pop.lat, weight: pop.weight, cos: unitCosines(pop.lat), cells: unitCells(pop.lng, pop.lat, base.length) },
            { hallLng: engine.halls.lng, hallLat: engine.halls.lat, nearestM: engine.nearest('a'), nearestHall: engine.nearestHall('a') },
            r,
          );
          const placed = new Map<number, [number, number]>();
          for (const ed of edits) {
            if (ed.remove) {
              inc.remove(ed.id);
              placed.delete(ed.id);
            } else {
              inc.set(ed.id, ed.p[0], ed.p[1]);
              placed.set(ed.id, ed.p);
            }
            const want = fullLoads(base, placed, units, r);
            const got = [...base.map((_, h) => inc.load(h)), ...[...placed.keys()].sort((a, b) => a - b).map((id) => inc.proposedLoad(id))];
            expect(got).toEqual(Array.from(want));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives a proposed hall the units it is nearest to, ties to the loaded hall', () => {
    const base = [{ p: [X0, Y0] as [number, number] }];
    const units = [
      { p: [X0 + STEP, Y0] as [number, number], w: 10 },
      { p: [X0 + 3 * STEP, Y0] as [number, number], w: 5 },
    ];
    const engine = new CoverageEngine(hallSet([{ p: base[0].p, s: ['a'] }]), popSet(units), NO_AREAS);
    const pop = engine.population;
    const inc = new IncrementalLoads(
      { lng: pop.lng, lat: pop.lat, weight: pop.weight, cos: unitCosines(pop.lat), cells: unitCells(pop.lng, pop.lat, 1) },
      { hallLng: engine.halls.lng, hallLat: engine.halls.lat, nearestM: engine.nearest('a'), nearestHall: engine.nearestHall('a') },
      500,
    );
    expect(inc.load(0)).toBe(15);
    inc.set(7, X0 + 2 * STEP, Y0); // the first unit is equally near both: it stays with the loaded hall
    expect([inc.load(0), inc.proposedLoad(7)]).toEqual([10, 5]);
    inc.set(7, X0 + 1 * STEP, Y0);
    expect([inc.load(0), inc.proposedLoad(7)]).toEqual([0, 15]);
    inc.remove(7);
    expect([inc.load(0), inc.proposedLoad(7)]).toEqual([15, 0]);
  });
});
