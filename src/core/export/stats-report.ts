// The stats as reported (CLI --stats, the app's statistics JSON): the
// engine's stats for the first level of areas, plus what a run asks for on
// top of them. Each addition is its own function, so a level is tabulated
// exactly as a run with that level alone would tabulate it.
import type { CoverageEngine } from '../coverage/engine';
import { levelParents } from '../coverage/level-parents';
import { withGroups } from '../coverage/stats-groups';
import { withTarget } from '../coverage/stats-target';
import type { AreaSet, CoverageOptions, LevelStats, Stats } from '../types';
import { OUTSIDE_AREAS } from '../types';

/** A further level of areas: `file` and `field` are reported as given. */
export interface AreaLevel {
  file: string;
  field: string;
  areas: AreaSet;
}

export interface ReportOptions extends CoverageOptions {
  /** Levels after the engine's own areas, coarse to fine; reported in `levels`. */
  levels?: readonly AreaLevel[];
  /** A coverage target, a fraction 0–1: adds `target` and every block's `meets_target`. */
  target?: number;
  /** Group fields read with the population (ParsePopulationOptions.groupFields): adds every block's `groups`. */
  groups?: readonly string[];
  /** Capacity analysis (capacity.ts) for the first level: served / over capacity / out of range, 2SFCA and `halls`. */
  capacity?: boolean;
}

/** The engine's stats with every requested addition. */
export function statsReport(engine: CoverageEngine, opts: ReportOptions): Stats {
  let stats = tabulate(engine, opts, opts.capacity === true);
  if (opts.levels !== undefined && opts.levels.length > 0) stats.levels = opts.levels.map((l) => levelStats(engine, l, opts));
  if (opts.target !== undefined) stats = withTarget(stats, opts.target);
  return stats;
}

/**
 * One further level: the stats of the same halls and people over `level`'s
 * areas, each area with the first-level area holding most of its people as
 * `parent` (see level-parents.ts); the level's own outside bucket has none.
 */
export function levelStats(engine: CoverageEngine, level: AreaLevel, opts: ReportOptions): LevelStats {
  const e = engine.forAreas(level.areas);
  const stats = tabulate(e, opts);
  const parents = levelParents(e.unitArea, level.areas.names.length, engine.unitArea, engine.areas.names.length, engine.population.weight);
  const areas = stats.areas.map((a, i) => {
    const { name, ...rest } = a;
    const p = name === OUTSIDE_AREAS ? -1 : parents[i];
    return { name, parent: p < 0 ? null : engine.areas.names[p], ...rest };
  });
  return { file: level.file, field: level.field, areas };
}

// One level's stats, with its groups when asked for.
function tabulate(engine: CoverageEngine, opts: ReportOptions, capacity = false): Stats {
  const stats = capacity ? engine.capacityStats(opts) : engine.stats(opts);
  return opts.groups !== undefined && opts.groups.length > 0 ? withGroups(stats, engine, opts.groups, opts) : stats;
}
