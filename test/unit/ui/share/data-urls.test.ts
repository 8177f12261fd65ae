import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkResponse,
  decodeDataUrl,
  loadDataText,
  loadLinkedData,
  queryValueUrl,
  readDataParams,
  validateDataUrl,
  type DataSource,
} from '../../../../src/ui/share/data-urls';
import { DATA_URL_MAX_CHARS, FETCH_MAX_BYTES } from '../../../../src/core/limits';

const PAGE = 'https://bureau.example/tools/circles/index.html?embed=1';

describe('validateDataUrl', () => {
  it('resolves relative URLs against the page', () => {
    expect(validateDataUrl('halls', 'data/halls.csv', PAGE)).toEqual({
      ok: true,
      value: { role: 'halls', kind: 'http', url: 'https://bureau.example/tools/circles/data/halls.csv', name: 'halls.csv' },
    });
  });

  it('accepts absolute https URLs on other hosts (CORS decides later)', () => {
    const r = validateDataUrl('areas', 'https://data.example/gm/%E8%A1%97%E9%81%93.geojson', PAGE);
    expect(r).toMatchObject({ ok: true, value: { kind: 'http', name: '街道.geojson' } });
  });

  it('rejects javascript:, file: and other schemes with a clear one-line message', () => {
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', 'file:///etc/passwd', 'ftp://x/y', 'blob:https://x/1', 'vbscript:x']) {
      const r = validateDataUrl('halls', bad, PAGE);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^halls: ".*" rejected: only http\(s\) and data: URLs are allowed/);
    }
  });

  it('rejects http data on an https page and URLs with credentials', () => {
    expect(validateDataUrl('population', 'http://x.example/p.geojson', PAGE)).toMatchObject({ ok: false, error: expect.stringMatching(/use https/) });
    expect(validateDataUrl('population', 'https://u:p@x.example/p.geojson', PAGE)).toMatchObject({ ok: false });
    expect(validateDataUrl('population', 'http://x.example/p.geojson', 'http://127.0.0.1:4173/')).toMatchObject({ ok: true });
  });

  it('accepts data: URLs up to the size limit only', () => {
    expect(validateDataUrl('halls', 'data:text/csv,a', PAGE)).toMatchObject({ ok: true, value: { kind: 'data' } });
    const big = 'data:text/csv,' + 'a'.repeat(DATA_URL_MAX_CHARS);
    expect(validateDataUrl('halls', big, PAGE)).toMatchObject({ ok: false, error: expect.stringMatching(/over the 2 MiB limit/) });
  });

  it('never throws, and only ever returns http(s) or data: sources', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.webUrl(), fc.constantFrom('javascript:', 'data:', '//x', '\\\\x', ' java\tscript:1')), (s) => {
        const r = validateDataUrl('areas', s, PAGE);
        if (r.ok) expect(/^(https?:|data:)/i.test(r.value.url)).toBe(true);
        else expect(r.error).not.toContain('\n');
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});

describe('readDataParams', () => {
  it('reads the three roles and reports bad ones without dropping good ones', () => {
    const { sources, errors } = readDataParams('?halls=h.csv&areas=javascript:x&halls=other.csv&foo=1', PAGE);
    expect(sources.map((s) => [s.role, s.name])).toEqual([['halls', 'h.csv']]);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^halls: given 2 times/);
    expect(errors[1]).toMatch(/^areas: /);
  });

  it('returns nothing when no data parameter is given (use the sample)', () => {
    expect(readDataParams('?embed=1', PAGE)).toEqual({ sources: [], errors: [] });
  });

  it('reads data sets from the hash too, among the view settings, and reports one given in both places', () => {
    const { sources, errors } = readDataParams('?embed=1&areas=a.geojson', PAGE, '#c=113.9,22.7&z=11&halls=data:text/csv,n&areas=b.geojson');
    expect(sources.map((s) => [s.role, s.kind, s.name])).toEqual([
      ['halls', 'data', 'halls (data: URL)'],
      ['areas', 'http', 'a.geojson'],
    ]);
    expect(errors).toEqual(['areas: given 2 times, the first one is used']);
  });
});

