// Per-hall load as the engine reports it (Stats.halls, capacity.ts): one
// entry per hall and service it offers. The page only looks entries up and
// words them; every number is the engine's.
import type { HallLoad, Stats } from '../core/types';
import { formatPeople, formatShare } from './format';
import type { Lang, Strings } from './i18n';

/** A hall's entries for the given services, in service order (none without capacity analysis). */
export function loadsOf(stats: Stats | null, hall: number, services: readonly string[]): HallLoad[] {
  const all = stats?.halls ?? [];
  return services.flatMap((s) => all.filter((h) => h.index === hall && h.service === s));
}

/** Whether a hall serves fewer than it has in its catchment. */
export function isOver(h: HallLoad): boolean {
  return h.capacity !== null && h.load > h.capacity;
}

/** Utilisation: load / capacity, null when unlimited (Infinity when a hall of capacity 0 has people). */
export function utilisation(h: HallLoad): number | null {
  if (h.capacity === null) return null;
  if (h.capacity === 0) return h.load > 0 ? Infinity : 0;
  return h.load / h.capacity;
}

/** Indexes (file order) of the halls over capacity for any of the stats' services. */
export function hallsOver(stats: Stats | null): number[] {
  const over = new Set<number>();
  for (const h of stats?.halls ?? []) if (isOver(h)) over.add(h.index);
  return [...over].sort((a, b) => a - b);
}

/** A hall's load for one service in words: people in its catchment, capacity, utilisation. */
export function describeLoad(h: HallLoad, t: Strings, lang: Lang): string {
  const use = utilisation(h);
  const capacity = h.capacity === null ? null : formatPeople(h.capacity, lang);
  return t.hallLoad(formatPeople(h.load, lang), capacity, use === null ? null : Number.isFinite(use) ? formatShare(use) : '∞', isOver(h));
}
