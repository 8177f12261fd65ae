// Wires the postMessage protocol (embed-messages.ts) to the window. Active
// only inside an iframe. Who may talk to us: the origins listed in the
// `origins` query parameter, or by default only our own origin. We post to the
// host's origin only, never '*' unless the host configured `origins=*`.
import { makeAppMessage, parseHostMessage, type EmbedSnapshot, type SetMessage } from './embed-messages';

export interface AllowedOrigins {
  any: boolean; // origins=* : every host may send commands and receive messages
  list: string[]; // serialized origins, e.g. 'https://xfj.szgm.gov.cn'
}

/** The part of `window` the API uses, so tests can pass a fake. */
export interface EmbedWindow {
  parent: { postMessage(message: unknown, targetOrigin: string): void };
  location: { search: string; origin: string; ancestorOrigins?: { length: number; [i: number]: string } };
  document: { referrer: string };
  addEventListener(type: 'message', fn: (e: { origin: string; source: unknown; data: unknown }) => void): void;
  removeEventListener(type: 'message', fn: (e: { origin: string; source: unknown; data: unknown }) => void): void;
}

export interface EmbedApi {
  /** Announce the first numbers on screen; later calls are ignored. */
  ready(s: EmbedSnapshot): void;
  /** Announce a change; ignored before ready and when nothing changed since the last message. */
  change(s: EmbedSnapshot): void;
  dispose(): void;
}

/** Parse the `origins` query value (comma list, or '*'). Our own origin is always allowed. */
export function parseAllowedOrigins(param: string | null, ownOrigin: string): { allowed: AllowedOrigins; warnings: string[] } {
  const allowed: AllowedOrigins = { any: false, list: [ownOrigin] };
  const warnings: string[] = [];
  for (const raw of (param ?? '').split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    if (entry === '*') {
      allowed.any = true;
      continue;
    }
    const origin = originOf(entry);
    if (origin === null) warnings.push(`embed: origins: "${entry.slice(0, 60)}" is not an http(s) origin, ignored`);
    else if (!allowed.list.includes(origin)) allowed.list.push(origin);
  }
  return { allowed, warnings };
}

/** The origin of an http(s) URL, or null. */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

export function isAllowedOrigin(origin: string, allowed: AllowedOrigins): boolean {
  return allowed.any || allowed.list.includes(origin);
}

/**
 * Where to post messages for the host. The parent's origin comes from
 * location.ancestorOrigins (Chromium, Safari) or document.referrer; when
 * neither is known (referrer policy no-referrer), each allowed origin is
 * tried: the browser delivers only to the one that matches the parent.
 */
export function hostTargets(allowed: AllowedOrigins, parentOrigin: string | null): string[] {
  if (parentOrigin && isAllowedOrigin(parentOrigin, allowed)) return [parentOrigin];
  if (allowed.any) return ['*'];
  return [...allowed.list];
}

function snapshotKey(s: EmbedSnapshot): string {
  return JSON.stringify([s.services, s.radius, s.area, s.numbers.population, Object.entries(s.numbers.covered).sort()]);
}

/** Start the API when the page runs inside a frame; returns null at top level. */
export function startEmbedApi(win: EmbedWindow, onSet: (m: SetMessage) => void, warn: (msg: string) => void = (m) => console.warn(m)): EmbedApi | null {
  if ((win.parent as unknown) === win) return null;
  const { allowed, warnings } = parseAllowedOrigins(new URLSearchParams(win.location.search).get('origins'), win.location.origin);
  warnings.forEach(warn);
  const ancestors = win.location.ancestorOrigins;
  const parentOrigin = (ancestors && ancestors.length > 0 ? originOf(ancestors[0]) : null) ?? originOf(win.document.referrer);
  const targets = hostTargets(allowed, parentOrigin);
  let readySent = false;
  let lastKey = '';

  const onMessage = (e: { origin: string; source: unknown; data: unknown }) => {
    // Only the embedding page may command us, not other frames or popups.
    if (e.source !== win.parent) return;
    const parsed = parseHostMessage(e.data);
    if (!parsed.ok && 'ignore' in parsed) return;
    if (!isAllowedOrigin(e.origin, allowed)) {
      warn(`embed: message from ${e.origin.slice(0, 80)} ignored: not in the allowed origins (add it with ?origins=…)`);
      return;
    }
    if (!parsed.ok) {
      warn(`embed: message ignored: ${parsed.error}`);
      return;
    }
    onSet(parsed.message);
  };
  win.addEventListener('message', onMessage);

  const post = (type: 'service-circles:ready' | 'service-circles:change', s: EmbedSnapshot) => {
    const message = makeAppMessage(type, s);
    lastKey = snapshotKey(s);
    for (const t of targets) win.parent.postMessage(message, t);
  };
  return {
    ready(s) {
      if (readySent) return;
      readySent = true;
      post('service-circles:ready', s);
    },
    change(s) {
      if (!readySent || snapshotKey(s) === lastKey) return;
      post('service-circles:change', s);
    },
    dispose() {
      win.removeEventListener('message', onMessage);
    },
  };
}
