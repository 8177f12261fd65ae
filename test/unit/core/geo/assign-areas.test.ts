import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaIndexes, assignAreas } from '../../../../src/core/geo/assign-areas';
import type { AreaSet } from '../../../../src/core/types';
import { bruteArea, LAT0, LNG0, positionArb, rect } from '../../helpers/coverage-reference';

// Overlapping areas, so file order decides; the second has a hole.
const features = [
  rect('A', [LNG0, LAT0, LNG0 + 0.012, LAT0 + 0.012]),
  rect('B', [LNG0 + 0.008, LAT0 + 0.004, LNG0 + 0.025, LAT0 + 0.02], [LNG0 + 0.015, LAT0 + 0.008, LNG0 + 0.02, LAT0 + 0.014]),
  rect('C', [LNG0 + 0.012, LAT0, LNG0 + 0.03, LAT0 + 0.03]),
];
const areas: AreaSet = { names: ['A', 'B', 'C'], features };

describe('assignAreas', () => {
  it('gives each point the first area in file order that contains it, as a turf scan does', () => {
    fc.assert(
      fc.property(fc.array(positionArb(true), { maxLength: 200, size: 'max' }), (pts) => {
        const got = assignAreas(
          Float64Array.from(pts, (p) => p[0]),
          Float64Array.from(pts, (p) => p[1]),
          areaIndexes(areas),
        );
        pts.forEach(([x, y], i) => expect(got[i]).toBe(bruteArea(x, y, features)));
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('returns -1 outside every area', () => {
    expect([...assignAreas([LNG0 - 1], [LAT0], areaIndexes(areas))]).toEqual([-1]);
  });
});
