// `npm run analyze`: runs the command line (src/cli/analyze.ts) as JavaScript.
// Compiling the TypeScript with tsx at every start cost most of a second of
// each run, so the CLI is bundled once with esbuild into a cache folder and
// rebuilt only when one of the files it was built from (or this launcher)
// changes. Packages are bundled too, so the built file stands alone and Node
// resolves no module at start.
// The tests run the TypeScript itself (tsx); test/unit/cli/run-analyze.test.ts
// checks this launcher.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = realpathSync(resolve(dirname(fileURLToPath(import.meta.url)), '..'));
const ENTRY = 'src/cli/analyze.ts';
const LAUNCHER = 'scripts/run-analyze.mjs';

/** The cache folder of this checkout: several checkouts may share one node_modules. */
export function cacheDir(root = ROOT) {
  const base = process.env.SC_CLI_CACHE ?? join(root, 'node_modules', '.cache', 'service-circles-cli');
  return join(base, createHash('sha256').update(root).digest('hex').slice(0, 16));
}

/**
 * Whether the build in `dir` is missing or older than a file it was built
 * from. Inputs are compared with the time the build started, so a file saved
 * during a build makes the next run build again.
 */
export function isStale(dir, root = ROOT) {
  let meta;
  try {
    meta = JSON.parse(readFileSync(join(dir, 'build.json'), 'utf8'));
    statSync(join(dir, 'analyze.mjs'));
  } catch {
    return true;
  }
  for (const input of [...meta.inputs, LAUNCHER]) {
    try {
      if (statSync(join(root, input)).mtimeMs >= meta.started) return true;
    } catch {
      return true; // moved or deleted: the sources have changed
    }
  }
  return false;
}

/** Bundle the CLI into `dir`/analyze.mjs with the list of files it was built from. */
export async function buildCli(dir, root = ROOT) {
  const { build } = await import('esbuild');
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  const tmp = join(dir, `analyze.${process.pid}.mjs`);
  const result = await build({
    absWorkingDir: root,
    entryPoints: [ENTRY],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // For CommonJS packages that require() Node's own modules from ES module output; named apart,
    // since a bundled package may import createRequire itself (fflate does).
    banner: { js: "import { createRequire as __cliCreateRequire } from 'node:module'; const require = __cliCreateRequire(import.meta.url);" },
    metafile: true,
    logLevel: 'error',
  });
  // Renamed into place, so a run started meanwhile reads a whole file.
  renameSync(tmp, join(dir, 'analyze.mjs'));
  const meta = join(dir, `build.${process.pid}.json`);
  writeFileSync(meta, JSON.stringify({ started, inputs: Object.keys(result.metafile.inputs) }));
  renameSync(meta, join(dir, 'build.json'));
}

async function main() {
  const dir = cacheDir();
  if (isStale(dir)) {
    try {
      await buildCli(dir);
    } catch (e) {
      process.stderr.write(`analyze: cannot build the command line from ${ENTRY}: ${e instanceof Error ? e.message : String(e)}\n`.replace(/\n(?!$)/g, ' '));
      process.exit(1);
    }
  }
  // The CLI reads process.argv and sets process.exitCode itself.
  await import(pathToFileURL(join(dir, 'analyze.mjs')).href);
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
