// One-call convenience for scripts and the CLI: build the engine, get both outputs.
import { CoverageEngine } from './coverage/engine';
import type { AreaSet, CoverageOptions, GapCollection, HallSet, PopulationSet, Stats } from './types';

/** Stats and gap zones for one radius and service selection. */
export function analyze(halls: HallSet, population: PopulationSet, areas: AreaSet, opts: CoverageOptions): { stats: Stats; gaps: GapCollection } {
  const engine = new CoverageEngine(halls, population, areas);
  return { stats: engine.stats(opts), gaps: engine.gaps(opts) };
}