// Links built as docs/embedding.md says: a data: URL pasted into the query as
// it is (its body percent-encoded once, as any data: URL), or the whole data:
// URL percent-encoded once more (encodeURIComponent), as scripts build them.
describe('readDataParams and decodeDataUrl on linked data: URLs (issue 7: decoded once, not twice)', () => {
  const noFetch = async (): Promise<Response> => {
    throw new Error('must not fetch');
  };
  const geojson = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { name: '甲站', share: '100%', code: 'a%2541', note: 'a%41 b+c' },
        geometry: { type: 'Point', coordinates: [113.935, 22.748] },
      },
    ],
  });
  async function arrives(search: string): Promise<string> {
    const { texts, errors } = await loadLinkedData(search, PAGE, { fetch: noFetch });
    expect(errors).toEqual([]);
    return texts[0].text;
  }

  it('reads a data: URL of 100 KB from the hash as it does from the query', async () => {
    const csv = 'name,lng,lat,services\n' + Array.from({ length: 2500 }, (_, i) => `站${i},113.9${i},22.7,petition`).join('\n');
    const url = 'data:text/csv;charset=utf-8,' + encodeURIComponent(csv);
    expect(url.length).toBeGreaterThan(100_000);
    const { texts, errors } = await loadLinkedData('', PAGE, { fetch: noFetch }, '#s=petition&halls=' + url);
    expect(errors).toEqual([]);
    expect(texts[0].text).toBe(csv);
  });

  it('keeps "100%" and "a%2541" of a data: URL pasted into the query as it is', async () => {
    expect(await arrives('?halls=data:application/geo+json;charset=utf-8,' + encodeURIComponent(geojson))).toBe(geojson);
  });

  it('keeps them when the whole data: URL is percent-encoded once more', async () => {
    expect(await arrives('?halls=' + encodeURIComponent('data:application/geo+json,' + encodeURIComponent(geojson)))).toBe(geojson);
    const params = new URLSearchParams({ halls: 'data:application/geo+json,' + encodeURIComponent(geojson) });
    expect(await arrives('?' + params.toString())).toBe(geojson);
  });

  it('keeps them in base64 data: URLs, pasted as they are (with + and /) or encoded once more', async () => {
    const b64 = Buffer.from('\uFEFF' + geojson + '>>>?').toString('base64');
    expect(b64).toMatch(/\+/);
    expect(await arrives('?halls=data:application/geo+json;base64,' + b64)).toBe(geojson + '>>>?');
    expect(await arrives('?halls=' + encodeURIComponent('data:application/geo+json;base64,' + b64))).toBe(geojson + '>>>?');
  });

  it("keeps a '+' written unencoded in a pasted data: URL (a plus there, not a space)", async () => {
    expect(await arrives('?areas=data:text/csv,name%2Cn%0Aa+b%2C1')).toBe('name,n\na+b,1');
  });

  it('round-trips any text through both link forms', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme' }).filter((s) => !s.startsWith('\uFEFF')),
        async (s) => {
          const dataUrl = 'data:text/plain;charset=utf-8,' + encodeURIComponent(s);
          expect(await arrives('?embed=1&population=' + dataUrl)).toBe(s);
          expect(await arrives('?population=' + encodeURIComponent(dataUrl) + '&embed=1')).toBe(s);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('queryValueUrl', () => {
  it('takes a value starting with a literal scheme as the URL it is, and decodes any other once', () => {
    expect(queryValueUrl('data:,100%25+1')).toBe('data:,100%25+1');
    expect(queryValueUrl('https://x.example/a%2Bb+c.csv')).toBe('https://x.example/a%2Bb+c.csv');
    expect(queryValueUrl('data%3A%2C100%2525')).toBe('data:,100%25');
    expect(queryValueUrl('data/my+file%20%E5%85%89.csv')).toBe('data/my file 光.csv');
  });
});

describe('decodeDataUrl', () => {
  it('decodes percent-encoded and base64 UTF-8 text', () => {
    expect(decodeDataUrl('data:text/csv,name%2Clng%0A%E5%85%89%E6%98%8E,1')).toEqual({ ok: true, value: 'name,lng\n光明,1' });
    const b64 = Buffer.from('\uFEFFname,lng\n光明,1').toString('base64');
    expect(decodeDataUrl(`data:text/csv;base64,${b64}`)).toEqual({ ok: true, value: 'name,lng\n光明,1' });
  });

  it("restores '+' that a query string turned into spaces in base64", () => {
    const b64 = Buffer.from('>>>?').toString('base64'); // contains '+' and '/'
    expect(b64).toContain('+');
    expect(decodeDataUrl(`data:;base64,${b64.replace(/\+/g, ' ')}`)).toEqual({ ok: true, value: '>>>?' });
  });

  it('round-trips any text through base64 and percent-encoding', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }).filter((s) => !s.startsWith('\uFEFF')),
        (s) => {
          expect(decodeDataUrl('data:text/plain,' + encodeURIComponent(s))).toEqual({ ok: true, value: s });
          expect(decodeDataUrl('data:text/plain;base64,' + Buffer.from(s).toString('base64'))).toEqual({ ok: true, value: s });
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('reports malformed data: URLs instead of throwing', () => {
    expect(decodeDataUrl('data:text/csv')).toMatchObject({ ok: false });
    expect(decodeDataUrl('data:text/csv,%E5')).toMatchObject({ ok: false, error: expect.stringMatching(/percent-encoding/) });
    expect(decodeDataUrl('data:;base64,@@@')).toMatchObject({ ok: false, error: expect.stringMatching(/base64/) });
    expect(decodeDataUrl('data:;base64,' + Buffer.from([0xff, 0xfe, 0x00]).toString('base64'))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/UTF-8/),
    });
  });
});

