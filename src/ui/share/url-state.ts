// The shareable view state in the URL hash, e.g.
//   #c=113.93,22.77&z=11.2&s=petition,legal-aid&r=500&dist=network&g=age65&a=光明街道&l=zh&layers=areas,halls&sc=方案%202&p=113.9,22.7,petition;113.95,22.72,petition,legal-aid
// Short and readable so planners can paste links into reports and chats.
// Data sets may ride at the end (&halls=data:… , see data-urls.ts): the hash
// is never sent to a server, so its length meets no request-line limit.
// Reading a link back is url-decode.ts, a chunk of its own (see hash-sync.ts).
import { LINK_LIMITS } from '../../core/limits';
import { DATA_ROLES, type DataRole } from './data-params';
import type { LinkedHall } from '../../core/planning/plan-types';
import type { DistanceMode } from '../../core/types';

export type { LinkedHall };

/** Everything a link can carry; a missing field means "the app's default". */
export interface ShareState {
  center?: [number, number]; // [lng, lat] degrees, WGS84
  zoom?: number;
  services?: string[];
  radius?: number; // metres
  /** Straight line or walking along the loaded roads (the CLI's --distance values); written when roads are loaded. */
  distance?: DistanceMode;
  /** The group of people shown (a group field of the population, e.g. age65); absent: everyone. */
  group?: string;
  area?: string; // area (街道) name
  lang?: 'zh' | 'en';
  layers?: string[];
  proposed?: LinkedHall[];
  /** The active scenario (方案) by name, whose halls `proposed` holds; null for today (现状, written `sc=`). */
  scenario?: string | null;
  /** Number of the own data the link was made on (src/ui/own-data/own-store.ts fingerprint); absent on the sample. */
  data?: string;
  /** The printable report is open (#report, issue 18); absent: the map. */
  report?: boolean;
  /** Data sets named in the hash, as written there (undecoded); read by data-urls.ts. */
  dataSets?: Partial<Record<DataRole, string>>;
}

export interface DecodedState {
  state: ShareState;
  warnings: string[];
}

/** Optional lists of values the running app knows; others are dropped with a warning. */
export interface DecodeOptions {
  knownLayers?: readonly string[];
  knownServices?: readonly string[];
}

// Limits keep a hostile link from making the app do silly amounts of work (src/core/limits.ts).
export const LIMITS = LINK_LIMITS;

// Decimals kept: 5 for the view centre (≈1 m at Shenzhen's latitude), 6 for
// proposed halls (≈0.1 m, the precision used for exported coordinates).
export const CENTER_DECIMALS = 5;
export const HALL_DECIMALS = 6;
export const ZOOM_DECIMALS = 2;

export const LAYER_ID = /^[a-z0-9][a-z0-9_-]*$/i;
export const DATA_ID = /^[a-z0-9]{1,32}$/i;

/** Round to `decimals` places, without the float noise of toFixed, and without -0. */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r;
}

