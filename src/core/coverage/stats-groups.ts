// Groups of people (e.g. aged 65+, children): each block's people and
// covered people counted again with the group's count per unit as weight, by
// the engine's own stats (CoverageEngine.forWeight), so a group is counted
// exactly as the whole population is.
import type { CoverageEngine } from './engine';
import type { AreaStats, CoverageOptions, GroupStats, Stats } from '../types';

/** The group weights of `fields`, in that order, from the engine's population; throws when one was not read. */
function groupWeights(engine: CoverageEngine, fields: readonly string[]): Float64Array[] {
  return fields.map((f) => {
    const g = engine.population.groups?.find((x) => x.field === f);
    if (g === undefined) throw new RangeError(`the population has no group "${f}": read it with groupFields`);
    return g.weight;
  });
}

/** The engine counting group `field` instead of everyone: the view withGroups takes each group's numbers from (the app's table and map show it). */
export function groupEngine(engine: CoverageEngine, field: string): CoverageEngine {
  return engine.forWeight(groupWeights(engine, [field])[0]);
}

/** The group fields the engine's population was read with, in order (none: []). */
export function groupFieldsOf(engine: CoverageEngine): string[] {
  return engine.population.groups?.map((g) => g.field) ?? [];
}

/** `stats` (the engine's, for `opts`) with `groups` in every block: per field, population and covered per service and 'all'. */
export function withGroups(stats: Stats, engine: CoverageEngine, fields: readonly string[], opts: CoverageOptions): Stats {
  const per = fields.map((f) => groupEngine(engine, f).stats(opts));
  const groups = (pick: (s: Stats) => Omit<AreaStats, 'name'>): Record<string, GroupStats> => {
    const out = Object.create(null) as Record<string, GroupStats>;
    fields.forEach((f, j) => {
      const b = pick(per[j]);
      out[f] = { population: b.population, covered: b.covered };
    });
    return out;
  };
  return {
    ...stats,
    total: { ...stats.total, groups: groups((s) => s.total) },
    areas: stats.areas.map((a, i) => ({ ...a, groups: groups((s) => s.areas[i]) })),
  };
}
