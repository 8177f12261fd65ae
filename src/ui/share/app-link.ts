// Translation between the app's choices (one service or all, a clamped
// radius, an area index, layer switches) and what links and host commands
// carry (service lists, radius in metres, area names). Pure, so every rule
// is unit-tested; App.svelte only copies fields in and out. A link read back
// becomes a patch in the link reader (shareToPatch, url-decode.ts), with the
// same rules (choiceFor, radiusFor).
import { KNOWN_SERVICES, type DistanceMode, type Stats } from '../../core/types';
import { ALL_KEY, clampRadius, SERVICE_CHOICES, type ServiceChoice } from '../choices';
import type { LinkedHall, ShareState } from './url-state';
import type { EmbedSnapshot, SetMessage } from './embed-messages';

/** The app's shareable choices, as plain values. */
export interface AppChoices {
  view: { center: [number, number]; zoom: number };
  choice: ServiceChoice;
  radiusM: number; // metres
  /** The distance mode picked; carried only with roads loaded (without, every link means straight). */
  distance?: DistanceMode;
  /** The group of people shown (a population group field); absent: everyone. */
  group?: string;
  area: string | null; // selected area's name (the areas file's `name`)
  lang: 'zh' | 'en';
  layers: Record<string, boolean>;
  proposed: LinkedHall[];
  /** The active scenario's name (null: today); left out of the link when there is no choice to carry. */
  scenario?: string | null;
  /** Number of the own data shown ('' on the sample): links say which data they were made on. */
  data?: string;
}

/** A change to apply to the app: only the fields present change. */
export interface ChoicePatch {
  view?: { center: [number, number]; zoom: number };
  choice?: ServiceChoice;
  radiusM?: number;
  distance?: DistanceMode;
  group?: string;
  area?: string | null;
  lang?: 'zh' | 'en';
  layers?: Record<string, boolean>;
  proposed?: LinkedHall[];
  /** Activate this scenario (by name, made when missing; null: today) before `proposed` applies to it. */
  scenario?: string | null;
}

/** What the link will say for the current choices. 'All services' is written out as the three services. */
export function choicesToShare(c: AppChoices): ShareState {
  const s: ShareState = {
    center: c.view.center,
    zoom: c.view.zoom,
    services: c.choice === ALL_KEY ? [...KNOWN_SERVICES] : [c.choice],
    radius: c.radiusM,
    lang: c.lang,
    layers: Object.keys(c.layers).filter((k) => c.layers[k]),
  };
  if (c.distance) s.distance = c.distance;
  if (c.group !== undefined) s.group = c.group;
  if (c.area !== null) s.area = c.area;
  if (c.scenario !== undefined) s.scenario = c.scenario;
  if (c.proposed.length && c.scenario !== null) s.proposed = c.proposed;
  if (c.data) s.data = c.data;
  return s;
}

/** The choice for a list of services: one known service, or all of them ('all' itself included). */
export function choiceFor(services: string[], warnings: string[], where: string): ServiceChoice | undefined {
  if (services.length === 1 && (SERVICE_CHOICES as string[]).includes(services[0])) return services[0] as ServiceChoice;
  const known = KNOWN_SERVICES as readonly string[];
  if (services.length >= known.length && known.every((k) => services.includes(k))) return ALL_KEY;
  warnings.push(`${where}: the app shows one service or all of them, not "${services.join(',').slice(0, 60)}"; ignored`);
  return undefined;
}

export function radiusFor(r: number, warnings: string[], where: string): number {
  const clamped = clampRadius(r);
  if (clamped !== Math.round(r)) warnings.push(`${where}: radius ${r} m is outside the app's range, using ${clamped} m`);
  return clamped;
}

/** The patch for a host command; same rules as links. */
export function commandToPatch(m: SetMessage, areaNames: readonly string[]): { patch: ChoicePatch; warnings: string[] } {
  const patch: ChoicePatch = {};
  const warnings: string[] = [];
  const services = m.service !== undefined ? [m.service] : m.services;
  if (services) {
    const choice = choiceFor(services, warnings, 'embed: set');
    if (choice) patch.choice = choice;
  }
  if (m.radius !== undefined) patch.radiusM = radiusFor(m.radius, warnings, 'embed: set');
  if (m.area !== undefined) {
    if (m.area === null || areaNames.includes(m.area)) patch.area = m.area;
    else warnings.push(`embed: set: no area named "${m.area.slice(0, 40)}" in the data; ignored`);
  }
  return { patch, warnings };
}

/** What the host is told: the numbers for the selected area, or for everyone when none is selected. */
export function snapshotOf(stats: Stats, area: string | null): EmbedSnapshot {
  const scope = (area !== null && stats.areas.find((a) => a.name === area)) || stats.total;
  return {
    services: [...stats.services],
    radius: stats.radius_m,
    area: area !== null && scope !== stats.total ? area : null,
    numbers: { population: scope.population, covered: { ...scope.covered } },
  };
}
