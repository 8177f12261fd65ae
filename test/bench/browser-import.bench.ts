// Issue 7, "Big inputs" in the browser: the seed-7 population GeoJSON of
// big-input.bench.ts (1 000 000 points, about 127 MiB) imported through the
// app's real import dialog in headless Chromium (test/e2e/chromium.ts, the
// browser of the browser tests), against the app built into a temporary folder and
// served by `vite preview` on its own port.
//
// What is measured, per run, in a fresh browser:
//   time      pick → dialog shown (the worker's first look at the file);
//             Load (载入) click → the progress bar at 1 (the worker read and
//             parsed the file and built the engine); click → the table shows
//             the file's people (map layers sent, first coverage run done). Wall-clock
//             seconds, printed only (they move with the machine's load).
//   memory    the page's renderer process (Chromium runs the page's Web Worker
//             and MapLibre's workers in the same process): its VmRSS just before
//             the pick; its RSS sampled every 100 ms from /proc until the
//             progress bar reaches 1 ("read+parse peak": the file's own cost);
//             and its peak RSS until the table shows the file's people and 5 s more
//             ("whole peak": also the map layers and the first coverage run):
//             the larger of VmHWM (reset through /proc/<pid>/clear_refs right
//             before the pick) and the samples, because Linux updates VmHWM
//             lazily and can miss a peak that memory returned with madvise hides.
//             "- before" is what the import added; ratios are against the file
//             size.
//   page      the main thread's long tasks (PerformanceObserver 'longtask',
//             tasks over 50 ms) from the pick until 5 s after the numbers
//             show: the longest one, and the blocking time (the sum of each
//             task's time over 50 ms), which is how long the page did not
//             answer a click. The file is picked from disk, so its bytes live in the
//             browser process's blob storage, never whole in the renderer.
// Runs:
//   app import           the app as it is, end to end; the loaded total population
//                        is checked against the generator's.
//   naive: text + parse  in the same app page, File.text() then JSON.parse of the
//                        whole file on the main thread (what any simple reader does);
//                        the baseline for the ratios.
//   app import (before)  with --before <checkout>: the same import against another
//                        checkout of the app (e.g. a git worktree of an older commit).
// Run: npx tsx test/bench/browser-import.bench.ts [points] [--before <dir>] [--port <n>]
// Prints a table and ratios; asserts nothing except that the app run loads the
// right total (a run that loads wrong numbers is reported as FAILED).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { generateBigInput } from './big-input-data';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const BEFORE = flag('--before');
const PORT = Number(flag('--port') ?? 4313);
const POINTS = Number(args[0] ?? 1_000_000);
const ROOT = resolve(import.meta.dirname, '../..');
const MiB = 2 ** 20;

// --- processes -------------------------------------------------------------

/** Renderer processes started (through the browser) by this script. */
function renderers(): number[] {
  const parent = new Map<number, number>();
  const cmd = new Map<number, string>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      cmd.set(Number(d), readFileSync(`/proc/${d}/cmdline`, 'utf8'));
    } catch {
      // the process ended while we looked
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = pid; p > 1; p = parent.get(p) ?? 0) if (p === process.pid) return true;
    return false;
  };
  return [...cmd].filter(([pid, c]) => c.includes('--type=renderer') && mine(pid)).map(([pid]) => pid);
}

/** VmRSS and VmHWM of a process, bytes. */
function memory(pid: number): { rss: number; hwm: number } {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** The page's renderer: the biggest one (the map app), others are spares. Its peak is reset so VmHWM covers what follows. */
function pageRenderer(): { pid: number; before: number } {
  const all = renderers().map((pid) => ({ pid, rss: memory(pid).rss }));
  if (all.length === 0) throw new Error('no renderer process found under this script');
  const r = all.reduce((a, b) => (b.rss > a.rss ? b : a));
  writeFileSync(`/proc/${r.pid}/clear_refs`, '5'); // 5: reset the peak RSS (VmHWM) to the current RSS
  return { pid: r.pid, before: memory(r.pid).rss };
}

// --- the app ----------------------------------------------------------------

function build(root: string, dist: string): void {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], {
    cwd: root,
    env: { ...process.env, SC_DIST: dist },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`build of ${root} failed: ${r.stderr}`);
}

async function serve(root: string, dist: string, port: number): Promise<ChildProcess> {
  // vite itself, not npx: killing npx would leave vite running.
  const child = spawn(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: root, env: { ...process.env, SC_DIST: dist }, stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`vite preview on port ${port} did not answer`);
}

async function openApp(page: Page, port: number): Promise<void> {
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => document.documentElement.dataset.mapIdle === '1', null, { timeout: 60_000 });
  await page.getByTestId('area-table').waitFor();
}

// --- runs -------------------------------------------------------------------

interface Outcome {
  inspectS: number; // pick → dialog, seconds
  parseS: number; // load click → progress bar at 1, seconds
  loadS: number; // load click → numbers shown, seconds
  parsedAt: number; // epoch ms when the progress bar reached 1 (NaN: no bar)
  ok: boolean;
  note: string;
}

