// The short human summary `analyze` prints on stderr: people and covered
// share per area and service, so a run is readable without opening the JSON.
import { plainText, type Stats } from '../core/index.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const people = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

// Terminal columns: CJK and full-width characters take two.
function columns(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

const pad = (s: string, w: number, left: boolean) => (left ? s + ' '.repeat(w - columns(s)) : ' '.repeat(w - columns(s)) + s);

/**
 * A plain-text table: one row per area plus the total, one column per service
 * and 'all'. Names come from the data, so they pass through plainText: no
 * escape sequence reaches the terminal and no newline forges a row.
 */
export function summaryTable(stats: Stats): string {
  const keys = [...stats.services, 'all'];
  const header = ['area', 'population', ...keys.map((k) => `${plainText(k)} covered`)];
  const rows = [...stats.areas, { ...stats.total, name: 'total' }].map((a) => [
    plainText(a.name),
    people(a.population),
    ...keys.map((k) => `${people(a.covered[k])} (${pct(a.share[k])})`),
  ]);
  const width = header.map((h, c) => Math.max(columns(h), ...rows.map((r) => columns(r[c]))));
  const line = (cells: string[]) => cells.map((s, c) => pad(s, width[c], c === 0)).join('  ');
  return [`radius ${stats.radius_m} m${distanceNote(stats)}`, line(header), ...rows.map(line)].join('\n');
}

// Which distance the numbers use, named only when the stats name it (issue 17).
function distanceNote(stats: Stats): string {
  return stats.distance === undefined ? '' : stats.distance === 'network' ? ', walking distance along the roads' : ', straight-line distance';
}
