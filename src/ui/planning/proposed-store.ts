// Proposed halls kept in this browser's local storage as well as in the link,
// so closing the tab and opening the app again brings them back.
// What is read back is checked like a link: anything malformed is dropped.
import type { SavedHall } from '../../core/planning/plan-types';
import { PROPOSED_MAX } from '../../core/limits';

export const PROPOSED_KEY = 'service-circles:proposed';
/** Where the scenarios are kept (scenario-store.ts); here so the first load can tell whether any are, without their code. */
export const SCENARIOS_KEY = 'service-circles:scenarios';

/** Whether this browser keeps scenarios (false when storage is unreadable). */
export function keepsScenarios(storage: Storage | undefined = globalThis.localStorage): boolean {
  try {
    return storage?.getItem(SCENARIOS_KEY) != null;
  } catch {
    return false;
  }
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Write the halls (or forget them when there are none); storage errors (quota, privacy mode) are ignored. */
export function saveProposed(halls: readonly SavedHall[], storage: Storage | undefined = globalThis.localStorage): void {
  try {
    if (halls.length === 0) storage?.removeItem(PROPOSED_KEY);
    else storage?.setItem(PROPOSED_KEY, JSON.stringify(halls.map(({ lng, lat, services, name }) => ({ lng, lat, services, name }))));
  } catch {
    // Nothing to do: the link still holds them.
  }
}

const isHall = (h: unknown): h is SavedHall => {
  if (typeof h !== 'object' || h === null) return false;
  const { lng, lat, services, name } = h as Record<string, unknown>;
  return (
    typeof lng === 'number' &&
    Number.isFinite(lng) &&
    Math.abs(lng) <= 180 &&
    typeof lat === 'number' &&
    Number.isFinite(lat) &&
    Math.abs(lat) <= 90 &&
    Array.isArray(services) &&
    services.every((s) => typeof s === 'string') &&
    (name === undefined || typeof name === 'string')
  );
};

/** The first PROPOSED_MAX stored halls that are well-formed; [] when there are none or storage is unreadable. */
export function loadProposed(storage: Storage | undefined = globalThis.localStorage): SavedHall[] {
  try {
    const raw = storage?.getItem(PROPOSED_KEY);
    if (!raw) return [];
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter(isHall)
      .slice(0, PROPOSED_MAX)
      .map((h) => ({ lng: h.lng, lat: h.lat, services: [...h.services], name: h.name ?? '' }));
  } catch {
    return [];
  }
}
