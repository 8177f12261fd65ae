// Columns of the district table for a set of services: plain data so the
// component stays a loop and the values shown are exactly the engine's.
import type { AreaStats, Stats } from '../core/types';
import { formatCount, formatPeople, formatShare } from './format';
import { serviceName, serviceShortName, type Lang, type Strings } from './i18n';
import { gapKey } from './choices';

export type Row = Omit<AreaStats, 'name'>;

export interface Column {
  key: string; // stable id, used in data-col and data-testid
  label: string; // the visible header, short enough for a narrow panel
  /** The label with the service's name in full: screen readers' and tooltips' header name. */
  full: string;
  /** Place in a stacked row (narrow panels): for several services, each service's numbers line up under each other. */
  stackOrder: number;
  value(r: Row): number; // raw number, exposed as data-value
  format(v: number): string;
  /** What the cell shows when it is more than format(value) (both distance modes' shares). */
  text?(r: Row): string;
}

/** The same numbers in both distance modes (roads loaded): the table adds each service's two shares side by side. */
export interface BothModes {
  straight: Stats;
  network: Stats;
}

// The row of `stats` for the same area as `r` (areas by name; the total has none).
function sameRow(stats: Stats, r: Row): Row | undefined {
  const name = (r as Partial<AreaStats>).name;
  return name === undefined ? stats.total : stats.areas.find((a) => a.name === name);
}

/**
 * Population, covered and share per service (with `both`, also its straight
 * and walking shares), uncovered (by the gap key), halls. With capacity
 * analysis and one service, the covered people split into served and over
 * capacity, after the share: with uncovered (out of range) they add up to the
 * population (docs/data-format.md).
 */
export function tableColumns(services: string[], t: Strings, lang: Lang, both: BothModes | null = null, capacity = false): Column[] {
  const people = (v: number) => formatPeople(v, lang);
  const key = gapKey(services);
  const one = services.length === 1;
  const n = services.length;
  const cols: Column[] = [{ key: 'population', label: t.colPopulation, full: t.colPopulation, stackOrder: 0, value: (r) => r.population, format: people }];
  services.forEach((s, i) => {
    const short = serviceShortName(t, s);
    const long = serviceName(t, s);
    const covered = t.colCovered(short);
    const share = t.colShare(short);
    // One service: population, covered, share, uncovered, halls. Several: population, uncovered, halls, then all covered, then all shares.
    cols.push({ key: `covered:${s}`, label: covered, full: t.colCovered(long), stackOrder: one ? 1 : 3 + i, value: (r) => r.covered[s] ?? 0, format: people });
    cols.push({ key: `share:${s}`, label: share, full: t.colShare(long), stackOrder: one ? 2 : 3 + n + i, value: (r) => r.share[s] ?? 0, format: formatShare });
    if (both) {
      const shareIn = (stats: Stats, r: Row) => sameRow(stats, r)?.share[s] ?? 0;
      cols.push({
        key: `modes:${s}`,
        label: t.colModes(short),
        full: t.colModes(long),
        stackOrder: one ? 2 : 3 + 2 * n + i, // right after the share (the same order keeps the cells' own)
        value: (r) => shareIn(both.network, r), // sorts by the walking share, the one the circle overstates
        format: formatShare,
        text: (r) => t.modesCell(formatShare(shareIn(both.straight, r)), formatShare(shareIn(both.network, r))),
      });
    }
  });
  const split = one && capacity;
  if (split) {
    const s = services[0];
    cols.push({
      key: `served:${s}`,
      label: t.colServed(serviceShortName(t, s)),
      full: t.colServed(serviceName(t, s)),
      stackOrder: 3,
      value: (r) => r.served?.[s] ?? 0,
      format: people,
    });
    cols.push({ key: `over:${s}`, label: t.colOver, full: t.colOver, stackOrder: 4, value: (r) => r.over_capacity?.[s] ?? 0, format: people });
  }
  const uncovered = one ? t.colUncovered : t.colUncoveredAll;
  cols.push({
    key: 'uncovered',
    label: uncovered,
    full: uncovered,
    stackOrder: split ? 5 : one ? 3 : 1,
    value: (r) => r.population - (r.covered[key] ?? 0),
    format: people,
  });
  cols.push({
    key: 'halls',
    label: t.colHalls,
    full: t.colHalls,
    stackOrder: split ? 6 : one ? 4 : 2,
    value: (r) => (one ? (r.halls.byService[services[0]] ?? 0) : r.halls.total),
    format: (v) => formatCount(v, lang),
  });
  return cols;
}
