// The app's layering: only src/map talks to MapLibre, src/map and src/worker
// know nothing of Svelte or the UI, and the UI never imports Turf (geometry
// belongs to the worker and the core). Scans the sources.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : []);
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...text.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

const files = (dir: string) => sources(join(SRC, dir)).map((f) => [relative(SRC, f), f]);

describe('layering of src/ui, src/map and src/worker', () => {
  it('finds the sources', () => {
    expect(files('ui').length).toBeGreaterThan(10);
    expect(files('map').length).toBeGreaterThan(3);
    expect(files('worker').length).toBeGreaterThan(3);
  });
  it.each([...files('ui'), ...files('worker')])('%s does not import maplibre-gl', (_n, f) => {
    expect(imports(f).filter((s) => s.startsWith('maplibre-gl'))).toEqual([]);
  });
  it.each([...files('map'), ...files('worker')])('%s imports neither Svelte nor the UI', (_n, f) => {
    expect(imports(f).filter((s) => s.startsWith('svelte') || s.includes('/ui/') || s.endsWith('.svelte'))).toEqual([]);
  });
  it.each(files('ui'))('%s does no geometry (no @turf import)', (_n, f) => {
    expect(imports(f).filter((s) => s.startsWith('@turf/'))).toEqual([]);
  });
  // Named imports let the bundler keep only the Turf functions used; a
  // namespace or default import would ship all of @turf/turf.
  it.each([...files('map'), ...files('worker'), ...files('core')])('%s imports Turf only as named imports from @turf/turf', (_n, f) => {
    expect(imports(f).filter((s) => s.startsWith('@turf/') && s !== '@turf/turf')).toEqual([]);
    const text = readFileSync(f, 'utf8');
    expect(text).not.toMatch(/import\s+(\*\s+as\s+\w+|\w+)\s*(,\s*\{[^}]*\})?\s*from\s*['"]@turf\/turf['"]/);
  });
});
