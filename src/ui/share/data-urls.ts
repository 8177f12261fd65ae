// Data sets named in the page URL (?halls=…&population=…&areas=…, or the same
// after the '#') replace the sample. Only http(s) URLs (relative ones
// resolved against the page) and small data: URLs are accepted; every failure
// becomes one line naming the data set, the URL and what went wrong, for the
// UI's alert.
import { DATA_ROLES, type DataRole } from './data-params';
import { readTextCapped } from './read-capped';
import { DATA_URL_MAX_CHARS, FETCH_MAX_BYTES, formatMiB } from '../../core/limits';

export { DATA_ROLES, type DataRole };

/** Default download timeout, milliseconds. */
export const FETCH_TIMEOUT_MS = 20_000;

export interface DataSource {
  role: DataRole;
  kind: 'http' | 'data';
  url: string; // absolute
  /** Short name for messages and for the parsers' `file` option, e.g. 'halls.csv'. */
  name: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

function shortUrl(url: string): string {
  return url.length > 80 ? url.slice(0, 77) + '…' : url;
}

/** Check one URL given for `role`. `pageUrl` is location.href. */
export function validateDataUrl(role: DataRole, raw: string, pageUrl: string): Result<DataSource> {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, error: `${role}: empty URL` };
  if (/^data:/i.test(trimmed)) {
    if (trimmed.length > DATA_URL_MAX_CHARS) {
      return {
        ok: false,
        error: `${role}: data: URL is ${formatMiB(trimmed.length, 1)}, over the ${formatMiB(DATA_URL_MAX_CHARS)} limit; host the file and give its URL instead`,
      };
    }
    return { ok: true, value: { role, kind: 'data', url: trimmed, name: `${role} (data: URL)` } };
  }
  let url: URL;
  try {
    url = new URL(trimmed, pageUrl);
  } catch {
    return { ok: false, error: `${role}: "${shortUrl(trimmed)}" is not a valid URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: `${role}: "${shortUrl(trimmed)}" rejected: only http(s) and data: URLs are allowed, not ${url.protocol}` };
  }
  if (url.protocol === 'http:' && new URL(pageUrl).protocol === 'https:') {
    return { ok: false, error: `${role}: ${shortUrl(url.href)} rejected: browsers block http:// data on an https:// page; use https://` };
  }
  if (url.username || url.password) {
    return { ok: false, error: `${role}: ${shortUrl(url.href)} rejected: URLs with a user name or password are not allowed` };
  }
  const last = decodeSafe(url.pathname.split('/').pop() ?? '');
  return { ok: true, value: { role, kind: 'http', url: url.href, name: last || url.host } };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

// Decodes one query value exactly as URLSearchParams does ('+' is a space).
function formDecode(raw: string): string {
  return new URLSearchParams('v=' + raw).get('v') ?? '';
}

/**
 * A query value as the URL it names. A value that starts with a literal
 * `scheme:` was pasted into the link as it is (encodeURIComponent and
 * URLSearchParams always encode ':'), so it already is that URL: decoding it
 * here would decode a data: URL's own percent-encoding once too often (a text
 * "100%" written `100%25` would arrive as "100%" and then fail, `%2541` would
 * become "A") and turn its '+' into spaces. Any other value is percent-encoded
 * as a whole and is decoded once.
 */
export function queryValueUrl(raw: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : formDecode(raw);
}

// Values of `name` in a query string such as location.search (or a hash of
// the same form), undecoded.
function rawQueryValues(search: string, name: string): string[] {
  const query = /^[?#]/.test(search) ? search.slice(1) : search;
  const values: string[] = [];
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    if (pair !== '' && formDecode(key) === name) values.push(eq < 0 ? '' : pair.slice(eq + 1));
  }
  return values;
}

/**
 * Read halls/population/areas from the query string and the hash
 * (location.search and location.hash, undecoded; the query first); roles not
 * given are absent (use the sample). The hash is never sent to the server, so
 * it holds data: URLs that a server's request-line limit (often 8–16 KB)
 * refuses in the query.
 */
export function readDataParams(search: string, pageUrl: string, hash = ''): { sources: DataSource[]; errors: string[] } {
  const sources: DataSource[] = [];
  const errors: string[] = [];
  for (const role of DATA_ROLES) {
    const values = [...rawQueryValues(search, role), ...rawQueryValues(hash, role)].map(queryValueUrl);
    if (values.length === 0) continue;
    if (values.length > 1) errors.push(`${role}: given ${values.length} times, the first one is used`);
    const r = validateDataUrl(role, values[0], pageUrl);
    if (r.ok) sources.push(r.value);
    else errors.push(r.error);
  }
  return { sources, errors };
}

/**
 * Decode a data: URL to text (UTF-8). Done here rather than with fetch()
 * because the strict CSP's connect-src does not list data:.
 */
export function decodeDataUrl(url: string): Result<string> {
  const comma = url.indexOf(',');
  if (!/^data:/i.test(url) || comma < 0) return { ok: false, error: 'malformed data: URL (no comma)' };
  const meta = url.slice(5, comma);
  const body = url.slice(comma + 1);
  const isBase64 = /;base64$/i.test(meta);
  let bytes: Uint8Array;
  try {
    if (isBase64) {
      // A '+' in a query value that was percent-encoded as a whole but not
      // encoded itself arrives as a space; base64 never contains spaces.
      const b64 = decodeURIComponent(body).replace(/ /g, '+').replace(/\s/g, '');
      const bin = atob(b64);
      bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    } else {
      return { ok: true, value: decodeURIComponent(body) };
    }
  } catch {
    return { ok: false, error: `malformed data: URL (bad ${isBase64 ? 'base64' : 'percent-encoding'})` };
  }
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { ok: false, error: 'data: URL is not UTF-8 text' };
  }
}

/** Turn an HTTP response's status and headers into an error line, or null when it looks like data. */
export function checkResponse(
  status: number,
  statusText: string,
  contentType: string | null,
  contentLength: string | null,
  maxBytes = FETCH_MAX_BYTES,
): string | null {
  if (status < 200 || status > 299) return `HTTP ${status}${statusText ? ' ' + statusText : ''}`;
  // Static servers (vite preview included) answer unknown paths with the app's
  // index.html and status 200; parsing that would give a confusing error.
  if (contentType && /^text\/html/i.test(contentType)) return 'got an HTML page instead of data (wrong URL?)';
  const len = contentLength === null ? NaN : Number(contentLength);
  if (Number.isFinite(len) && len > maxBytes) return `file is ${formatMiB(len)}, ${overLimit(maxBytes)}`;
  return null;
}

function overLimit(maxBytes: number): string {
  return `over the ${formatMiB(maxBytes, 2)} limit`;
}

export interface LoadOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Largest body read, bytes; FETCH_MAX_BYTES unless a test wants a small one. */
  maxBytes?: number;
}

