// The capacities capacity analysis runs on: the halls' own when the data has
// them (the contract in docs/data-format.md), else one number typed by the
// user for every hall, to explore; none at all means coverage only.
import type { HallSet } from '../types';

/** Capacity per hall (Infinity = unlimited), or null when capacity analysis is off. */
export function hallCapacity(halls: Pick<HallSet, 'count' | 'capacity'>, uniform: number | undefined): Float64Array | null {
  if (halls.capacity !== undefined) return halls.capacity;
  if (uniform === undefined || !Number.isFinite(uniform) || uniform < 0) return null;
  return new Float64Array(halls.count).fill(uniform);
}
