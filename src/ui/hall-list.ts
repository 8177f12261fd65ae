// Which halls the hall list shows: exactly the ones the district table's hall
// column counts (src/ui/table-columns.ts), so the two always agree. The area
// of each hall is the engine's own assignment, computed in the worker
// (HallInfo.area); this only filters by it.
import type { HallInfo } from '../worker/messages';

/**
 * Indexes (into LoadResult.halls, file order) of the halls in `area` (null: all
 * halls) offering the one selected service, or every hall when several
 * services are selected ("all three" counts all sites).
 */
export function listedHalls(halls: readonly HallInfo[], area: number | null, services: readonly string[]): number[] {
  const out: number[] = [];
  halls.forEach((h, i) => {
    if (area !== null && h.area !== area) return;
    if (services.length === 1 && !h.services.includes(services[0])) return;
    out.push(i);
  });
  return out;
}