interface Run extends Outcome {
  label: string;
  beforeMiB: number; // renderer RSS before the pick
  parsePeakMiB: number; // highest sampled renderer RSS until parsedAt
  peakMiB: number; // renderer peak RSS (VmHWM) during the whole run
  longestTaskMs: number; // longest main-thread task, pick → 5 s after the numbers
  blockingMs: number; // sum over main-thread tasks of their time beyond 50 ms
}

async function withBrowser(label: string, port: number, work: (page: Page) => Promise<Outcome>): Promise<Run> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(600_000);
    await openApp(page, port);
    await new Promise((r) => setTimeout(r, 1000)); // let start-up garbage settle
    await page.evaluate(() => {
      const w = window as unknown as { __tasks: number[] };
      w.__tasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__tasks.push(e.duration))).observe({ type: 'longtask' });
    });
    const r = pageRenderer();
    const samples: [number, number][] = []; // [epoch ms, RSS bytes]
    const sampler = setInterval(() => {
      try {
        samples.push([Date.now(), memory(r.pid).rss]);
      } catch {
        // the renderer is gone; reported below
      }
    }, 100);
    let result: Outcome;
    try {
      result = await work(page);
      await new Promise((done) => setTimeout(done, 5000)); // the first coverage run and map drawing after the numbers
    } catch (e) {
      result = { inspectS: NaN, parseS: NaN, loadS: NaN, parsedAt: NaN, ok: false, note: (e instanceof Error ? e.message : String(e)).split('\n')[0] };
    } finally {
      clearInterval(sampler);
    }
    const tasks = await page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks).catch(() => [] as number[]);
    const longestTaskMs = Math.max(0, ...tasks);
    const blockingMs = tasks.reduce((t, d) => t + Math.max(0, d - 50), 0);
    let peak = Math.max(r.before, ...samples.map(([, b]) => b));
    try {
      peak = Math.max(peak, memory(r.pid).hwm);
    } catch {
      result.note += ' (renderer gone: crashed?)';
    }
    const until = Number.isFinite(result.parsedAt) ? result.parsedAt : Infinity;
    const parsePeak = Math.max(r.before, ...samples.filter(([t]) => t <= until).map(([, b]) => b));
    return { label, beforeMiB: r.before / MiB, parsePeakMiB: parsePeak / MiB, peakMiB: peak / MiB, longestTaskMs, blockingMs, ...result };
  } finally {
    await browser.close();
  }
}

// When (epoch ms) the page's progress bar first showed 1 during a load.
async function watchProgress(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { __full: number };
    w.__full = NaN;
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('[data-testid="import-progress"]');
      if (Number.isNaN(w.__full) && bar?.hasAttribute('value') && bar.value >= 1 && bar.dataset.stage !== 'inspect')
        w.__full = performance.timeOrigin + performance.now();
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
  });
  return () => page.evaluate(() => (window as unknown as { __full: number }).__full);
}

const appImport =
  (path: string, total: number) =>
  async (page: Page): Promise<Outcome> => {
    const fullAt = await watchProgress(page);
    const t0 = performance.now();
    await page.getByTestId('import-files').setInputFiles(path);
    await page.getByTestId('import-dialog').or(page.getByTestId('import-error')).waitFor();
    if (await page.getByTestId('import-error').isVisible()) throw new Error(`refused: ${await page.getByTestId('import-error').textContent()}`);
    const t1 = performance.now();
    await page.getByTestId('import-load').click();
    await page.getByTestId('import-done').or(page.getByTestId('import-error')).waitFor();
    if (await page.getByTestId('import-error').isVisible()) throw new Error(`failed: ${await page.getByTestId('import-error').textContent()}`);
    // The table shows the file's people once the first coverage run after the load is done.
    const cell = '[data-testid="area-table"] tfoot td[data-col="population"]';
    await page
      .waitForFunction(([sel, n]) => Number(document.querySelector(sel as string)?.getAttribute('data-value')) === n, [cell, total] as const, {
        timeout: 600_000,
      })
      .catch(() => {});
    const t2 = performance.now();
    const shown = Number(await page.locator(cell).getAttribute('data-value'));
    const parsedAt = await fullAt();
    const clickedAt = Date.now() - (performance.now() - t1);
    return {
      inspectS: (t1 - t0) / 1000,
      parseS: (parsedAt - clickedAt) / 1000,
      loadS: (t2 - t1) / 1000,
      parsedAt,
      ok: shown === total,
      note: `table total ${shown} people (file: ${total})`,
    };
  };

const naive =
  (path: string) =>
  async (page: Page): Promise<Outcome> => {
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'bench-naive';
      document.body.append(input);
    });
    const t0 = performance.now();
    await page.locator('#bench-naive').setInputFiles(path);
    const n = await page.evaluate(async () => {
      const f = (document.getElementById('bench-naive') as HTMLInputElement).files![0];
      return (JSON.parse(await f.text()) as { features: unknown[] }).features.length;
    });
    const s = (performance.now() - t0) / 1000;
    return { inspectS: NaN, parseS: s, loadS: s, parsedAt: Date.now(), ok: n === POINTS, note: `${n} features parsed` };
  };

