// What-if numbers counted afresh from the engine's distances with the
// proposed halls (CoverageEngine.covered with extra halls), for engines whose
// distance IncrementalCoverage cannot keep: walking along roads, where a new
// hall's reach is a shortest-path search, not a circle. The sums are taken
// like CoverageEngine.stats takes them (unit order, per group, then the
// compensated total), so they equal an engine built with the halls as real.
import type { CoverageEngine } from '../coverage/engine';
import { SumAccumulators } from '../coverage/compensated-sum';
import type { WhatIfHall } from '../coverage/incremental-coverage';

/** People and covered people per area bucket (index areas.length = outside every area), per key (services, then 'all'). */
export interface RecountedPlan {
  population: Float64Array;
  baseline: Float64Array[];
  planned: Float64Array[];
}

export function recountPlan(engine: CoverageEngine, radiusM: number, services: readonly string[], proposed: readonly WhatIfHall[]): RecountedPlan {
  const group = engine.groups();
  const G = engine.areas.names.length + 1;
  const w = engine.population.weight;
  const n = engine.population.count;
  const byArea = (take: (u: number) => boolean): Float64Array => {
    const acc = new SumAccumulators(G);
    for (let u = 0; u < n; u++) if (take(u)) acc.add(group[u], w[u]);
    return Float64Array.from({ length: G }, (_, g) => acc.value(g));
  };
  // 'all' = covered for every requested service (the farthest of the nearest halls within r).
  const counts = (extra: readonly WhatIfHall[]): Float64Array[] => {
    const masks = services.map((s) => engine.covered(s, radiusM, extra));
    return [...masks.map((m) => byArea((u) => m[u] === 1)), byArea((u) => masks.every((m) => m[u] === 1))];
  };
  return { population: byArea(() => true), baseline: counts([]), planned: counts(proposed) };
}
