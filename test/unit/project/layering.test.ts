// The layering, read from every source file's imports: ui → worker → core and
// cli → core, one way.
// - core runs in the browser worker and in Node: no Svelte, MapLibre, node:*,
//   DOM globals, nor any other layer of src;
// - only src/map knows MapLibre, and only src/ui uses src/map;
// - src/cli uses src/core and node:* only;
// - src/map and src/worker know nothing of Svelte or the UI;
// - the UI does no geometry (no Turf), and Turf is imported by name only, so
//   the bundle keeps just the functions used.
// `violations` is a pure function of file texts, so a planted violation shows
// the checker catches what it should.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

type Layer = 'core' | 'map' | 'ui' | 'worker' | 'cli' | 'main';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

// Comments stripped, so a comment mentioning "window" or an import trips nothing.
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/([;{}(),])\s*\/\/.*$/gm, '$1');
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
export function importsOf(text: string): string[] {
  return [...code(text).matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

const layerOf = (path: string): Layer | null => {
  const m = /^src\/(core|map|ui|worker|cli)\//.exec(path);
  return m ? (m[1] as Layer) : path === 'src/main.ts' ? 'main' : null;
};

const DOM_GLOBALS =
  /\b(?:document|window|localStorage|sessionStorage|navigator|location|HTMLElement|XMLHttpRequest|FileReader|FileReaderSync|Blob|process)\s*[.[(]/;

/** The rule each import of each file breaks, as "file: import (rule)"; paths are relative to the repository, with /. */
export function violations(files: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [path, text] of files) {
    const from = layerOf(path);
    if (!from) continue;
    const say = (spec: string, rule: string) => out.push(`${path}: ${spec} (${rule})`);
    for (const spec of importsOf(text)) {
      const target = spec.startsWith('.') ? posix.normalize(posix.join(posix.dirname(path), spec)) : null;
      const to = target ? (layerOf(`${target}/`) ?? layerOf(target)) : null;
      if (from === 'core') {
        if (/^(maplibre-gl|svelte)(\/|$)/.test(spec) || spec.startsWith('node:')) say(spec, 'core imports no Svelte, MapLibre or node:*');
        if (to && to !== 'core') say(spec, 'core imports only core');
      }
      if (to === 'map' && from !== 'ui' && from !== 'map') say(spec, 'only src/ui uses src/map');
      if (spec.startsWith('maplibre-gl') && from !== 'map') say(spec, 'only src/map knows MapLibre');
      if (from === 'cli' && !(spec.startsWith('node:') || to === 'cli' || to === 'core')) say(spec, 'src/cli imports only src/core and node:*');
      if ((from === 'map' || from === 'worker') && (spec.startsWith('svelte') || spec.endsWith('.svelte') || to === 'ui'))
        say(spec, 'map and worker know nothing of Svelte or the UI');
      if (from === 'ui' && spec.startsWith('@turf/')) say(spec, 'the UI does no geometry');
      if (from !== 'ui' && spec.startsWith('@turf/') && spec !== '@turf/turf') say(spec, 'Turf only from @turf/turf');
    }
    if (from === 'core' && DOM_GLOBALS.test(code(text))) say(code(text).match(DOM_GLOBALS)![0], 'core uses no DOM or process globals');
    if (from !== 'ui' && /import\s+(\*\s+as\s+\w+|\w+)\s*(,\s*\{[^}]*\})?\s*from\s*['"]@turf\/turf['"]/.test(text))
      say('@turf/turf', 'Turf only as named imports');
  }
  return out;
}

function repoFiles(): Map<string, string> {
  return new Map(sources(join(ROOT, 'src')).map((f) => [relative(ROOT, f).split(sep).join('/'), readFileSync(f, 'utf8')]));
}

describe('layering of src', () => {
  const files = repoFiles();

  it('finds the sources of every layer', () => {
    const count = (l: Layer) => [...files.keys()].filter((p) => layerOf(p) === l).length;
    expect(count('core')).toBeGreaterThan(50);
    expect(count('ui')).toBeGreaterThan(30);
    expect(count('map')).toBeGreaterThan(3);
    expect(count('worker')).toBeGreaterThan(5);
    expect(count('cli')).toBeGreaterThan(5);
  });

  it('has no import against the direction', () => {
    expect(violations(files)).toEqual([]);
  });

  it('catches each kind of violation planted in memory', () => {
    const planted = new Map([
      [
        'src/core/geo/x.ts',
        "import maplibregl from 'maplibre-gl';\nimport { readFileSync } from 'node:fs';\nimport { mount } from 'svelte';\nimport { app } from '../../ui/state.svelte';\nconst w = window.innerWidth;",
      ],
      ['src/cli/report-file.ts', "import { GAP_COLOR } from '../map/palette';\nimport { x } from 'some-package';"],
      ['src/worker/w.ts', "import { style } from '../map/style';\nimport A from '../ui/A.svelte';"],
      ['src/ui/U.svelte', "import { area } from '@turf/turf';\nimport maplibregl from 'maplibre-gl';"],
      ['src/map/m.ts', "import * as turf from '@turf/turf';\nimport circle from '@turf/circle';"],
      // Mentions in comments are not imports.
      ['src/core/ok.ts', "// window.foo, import x from 'maplibre-gl'\nimport { haversineM } from './geo/haversine';"],
    ]);
    expect(violations(planted)).toEqual([
      'src/core/geo/x.ts: maplibre-gl (core imports no Svelte, MapLibre or node:*)',
      'src/core/geo/x.ts: maplibre-gl (only src/map knows MapLibre)',
      'src/core/geo/x.ts: node:fs (core imports no Svelte, MapLibre or node:*)',
      'src/core/geo/x.ts: svelte (core imports no Svelte, MapLibre or node:*)',
      'src/core/geo/x.ts: ../../ui/state.svelte (core imports only core)',
      'src/core/geo/x.ts: window. (core uses no DOM or process globals)',
      'src/cli/report-file.ts: ../map/palette (only src/ui uses src/map)',
      'src/cli/report-file.ts: ../map/palette (src/cli imports only src/core and node:*)',
      'src/cli/report-file.ts: some-package (src/cli imports only src/core and node:*)',
      'src/worker/w.ts: ../map/style (only src/ui uses src/map)',
      'src/worker/w.ts: ../ui/A.svelte (map and worker know nothing of Svelte or the UI)',
      'src/ui/U.svelte: @turf/turf (the UI does no geometry)',
      'src/ui/U.svelte: maplibre-gl (only src/map knows MapLibre)',
      'src/map/m.ts: @turf/circle (Turf only from @turf/turf)',
      'src/map/m.ts: @turf/turf (Turf only as named imports)',
    ]);
  });
});
