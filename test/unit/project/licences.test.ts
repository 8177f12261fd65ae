// The project ships under MIT: every runtime dependency must allow that.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Permissive licences compatible with shipping inside an MIT-licensed app.
// 'BDS-3-Clause' is a typo in splaytree-ts's own package.json for BSD-3-Clause.
// EDL-1.0 (jsts, under @turf/turf) is the Eclipse Distribution License: the
// BSD-3-Clause text under another name, so the choice it offers is permissive.
const ALLOWED = new Set([
  'MIT',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'BDS-3-Clause',
  '0BSD',
  'Unlicense',
  'Apache-2.0',
  '(MIT OR Apache-2.0)',
  '(EDL-1.0 OR EPL-1.0)',
]);

// Packages whose package.json predates the `license` field and states it in
// the old `licenses` list, which package-lock.json does not copy. arc (under
// @turf/great-circle) says only "BSD"; its LICENSE.md is the BSD-2-Clause text.
const OLD_STYLE: Record<string, string> = { 'node_modules/arc': 'BSD' };

function oldStyleLicence(path: string): string | undefined {
  const pkg = JSON.parse(readFileSync(`${path}/package.json`, 'utf8')) as { licenses?: { type?: string }[] };
  return pkg.licenses?.[0]?.type;
}

interface LockEntry {
  license?: string;
  dev?: boolean;
}

describe('runtime dependencies', () => {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };
  const runtime = Object.entries(lock.packages).filter(([path, e]) => path !== '' && !e.dev);

  it('are found in package-lock.json', () => {
    expect(runtime.length).toBeGreaterThan(10);
  });

  it('all carry a permissive licence compatible with MIT', () => {
    const ok = ([p, e]: [string, LockEntry]) =>
      ALLOWED.has(e.license ?? '') || (e.license === undefined && OLD_STYLE[p] !== undefined && oldStyleLicence(p) === OLD_STYLE[p]);
    const bad = runtime.filter((entry) => !ok(entry)).map(([p, e]) => `${p}: ${e.license ?? 'none'}`);
    expect(bad).toEqual([]);
  });
});
