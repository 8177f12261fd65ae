// A HallSet from plain [lng, lat] positions and service lists, for engine tests.
import type { HallSet } from '../../../src/core/types';

export function hallSet(hs: { p: [number, number]; s: string[] }[]): HallSet {
  return {
    count: hs.length,
    lng: Float64Array.from(hs, (h) => h.p[0]),
    lat: Float64Array.from(hs, (h) => h.p[1]),
    name: hs.map((_, i) => `hall ${i}`),
    services: hs.map((h) => h.s),
    properties: hs.map(() => ({})),
  };
}
