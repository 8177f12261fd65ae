// The choices a user can make in the panel and their rules, kept free of
// runes so they can be unit-tested directly.
import { KNOWN_SERVICES } from '../core/types';
import { ALL_KEY } from '../core/services';
import type { LayerGroup } from '../map/style';

export { ALL_KEY };
/** A single service, or 'all' for every known service at once. */
export type ServiceChoice = (typeof KNOWN_SERVICES)[number] | typeof ALL_KEY;
export const SERVICE_CHOICES: ServiceChoice[] = [...KNOWN_SERVICES, ALL_KEY];

export const RADIUS_MIN = 100; // metres
export const RADIUS_MAX = 3000; // metres
export const RADIUS_DEFAULT = 500; // metres: the district's "500 m service circle" target

export const LAYER_ORDER: LayerGroup[] = ['areas', 'population', 'halls', 'circles', 'gaps', 'basemap'];

/** Clamp a typed radius into the allowed range, whole metres; NaN gives the default. */
export function clampRadius(v: number): number {
  if (!Number.isFinite(v)) return RADIUS_DEFAULT;
  return Math.min(RADIUS_MAX, Math.max(RADIUS_MIN, Math.round(v)));
}

/** Services sent to the engine for a choice, sorted as the engine expects. */
export function servicesFor(choice: ServiceChoice, available: string[]): string[] {
  const wanted = choice === ALL_KEY ? [...KNOWN_SERVICES] : [choice];
  return wanted.filter((s) => available.includes(s)).sort();
}

/** The stats key whose gaps and uncovered counts the app shows: the service itself, or 'all' (covered by every one). */
export { gapKey } from '../core/coverage/gap-key';
