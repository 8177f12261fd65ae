// The query parameters that link data sets (?halls=…), and a cheap test for
// them: the code that downloads, decodes and checks linked data
// (data-urls.ts) is fetched only when a link may have some.

import { DATA_ROLES } from '../../core/types';

export { DATA_ROLES, type DataRole } from '../../core/types';

/**
 * True if `search` (location.search) or `hash` (location.hash) may name linked
 * data: a role's key, or a key with a % escape, which might decode to one.
 */
export function mayLinkData(search: string, hash = ''): boolean {
  const keys = [...new URLSearchParams(search).keys(), ...new URLSearchParams(hash.replace(/^#/, '')).keys()];
  return keys.some((k) => (DATA_ROLES as readonly string[]).includes(k) || k.includes('%'));
}
