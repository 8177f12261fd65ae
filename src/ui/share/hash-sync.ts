// Keeps the URL hash in step with the view: read once at start, rewritten
// (debounced, history.replaceState so Back is not flooded) as the view
// changes, and re-read when the person edits the hash by hand.
// Writing a link is with the page; reading one (url-decode.ts) is a chunk of
// its own, fetched by main.ts before the app starts when the address has a
// hash, by the start for a kept view, and by the first hand edit of the hash.
import { encodeHash, type DecodeOptions, type DecodedState, type ShareState } from './url-state';
import type { ChoicePatch } from './app-link';

/** The part of `window` used, so tests can pass a fake. */
export interface HashWindow {
  location: { hash: string; href: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string): void };
  addEventListener(type: 'hashchange' | 'pagehide', fn: () => void): void;
  removeEventListener(type: 'hashchange' | 'pagehide', fn: () => void): void;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface HashSync {
  /** Queue the state for the hash; written after `debounceMs` of quiet. */
  write(s: ShareState): void;
  /** Write a pending state now (e.g. before the page is left). */
  flush(): void;
  dispose(): void;
}

/** Panning fires many moves per second; one history entry rewrite per pause is enough. */
export const HASH_DEBOUNCE_MS = 300;

let reader: typeof import('./url-decode') | null = null;
let readerLoading: Promise<void> | null = null;

/** Fetches the link reader once; a failed fetch is tried again by the next call. */
export function loadLinkReader(): Promise<void> {
  readerLoading ??= import('./url-decode').then(
    (m) => void (reader = m),
    (e: unknown) => {
      readerLoading = null;
      throw e;
    },
  );
  return readerLoading;
}

/** A hash that says nothing ('', '#', spaces): read without the reader. */
export const blankHash = (hash: string): boolean => (hash.startsWith('#') ? hash.slice(1) : hash).trim() === '';

/** The link reader is here: readLink can read any hash. */
export const linkReaderLoaded = (): boolean => reader !== null;

/** Said when a link arrives before its reader could be fetched: the link is ignored, never half read. */
export const LINK_NOT_READ = 'link: the code that reads links could not be loaded (offline, or the site was updated); the link is ignored, reload the page';

/**
 * Decode a hash, sending each warning to `warn` (console.warn by default).
 * A blank hash needs no reader; any other needs loadLinkReader first, or is
 * ignored with LINK_NOT_READ.
 */
export function readLink(hash: string, opts: DecodeOptions = {}, warn: (m: string) => void = (m) => console.warn(m)): DecodedState {
  if (blankHash(hash)) return { state: {}, warnings: [] };
  const decoded = reader ? reader.decodeHash(hash, opts) : { state: {}, warnings: [LINK_NOT_READ] };
  decoded.warnings.forEach(warn);
  return decoded;
}

/**
 * The patch of the app's choices for a link read back (url-decode.ts's
 * shareToPatch); an empty link needs no reader, any other a readLink first.
 */
export function patchOfLink(s: ShareState, areaNames: readonly string[], layerIds: readonly string[]): { patch: ChoicePatch; warnings: string[] } {
  if (Object.keys(s).length === 0) return { patch: {}, warnings: [] };
  return reader ? reader.shareToPatch(s, areaNames, layerIds) : { patch: {}, warnings: [LINK_NOT_READ] };
}

export function startHashSync(
  win: HashWindow,
  onExternalChange: (s: ShareState) => void,
  opts: { debounceMs?: number; decode?: () => DecodeOptions; warn?: (m: string) => void } = {},
): HashSync {
  const debounceMs = opts.debounceMs ?? HASH_DEBOUNCE_MS;
  let pending: ShareState | null = null;
  let timer: number | null = null;
  // What we last wrote, so our own writes are not mistaken for hand edits.
  let written = encodeHash(readLink(win.location.hash, {}, () => {}).state);
  // The address bar's hash as last read or written. A hand edit changes it at
  // once, but its hashchange event comes later: a write in between must not
  // overwrite the edit, whose event would then read our write back.
  let seen = win.location.hash;
  let disposed = false;
  const canRead = (hash: string) => linkReaderLoaded() || blankHash(hash);

  // Apply the hash the person typed; false when it says what we last wrote.
  const readEdit = (): boolean => {
    seen = win.location.hash;
    const decoded = readLink(seen, opts.decode?.() ?? {}, opts.warn);
    const hash = encodeHash(decoded.state);
    if (hash === written) return false;
    written = hash;
    onExternalChange(decoded.state);
    return true;
  };

  const flush = () => {
    if (timer !== null) win.clearTimeout(timer);
    timer = null;
    if (!pending) return;
    const queued = pending;
    pending = null;
    // The latest edit wins over a state queued before it (once its reader is here, see onHashChange).
    if (win.location.hash !== seen && !canRead(win.location.hash)) return onHashChange();
    if (win.location.hash !== seen && readEdit()) return;
    const hash = encodeHash(queued);
    if (hash === written) return;
    written = hash;
    // An empty state drops the '#' entirely rather than leaving a bare '#'.
    win.history.replaceState(win.history.state, '', hash || win.location.href.split('#')[0]);
    seen = win.location.hash;
  };

  // The first hand edit fetches the link reader; a failure is said once and the edit left as typed.
  const onHashChange = () => {
    if (win.location.hash === seen) return;
    if (canRead(win.location.hash)) {
      readEdit();
      return;
    }
    loadLinkReader().then(
      () => {
        if (!disposed && win.location.hash !== seen) readEdit();
      },
      () => {
        seen = win.location.hash;
        (opts.warn ?? ((m: string) => console.warn(m)))(LINK_NOT_READ);
      },
    );
  };
  win.addEventListener('hashchange', onHashChange);
  // A reload or a closed tab within the quiet period must not lose the last
  // change: the address it leaves (and reloads) is written now.
  win.addEventListener('pagehide', flush);

  return {
    write(s) {
      pending = s;
      if (timer !== null) win.clearTimeout(timer);
      timer = win.setTimeout(flush, debounceMs);
    },
    flush,
    dispose() {
      flush();
      disposed = true;
      win.removeEventListener('hashchange', onHashChange);
      win.removeEventListener('pagehide', flush);
    },
  };
}
