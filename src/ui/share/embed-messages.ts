// The postMessage protocol between the embedded app and the host page (the
// bureau's website). Documented in docs/embedding.md; bump EMBED_VERSION on
// any incompatible change so hosts can tell.

import { LINK_LIMITS } from '../../core/limits';
export const EMBED_VERSION = 1;

/** People in scope and those covered, per requested service plus 'all'. */
export interface EmbedNumbers {
  population: number; // people in the selected area, or in the whole data set when no area is selected
  covered: Record<string, number>; // people within `radius` of a hall offering the service
}

/** What the host learns on ready and on every change. */
export interface EmbedSnapshot {
  services: string[]; // selected services
  radius: number; // metres
  area: string | null; // selected area name, null = whole data set
  numbers: EmbedNumbers;
}

/** App → host: the first numbers are on screen. */
export interface ReadyMessage extends EmbedSnapshot {
  type: 'service-circles:ready';
  version: typeof EMBED_VERSION;
}

/** App → host: the selection or the numbers changed. */
export interface ChangeMessage extends EmbedSnapshot {
  type: 'service-circles:change';
  version: typeof EMBED_VERSION;
}

export type AppToHostMessage = ReadyMessage | ChangeMessage;

/**
 * Host → app: change the selection. Every field is optional; `service`
 * selects exactly one service, `services` several; `area: null` clears the
 * area selection.
 */
export interface SetMessage {
  type: 'service-circles:set';
  service?: string;
  services?: string[];
  radius?: number; // metres
  area?: string | null;
}

export type HostToAppMessage = SetMessage;

export type ParseResult = { ok: true; message: SetMessage } | { ok: false; error: string };

// The same bounds as links (src/core/limits.ts).
const RADIUS_MIN = LINK_LIMITS.radiusMin;
const RADIUS_MAX = LINK_LIMITS.radiusMax;
const MAX_TEXT = LINK_LIMITS.maxText;
const MAX_SERVICES = LINK_LIMITS.maxItems;

/** Build the app → host message of `type` from a snapshot (copied, so later state changes do not leak in). */
export function makeAppMessage(type: AppToHostMessage['type'], s: EmbedSnapshot): AppToHostMessage {
  return {
    type,
    version: EMBED_VERSION,
    services: [...s.services],
    radius: s.radius,
    area: s.area,
    numbers: { population: s.numbers.population, covered: { ...s.numbers.covered } },
  };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isName(x: unknown): x is string {
  return typeof x === 'string' && x.trim().length > 0 && x.length <= MAX_TEXT;
}

/**
 * Validate a message received from the host. Messages of other tools on the
 * same page (no `service-circles:` type) are reported as `ignore` so the caller
 * can stay quiet about them; anything else malformed gets a one-line reason.
 */
export function parseHostMessage(data: unknown): ParseResult | { ok: false; ignore: true } {
  if (!isRecord(data) || typeof data.type !== 'string' || !data.type.startsWith('service-circles:')) {
    return { ok: false, ignore: true };
  }
  if (data.type !== 'service-circles:set') return { ok: false, error: `unknown message type "${data.type.slice(0, 60)}"` };
  const known = new Set(['type', 'service', 'services', 'radius', 'area']);
  const extra = Object.keys(data).filter((k) => !known.has(k));
  if (extra.length) return { ok: false, error: `unknown field "${extra[0].slice(0, 40)}" in service-circles:set` };
  const msg: SetMessage = { type: 'service-circles:set' };
  if ('service' in data) {
    if (!isName(data.service)) return { ok: false, error: 'service must be a non-empty string' };
    msg.service = data.service;
  }
  if ('services' in data) {
    const list = data.services;
    if (!Array.isArray(list) || list.length > MAX_SERVICES || !list.every(isName)) {
      return { ok: false, error: `services must be an array of up to ${MAX_SERVICES} non-empty strings` };
    }
    if (msg.service !== undefined) return { ok: false, error: 'give service or services, not both' };
    msg.services = [...new Set(list as string[])];
  }
  if ('radius' in data) {
    const r = data.radius;
    if (typeof r !== 'number' || !Number.isFinite(r) || r < RADIUS_MIN || r > RADIUS_MAX) {
      return { ok: false, error: `radius must be a number of metres in ${RADIUS_MIN}..${RADIUS_MAX}` };
    }
    msg.radius = r;
  }
  if ('area' in data) {
    if (data.area !== null && !isName(data.area)) return { ok: false, error: 'area must be a non-empty string or null' };
    msg.area = data.area as string | null;
  }
  return { ok: true, message: msg };
}
