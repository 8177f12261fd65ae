// Which areas of a further level sit under a first-level row, and whether
// they add up to it. Plain functions so the table's sums are unit-tested.
import type { AreaStats, LevelAreaStats, LevelStats } from '../../core/types';

/** Areas of `level` whose parent is `parent`, in file order. */
export function childrenOf(level: LevelStats, parent: string): LevelAreaStats[] {
  return level.areas.filter((a) => a.parent === parent);
}

// Whole people add up exactly; fractional people (areas split from polygons) may differ in the last bits.
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Whether the children's population and covered people (every service and 'all') sum to the parent's. */
export function addsUp(children: readonly Omit<AreaStats, 'name'>[], parent: Omit<AreaStats, 'name'>): boolean {
  const sum = (f: (r: Omit<AreaStats, 'name'>) => number) => children.reduce((s, c) => s + f(c), 0);
  if (
    !same(
      sum((c) => c.population),
      parent.population,
    )
  )
    return false;
  return Object.keys(parent.covered).every((k) =>
    same(
      sum((c) => c.covered[k] ?? 0),
      parent.covered[k],
    ),
  );
}
