#!/usr/bin/env node
// Gzip size of every JavaScript and CSS file of a built dist/, split into
// MapLibre (its chunk, its worker and its stylesheet: the files Vite names
// maplibre*, see build.rolldownOptions in vite.config.ts) and everything else
// (app, Svelte, Turf, d3, our CSS).
//
//   node scripts/size-report.mjs [dist] [--json]
//
// It reports and does not cap: the budget is on what a visitor's browser
// fetches before the map and table can be used, measured in a real browser by
// test/e2e/size.spec.ts (tools loaded on first use are in dist/ but not in
// that first load). --json prints a machine-readable report instead of the
// table. Sizes in kB of 1000 bytes (as Vite prints): the .gz the build wrote
// beside the file (scripts/precompress.ts; what a static server with
// gzip_static ships), and zlib's gzip level 9 of the file for comparison (what
// a server compressing on the fly at its best would send).
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
const json = args.includes('--json');

if (!existsSync(dir) || !statSync(dir).isDirectory()) {
  console.error(`size-report: ${dir}/ not found; run \`npm run build\` first`);
  process.exit(2);
}

function* walk(d) {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

const files = [];
for (const p of walk(dir)) {
  if (!/\.(m?js|css)$/.test(p)) continue;
  const buf = readFileSync(p);
  const rel = relative(dir, p).split('\\').join('/');
  const base = rel.split('/').pop() ?? rel;
  files.push({
    file: rel,
    group: /^maplibre/.test(base) ? 'maplibre' : 'other',
    bytes: buf.length,
    gzip: existsSync(`${p}.gz`) ? statSync(`${p}.gz`).size : gzipSync(buf, { level: 9 }).length,
    gzip9: gzipSync(buf, { level: 9 }).length,
  });
}
if (files.length === 0) {
  console.error(`size-report: no .js/.mjs/.css files in ${dir}/`);
  process.exit(2);
}

const kb = (n) => n / 1000;
const sum = (group, key = 'gzip') => files.filter((f) => !group || f.group === group).reduce((s, f) => s + f[key], 0);
const totals = { maplibreKb: kb(sum('maplibre')), otherKb: kb(sum('other')), totalKb: kb(sum()), totalGzip9Kb: kb(sum(undefined, 'gzip9')) };

if (json) {
  console.log(JSON.stringify({ files, totals }, null, 2));
} else {
  const w = Math.max(...files.map((f) => f.file.length), 24);
  console.log(`${'file'.padEnd(w)}  ${'group'.padEnd(8)} ${'raw kB'.padStart(9)} ${'.gz kB'.padStart(9)} ${'zlib-9 kB'.padStart(9)}`);
  for (const f of files) {
    console.log(
      `${f.file.padEnd(w)}  ${f.group.padEnd(8)} ${kb(f.bytes).toFixed(1).padStart(9)} ${kb(f.gzip).toFixed(1).padStart(9)} ${kb(f.gzip9).toFixed(1).padStart(9)}`,
    );
  }
  console.log(`${'MapLibre (main + worker + CSS)'.padEnd(w)}  ${''.padEnd(8)} ${''.padStart(9)} ${totals.maplibreKb.toFixed(1).padStart(9)}`);
  console.log(`${'everything else'.padEnd(w)}  ${''.padEnd(8)} ${''.padStart(9)} ${totals.otherKb.toFixed(1).padStart(9)}`);
  console.log(
    `${'whole dist/ (not capped)'.padEnd(w)}  ${''.padEnd(8)} ${''.padStart(9)} ${totals.totalKb.toFixed(1).padStart(9)} ${totals.totalGzip9Kb.toFixed(1).padStart(9)}`,
  );
}
