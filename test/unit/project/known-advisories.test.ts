// `npm audit --omit=dev` cannot reach the advisory database from the development machine (the registry answers
// 405), so docs/dependency-audit.md lists the published advisories found by hand for the runtime packages. This
// test keeps that list honest: no installed copy of a listed package may fall inside an affected range, so an
// install or lockfile change that brings one back fails here, offline.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** One affected range as the GitHub advisory database writes it: introduced <= version < fixed. */
interface AffectedRange {
  introduced: string;
  fixed: string;
}

interface Advisory {
  id: string;
  pkg: string;
  ranges: AffectedRange[];
}

/** A package copy found on disk: where it is and the version its own package.json declares. */
interface InstalledPackage {
  path: string;
  name: string;
  version: string;
}

// Each entry matches a row of docs/dependency-audit.md; the ranges are copied from the sources named there.
const ADVISORIES: Advisory[] = [
  { id: 'GHSA-jrc7-96c5-q579', pkg: 'maplibre-gl', ranges: [{ introduced: '0.0.0', fixed: '6.4.1' }] },
  { id: 'GHSA-36jr-mh4h-2g58', pkg: 'd3-color', ranges: [{ introduced: '0.0.0', fixed: '3.1.0' }] },
  {
    id: 'GHSA-vh95-rmgr-6w4m',
    pkg: 'minimist',
    ranges: [
      { introduced: '0.0.0', fixed: '0.2.1' },
      { introduced: '1.0.0', fixed: '1.2.3' },
    ],
  },
  {
    id: 'GHSA-xvch-5gv4-984h',
    pkg: 'minimist',
    ranges: [
      { introduced: '0.0.0', fixed: '0.2.4' },
      { introduced: '1.0.0', fixed: '1.2.6' },
    ],
  },
  { id: 'GHSA-j452-xhg8-qg39', pkg: 'protocol-buffers-schema', ranges: [{ introduced: '0.0.0', fixed: '3.6.1' }] },
  // Vendor IDs: no GitHub Advisory Database record was found for these two.
  { id: 'AIKIDO-2026-202183', pkg: 'pbf', ranges: [{ introduced: '0.0.0', fixed: '5.1.2' }] },
  {
    id: 'Cx435a6fda-ca38',
    pkg: 'commander',
    ranges: [
      { introduced: '0.0.0', fixed: '2.20.3' },
      { introduced: '3.0.0', fixed: '3.0.2' },
    ],
  },
];

/** Advisory IDs as docs/dependency-audit.md writes them: GitHub (GHSA), Aikido and Checkmarx ones. */
const ADVISORY_ID = /GHSA(?:-[0-9a-z]{4}){3}|AIKIDO-\d{4}-\d+|Cx[0-9a-f]{8}-[0-9a-f]{4}/g;

const PLAIN = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/**
 * Orders two versions of the form x.y.z, optionally with a pre-release tag (which sorts before its release, as
 * semver says). Range bounds must be plain x.y.z; anything unparseable throws so the check cannot pass by accident.
 */
function compareVersions(a: string, b: string): number {
  const pa = PLAIN.exec(a);
  const pb = PLAIN.exec(b);
  if (!pa || !pb) throw new Error(`cannot compare versions "${a}" and "${b}": expected x.y.z`);
  if (pb[4] !== undefined) throw new Error(`range bound "${b}" must be a plain x.y.z version`);
  for (let i = 1; i <= 3; i++) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0) return Math.sign(d);
  }
  return pa[4] === undefined ? 0 : -1;
}

function isAffected(version: string, ranges: AffectedRange[]): boolean {
  return ranges.some((r) => compareVersions(version, r.introduced) >= 0 && compareVersions(version, r.fixed) < 0);
}

/** Every installed copy that one of the advisories covers, as "id: path@version" lines (empty when none). */
function affectedCopies(installed: InstalledPackage[], advisories: Advisory[]): string[] {
  return advisories.flatMap((adv) =>
    installed.filter((p) => p.name === adv.pkg && isAffected(p.version, adv.ranges)).map((p) => `${adv.id}: ${p.path}@${p.version}`),
  );
}

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

function readManifest(root: string, dir: string): Manifest {
  return JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as Manifest;
}

/**
 * Node's lookup: the nearest node_modules/<name> from `fromDir` upwards (paths relative to `root`), or undefined
 * when none is installed.
 */
function resolveInstalled(root: string, name: string, fromDir: string): string | undefined {
  let dir = fromDir;
  for (;;) {
    const candidate = dir === '.' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (existsSync(join(root, candidate, 'package.json'))) return candidate;
    if (dir === '.') return undefined;
    // Step out of the enclosing node_modules/<pkg> (or node_modules/@scope/<pkg>) folder.
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut < 0 ? '.' : dir.slice(0, cut);
  }
}

