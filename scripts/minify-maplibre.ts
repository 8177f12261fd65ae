// MapLibre ships already minified, but by a quick single-pass minifier: its
// worker file is copied into dist/ byte for byte, and its main chunk only
// passes through Vite's own minifier, which finds nothing more to take out.
// Terser with three compress passes takes a further ≈ 1.8 kB gzip off the
// worker and ≈ 1.1 kB off the main chunk (measured in test/e2e/size.spec.ts's
// report), ≈ 3 kB of what a visitor fetches first (the budget of
// test/e2e/size.spec.ts). It costs
// ≈ 10 s on an idle 2-core machine, so the result is cached by content in node_modules/.cache:
// only the first build after a MapLibre upgrade pays.
// The licence comment stays (MapLibre's BSD licence asks for it).
// Our own chunks and the worker's scripts get the same terser passes after
// Vite's minifier (not instead of it: terser alone made them 4.7 kB bigger):
// ≈ 0.4 kB gzip more (measured with scripts/size-report.mjs).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import type { Plugin } from 'vite';

const CACHE = join('node_modules', '.cache', 'service-circles-minify');
const TERSER = {
  module: true,
  compress: { passes: 3 },
  mangle: true,
  format: { comments: /@license/ },
} as const;

/** Terser's output for `code`, from the cache when this exact input was minified before. */
export async function minifyCached(code: string): Promise<string> {
  const version = JSON.parse(readFileSync(join('node_modules', 'terser', 'package.json'), 'utf8')).version as string;
  const key = createHash('sha256').update(version).update(JSON.stringify(TERSER)).update(code).digest('hex');
  const file = join(CACHE, `${key}.js`);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const out = await minify(code, TERSER);
  if (typeof out.code !== 'string') throw new Error('terser returned no code');
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(file, out.code);
  return out.code;
}

/** Vite plugin: terser over MapLibre's chunk (named `maplibre` in vite.config.ts) and its worker asset, then over our own minified chunks and worker. */
export function minifyMaplibrePlugin(): Plugin {
  return {
    name: 'service-circles:minify-maplibre',
    apply: 'build',
    async renderChunk(code, chunk) {
      if (chunk.name !== 'maplibre') return null;
      return { code: await minifyCached(code), map: null };
    },
    async generateBundle(_options, bundle) {
      for (const item of Object.values(bundle)) {
        if (item.type === 'chunk') {
          if (item.name !== 'maplibre') item.code = await minifyCached(item.code);
          continue;
        }
        // Scripts that reach the bundle as assets: MapLibre's worker, and our
        // worker with the chunks it loads on first use (its own sub-build).
        if (!/\.m?js$/.test(item.fileName)) continue;
        const source = typeof item.source === 'string' ? item.source : new TextDecoder().decode(item.source);
        item.source = await minifyCached(source);
      }
    },
  };
}
