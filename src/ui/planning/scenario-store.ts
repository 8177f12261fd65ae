// Named scenarios (方案) of proposed halls, kept in this browser's local
// storage next to the active scenario's halls (proposed-store.ts, which older
// versions of the app wrote alone and which is still read when nothing else is
// kept). Loaded only once there is more than the one default scenario, or
// this browser keeps scenarios (see KeepProposed.svelte). What is read back is checked like a link: malformed halls and
// scenarios are dropped. A hall's fields besides position, services and name
// (e.g. a capacity) are kept as they are.
import { SCENARIOS_KEY, loadProposed } from './proposed-store';
import { PROPOSED_MAX, SCENARIOS_MAX, SCENARIO_NAME_MAX } from '../../core/limits';
import type { SavedHall } from '../../core/planning/plan-types';

export interface StoredScenario {
  name: string; // non-empty plain text, unique among the scenarios
  halls: SavedHall[];
}

/** The scenarios and which one is active: an index into `scenarios`, or null for today (现状, no proposed halls). */
export interface ScenarioSet {
  scenarios: StoredScenario[];
  active: number | null;
}

export { SCENARIOS_KEY };
export { SCENARIOS_MAX, SCENARIO_NAME_MAX } from '../../core/limits';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A hall as kept: every field but the page's own id. */
export function storedHall(h: { lng: number; lat: number; services: readonly string[]; name: string; id?: number }): SavedHall {
  const { id: _id, ...rest } = h;
  return { ...rest, lng: h.lng, lat: h.lat, services: [...h.services], name: h.name };
}

/** Write the scenarios; storage errors (quota, privacy mode) are ignored, as for the halls. */
export function saveScenarios(set: ScenarioSet, storage: Storage | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(
      SCENARIOS_KEY,
      JSON.stringify({ active: set.active, scenarios: set.scenarios.map((s) => ({ name: s.name, halls: s.halls.map(storedHall) })) }),
    );
  } catch {
    // Nothing to do: the link still holds the active one.
  }
}

/** A hall read from storage or a file: well-formed, with its other fields kept. */
export function readHall(h: unknown): SavedHall | null {
  if (typeof h !== 'object' || h === null || Array.isArray(h)) return null;
  const o = h as Record<string, unknown>;
  const { lng, lat, services, name } = o;
  const ok =
    typeof lng === 'number' &&
    Number.isFinite(lng) &&
    Math.abs(lng) <= 180 &&
    typeof lat === 'number' &&
    Number.isFinite(lat) &&
    Math.abs(lat) <= 90 &&
    Array.isArray(services) &&
    services.every((s) => typeof s === 'string') &&
    (name === undefined || typeof name === 'string');
  if (!ok) return null;
  const { id: _id, ...rest } = o;
  return { ...rest, lng, lat, services: [...(services as string[])], name: (name as string | undefined) ?? '' };
}

/** Whether a name may name a scenario: non-empty after trimming, at most SCENARIO_NAME_MAX characters. */
export function validScenarioName(name: string): boolean {
  return name.trim() !== '' && name.length <= SCENARIO_NAME_MAX;
}

/**
 * The kept scenarios; else the halls older versions kept, as one scenario
 * named `firstName`; else null (nothing kept).
 */
export function loadScenarios(firstName: string, storage: Storage | undefined = globalThis.localStorage): ScenarioSet | null {
  try {
    const raw = storage?.getItem(SCENARIOS_KEY);
    if (raw) {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as { scenarios?: unknown }).scenarios)) {
        const o = parsed as { scenarios: unknown[]; active?: unknown };
        const scenarios: StoredScenario[] = [];
        let active: number | null = null;
        o.scenarios.forEach((s, i) => {
          if (typeof s !== 'object' || s === null || scenarios.length >= SCENARIOS_MAX) return;
          const { name, halls } = s as { name?: unknown; halls?: unknown };
          if (typeof name !== 'string' || !validScenarioName(name) || scenarios.some((x) => x.name === name) || !Array.isArray(halls)) return;
          if (o.active === i) active = scenarios.length;
          scenarios.push({
            name,
            halls: halls
              .map(readHall)
              .filter((h): h is SavedHall => h !== null)
              .slice(0, PROPOSED_MAX),
          });
        });
        if (scenarios.length > 0) return { scenarios, active };
      }
    }
  } catch {
    // Unreadable: fall back to the halls kept alone.
  }
  const halls = loadProposed(storage);
  return halls.length ? { scenarios: [{ name: firstName, halls }], active: 0 } : null;
}

/** `base` followed by the first number that makes it unused among `names` ("方案 2"). */
export function unusedName(names: readonly string[], base: (n: number) => string, from = names.length + 1): string {
  for (let n = from; ; n++) if (!names.includes(base(n))) return base(n);
}
