// District statistics as files: JSON identical to the CLI's --stats output
// (the machine format), and CSV for people with one row per area and a total
// row, holding only the columns of what the app shows (gap-key.ts): one
// service's columns when one is chosen, each service's and `all`'s when
// several are.
import { ALL_KEY } from '../services';
import { gapKey } from '../coverage/gap-key';
import { OUTSIDE_AREAS, type AreaStats, type Stats } from '../types';
import { keyLabels, type CsvLabels } from './csv-labels';
import { csvText, type CsvValue } from './csv-text';

/** The stats JSON exactly as `npm run analyze` writes it: one writer, in src/core/export/stats-json.ts. */
export { statsJson } from './stats-json';

/** The keys the CSV has columns for: the one service, or every service then 'all'. */
export function statsCsvKeys(stats: Stats): string[] {
  return gapKey(stats.services) === ALL_KEY ? [...stats.services, ALL_KEY] : [...stats.services];
}

/** A share 0–1 as a percentage with one decimal, as the district table shows it (0.8734 → "87.3"). */
export function percent1(share: number): string {
  return (share * 100).toFixed(1);
}

/**
 * Column names: area, population, halls (all halls, and per service; only
 * the service's halls for one service, as in the table), then per key:
 * covered, share (%), uncovered, nearest-hall p50/p90/max in metres.
 */
export function statsCsvHeader(stats: Stats, labels: CsvLabels): string[] {
  const single = gapKey(stats.services) !== ALL_KEY;
  const head = [labels.area, labels.population];
  if (!single) head.push(labels.halls);
  for (const s of stats.services) head.push(keyLabels(labels, s).halls);
  for (const k of statsCsvKeys(stats)) {
    const l = keyLabels(labels, k);
    head.push(l.covered, l.share, l.uncovered, l.nearestP50, l.nearestP90, l.nearestMax);
  }
  // With capacity analysis: each service's served and over capacity people (not defined for 'all').
  if (stats.halls) for (const s of stats.services) head.push(keyLabels(labels, s).served, keyLabels(labels, s).over);
  // With a coverage target: per key, whether the row meets it (stats-target.ts).
  if (stats.target !== undefined) for (const k of statsCsvKeys(stats)) head.push(keyLabels(labels, k).meetsTarget ?? `meets target (${k})`);
  return head;
}

function row(name: string, a: Omit<AreaStats, 'name'>, stats: Stats, labels: CsvLabels): CsvValue[] {
  const keys = statsCsvKeys(stats);
  const out: CsvValue[] = [name, a.population];
  if (gapKey(stats.services) === ALL_KEY) out.push(a.halls.total);
  for (const s of stats.services) out.push(a.halls.byService[s] ?? 0);
  for (const k of keys) {
    const q = a.nearestHallM[k];
    // Metres to 0.1 m; Infinity (no hall offers it, or no people) becomes an empty cell.
    const m = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? Math.round(v * 10) / 10 : null);
    out.push(a.covered[k], percent1(a.share[k]), a.population - a.covered[k], m(q?.p50), m(q?.p90), m(q?.max));
  }
  if (stats.halls) for (const s of stats.services) out.push(a.served![s], a.over_capacity![s]);
  if (stats.target !== undefined) {
    const words = labels.targetWords ?? { yes: 'yes', no: 'no' };
    for (const k of keys) {
      const m = a.meets_target?.[k];
      out.push(m === true ? words.yes : m === false ? words.no : null);
    }
  }
  return out;
}

/**
 * The title line, every area of the stats in order, then the total row.
 * People are the engine's exact numbers; shares are percentages with one
 * decimal; distances are rounded to 0.1 m.
 */
export function statsCsv(stats: Stats, labels: CsvLabels): string {
  const areaName = (n: string) => (n === OUTSIDE_AREAS ? labels.outsideAreas : n);
  const rows = [...stats.areas.map((a) => row(areaName(a.name), a, stats, labels)), row(labels.total, stats.total, stats, labels)];
  return csvText(statsCsvHeader(stats, labels), rows, labels.title);
}
