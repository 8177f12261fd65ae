import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { circle } from '@turf/circle';
import { turfGon } from '../../../src/worker/circle-union/turf-gon';

describe('turfGon', () => {
  it('returns the very coordinates @turf/circle draws (kilometres, steps), bit for bit', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: -85, max: 85, noNaN: true }),
        fc.double({ min: 1, max: 50_000, noNaN: true }),
        fc.constantFrom(8, 32, 64),
        (lng, lat, r, steps) => {
          const turf = circle([lng, lat], r / 1000, { steps, units: 'kilometers' }).geometry.coordinates[0];
          expect(turfGon(lng, lat, r, steps)).toEqual(turf);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});
