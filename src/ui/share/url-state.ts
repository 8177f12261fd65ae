// The shareable view state in the URL hash, e.g.
//   #c=113.93,22.77&z=11.2&s=petition,legal-aid&r=500&dist=network&g=age65&a=光明街道&l=zh&layers=areas,halls&sc=方案%202&p=113.9,22.7,petition;113.95,22.72,petition,legal-aid
// Short and readable so planners can paste links into reports and chats.
// Data sets may ride at the end (&halls=data:… , see data-urls.ts): the hash
// is never sent to a server, so its length meets no request-line limit.
// Decoding never throws: unknown keys and malformed values are dropped and
// reported as warnings, so an old or hand-edited link still opens the app.
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
const CENTER_DECIMALS = 5;
const HALL_DECIMALS = 6;
const ZOOM_DECIMALS = 2;

const KEYS = ['report', 'c', 'z', 's', 'r', 'dist', 'g', 'a', 'l', 'layers', 'd', 'sc', 'p'] as const;
const isDataRole = (key: string): key is DataRole => (DATA_ROLES as readonly string[]).includes(key);
const LAYER_ID = /^[a-z0-9][a-z0-9_-]*$/i;
const DATA_ID = /^[a-z0-9]{1,32}$/i;

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

function unescapeItem(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
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

function validLngLat(lng: number, lat: number): boolean {
  return Number.isFinite(lng) && Number.isFinite(lat) && Math.abs(lng) <= 180 && Math.abs(lat) <= 90;
}

function validText(s: string): boolean {
  return s.trim().length > 0 && s.length <= LIMITS.maxText;
}

function cleanList(items: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const it of items) if (validText(it) && seen.size < LIMITS.maxItems) seen.add(it);
  return [...seen];
}

// Strict decimal syntax: Number('') is 0 and Number('0x1f') is 31, neither of
// which a link should mean.
function parseNumber(s: string): number | null {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return null;
  const x = Number(s);
  return Number.isFinite(x) ? x : null;
}

/** Decode a location.hash (with or without '#'). Never throws. */
export function decodeHash(hash: string, opts: DecodeOptions = {}): DecodedState {
  const state: ShareState = {};
  const warnings: string[] = [];
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw.trim() === '') return { state, warnings };
  const seen = new Set<string>();
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    const shownKey = short(unescapeItem(key) ?? key);
    if (isDataRole(key)) {
      // The first one counts, as for the query form; readDataParams reports repeats.
      state.dataSets ??= {};
      state.dataSets[key] ??= value;
      continue;
    }
    if (!(KEYS as readonly string[]).includes(key)) {
      warnings.push(`link: unknown setting "${shownKey}" ignored`);
      continue;
    }
    if (seen.has(key)) warnings.push(`link: setting "${key}" given twice, the last one is used`);
    seen.add(key);
    const problem = applyPair(state, key as (typeof KEYS)[number], value, opts, warnings);
    if (problem) warnings.push(`link: ${key}="${short(unescapeItem(value) ?? value)}" ignored: ${problem}`);
  }
  return { state, warnings: capWarnings(warnings) };
}

// A hostile link can hold 100 000 bad pieces; each warning reaches the
// console, which then holds the page up. The first few say what is wrong.
function capWarnings(warnings: string[]): string[] {
  if (warnings.length <= LIMITS.maxWarnings) return warnings;
  const rest = warnings.length - LIMITS.maxWarnings;
  return [...warnings.slice(0, LIMITS.maxWarnings), `link: ${rest} more problem${rest === 1 ? '' : 's'} in the link not listed`];
}

function short(s: string): string {
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
}

