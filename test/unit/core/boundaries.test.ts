// The core runs in the browser worker and in Node, so it may not depend on
// the DOM, MapLibre, Svelte or node:* modules. This scans its sources.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = join(import.meta.dirname, '../../../src/core');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

// Strip comments and string contents that are not import specifiers, so a
// comment mentioning "window" does not trip the DOM check.
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
}

const FORBIDDEN_IMPORT = /\b(?:from|import)\s*\(?\s*['"](maplibre-gl|svelte(?:\/[^'"]*)?|node:[^'"]+|fs|path|os|child_process|worker_threads)['"]/;
const DOM_GLOBALS = /\b(?:document|window|localStorage|sessionStorage|navigator|HTMLElement|XMLHttpRequest|process)\s*[.[(]/;

describe('src/core dependency rule', () => {
  const files = sources(CORE);

  it('finds the core sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [f.slice(CORE.length + 1), f]))('%s imports nothing from the DOM, MapLibre, Svelte or node:*', (_name, file) => {
    const text = code(readFileSync(file, 'utf8'));
    expect(text.match(FORBIDDEN_IMPORT)?.[0] ?? null).toBeNull();
    expect(text.match(DOM_GLOBALS)?.[0] ?? null).toBeNull();
  });

  it('would catch a forbidden import and a DOM global', () => {
    expect(FORBIDDEN_IMPORT.test("import maplibregl from 'maplibre-gl';")).toBe(true);
    expect(FORBIDDEN_IMPORT.test("import { readFileSync } from 'node:fs';")).toBe(true);
    expect(FORBIDDEN_IMPORT.test("import { mount } from 'svelte';")).toBe(true);
    expect(DOM_GLOBALS.test('document.createElement("a")')).toBe(true);
    expect(DOM_GLOBALS.test('window.foo')).toBe(true);
  });
});
