// A link carries at most LIMITS.maxProposed proposed halls, the planning list
// up to PROPOSED_MAX, so past the link's limit the link holds the list's
// first halls only. A link that says exactly what would be written for the
// list this browser keeps means that list, not its first part: reading it
// back must not drop the rest.
import { encodeHash, LIMITS, type LinkedHall } from './url-state';

/** Whether a link written for `list` would carry `linked` (the link form: rounded, cut to the limit). */
export function linkCarriesPartOf(linked: readonly LinkedHall[], list: readonly LinkedHall[]): boolean {
  return list.length > 0 && encodeHash({ proposed: [...linked] }) === encodeHash({ proposed: [...list] });
}

/** Whether a link can carry all of `count` proposed halls. */
export function linkCarriesAll(count: number): boolean {
  return count <= LIMITS.maxProposed;
}
