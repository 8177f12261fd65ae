// The largest file the browser takes, for every picked file (imports and the
// site-suggestion candidates alike), checked before a byte is read. A streamed
// point file costs the page's process a few times its size (measured in
// docs/robustness.md "Big files", test/bench/browser-import.bench.ts); past
// this size the wait and a renderer's memory make the CLI the better tool.
import { formatCount } from './format';
import type { Lang } from './i18n';

export const MAX_FILE_BYTES = 512 * 2 ** 20;

/** A file size as the import messages show it ("551 MB"). */
export function fileSizeMb(bytes: number, lang: Lang): string {
  return `${formatCount(Math.round(bytes / 2 ** 20), lang)} MB`;
}
