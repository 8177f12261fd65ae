import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hostTargets, isAllowedOrigin, parseAllowedOrigins, startEmbedApi, type EmbedWindow } from '../../../../src/ui/share/embed-api';
import type { EmbedSnapshot, SetMessage } from '../../../../src/ui/share/embed-messages';

const APP = 'https://app.example';
const HOST = 'https://bureau.example';

type Listener = (e: { origin: string; source: unknown; data: unknown }) => void;

// A window inside a frame: records what it posts to its parent.
function fakeWindow(opts: { search?: string; referrer?: string; ancestor?: string; topLevel?: boolean } = {}) {
  const posted: { message: unknown; target: string }[] = [];
  const listeners = new Set<Listener>();
  const parent = { postMessage: (message: unknown, target: string) => posted.push({ message, target }) };
  const win: EmbedWindow = {
    parent,
    location: {
      search: opts.search ?? '',
      origin: APP,
      ancestorOrigins: opts.ancestor ? { length: 1, 0: opts.ancestor } : undefined,
    },
    document: { referrer: opts.referrer ?? '' },
    addEventListener: (_t, fn) => listeners.add(fn),
    removeEventListener: (_t, fn) => listeners.delete(fn),
  };
  if (opts.topLevel) win.parent = win as unknown as EmbedWindow['parent'];
  const send = (origin: string, data: unknown, source: unknown = parent) => listeners.forEach((fn) => fn({ origin, source, data }));
  return { win, posted, send, listeners };
}

const snap = (radius: number): EmbedSnapshot => ({
  services: ['petition'],
  radius,
  area: null,
  numbers: { population: 100, covered: { petition: 40, all: 40 } },
});

describe('parseAllowedOrigins', () => {
  it('allows only our own origin by default', () => {
    expect(parseAllowedOrigins(null, APP)).toEqual({ allowed: { any: false, list: [APP] }, warnings: [] });
  });

  it('normalizes listed origins and warns about entries that are not http(s) origins', () => {
    const { allowed, warnings } = parseAllowedOrigins(' https://bureau.example/path , http://127.0.0.1:4174,javascript:alert(1),nonsense,', APP);
    expect(allowed).toEqual({ any: false, list: [APP, HOST, 'http://127.0.0.1:4174'] });
    expect(warnings).toHaveLength(2);
  });

  it("treats '*' as any origin", () => {
    expect(parseAllowedOrigins('*', APP).allowed.any).toBe(true);
  });
});

describe('hostTargets', () => {
  it('posts to the parent origin when it is allowed, never to *', () => {
    const { allowed } = parseAllowedOrigins(HOST, APP);
    expect(hostTargets(allowed, HOST)).toEqual([HOST]);
  });

  it('falls back to every allowed origin when the parent origin is unknown or not allowed', () => {
    const { allowed } = parseAllowedOrigins(HOST, APP);
    expect(hostTargets(allowed, null)).toEqual([APP, HOST]);
    expect(hostTargets(allowed, 'https://evil.example')).toEqual([APP, HOST]);
  });

  it("uses '*' only when the host configured origins=*", () => {
    expect(hostTargets(parseAllowedOrigins('*', APP).allowed, null)).toEqual(['*']);
    fc.assert(
      fc.property(fc.array(fc.webUrl(), { maxLength: 5 }), fc.option(fc.webUrl()), (urls, parent) => {
        const { allowed } = parseAllowedOrigins(urls.join(','), APP);
        expect(hostTargets(allowed, parent)).not.toContain('*');
        for (const t of hostTargets(allowed, parent)) expect(isAllowedOrigin(t, allowed)).toBe(true);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('startEmbedApi', () => {
  it('does nothing at top level (not embedded)', () => {
    const { win, listeners } = fakeWindow({ topLevel: true });
    expect(startEmbedApi(win, () => {})).toBeNull();
    expect(listeners.size).toBe(0);
  });

  it('announces ready once, then changes only when something changed, to the host origin', () => {
    const { win, posted } = fakeWindow({ search: `?embed=1&origins=${HOST}`, ancestor: HOST });
    const api = startEmbedApi(win, () => {})!;
    api.change(snap(500)); // before ready: dropped
    api.ready(snap(500));
    api.ready(snap(600)); // second ready: dropped
    api.change(snap(500)); // same as last: dropped
    api.change(snap(600));
    expect(posted.map((p) => [(p.message as { type: string }).type, (p.message as { radius: number }).radius, p.target])).toEqual([
      ['service-circles:ready', 500, HOST],
      ['service-circles:change', 600, HOST],
    ]);
  });

  it('uses the referrer origin when ancestorOrigins is missing', () => {
    const { win, posted } = fakeWindow({ search: `?origins=${HOST}`, referrer: `${HOST}/page.html?x=1` });
    startEmbedApi(win, () => {})!.ready(snap(500));
    expect(posted.map((p) => p.target)).toEqual([HOST]);
  });

  it('passes valid commands from an allowed host to the app', () => {
    const { win, send } = fakeWindow({ search: `?origins=${HOST}`, ancestor: HOST });
    const got: SetMessage[] = [];
    startEmbedApi(
      win,
      (m) => got.push(m),
      () => {},
    );
    send(HOST, { type: 'service-circles:set', radius: 800 });
    expect(got).toEqual([{ type: 'service-circles:set', radius: 800 }]);
  });

  it('ignores commands from origins that are not allowed, with a warning', () => {
    const { win, send } = fakeWindow({ ancestor: HOST });
    const got: SetMessage[] = [];
    const warnings: string[] = [];
    startEmbedApi(
      win,
      (m) => got.push(m),
      (w) => warnings.push(w),
    );
    send(HOST, { type: 'service-circles:set', radius: 800 });
    expect(got).toEqual([]);
    expect(warnings).toEqual([`embed: message from ${HOST} ignored: not in the allowed origins (add it with ?origins=…)`]);
  });

  it('ignores messages from frames other than the parent, and invalid commands with a warning', () => {
    const { win, send } = fakeWindow({ search: `?origins=${HOST}` });
    const got: SetMessage[] = [];
    const warnings: string[] = [];
    startEmbedApi(
      win,
      (m) => got.push(m),
      (w) => warnings.push(w),
    );
    send(HOST, { type: 'service-circles:set', radius: 800 }, { other: 'frame' });
    send(HOST, { type: 'service-circles:set', radius: 'big' });
    send(HOST, { type: 'somebody-elses:message' });
    expect(got).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^embed: message ignored: radius must be/);
  });

  it('stops listening on dispose', () => {
    const { win, listeners } = fakeWindow();
    startEmbedApi(win, () => {})!.dispose();
    expect(listeners.size).toBe(0);
  });
});
