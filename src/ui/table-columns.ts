// Columns of the district table for a set of services: plain data so the
// component stays a loop and the values shown are exactly the engine's.
import type { AreaStats } from '../core/types';
import { formatCount, formatPeople, formatShare } from './format';
import { serviceShortName, type Lang, type Strings } from './i18n';
import { gapKey } from './choices';

export type Row = Omit<AreaStats, 'name'>;

export interface Column {
  key: string; // stable id, used in data-col and data-testid
  label: string;
  value(r: Row): number; // raw number, exposed as data-value
  format(v: number): string;
}

/** Population, covered and share per service, uncovered (by the gap key), halls. */
export function tableColumns(services: string[], t: Strings, lang: Lang): Column[] {
  const people = (v: number) => formatPeople(v, lang);
  const key = gapKey(services);
  const cols: Column[] = [{ key: 'population', label: t.colPopulation, value: (r) => r.population, format: people }];
  for (const s of services) {
    const name = serviceShortName(t, s);
    cols.push({ key: `covered:${s}`, label: t.colCovered(name), value: (r) => r.covered[s] ?? 0, format: people });
    cols.push({ key: `share:${s}`, label: t.colShare(name), value: (r) => r.share[s] ?? 0, format: formatShare });
  }
  cols.push({
    key: 'uncovered',
    label: services.length === 1 ? t.colUncovered : t.colUncoveredAll,
    value: (r) => r.population - (r.covered[key] ?? 0),
    format: people,
  });
  cols.push({
    key: 'halls',
    label: t.colHalls,
    value: (r) => (services.length === 1 ? r.halls.byService[services[0]] ?? 0 : r.halls.total),
    format: (v) => formatCount(v, lang),
  });
  return cols;
}
