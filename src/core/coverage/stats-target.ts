// A coverage target (e.g. 95 % within 500 m): which areas meet it.
import type { AreaStats, Stats } from '../types';

/** A target must be a fraction of the people, 0–1. */
export function checkTarget(target: number): void {
  if (!(Number.isFinite(target) && target >= 0 && target <= 1)) throw new RangeError(`target must be a fraction between 0 and 1, got ${target}`);
}

/**
 * Per service and 'all': whether the block's share meets `target`; null for
 * every entry when the block has no people. The share compared is the
 * block's own `share` (covered / population, one correctly rounded
 * division), so a block whose share reads as the target meets it: 7 of 100
 * meets 0.07, although 0.07 × 100 is 7.000000000000001 in floating point.
 */
export function meetsTarget(block: Pick<AreaStats, 'population' | 'share'>, target: number): Record<string, boolean | null> {
  const out = Object.create(null) as Record<string, boolean | null>;
  for (const k of Object.keys(block.share)) out[k] = block.population > 0 ? block.share[k] >= target : null;
  return out;
}

/** The stats with top-level `target` and `meets_target` in every block: the total, the areas and every further level's areas. */
export function withTarget(stats: Stats, target: number): Stats {
  checkTarget(target);
  const mark = <T extends Omit<AreaStats, 'name'>>(b: T): T => ({ ...b, meets_target: meetsTarget(b, target) });
  return {
    ...stats,
    total: mark(stats.total),
    areas: stats.areas.map(mark),
    ...(stats.levels && { levels: stats.levels.map((l) => ({ ...l, areas: l.areas.map(mark) })) }),
    target,
  };
}