/**
 * The production tree as `npm ls --omit=dev --all` builds it: package.json's dependencies, then each installed
 * package's dependencies (optional and peer ones too when installed), each resolved the way Node resolves it and
 * read from its own package.json on disk, so nested copies (node_modules/a/node_modules/b) are included and a
 * node_modules that differs from package-lock.json is checked as installed, not as locked.
 */
function productionTree(root = '.'): InstalledPackage[] {
  const found = new Map<string, InstalledPackage>();
  const missing: string[] = [];
  const visit = (fromDir: string, manifest: Manifest): void => {
    const required = { ...manifest.dependencies };
    const optional = { ...manifest.optionalDependencies, ...manifest.peerDependencies };
    for (const [name, isOptional] of [
      ...Object.keys(required).map((n) => [n, false] as const),
      ...Object.keys(optional)
        .filter((n) => !(n in required))
        .map((n) => [n, true] as const),
    ]) {
      const dir = resolveInstalled(root, name, fromDir);
      if (dir === undefined) {
        if (!isOptional) missing.push(`${name} (needed by ${manifest.name})`);
        continue;
      }
      if (found.has(dir)) continue;
      const pkg = readManifest(root, dir);
      found.set(dir, { path: dir, name: pkg.name, version: pkg.version });
      visit(dir, pkg);
    }
  };
  visit('.', readManifest(root, '.'));
  if (missing.length > 0) throw new Error(`not installed: ${missing.join(', ')}; run npm ci`);
  return [...found.values()];
}

describe('compareVersions', () => {
  it('orders by major, then minor, then patch, numerically rather than as text', () => {
    expect(compareVersions('6.17.0', '6.4.1')).toBe(1);
    expect(compareVersions('6.4.0', '6.4.1')).toBe(-1);
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('3.1.0', '3.1.0')).toBe(0);
    expect(compareVersions('2.0.0', '10.0.0')).toBe(-1);
  });

  it('puts a pre-release before its release and ignores build metadata', () => {
    expect(compareVersions('6.4.1-pre.1', '6.4.1')).toBe(-1);
    expect(compareVersions('6.4.1+build.7', '6.4.1')).toBe(0);
  });

  it('refuses what it cannot read instead of guessing', () => {
    expect(() => compareVersions('latest', '1.0.0')).toThrow(/cannot compare/);
    expect(() => compareVersions('1.2', '1.0.0')).toThrow(/cannot compare/);
    expect(() => compareVersions('1.0.0', '1.0.0-rc.1')).toThrow(/plain x\.y\.z/);
  });
});

describe('affectedCopies', () => {
  const copy = (name: string, version: string, path = `node_modules/${name}`): InstalledPackage => ({ path, name, version });

  it('reports a copy one patch below the fixed version and passes the fixed version itself', () => {
    expect(affectedCopies([copy('maplibre-gl', '6.4.0')], ADVISORIES)).toEqual(['GHSA-jrc7-96c5-q579: node_modules/maplibre-gl@6.4.0']);
    expect(affectedCopies([copy('maplibre-gl', '6.4.1')], ADVISORIES)).toEqual([]);
    expect(affectedCopies([copy('d3-color', '3.0.1')], ADVISORIES)).toEqual(['GHSA-36jr-mh4h-2g58: node_modules/d3-color@3.0.1']);
    expect(affectedCopies([copy('protocol-buffers-schema', '3.6.0')], ADVISORIES)).toEqual(['GHSA-j452-xhg8-qg39: node_modules/protocol-buffers-schema@3.6.0']);
    expect(affectedCopies([copy('pbf', '5.1.1')], ADVISORIES)).toEqual(['AIKIDO-2026-202183: node_modules/pbf@5.1.1']);
    expect(affectedCopies([copy('pbf', '5.1.2')], ADVISORIES)).toEqual([]);
    expect(affectedCopies([copy('commander', '2.20.0')], ADVISORIES)).toEqual(['Cx435a6fda-ca38: node_modules/commander@2.20.0']);
    expect(affectedCopies([copy('commander', '2.20.3')], ADVISORIES)).toEqual([]);
  });

  it('passes commander versions between its two affected lines and after the 3.x fix', () => {
    expect(affectedCopies([copy('commander', '3.0.1')], ADVISORIES)).toEqual(['Cx435a6fda-ca38: node_modules/commander@3.0.1']);
    expect(affectedCopies([copy('commander', '3.0.2'), copy('commander', '7.2.0', 'node_modules/x/node_modules/commander')], ADVISORIES)).toEqual([]);
  });

  it('reports a nested copy even when the top-level copy is fixed', () => {
    const tree = [copy('minimist', '1.2.8'), copy('minimist', '1.2.5', 'node_modules/a/node_modules/minimist')];
    expect(affectedCopies(tree, ADVISORIES)).toEqual(['GHSA-xvch-5gv4-984h: node_modules/a/node_modules/minimist@1.2.5']);
  });

  it('follows each advisory range: a fixed 0.x backport passes, an old 1.x fails both minimist advisories', () => {
    expect(affectedCopies([copy('minimist', '0.2.4')], ADVISORIES)).toEqual([]);
    expect(affectedCopies([copy('minimist', '1.2.0')], ADVISORIES)).toEqual([
      'GHSA-vh95-rmgr-6w4m: node_modules/minimist@1.2.0',
      'GHSA-xvch-5gv4-984h: node_modules/minimist@1.2.0',
    ]);
  });

  it('reports a pre-release of the fixed version, which comes before the fix', () => {
    expect(affectedCopies([copy('d3-color', '3.1.0-rc.1')], ADVISORIES)).toHaveLength(1);
  });
});

