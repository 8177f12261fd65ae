// Translation between the app's choices (one service or all, a clamped
// radius, an area index, layer switches) and what links and host commands
// carry (service lists, radius in metres, area names). Pure, so every rule
// is unit-tested; App.svelte only copies fields in and out.
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
function choiceFor(services: string[], warnings: string[], where: string): ServiceChoice | undefined {
  if (services.length === 1 && (SERVICE_CHOICES as string[]).includes(services[0])) return services[0] as ServiceChoice;
  const known = KNOWN_SERVICES as readonly string[];
  if (services.length >= known.length && known.every((k) => services.includes(k))) return ALL_KEY;
  warnings.push(`${where}: the app shows one service or all of them, not "${services.join(',').slice(0, 60)}"; ignored`);
  return undefined;
}

function radiusFor(r: number, warnings: string[], where: string): number {
  const clamped = clampRadius(r);
  if (clamped !== Math.round(r)) warnings.push(`${where}: radius ${r} m is outside the app's range, using ${clamped} m`);
  return clamped;
}

/**
 * The patch for a decoded link. `areaNames` are the loaded areas' names;
 * `layerIds` the app's layer groups (those not listed are switched off).
 */
export function shareToPatch(s: ShareState, areaNames: readonly string[], layerIds: readonly string[]): { patch: ChoicePatch; warnings: string[] } {
  const patch: ChoicePatch = {};
  const warnings: string[] = [];
  if (s.center && s.zoom !== undefined) patch.view = { center: s.center, zoom: s.zoom };
  else if (s.center || s.zoom !== undefined) warnings.push('link: c and z go together; the view was not changed');
  if (s.services) {
    const choice = choiceFor(s.services, warnings, 'link: s');
    if (choice) patch.choice = choice;
  }
  if (s.radius !== undefined) patch.radiusM = radiusFor(s.radius, warnings, 'link: r');
  if (s.distance) patch.distance = s.distance;
  if (s.group !== undefined) patch.group = s.group;
  if (s.lang) patch.lang = s.lang;
  if (s.layers) patch.layers = Object.fromEntries(layerIds.map((id) => [id, s.layers!.includes(id)]));
  if (s.area !== undefined) {
    if (areaNames.includes(s.area)) patch.area = s.area;
    else warnings.push(`link: a: no area named "${s.area.slice(0, 40)}" in the data; ignored`);
  }
  if (s.scenario !== undefined) patch.scenario = s.scenario;
  // Today holds no proposed halls: a link naming it carries none.
  if (s.proposed && s.scenario !== null) patch.proposed = s.proposed;
  return { patch, warnings };
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
