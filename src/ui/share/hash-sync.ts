// Keeps the URL hash in step with the view: read once at start, rewritten
// (debounced, history.replaceState so Back is not flooded) as the view
// changes, and re-read when the person edits the hash by hand.
import { decodeHash, encodeHash, type DecodeOptions, type DecodedState, type ShareState } from './url-state';

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

/** Decode the current hash, sending each warning to `warn` (console.warn by default). */
export function readLink(hash: string, opts: DecodeOptions = {}, warn: (m: string) => void = (m) => console.warn(m)): DecodedState {
  const decoded = decodeHash(hash, opts);
  decoded.warnings.forEach(warn);
  return decoded;
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
  let written = encodeHash(decodeHash(win.location.hash).state);
  // The address bar's hash as last read or written. A hand edit changes it at
  // once, but its hashchange event comes later: a write in between must not
  // overwrite the edit, whose event would then read our write back.
  let seen = win.location.hash;

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
    // The latest edit wins over a state queued before it.
    if (win.location.hash !== seen && readEdit()) return;
    const hash = encodeHash(queued);
    if (hash === written) return;
    written = hash;
    // An empty state drops the '#' entirely rather than leaving a bare '#'.
    win.history.replaceState(win.history.state, '', hash || win.location.href.split('#')[0]);
    seen = win.location.hash;
  };

  const onHashChange = () => {
    if (win.location.hash !== seen) readEdit();
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
      win.removeEventListener('hashchange', onHashChange);
      win.removeEventListener('pagehide', flush);
    },
  };
}
