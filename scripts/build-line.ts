// `npm start` builds with --logLevel warn, so a new user sees one line for the
// build and then the URL instead of Vite's file list. This plugin is that line:
// it is written when the build starts (a first build re-minifies MapLibre and
// can take a minute, which should not look like a hang) and ends with the time
// taken. At Vite's default log level Vite reports the build itself, so the
// plugin stays silent; warnings and errors show at either level.
import { isAbsolute, relative } from 'node:path';
import type { Plugin } from 'vite';

export function buildLinePlugin(): Plugin {
  let quiet = false;
  let outDir = '';
  let started = 0;
  return {
    name: 'service-circles:build-line',
    apply: 'build',
    configResolved(config) {
      quiet = config.logLevel === 'warn';
      const rel = relative(config.root, config.build.outDir);
      outDir = rel.startsWith('..') || isAbsolute(rel) ? config.build.outDir : rel || '.';
    },
    buildStart() {
      started = performance.now();
      if (quiet) process.stdout.write(`building the app into ${outDir}/ … `);
    },
    // Last, after the other plugins' end of build (the .gz files of
    // scripts/precompress.ts), so the time is the whole build's.
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        if (quiet) process.stdout.write(`done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      },
    },
  };
}
