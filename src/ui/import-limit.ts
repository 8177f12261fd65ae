// How the import messages show a file's size against the largest file the
// browser takes (BROWSER_FILE_MAX_BYTES in src/core/limits.ts, checked for
// every picked file before a byte is read).
import { formatCount } from './format';
import type { Lang } from './i18n';

/** A file size as the import messages show it ("551 MB"). */
export function fileSizeMb(bytes: number, lang: Lang): string {
  return `${formatCount(Math.round(bytes / 2 ** 20), lang)} MB`;
}
