// A PopulationSet of points from plain [lng, lat] positions and weights, for engine tests.
import type { PopulationSet } from '../../../src/core/types';

export function popSet(us: readonly { p: [number, number]; w: number }[]): PopulationSet {
  return {
    count: us.length,
    lng: Float64Array.from(us, (u) => u.p[0]),
    lat: Float64Array.from(us, (u) => u.p[1]),
    weight: Float64Array.from(us, (u) => u.w),
    feature: Int32Array.from(us, (_, i) => i),
    total: us.reduce((s, u) => s + u.w, 0),
    kind: 'points',
  };
}