const dir = mkdtempSync(join(tmpdir(), 'browser-import-'));
const servers: ChildProcess[] = [];
try {
  const t0 = performance.now();
  const data = generateBigInput(dir, POINTS, 0);
  const size = statSync(data.population).size;
  console.log(
    `generated ${POINTS.toLocaleString('en')} points, ${(size / MiB).toFixed(1)} MiB, ${data.totalPopulation.toLocaleString('en')} people in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const apps: { label: string; root: string; port: number }[] = [{ label: 'app import', root: ROOT, port: PORT }];
  if (BEFORE) {
    if (!existsSync(join(BEFORE, 'vite.config.ts'))) throw new Error(`--before ${BEFORE}: not a checkout of the app`);
    apps.push({ label: 'app import (before)', root: resolve(BEFORE), port: PORT + 1 });
  }
  for (const a of apps) {
    const dist = join(dir, `dist-${a.port}`);
    build(a.root, dist);
    servers.push(await serve(a.root, dist, a.port));
  }
  const runs: Run[] = [];
  runs.push(await withBrowser('naive: text + parse', PORT, naive(data.population)));
  for (const a of apps) runs.push(await withBrowser(a.label, a.port, appImport(data.population, data.totalPopulation)));

  const fileMiB = size / MiB;
  const base = runs[0];
  const baseUsed = base.peakMiB - base.beforeMiB;
  const col = (v: number, w: number, d = 1) => v.toFixed(d).padStart(w);
  console.log(`\nrenderer process of the page; file ${fileMiB.toFixed(1)} MiB; aim: an import adds < 4 x file = ${(4 * fileMiB).toFixed(0)} MiB`);
  console.log('read+parse: from the pick to the progress bar at 1 (sampled every 100 ms); whole: peak RSS (VmHWM or samples) until 5 s after the numbers show');
  console.log("longest task / blocked: the page's main thread from the pick until 5 s after the numbers show (long tasks over 50 ms)\n");
  console.log(
    `${'run'.padEnd(20)} ${'inspect s'.padStart(9)} ${'parse s'.padStart(7)} ${'shown s'.padStart(7)} ${'before MiB'.padStart(10)} ${'read+parse +MiB'.padStart(15)} ${'/file'.padStart(5)} ${'whole +MiB'.padStart(10)} ${'/file'.padStart(5)} ${'whole vs naive'.padStart(14)} ${'longest ms'.padStart(10)} ${'blocked ms'.padStart(10)}  result`,
  );
  for (const r of runs) {
    const parse = r.parsePeakMiB - r.beforeMiB;
    const whole = r.peakMiB - r.beforeMiB;
    console.log(
      `${r.label.padEnd(20)} ${col(r.inspectS, 9)} ${col(r.parseS, 7)} ${col(r.loadS, 7)} ${col(r.beforeMiB, 10, 0)} ${col(parse, 15, 0)} ${col(parse / fileMiB, 5, 2)} ${col(whole, 10, 0)} ${col(whole / fileMiB, 5, 2)} ${col(whole / baseUsed, 14, 2)} ${col(r.longestTaskMs, 10, 0)} ${col(r.blockingMs, 10, 0)}  ${r.ok ? 'ok' : 'FAILED'}: ${r.note.slice(0, 120)}`,
    );
  }
  const app = runs[1];
  const parse = app.parsePeakMiB - app.beforeMiB;
  const whole = app.peakMiB - app.beforeMiB;
  console.log(
    `\napp import, reading and parsing the file: +${parse.toFixed(0)} MiB = ${(parse / fileMiB).toFixed(2)} x the file (${parse < 4 * fileMiB ? 'under' : 'OVER'} the 4 x aim)`,
  );
  console.log(
    `app import, whole (with map layers and the first coverage run): +${whole.toFixed(0)} MiB = ${(whole / fileMiB).toFixed(2)} x the file (${whole < 4 * fileMiB ? 'under' : 'OVER'} the 4 x aim), ${(whole / baseUsed).toFixed(2)} x the naive read`,
  );
  if (runs[2]) {
    const b = runs[2];
    const ratio = (x: number, y: number) => (x / y).toFixed(2);
    console.log(
      `app import vs before: read+parse memory ${ratio(parse, b.parsePeakMiB - b.beforeMiB)} x, whole memory ${ratio(whole, b.peakMiB - b.beforeMiB)} x, inspect time ${ratio(app.inspectS, b.inspectS)} x, parse time ${ratio(app.parseS, b.parseS)} x, numbers shown ${ratio(app.loadS, b.loadS)} x, main-thread blocking ${ratio(app.blockingMs, b.blockingMs)} x`,
    );
  }
} finally {
  for (const s of servers) s.kill();
  rmSync(dir, { recursive: true, force: true });
}