// Returns a reason when the whole value is rejected; may also add warnings
// for single items it drops from a list.
function applyPair(state: ShareState, key: (typeof KEYS)[number], value: string, opts: DecodeOptions, warnings: string[]): string | null {
  switch (key) {
    case 'c': {
      const parts = value.split(',');
      if (parts.length !== 2) return 'expected longitude,latitude';
      const lng = parseNumber(parts[0]);
      const lat = parseNumber(parts[1]);
      if (lng === null || lat === null) return 'not a number';
      if (!validLngLat(lng, lat)) return 'outside -180..180, -90..90';
      state.center = [roundTo(lng, CENTER_DECIMALS), roundTo(lat, CENTER_DECIMALS)];
      return null;
    }
    case 'z': {
      const z = parseNumber(value);
      if (z === null) return 'not a number';
      if (z < LIMITS.zoomMin || z > LIMITS.zoomMax) return `zoom must be ${LIMITS.zoomMin}..${LIMITS.zoomMax}`;
      state.zoom = roundTo(z, ZOOM_DECIMALS);
      return null;
    }
    case 'r': {
      const r = parseNumber(value);
      if (r === null) return 'not a number';
      if (r < LIMITS.radiusMin || r > LIMITS.radiusMax) return `radius must be ${LIMITS.radiusMin}..${LIMITS.radiusMax} m`;
      state.radius = Math.round(r);
      return null;
    }
    case 'l': {
      if (value !== 'zh' && value !== 'en') return 'language must be zh or en';
      state.lang = value;
      return null;
    }
    case 'a': {
      const a = unescapeItem(value);
      if (a === null) return 'bad percent-encoding';
      if (!validText(a)) return `empty or longer than ${LIMITS.maxText} characters`;
      state.area = a;
      return null;
    }
    case 's': {
      // An empty list is meaningful: no service selected.
      if (value === '') {
        state.services = [];
        return null;
      }
      const list = decodeList(value, key, opts.knownServices, null, warnings);
      if (list === null) return 'no valid service';
      state.services = list;
      return null;
    }
    case 'layers': {
      // An empty list is meaningful here: every optional layer switched off.
      if (value === '') {
        state.layers = [];
        return null;
      }
      const list = decodeList(value, key, opts.knownLayers, LAYER_ID, warnings);
      if (list === null) return 'no valid layer';
      state.layers = list;
      return null;
    }
    case 'd': {
      if (!DATA_ID.test(value)) return 'expected the number of the data (letters and digits)';
      state.data = value;
      return null;
    }
    case 'dist': {
      if (value !== 'straight' && value !== 'network') return 'distance must be straight or network';
      state.distance = value;
      return null;
    }
    case 'g': {
      const name = unescapeItem(value);
      if (name === null) return 'bad percent-encoding';
      if (!validText(name)) return `longer than ${LIMITS.maxText} characters, or blank`;
      state.group = name;
      return null;
    }
    case 'sc': {
      // Empty: today (现状), the scenario without proposed halls.
      if (value === '') {
        state.scenario = null;
        return null;
      }
      const name = unescapeItem(value);
      if (name === null) return 'bad percent-encoding';
      if (!validText(name)) return `longer than ${LIMITS.maxText} characters, or blank`;
      state.scenario = name;
      return null;
    }
    case 'p':
      return decodeProposed(state, value, opts, warnings);
    case 'report':
      // A bare flag (#report); "report=1" is read the same.
      if (value !== '' && value !== '1') return 'expected no value';
      state.report = true;
      return null;
  }
}

function decodeList(value: string, key: string, known: readonly string[] | undefined, pattern: RegExp | null, warnings: string[]): string[] | null {
  const out: string[] = [];
  for (const piece of value.split(',')) {
    const item = unescapeItem(piece);
    if (item === null || !validText(item) || (pattern && !pattern.test(item))) {
      warnings.push(`link: ${key}: "${short(piece)}" is not a valid name, ignored`);
    } else if (known && !known.includes(item)) {
      warnings.push(`link: ${key}: unknown "${short(item)}" ignored`);
    } else if (!out.includes(item)) {
      if (out.length >= LIMITS.maxItems) {
        warnings.push(`link: ${key}: more than ${LIMITS.maxItems} items, the rest ignored`);
        break;
      }
      out.push(item);
    }
  }
  return out.length ? out : null;
}

function decodeProposed(state: ShareState, value: string, opts: DecodeOptions, warnings: string[]): string | null {
  const halls: LinkedHall[] = [];
  const items = value.split(';');
  for (let i = 0; i < items.length; i++) {
    if (items[i] === '') continue;
    if (halls.length >= LIMITS.maxProposed) {
      warnings.push(`link: p: more than ${LIMITS.maxProposed} proposed halls, the rest ignored`);
      break;
    }
    const [lngS = '', latS = '', ...svc] = items[i].split(',');
    const lng = parseNumber(lngS);
    const lat = parseNumber(latS);
    if (lng === null || lat === null || !validLngLat(lng, lat)) {
      warnings.push(`link: p: proposed hall ${i + 1} ignored: expected longitude,latitude[,service…]`);
      continue;
    }
    const services = svc.length ? (decodeList(svc.join(','), `p[${i + 1}]`, opts.knownServices, null, warnings) ?? []) : [];
    halls.push({ lng: roundTo(lng, HALL_DECIMALS), lat: roundTo(lat, HALL_DECIMALS), services });
  }
  if (halls.length === 0 && items.some((x) => x !== '')) return 'no valid proposed hall';
  if (halls.length > 0) state.proposed = halls;
  return null;
}
