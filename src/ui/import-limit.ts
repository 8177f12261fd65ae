// The largest file the browser takes, for every picked file (imports and the
// site-suggestion candidates alike), checked before a byte is read. A streamed
// point file adds about 1–2.6× its size to the page's process, whole import
// included (127 MiB / 1 M points: +325 MiB; 382 MiB / 3 M points: +464 MiB;
// 509 MiB / 4 M points: see docs/robustness.md "Big files",
// test/bench/browser-import.bench.ts). Past 512 MiB the time (20 s and more
// here) and a renderer's few GB make the CLI the better tool.
import { formatCount } from './format';
import type { Lang } from './i18n';

export const MAX_FILE_BYTES = 512 * 2 ** 20;

/** A file size as the import messages show it ("551 MB"). */
export function fileSizeMb(bytes: number, lang: Lang): string {
  return `${formatCount(Math.round(bytes / 2 ** 20), lang)} MB`;
}