/** Fetch or decode a source's text. Never throws; errors are one line naming role and URL. */
export async function loadDataText(source: DataSource, opts: LoadOptions = {}): Promise<Result<string>> {
  const where = `${source.role}: ${source.kind === 'data' ? 'data: URL' : shortUrl(source.url)}`;
  if (source.kind === 'data') {
    const r = decodeDataUrl(source.url);
    return r.ok ? r : { ok: false, error: `${where}: ${r.error}` };
  }
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const res = await doFetch(source.url, { signal: controller.signal });
    const maxBytes = opts.maxBytes ?? FETCH_MAX_BYTES;
    const problem = checkResponse(res.status, res.statusText, res.headers.get('content-type'), res.headers.get('content-length'), maxBytes);
    if (problem) {
      res.body?.cancel().catch(() => {}); // the body is not wanted; stop the download
      return { ok: false, error: `${where}: ${problem}` };
    }
    // Counted while read: Content-Length may be missing (chunked), wrong, or that of a compressed body.
    const text = await readTextCapped(res.body, maxBytes);
    if (text === null) return { ok: false, error: `${where}: file is ${overLimit(maxBytes)} (stopped reading at ${formatMiB(maxBytes, 2)})` };
    return { ok: true, value: text.replace(/^\uFEFF/, '') };
  } catch (e) {
    if (timedOut) return { ok: false, error: `${where}: no answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}` };
    // fetch() rejects with a bare TypeError for DNS, refused connections and
    // CORS alike; the browser hides which one, so name them all.
    const detail = e instanceof Error && e.name !== 'TypeError' ? ` (${e.message.split('\n')[0].slice(0, 100)})` : '';
    return { ok: false, error: `${where}: could not download: network error, or the server does not allow cross-origin requests (CORS)${detail}` };
  } finally {
    clearTimeout(timer);
  }
}

export interface LinkedText {
  role: DataRole;
  name: string; // for the parsers' `file` option and messages
  text: string;
}

/**
 * Everything the page URL asks to load: texts of the sources that downloaded,
 * and one line per problem (bad parameter or failed download). Roles that
 * failed are absent, so the caller keeps the previous data for them.
 */
export async function loadLinkedData(search: string, pageUrl: string, opts: LoadOptions = {}, hash = ''): Promise<{ texts: LinkedText[]; errors: string[] }> {
  const { sources, errors } = readDataParams(search, pageUrl, hash);
  const results = await Promise.all(sources.map((s) => loadDataText(s, opts)));
  const texts: LinkedText[] = [];
  results.forEach((r, i) => {
    if (r.ok) texts.push({ role: sources[i].role, name: sources[i].name, text: r.value });
    else errors.push(r.error);
  });
  return { texts, errors };
}