// Characters that would break our separators, or be mangled by the URL parser
// (space, quotes, angle brackets, backtick), are percent-encoded; everything
// else, Chinese included, stays readable.
function escapeItem(s: string): string {
  return s.replace(/[%&=#;,+\s"'<>`\\\u0000-\u001f\u007f]/g, (ch) =>
    Array.from(new TextEncoder().encode(ch), (b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join(''),
  );
}

function formatNumber(x: number, decimals: number): string {
  return String(roundTo(x, decimals));
}

/** Encode a state as a hash string starting with '#', or '' when there is nothing to share. */
export function encodeHash(state: ShareState): string {
  const parts: string[] = [];
  const n = normalizeState(state);
  if (n.report) parts.push('report');
  if (n.center) parts.push(`c=${formatNumber(n.center[0], CENTER_DECIMALS)},${formatNumber(n.center[1], CENTER_DECIMALS)}`);
  if (n.zoom !== undefined) parts.push(`z=${formatNumber(n.zoom, ZOOM_DECIMALS)}`);
  if (n.services) parts.push(`s=${n.services.map(escapeItem).join(',')}`);
  if (n.radius !== undefined) parts.push(`r=${n.radius}`);
  if (n.distance) parts.push(`dist=${n.distance}`);
  if (n.group !== undefined) parts.push(`g=${escapeItem(n.group)}`);
  if (n.area !== undefined) parts.push(`a=${escapeItem(n.area)}`);
  if (n.lang) parts.push(`l=${n.lang}`);
  if (n.layers) parts.push(`layers=${n.layers.map(escapeItem).join(',')}`);
  if (n.data) parts.push(`d=${n.data}`);
  if (n.scenario !== undefined) parts.push(`sc=${n.scenario === null ? '' : escapeItem(n.scenario)}`);
  if (n.proposed && n.proposed.length > 0) {
    const halls = n.proposed.map((h) => [formatNumber(h.lng, HALL_DECIMALS), formatNumber(h.lat, HALL_DECIMALS), ...h.services.map(escapeItem)].join(','));
    parts.push(`p=${halls.join(';')}`);
  }
  for (const role of DATA_ROLES) if (n.dataSets?.[role] !== undefined) parts.push(`${role}=${n.dataSets[role]}`);
  return parts.length ? '#' + parts.join('&') : '';
}

/**
 * The state as a link will carry it: numbers rounded, lists cut to the limits.
 * decodeHash(encodeHash(s)).state equals normalizeState(s) for valid input.
 */
export function normalizeState(state: ShareState): ShareState {
  const out: ShareState = {};
  if (state.center && validLngLat(state.center[0], state.center[1])) {
    out.center = [roundTo(state.center[0], CENTER_DECIMALS), roundTo(state.center[1], CENTER_DECIMALS)];
  }
  if (state.zoom !== undefined && Number.isFinite(state.zoom)) {
    out.zoom = roundTo(clamp(state.zoom, LIMITS.zoomMin, LIMITS.zoomMax), ZOOM_DECIMALS);
  }
  if (state.services) out.services = cleanList(state.services);
  if (state.radius !== undefined && Number.isFinite(state.radius)) {
    out.radius = Math.round(clamp(state.radius, LIMITS.radiusMin, LIMITS.radiusMax));
  }
  if (state.distance === 'straight' || state.distance === 'network') out.distance = state.distance;
  if (state.group !== undefined && validText(state.group)) out.group = state.group;
  if (state.area !== undefined && validText(state.area)) out.area = state.area;
  if (state.lang === 'zh' || state.lang === 'en') out.lang = state.lang;
  if (state.layers) out.layers = cleanList(state.layers).filter((l) => LAYER_ID.test(l));
  if (state.data !== undefined && DATA_ID.test(state.data)) out.data = state.data;
  if (state.scenario === null || (state.scenario !== undefined && validText(state.scenario))) out.scenario = state.scenario;
  if (state.report === true) out.report = true;
  // No proposed halls is the default, so an empty list is left out.
  const proposed = (state.proposed ?? [])
    .filter((h) => validLngLat(h.lng, h.lat))
    .slice(0, LIMITS.maxProposed)
    .map((h) => ({ lng: roundTo(h.lng, HALL_DECIMALS), lat: roundTo(h.lat, HALL_DECIMALS), services: cleanList(h.services) }));
  if (proposed.length > 0) out.proposed = proposed;
  // Carried as given: the data loader checks them, and they are already in URL form.
  const data = Object.fromEntries(
    DATA_ROLES.filter((r) => typeof state.dataSets?.[r] === 'string' && !/[&#\s]/.test(state.dataSets[r])).map((r) => [r, state.dataSets![r]]),
  );
  if (Object.keys(data).length > 0) out.dataSets = data;
  return out;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

export function validLngLat(lng: number, lat: number): boolean {
  return Number.isFinite(lng) && Number.isFinite(lat) && Math.abs(lng) <= 180 && Math.abs(lat) <= 90;
}

export function validText(s: string): boolean {
  return s.trim().length > 0 && s.length <= LIMITS.maxText;
}

function cleanList(items: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const it of items) if (validText(it) && seen.size < LIMITS.maxItems) seen.add(it);
  return [...seen];
}
