import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkResponse,
  DATA_URL_MAX_CHARS,
  decodeDataUrl,
  loadDataText,
  loadLinkedData,
  readDataParams,
  validateDataUrl,
  type DataSource,
} from '../../../../src/ui/share/data-urls';

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
    expect(validateDataUrl('halls', big, PAGE)).toMatchObject({ ok: false, error: expect.stringMatching(/over the 2 MB limit/) });
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
      fc.property(fc.string({ unit: 'grapheme' }).filter((s) => !s.startsWith('\uFEFF')), (s) => {
        expect(decodeDataUrl('data:text/plain,' + encodeURIComponent(s))).toEqual({ ok: true, value: s });
        expect(decodeDataUrl('data:text/plain;base64,' + Buffer.from(s).toString('base64'))).toEqual({ ok: true, value: s });
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('reports malformed data: URLs instead of throwing', () => {
    expect(decodeDataUrl('data:text/csv')).toMatchObject({ ok: false });
    expect(decodeDataUrl('data:text/csv,%E5')).toMatchObject({ ok: false, error: expect.stringMatching(/percent-encoding/) });
    expect(decodeDataUrl('data:;base64,@@@')).toMatchObject({ ok: false, error: expect.stringMatching(/base64/) });
    expect(decodeDataUrl('data:;base64,' + Buffer.from([0xff, 0xfe, 0x00]).toString('base64'))).toMatchObject({ ok: false, error: expect.stringMatching(/UTF-8/) });
  });
});

describe('checkResponse', () => {
  it('names HTTP errors, HTML fallbacks and oversized files', () => {
    expect(checkResponse(200, 'OK', 'text/csv', '10')).toBeNull();
    expect(checkResponse(200, '', null, null)).toBeNull();
    expect(checkResponse(404, 'Not Found', 'text/plain', null)).toBe('HTTP 404 Not Found');
    expect(checkResponse(200, 'OK', 'text/html; charset=utf-8', null)).toMatch(/HTML page/);
    expect(checkResponse(200, 'OK', 'application/json', String(500 * 1048576))).toMatch(/over the 200 MB limit/);
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
