// Network (walking) stats in the browser's worker (issue 17): the district of
// network.bench.ts (≈ 50 000 edges, 3 000 halls, 200 000 units) measured in a
// Web Worker of headless Chromium (/usr/bin/chromium), by the worker's own
// clock. The core's network code is bundled with esbuild into one worker
// script, as the app's worker chunk holds it; the times are printed, never
// asserted (they move with the machine's load), with the Node run's covered
// people beside them to show both measured the same thing.
// Run: npx tsx test/bench/network-worker.bench.ts
import { resolve } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';

interface WorkerTimes {
  edges: number;
  graphMs: number;
  accessMs: number;
  searchMs: number;
  statsMs: number;
  againMs: number;
  covered: Record<string, number>;
}

const bundle = await build({
  entryPoints: [resolve(import.meta.dirname, 'network-worker-entry.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  write: false,
});
const code = bundle.outputFiles[0].text;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
try {
  const page = await browser.newPage();
  const t = await page.evaluate(
    (src) =>
      new Promise<WorkerTimes>((done, fail) => {
        const w = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
        w.onmessage = (e) => done(e.data as WorkerTimes);
        w.onerror = (e) => fail(new Error(e.message));
      }),
    code,
  );
  const f0 = (x: number) => x.toFixed(0);
  console.log(`network stats in a Chromium Web Worker: ${t.edges.toLocaleString('en')} edges, 3000 halls, 200,000 units, 3 services, radius 500 m`);
  console.log(`  machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}; wall-clock inside the worker`);
  console.log(`  graph and edge grid: ${f0(t.graphMs)} ms (the roads' load, not the stats)`);
  console.log(
    `  network stats: ${f0(t.accessMs + t.searchMs + t.statsMs)} ms (access points of halls and units ${f0(t.accessMs)} ms, one search per service and the unit step ${f0(t.searchMs)} ms, stats ${f0(t.statsMs)} ms); at another radius ${f0(t.againMs)} ms`,
  );
  console.log(
    `  covered: ${Object.entries(t.covered)
      .map(([s, c]) => `${s} ${c}`)
      .join(', ')}`,
  );
} finally {
  await browser.close();
}
