#!/usr/bin/env node
// Which source modules make up each built JavaScript file, in gzip kB: builds
// the app with source maps into a temporary folder (terser's extra passes left
// out, so the maps match the code; ≈ 0.4 kB gzip more in all), then shares
// each file's gzip size among the modules by the bytes each wrote into it.
// An estimate (gzip does not compress modules apart), good for finding what
// to move off the first load (test/e2e/size.spec.ts lists the files fetched).
//
//   node scripts/module-sizes.mjs [file-prefix …]     e.g. index planning.svelte coverage.worker
import { build, loadConfigFromFile } from 'vite';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';

const prefixes = process.argv.slice(2);
const ROOT = `${process.cwd().replace(/^\//, '')}/`;
const out = mkdtempSync(join(tmpdir(), 'module-sizes-'));
const { config } = await loadConfigFromFile({ command: 'build', mode: 'production' }, 'vite.config.ts');
config.plugins = config.plugins.flat().filter((p) => p && p.name !== 'service-circles:minify-maplibre');
await build({ ...config, configFile: false, logLevel: 'warn', build: { ...config.build, outDir: out, sourcemap: true, emptyOutDir: true } });

const dir = join(out, 'assets');
for (const f of readdirSync(dir)
  .filter((n) => /\.m?js$/.test(n) && !n.startsWith('maplibre'))
  .sort()) {
  if (prefixes.length && !prefixes.some((p) => f.startsWith(p))) continue;
  const code = readFileSync(join(dir, f), 'utf8');
  const gzip = gzipSync(code, { level: 9 }).length;
  let map;
  try {
    map = JSON.parse(readFileSync(join(dir, `${f}.map`), 'utf8'));
  } catch {
    continue;
  }
  const lines = code.split('\n');
  const bytes = new Map();
  let total = 0;
  decode(map.mappings).forEach((segs, li) => {
    const len = (lines[li] ?? '').length;
    segs.forEach((s, i) => {
      const n = (i + 1 < segs.length ? segs[i + 1][0] : len) - s[0];
      const src =
        s.length > 1
          ? map.sources[s[1]]
              .replace(/^(\.\.\/)+/, '')
              .replace(ROOT, '')
              .replace(/.*node_modules\//, '')
          : '(generated)';
      bytes.set(src, (bytes.get(src) ?? 0) + n);
      total += n;
    });
  });
  console.log(`\n${f}: ${(gzip / 1000).toFixed(1)} kB gzip`);
  for (const [src, n] of [...bytes].sort((a, b) => b[1] - a[1])) console.log(`${((gzip * n) / total / 1000).toFixed(2).padStart(7)}  ${src}`);
}
console.log(`\n(built into ${out})`);
