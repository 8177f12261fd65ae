import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { LINK_NOT_READ, linkReaderLoaded, loadLinkReader, patchOfLink, readLink, startHashSync, type HashWindow } from '../../../../src/ui/share/hash-sync';
import type { ShareState } from '../../../../src/ui/share/url-state';

// A window whose history writes land in location, like a browser's.
function fakeWindow(hash = '') {
  const calls: string[] = [];
  let listener: (() => void) | null = null;
  let pagehide: (() => void) | null = null;
  const win: HashWindow = {
    location: { hash, href: 'http://app.test/index.html?embed=1' + hash },
    history: {
      state: null,
      replaceState(_d, _u, url) {
        calls.push(url ?? '');
        const u = new URL(url ?? '', win.location.href);
        win.location.hash = u.hash;
        win.location.href = u.href;
      },
    },
    addEventListener: (t, fn) => (t === 'hashchange' ? (listener = fn) : (pagehide = fn)),
    removeEventListener: (t) => (t === 'hashchange' ? (listener = null) : (pagehide = null)),
    setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
    clearTimeout: (id) => clearTimeout(id),
  };
  // A hand edit in the address bar: location changes, then hashchange fires.
  const type = (h: string) => {
    win.location.hash = h;
    win.location.href = 'http://app.test/index.html?embed=1' + h;
  };
  const edit = (h: string) => {
    type(h);
    listener?.();
  };
  // The browser's hashchange event, which comes a task after the edit.
  const fire = () => listener?.();
  // The page is left (reload, closed tab, navigation away).
  const leave = () => pagehide?.();
  return { win, calls, edit, type, fire, leave, hasListener: () => listener !== null };
}

// Runs first: the link reader is a chunk fetched on first use, not yet loaded here.
describe('before the link reader is fetched', () => {
  it('reads a blank hash without it, and ignores any other with a warning saying so, never half read', () => {
    expect(linkReaderLoaded()).toBe(false);
    const warnings: string[] = [];
    expect(readLink('', {}, (w) => warnings.push(w))).toEqual({ state: {}, warnings: [] });
    expect(readLink('# ', {}, (w) => warnings.push(w))).toEqual({ state: {}, warnings: [] });
    expect(warnings).toEqual([]);
    expect(readLink('#r=250', {}, (w) => warnings.push(w))).toEqual({ state: {}, warnings: [LINK_NOT_READ] });
    expect(warnings).toEqual([LINK_NOT_READ]);
  });
  it('patches the choices for an empty link without it, and for any other says the link is ignored', () => {
    expect(patchOfLink({}, [], [])).toEqual({ patch: {}, warnings: [] });
    expect(patchOfLink({ radius: 250 }, [], [])).toEqual({ patch: {}, warnings: [LINK_NOT_READ] });
  });
  it('a hand edit fetches the reader and is then applied; a write queued meanwhile does not overwrite it', async () => {
    const { win, calls, edit } = fakeWindow();
    const applied: ShareState[] = [];
    const sync = startHashSync(win, (s) => applied.push(s), { debounceMs: 0 });
    edit('#r=250');
    sync.write({ radius: 500 });
    sync.flush();
    expect(calls).toEqual([]);
    await vi.waitFor(() => expect(applied).toEqual([{ radius: 250 }]));
    expect(linkReaderLoaded()).toBe(true);
    expect(win.location.hash).toBe('#r=250');
    sync.dispose();
  });
});

describe('startHashSync', () => {
  beforeAll(() => loadLinkReader());
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes the latest state once after a quiet period, with replaceState', () => {
    const { win, calls } = fakeWindow();
    const sync = startHashSync(win, () => {}, { debounceMs: 300 });
    for (let r = 100; r <= 500; r += 100) sync.write({ radius: r });
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(299);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['#r=500']);
  });

  it('does not rewrite an unchanged hash', () => {
    const { win, calls } = fakeWindow('#r=500');
    const sync = startHashSync(win, () => {});
    sync.write({ radius: 500 });
    sync.flush();
    expect(calls).toEqual([]);
  });

  it('drops the # when the state is back to defaults', () => {
    const { win, calls } = fakeWindow('#r=500');
    const sync = startHashSync(win, () => {});
    sync.write({});
    sync.flush();
    expect(calls).toEqual(['http://app.test/index.html?embed=1']);
  });

  it('applies hand edits of the hash, but not its own writes', () => {
    const { win, edit } = fakeWindow();
    const seen: ShareState[] = [];
    const warnings: string[] = [];
    const sync = startHashSync(win, (s) => seen.push(s), { warn: (w) => warnings.push(w) });
    sync.write({ radius: 300 });
    sync.flush();
    edit(win.location.hash); // the browser re-announcing our own write
    edit('#r=700&z=oops');
    expect(seen).toEqual([{ radius: 700 }]);
    expect(warnings).toEqual(['link: z="oops" ignored: not a number']);
  });

  it('lets the latest hand edit win when a queued write comes due before its hashchange event', () => {
    const { win, calls, edit, type, fire } = fakeWindow('#r=500');
    const seen: ShareState[] = [];
    // As the app does: applying an edit queues the whole state it leads to (with the view).
    const sync = startHashSync(win, (s) => {
      seen.push(s);
      sync.write({ ...s, zoom: 11 });
    });
    for (const r of [600, 700, 800, 900]) {
      edit(`#r=${r}`);
      vi.advanceTimersByTime(100);
    }
    type('#r=1000'); // typed; its event is still queued when the write for 900 comes due
    vi.advanceTimersByTime(300);
    fire();
    vi.advanceTimersByTime(1000);
    expect(win.location.hash).toBe('#z=11&r=1000');
    expect(seen.at(-1)).toEqual({ radius: 1000 });
    expect(calls).not.toContain('#z=11&r=900');
  });

  it('still writes a queued state when an edit not yet announced says what was written', () => {
    const { win, calls, type, fire } = fakeWindow('#r=500');
    const seen: ShareState[] = [];
    const sync = startHashSync(win, (s) => seen.push(s));
    sync.write({ radius: 600 });
    type('#r=500.0'); // the same link, typed differently
    vi.advanceTimersByTime(300);
    fire();
    expect(seen).toEqual([]);
    expect(calls).toEqual(['#r=600']);
  });

  it('writes what is pending when the page is left within the quiet period, so a reload keeps the last change', () => {
    const { win, calls, leave } = fakeWindow('#r=500');
    const sync = startHashSync(win, () => {}, { debounceMs: 300 });
    sync.write({ radius: 800 });
    vi.advanceTimersByTime(100);
    leave();
    expect(win.location.hash).toBe('#r=800');
    expect(calls).toEqual(['#r=800']);
  });

  it('writes what is pending and stops listening on dispose', () => {
    const { win, calls, hasListener } = fakeWindow();
    const sync = startHashSync(win, () => {});
    sync.write({ lang: 'en' });
    sync.dispose();
    expect(calls).toEqual(['#l=en']);
    expect(hasListener()).toBe(false);
  });
});

describe('readLink', () => {
  beforeAll(() => loadLinkReader());
  it('patches the choices through the reader once it is here', () => {
    expect(patchOfLink({ radius: 250 }, [], [])).toEqual({ patch: { radiusM: 250 }, warnings: [] });
  });
  it('decodes and sends each warning to warn', () => {
    const warnings: string[] = [];
    const { state } = readLink('#r=250&x=1', {}, (w) => warnings.push(w));
    expect(state).toEqual({ radius: 250 });
    expect(warnings).toEqual(['link: unknown setting "x" ignored']);
  });
});