describe('checkResponse', () => {
  it('names HTTP errors, HTML fallbacks and oversized files', () => {
    expect(checkResponse(200, 'OK', 'text/csv', '10')).toBeNull();
    expect(checkResponse(200, '', null, null)).toBeNull();
    expect(checkResponse(404, 'Not Found', 'text/plain', null)).toBe('HTTP 404 Not Found');
    expect(checkResponse(200, 'OK', 'text/html; charset=utf-8', null)).toMatch(/HTML page/);
    expect(checkResponse(200, 'OK', 'application/json', String(500 * 1048576))).toMatch(/over the 200 MiB limit/);
  });
});

describe('loadDataText', () => {
  const src: DataSource = { role: 'halls', kind: 'http', url: 'https://data.example/halls.csv', name: 'halls.csv' };

  it('returns the body text of a good response', async () => {
    const fetch = async () => new Response('name,lng,lat\n', { status: 200, headers: { 'content-type': 'text/csv' } });
    expect(await loadDataText(src, { fetch })).toEqual({ ok: true, value: 'name,lng,lat\n' });
  });

  it('turns HTTP errors into one line naming the data set and URL', async () => {
    const fetch = async () => new Response('nope', { status: 404, statusText: 'Not Found' });
    expect(await loadDataText(src, { fetch })).toEqual({ ok: false, error: 'halls: https://data.example/halls.csv: HTTP 404 Not Found' });
  });

  it('turns network and CORS failures into one line', async () => {
    const fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const r = await loadDataText(src, { fetch });
    expect(r).toEqual({
      ok: false,
      error: 'halls: https://data.example/halls.csv: could not download: network error, or the server does not allow cross-origin requests (CORS)',
    });
  });

  it('gives up after the timeout', async () => {
    const fetch = (_u: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    expect(await loadDataText(src, { fetch, timeoutMs: 20 })).toEqual({ ok: false, error: 'halls: https://data.example/halls.csv: no answer within 20 ms' });
  });

  it('reads a body without Content-Length only up to the limit, then cancels it with one line naming role and URL (issue 7)', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x61); // 64 KiB of 'a'
    let pulled = 0;
    let cancelled = false;
    // Chunked, 4 MiB in all, and no Content-Length: the server does not say how big its answer is.
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled += chunk.byteLength;
        c.enqueue(chunk);
        if (pulled >= 4 * 1048576) c.close();
      },
      cancel() {
        cancelled = true;
      },
    });
    const fetch = async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    const r = await loadDataText(src, { fetch, maxBytes: 1048576 });
    expect(r).toEqual({ ok: false, error: 'halls: https://data.example/halls.csv: file is over the 1 MiB limit (stopped reading at 1 MiB)' });
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(1048576 + 2 * chunk.byteLength); // the stream may pull one chunk ahead
  });

  it('stops an endless body at the 200 MiB default limit', async () => {
    // One 4 MiB chunk enqueued again and again: the test holds 4 MiB, the reader counts 200 MiB.
    const chunk = new Uint8Array(4 * 1048576);
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({ pull: (c) => c.enqueue(chunk), cancel: () => void (cancelled = true) });
    const r = await loadDataText(src, { fetch: async () => new Response(body, { status: 200 }) });
    expect(r).toEqual({
      ok: false,
      error: `halls: https://data.example/halls.csv: file is over the ${FETCH_MAX_BYTES / 1048576} MiB limit (stopped reading at 200 MiB)`,
    });
    expect(cancelled).toBe(true);
  });

  it('reads a chunked body under the limit whole, a character split across chunks included', async () => {
    const bytes = new TextEncoder().encode('\uFEFFname\n光明');
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 2) c.enqueue(bytes.slice(i, i + 2));
        c.close();
      },
    });
    expect(await loadDataText(src, { fetch: async () => new Response(body, { status: 200 }), maxBytes: bytes.length })).toEqual({
      ok: true,
      value: 'name\n光明',
    });
  });

  it('refuses an announced size over the limit without reading the body', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({ cancel: () => void (cancelled = true) });
    const fetch = async () => new Response(body, { status: 200, headers: { 'content-length': String(300 * 1048576) } });
    expect(await loadDataText(src, { fetch })).toEqual({ ok: false, error: 'halls: https://data.example/halls.csv: file is 300 MiB, over the 200 MiB limit' });
    expect(cancelled).toBe(true);
  });

  it('decodes data: sources without fetching (CSP connect-src does not allow data:)', async () => {
    const fetch = async () => {
      throw new Error('must not fetch');
    };
    const d: DataSource = { role: 'areas', kind: 'data', url: 'data:,%7B%7D', name: 'areas (data: URL)' };
    expect(await loadDataText(d, { fetch })).toEqual({ ok: true, value: '{}' });
    expect(await loadDataText({ ...d, url: 'data:,%E5' }, { fetch })).toMatchObject({ ok: false, error: expect.stringMatching(/^areas: data: URL: /) });
  });
});

describe('loadLinkedData', () => {
  it('loads every good source and reports the bad ones, leaving failed roles out', async () => {
    const fetch = async (u: RequestInfo | URL) =>
      String(u).endsWith('/halls.csv')
        ? new Response('name,lng,lat\n', { status: 200 })
        : new Response('', { status: 500, statusText: 'Internal Server Error' });
    const { texts, errors } = await loadLinkedData(
      '?halls=halls.csv&population=pop.geojson&areas=data:,%7B%7D&x=javascript:1',
      'http://127.0.0.1:4173/index.html',
      { fetch },
    );
    expect(texts).toEqual([
      { role: 'halls', name: 'halls.csv', text: 'name,lng,lat\n' },
      { role: 'areas', name: 'areas (data: URL)', text: '{}' },
    ]);
    expect(errors).toEqual(['population: http://127.0.0.1:4173/pop.geojson: HTTP 500 Internal Server Error']);
  });
});
