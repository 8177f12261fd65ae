// The project ships under MIT: every runtime dependency must allow that.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Permissive licences compatible with shipping inside an MIT-licensed app.
// 'BDS-3-Clause' is a typo in splaytree-ts's own package.json for BSD-3-Clause.
const ALLOWED = new Set(['MIT', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'BDS-3-Clause', '0BSD', 'Unlicense', 'Apache-2.0', '(MIT OR Apache-2.0)']);

interface LockEntry { license?: string; dev?: boolean }

describe('runtime dependencies', () => {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };
  const runtime = Object.entries(lock.packages).filter(([path, e]) => path !== '' && !e.dev);

  it('are found in package-lock.json', () => {
    expect(runtime.length).toBeGreaterThan(10);
  });

  it('all carry a permissive licence compatible with MIT', () => {
    const bad = runtime.filter(([, e]) => !ALLOWED.has(e.license ?? '')).map(([p, e]) => `${p}: ${e.license ?? 'none'}`);
    expect(bad).toEqual([]);
  });
});
