// The stats JSON, one writer for the CLI (stdout or --stats) and the app's
// export, so the two stay byte for byte the same.
import type { Stats } from '../types';

/** The stats as JSON text: 2-space indent, trailing newline; capacity fields only when the stats carry them (withCapacity). */
export function statsJson(stats: Stats): string {
  return `${JSON.stringify(stats, null, 2)}\n`;
}
