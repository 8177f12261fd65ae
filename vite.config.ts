/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { buildLinePlugin } from './scripts/build-line.ts';
import { minifyMaplibrePlugin } from './scripts/minify-maplibre.ts';
import { precompressPlugin } from './scripts/precompress.ts';
import { trimMaplibreCssPlugin } from './scripts/trim-maplibre-css.ts';

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https://tile.openstreetmap.org",
  "connect-src 'self' https: http:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  'frame-ancestors *',
].join('; ');

// Modules of the first load that the lazy tools use too (see codeSplitting below).
const FIRST_LOAD_SHARED = new RegExp(
  [
    String.raw`node_modules[\\/](svelte|clsx|esm-env)[\\/]`,
    String.raw`src[\\/]core[\\/](types|services|limits)\.ts`,
    String.raw`src[\\/]ui[\\/](choices|share[\\/]data-params)\.ts`,
    String.raw`src[\\/]ui[\\/]state\.svelte\.ts`,
  ].join('|'),
);
// Unit tests that run in one shared module graph per worker, and those among
// them that need their own (see test.projects below).
const SHARED_UNIT_TESTS = ['test/unit/ui/**/*.test.ts', 'test/unit/core/**/*.test.ts'];
const ISOLATED_UNIT_TESTS = [
  'test/unit/ui/share/url-state.test.ts',
  // asserts the planning strings are absent until the first tool loads them
  'test/unit/ui/i18n.test.ts',
  'test/unit/ui/share/hash-sync.test.ts',
  'test/unit/ui/worker-client.test.ts',
  'test/unit/core/network/network-engine-radius.test.ts',
  'test/unit/core/input/stream-features.test.ts',
];

// base './' so the built dist/ works from any sub-path of an existing site.
export default defineConfig({
  base: './',
  plugins: [buildLinePlugin(), trimMaplibreCssPlugin(), svelte(), minifyMaplibrePlugin(), precompressPlugin()],
  worker: { format: 'es' },
  build: {
    // SC_DIST lets two builds (e.g. two browser-test runs on different
    // E2E_PORTs) share one checkout without overwriting each other's files.
    outDir: process.env.SC_DIST ?? 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    // Every browser that runs this ES2022 build supports <link rel=modulepreload>
    // (Chrome 66, Firefox 115, Safari 17), so Vite's polyfill is dead weight.
    // A chunk loaded on first use (a tool) has its stylesheets fetched with
    // it, but not its script imports: those the browser finds in the chunk
    // itself, one round trip later. Listing them in the page's entry cost
    // 0.4 kB gzip of hashed file names in every first load
    // (test/e2e/size.spec.ts); the page's own preloads in index.html stay.
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : deps.filter((d) => d.endsWith('.css'))),
    },
    // MapLibre in a chunk of its own, so scripts/size-report.mjs can report it
    // apart from the app, and a new app build leaves the big library's file
    // (and the browser's cache of it) unchanged.
    rolldownOptions: {
      // No per-plugin timing report after each build: the slow step is known
      // (terser over MapLibre, scripts/minify-maplibre.ts, cached) and the
      // report buried the URL that `npm start` prints.
      checks: { bundlerTimings: false },
      output: {
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/ },
            // The Svelte runtime and the small modules shared by the page and
            // its lazy tools, in one chunk: left to itself the bundler cuts
            // them into several small first-load files, and gzip over each
            // apart, with the import lists between them, costs more (the first
            // load of test/e2e/size.spec.ts). Only modules the first load runs
            // belong here: one that only a tool uses would load with the page.
            { name: 'app', test: FIRST_LOAD_SHARED, priority: -1 },
          ],
        },
      },
    },
  },
  // The preview server sends the strict policy the bureau's site will use, so
  // every browser test runs under it, and nosniff, so a browser never runs a
  // file served as data (say a linked .geojson) as script or style (see
  // docs/embedding.md).
  preview: { host: '127.0.0.1', port: 4173, headers: { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' } },
  test: {
    environment: 'node',
    testTimeout: 60_000,
    // Vitest's default for a run is one worker fewer than the cores, which on
    // a two-core machine is one worker and an idle core: the main process
    // only schedules. One worker per core is measurably shorter there
    // (the figures are in the CHANGELOG, issue 13).
    maxWorkers: availableParallelism(),
    // Most of a small test file's time is starting a fresh module graph for it.
    // The UI's and the core's tests share one per worker ('shared'); files that mock
    // modules, fake timers or spy on globals keep their own ('isolated'), as
    // does everything outside test/unit/ui and test/unit/core until it is checked to run shared.
    projects: [
      { extends: true, test: { name: 'shared', include: SHARED_UNIT_TESTS, exclude: ISOLATED_UNIT_TESTS, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ['test/unit/*.test.ts', 'test/unit/!(ui|core)/**/*.test.ts', ...ISOLATED_UNIT_TESTS] } },
    ],
  },
});
