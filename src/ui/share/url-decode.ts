// Reading a link's hash back into a ShareState (url-state.ts writes it), and
// that into a patch of the app's choices (shareToPatch). Decoding never
// throws: unknown keys and malformed values are dropped and reported as
// warnings, so an old or hand-edited link still opens the app.
// A chunk of its own, fetched only for an address with a hash (hash-sync.ts):
// a first visit's page has none.
import { DATA_ROLES, type DataRole } from './data-params';
import { choiceFor, radiusFor, type ChoicePatch } from './app-link';
import {
  CENTER_DECIMALS,
  DATA_ID,
  HALL_DECIMALS,
  LAYER_ID,
  LIMITS,
  roundTo,
  validLngLat,
  validText,
  ZOOM_DECIMALS,
  type DecodedState,
  type DecodeOptions,
  type LinkedHall,
  type ShareState,
} from './url-state';

const KEYS = ['report', 'c', 'z', 's', 'r', 'dist', 'g', 'a', 'l', 'layers', 'd', 'sc', 'p'] as const;
const isDataRole = (key: string): key is DataRole => (DATA_ROLES as readonly string[]).includes(key);

function unescapeItem(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
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
