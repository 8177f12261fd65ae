// The one text form of the stats: the CLI's --stats output and the app's
// statistics JSON export are these bytes.
import type { Stats } from './types.ts';

/** The stats JSON exactly as `npm run analyze` writes it (2-space indent, trailing newline). */
export function statsJson(stats: Stats): string {
  return `${JSON.stringify(stats, null, 2)}\n`;
}
