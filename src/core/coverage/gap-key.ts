// Which key a report on some services is about: the one service itself, or
// `all` (covered by every one) when several are reported. The district
// table's uncovered column, the map's gaps and the exports all follow it, so
// a file's numbers are the ones on screen.
import { ALL_KEY } from '../services';

/** The service itself for one service, else 'all' (also for none). */
export function gapKey(services: readonly string[]): string {
  return services.length === 1 ? services[0] : ALL_KEY;
}
