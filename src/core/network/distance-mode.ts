// Which distance the numbers use, named in the stats JSON whenever roads are
// loaded or the mode is network; absent otherwise, so straight-line output
// without roads keeps its bytes.
import type { DistanceMode, Stats } from '../types.ts';

export const DISTANCE_MODES: readonly DistanceMode[] = ['straight', 'network'];

/** The stats with `"distance": mode` placed right after `radius_m`. */
export function withDistanceMode(stats: Stats, mode: DistanceMode): Stats {
  const { radius_m, ...rest } = stats;
  return { radius_m, distance: mode, ...rest };
}
