// District statistics as files: JSON identical to the CLI's --stats output,
// and CSV with one row per area and a total row, for spreadsheets.
import { ALL_KEY } from '../../core';
import type { AreaStats, Stats } from '../../core/types';
import { csvText, type CsvValue } from './csv-text';

/** The stats JSON exactly as `npm run analyze` writes it: one writer, in src/core/stats-json.ts. */
export { statsJson } from '../../core/stats-json';

/** Label of the total row in the CSV (an area could be called anything, so parenthesised like '(outside areas)'). */
export const TOTAL_ROW = '(total)';

/** Column names: per key (each service, then 'all'): covered, share 0–1, uncovered, nearest-hall quantiles in metres. */
export function statsCsvHeader(stats: Stats): string[] {
  const keys = [...stats.services, ALL_KEY];
  const head = ['area', 'population', 'halls'];
  for (const s of stats.services) head.push(`halls_${s}`);
  for (const k of keys) head.push(`covered_${k}`, `share_${k}`, `uncovered_${k}`, `nearest_p50_m_${k}`, `nearest_p90_m_${k}`, `nearest_max_m_${k}`);
  return head;
}

function row(name: string, a: Omit<AreaStats, 'name'>, stats: Stats): CsvValue[] {
  const keys = [...stats.services, ALL_KEY];
  const out: CsvValue[] = [name, a.population, a.halls.total];
  for (const s of stats.services) out.push(a.halls.byService[s] ?? 0);
  for (const k of keys) {
    const q = a.nearestHallM[k];
    // Metres to 0.1 m; Infinity (no hall offers it, or no people) becomes an empty cell.
    const m = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? Math.round(v * 10) / 10 : null);
    out.push(a.covered[k], a.share[k], a.population - a.covered[k], m(q?.p50), m(q?.p90), m(q?.max));
  }
  return out;
}

/** Every area of the stats in order, then the total row; values are the engine's, unrounded except distances. */
export function statsCsv(stats: Stats): string {
  const rows = [...stats.areas.map((a) => row(a.name, a, stats)), row(TOTAL_ROW, stats.total, stats)];
  return csvText(statsCsvHeader(stats), rows);
}