describe('productionTree', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

  /** A throwaway project on disk: folder (relative to the project) -> its package.json. */
  const makeProject = (manifests: Record<string, object>): string => {
    const root = mkdtempSync(join(tmpdir(), 'known-advisories-'));
    roots.push(root);
    for (const [dir, manifest] of Object.entries(manifests)) {
      mkdirSync(join(root, dir), { recursive: true });
      writeFileSync(join(root, dir, 'package.json'), JSON.stringify(manifest));
    }
    return root;
  };

  // An affected maplibre-gl at the top, an affected minimist nested under a package that pins its own copy, a
  // fixed top-level minimist, and an affected d3-color that only a devDependency brings in.
  const project = (): string =>
    makeProject({
      '.': { name: 'fake-app', version: '0.0.0', dependencies: { 'maplibre-gl': '6.4.0', tool: '1.0.0' }, devDependencies: { 'd3-color': '3.0.0' } },
      'node_modules/maplibre-gl': { name: 'maplibre-gl', version: '6.4.0', dependencies: { minimist: '^1.2.8' } },
      'node_modules/minimist': { name: 'minimist', version: '1.2.8' },
      'node_modules/tool': { name: 'tool', version: '1.0.0', dependencies: { minimist: '1.2.5' } },
      'node_modules/tool/node_modules/minimist': { name: 'minimist', version: '1.2.5' },
      'node_modules/d3-color': { name: 'd3-color', version: '3.0.0' },
    });

  it('follows runtime dependencies only, resolving nested copies the way Node does', () => {
    expect(
      productionTree(project())
        .map((p) => `${p.path}@${p.version}`)
        .sort(),
    ).toEqual(['node_modules/maplibre-gl@6.4.0', 'node_modules/minimist@1.2.8', 'node_modules/tool/node_modules/minimist@1.2.5', 'node_modules/tool@1.0.0']);
  });

  it('lets the advisory check fail on an installed affected version, top-level or nested', () => {
    expect(affectedCopies(productionTree(project()), ADVISORIES)).toEqual([
      'GHSA-jrc7-96c5-q579: node_modules/maplibre-gl@6.4.0',
      'GHSA-xvch-5gv4-984h: node_modules/tool/node_modules/minimist@1.2.5',
    ]);
  });

  it('names a runtime dependency that is not installed instead of skipping it', () => {
    const root = makeProject({
      '.': { name: 'fake-app', version: '0.0.0', dependencies: { tool: '1.0.0' } },
      'node_modules/tool': { name: 'tool', version: '1.0.0', dependencies: { absent: '1.0.0' }, optionalDependencies: { extra: '1.0.0' } },
    });
    expect(() => productionTree(root)).toThrow('not installed: absent (needed by tool); run npm ci');
  });
});

describe('installed production dependencies', () => {
  const tree = productionTree();

  it('are found on disk by following dependencies from package.json, nested copies included', () => {
    // 184 copies of 182 packages at the last review in docs/dependency-audit.md, the same set as `npm ls --omit=dev --all`.
    expect(tree.length).toBeGreaterThan(150);
    expect(tree.map((p) => p.name)).toEqual(
      expect.arrayContaining(['maplibre-gl', 'd3-scale', 'kdbush', 'geokdbush', 'pbf', '@turf/turf', '@turf/helpers', 'fflate', 'commander']),
    );
    expect(new Set(tree.map((p) => p.path)).size).toBe(tree.length);
  });

  it('include every package an advisory is listed for, so no check passes only because nothing was found', () => {
    const names = new Set(tree.map((p) => p.name));
    expect(ADVISORIES.filter((a) => !names.has(a.pkg)).map((a) => `${a.id}: ${a.pkg} is no longer installed; update docs/dependency-audit.md`)).toEqual([]);
  });

  it('have no copy inside the affected range of any advisory listed in docs/dependency-audit.md', () => {
    expect(affectedCopies(tree, ADVISORIES)).toEqual([]);
  });

  it('are checked against exactly the advisories docs/dependency-audit.md names', () => {
    const doc = readFileSync('docs/dependency-audit.md', 'utf8');
    const inDoc = new Set(doc.match(ADVISORY_ID) ?? []);
    expect([...inDoc].sort()).toEqual([...new Set(ADVISORIES.map((a) => a.id))].sort());
  });
});
