// Records the JavaScript and CSS a page fetches (its workers' fetches too):
// the bytes that came over the wire and how they were encoded, as the browser
// reports them. The preview server sends the build's precompressed .gz files
// (scripts/precompress.ts) as a static server with gzip_static would. Each
// body is also sized as zlib's gzip level 9, what a server compressing on the
// fly at its best would send, for comparison.
import type { BrowserContext, Response } from '@playwright/test';
import { gzipSync } from 'node:zlib';

export interface Fetched {
  url: string;
  path: string;
  bytes: number;
  /** Bytes of the body as received, before decoding (Content-Length of what was sent). */
  wire: number;
  /** The response's Content-Encoding ('' when none). */
  encoding: string;
  /** The body gzipped by zlib at level 9. */
  gzip9: number;
}

/** Every .js/.mjs/.css response in `context` from now on, sized; read `files` at any time. */
export function recordScripts(context: BrowserContext): { files: Fetched[]; unmeasured: string[]; settled: () => Promise<void> } {
  const files: Fetched[] = [];
  // Files fetched but not sized (body gone, sizes that disagree): a size sum must check this is empty.
  const unmeasured: string[] = [];
  const pending = new Set<Promise<void>>();
  const seen = new Set<string>();
  const take = async (r: Response): Promise<void> => {
    const url = r.url();
    const path = new URL(url).pathname;
    if (!/\.(m?js|css)$/.test(path) || seen.has(url) || r.status() >= 300) return;
    seen.add(url);
    const [body, sizes, encoding, length] = await Promise.all([
      r.body(),
      r.request().sizes(),
      r.headerValue('content-encoding'),
      r.headerValue('content-length'),
    ]);
    // Chromium reports no body size for a worker's own script (0), so the
    // length the server declared stands in; where both exist they agree.
    const wire = length !== null ? Number(length) : sizes.responseBodySize;
    if (length !== null && sizes.responseBodySize > 0 && sizes.responseBodySize !== wire)
      throw new Error(`${path}: ${sizes.responseBodySize} bytes received, ${wire} declared`);
    files.push({ url, path, bytes: body.length, wire, encoding: encoding ?? '', gzip9: gzipSync(body, { level: 9 }).length });
  };
  context.on('response', (r) => {
    const p = take(r).catch((e: unknown) => void unmeasured.push(`${r.url()}: ${e instanceof Error ? e.message : String(e)}`));
    pending.add(p);
    void p.finally(() => pending.delete(p));
  });
  return {
    files,
    unmeasured,
    settled: async () => {
      while (pending.size) await Promise.all([...pending]);
    },
  };
}

/** Sum of the bytes received, kB of 1000 bytes. */
export const wireKb = (files: Fetched[]): number => files.reduce((s, f) => s + f.wire, 0) / 1000;

/** Sum of the zlib level-9 sizes, kB of 1000 bytes. */
export const gzip9Kb = (files: Fetched[]): number => files.reduce((s, f) => s + f.gzip9, 0) / 1000;

/** The asset files' base names without Vite's content hash, sorted: what was fetched, readable in a failure. */
export const names = (files: Fetched[]): string[] =>
  files
    .map((f) =>
      f.path
        .split('/')
        .pop()!
        .replace(/-[\w-]{8}\.(m?js|css)$/, '.$1'),
    )
    .sort();
