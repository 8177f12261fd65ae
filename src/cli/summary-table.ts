// The short human summary `analyze` prints on stderr: people and covered
// share per area and service, so a run is readable without opening the JSON.
import { ALL_KEY, plainText, type Stats } from '../core';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const people = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

// Terminal columns: CJK and full-width characters take two.
function columns(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

const pad = (s: string, w: number, left: boolean) => (left ? s + ' '.repeat(w - columns(s)) : ' '.repeat(w - columns(s)) + s);

// Rows of cells as aligned lines, the first column left-aligned.
function aligned(header: string[], rows: string[][]): string[] {
  const width = header.map((h, c) => Math.max(columns(h), ...rows.map((r) => columns(r[c]))));
  const line = (cells: string[]) => cells.map((s, c) => pad(s, width[c], c === 0)).join('  ');
  return [line(header), ...rows.map(line)];
}

/**
 * A plain-text table: one row per area plus the total, one column per service
 * and 'all'. With capacity analysis, a second table splits each service's
 * people into served / over capacity / out of range, and a line per service
 * counts the halls over capacity. Names come from the data, so they pass
 * through plainText: no escape sequence reaches the terminal and no newline
 * forges a row.
 */
export function summaryTable(stats: Stats): string {
  const keys = [...stats.services, ALL_KEY];
  const blocks = [...stats.areas, { ...stats.total, name: 'total' }];
  const header = ['area', 'population', ...keys.map((k) => `${plainText(k)} covered`)];
  const rows = blocks.map((a) => [plainText(a.name), people(a.population), ...keys.map((k) => `${people(a.covered[k])} (${pct(a.share[k])})`)]);
  const out = [`radius ${stats.radius_m} m${distanceNote(stats)}`, ...aligned(header, rows)];
  if (stats.halls !== undefined) {
    const services = stats.services;
    const head = ['area', ...services.flatMap((s) => [`${plainText(s)} served`, 'over capacity', 'out of range'])];
    const split = blocks.map((a) => [plainText(a.name), ...services.flatMap((s) => [a.served![s], a.over_capacity![s], a.out_of_range![s]].map(people))]);
    out.push('', 'capacity: people served, in range of a hall that is over capacity, out of range', ...aligned(head, split));
    for (const s of services) {
      const halls = stats.halls.filter((h) => h.service === s);
      const over = halls.filter((h) => h.capacity !== null && h.load > h.capacity).length;
      out.push(`${plainText(s)}: ${over} of ${halls.length} halls over capacity`);
    }
  }
  return out.join('\n');
}

// Which distance the numbers use, named only when the stats name it.
function distanceNote(stats: Stats): string {
  return stats.distance === undefined ? '' : stats.distance === 'network' ? ', walking distance along the roads' : ', straight-line distance';
}
