// Records the JavaScript and CSS a page fetches (its workers' fetches too) and
// sizes each body as gzip, level 9, as a static server with gzip_static would
// send it: the preview server does not compress, so the wire size says nothing.
import type { BrowserContext, Response } from '@playwright/test';
import { gzipSync } from 'node:zlib';

export interface Fetched {
  url: string;
  path: string;
  bytes: number;
  gzip: number;
}

/** Every .js/.mjs/.css response in `context` from now on, sized; read `files` at any time. */
export function recordScripts(context: BrowserContext): { files: Fetched[]; settled: () => Promise<void> } {
  const files: Fetched[] = [];
  const pending = new Set<Promise<void>>();
  const seen = new Set<string>();
  const take = async (r: Response): Promise<void> => {
    const url = r.url();
    const path = new URL(url).pathname;
    if (!/\.(m?js|css)$/.test(path) || seen.has(url) || r.status() >= 300) return;
    seen.add(url);
    const body = await r.body();
    files.push({ url, path, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length });
  };
  context.on('response', (r) => {
    const p = take(r).catch(() => undefined);
    pending.add(p);
    void p.finally(() => pending.delete(p));
  });
  return {
    files,
    settled: async () => {
      while (pending.size) await Promise.all([...pending]);
    },
  };
}

/** Sum of the gzip sizes, kB of 1000 bytes. */
export const gzipKb = (files: Fetched[]): number => files.reduce((s, f) => s + f.gzip, 0) / 1000;

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
