// The stats JSON's "distance" key, in a module of its own so the app's
// export code can name the mode without bringing in the network engine.
import type { DistanceMode, Stats } from '../types';

/** The stats with `"distance": mode` placed right after `radius_m`. */
export function withDistanceMode(stats: Stats, mode: DistanceMode): Stats {
  const { radius_m, ...rest } = stats;
  return { radius_m, distance: mode, ...rest };
}
