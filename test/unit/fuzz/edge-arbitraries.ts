// Generators for the edges the hostile-input pass of issue 19 found: points
// at the edges of the globe, text meant to drive a terminal, and output
// paths that name an input in another spelling.
import { linkSync, symlinkSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import fc from 'fast-check';

/** A coordinate within `within` of `limit` (inside the valid range), or exactly on it. */
const nearLimit = (limit: number, within: number) =>
  fc.oneof(
    fc.constantFrom(limit, -limit),
    fc.double({ min: limit - within, max: limit, noNaN: true }),
    fc.double({ min: -limit, max: -limit + within, noNaN: true }),
  );

/** [lng, lat] near the poles, the antimeridian or both, at distances from a metre to a few degrees. */
export const globeEdge: fc.Arbitrary<[number, number]> = fc.oneof(
  fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), nearLimit(90, 0.01)),
  fc.tuple(nearLimit(180, 0.01), fc.double({ min: -89, max: 89, noNaN: true })),
  fc.tuple(nearLimit(180, 0.01), nearLimit(90, 0.01)),
  fc.tuple(nearLimit(180, 3), nearLimit(90, 3)),
);

/** Points of one scene: a few places at the edges, each with a cluster of neighbours a few metres to a kilometre away. */
export const globeEdgeCluster: fc.Arbitrary<[number, number][]> = fc
  .array(
    fc.tuple(
      globeEdge,
      fc.array(fc.tuple(fc.double({ min: -0.01, max: 0.01, noNaN: true }), fc.double({ min: -0.01, max: 0.01, noNaN: true })), { maxLength: 12 }),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((groups) =>
    groups.flatMap(([[x, y], near]) => [
      [x, y] as [number, number],
      ...near.map(([dx, dy]) => [Math.max(-180, Math.min(180, x + dx)), Math.max(-90, Math.min(90, y + dy))] as [number, number]),
    ]),
  );

/** Control characters, escape sequences and line breaks meant to drive a terminal or forge a line. */
const hostile = fc.constantFrom(
  '\u001b[2J',
  '\u001b[H',
  '\u001b]0;pwned\u0007',
  '\u001b[31m',
  '\u009b31m',
  '\u001bc',
  '\r',
  '\n',
  '\r\n',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u0000',
  '\u0007',
  '\u0008',
  '\t',
  '\u007f',
  '\u202e',
  '\u2066',
  '\u200f',
  '\n  total  999  999 (100.0%)',
);

/** Names mixing ordinary text (Chinese too) with hostile control sequences. */
export const terminalText: fc.Arbitrary<string> = fc
  .array(fc.oneof(hostile, fc.string({ unit: fc.constantFrom('a', 'Z', '光', '明', ' ', '-', '(', '%', '0'), maxLength: 6 })), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''))
  .filter((s) => s.trim() !== '' && s.trim() !== '(outside areas)');

/** What must never reach a terminal: C0/C1 controls (except the table's own newlines), line separators, bidirectional controls. */
export const TERMINAL_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Ways to spell the path of a file: as is, with `./`, through `..`, with doubled slashes, relative to the working folder, or through a link. */
export const pathSpelling = fc.constantFrom('plain', 'dot', 'dotdot', 'slashes', 'relative', 'symlink', 'hardlink', 'linked-folder');
export type PathSpelling = typeof pathSpelling extends fc.Arbitrary<infer T> ? T : never;

/** A path naming `dir`/`file` spelled as `how`; links are made in `dir` as needed (names unique per call). */
export function spellPath(dir: string, file: string, how: PathSpelling, unique: string): string {
  switch (how) {
    case 'plain':
      return join(dir, file);
    case 'dot':
      return `${dir}/./${file}`;
    case 'dotdot':
      return `${dir}/../${basename(dir)}/${file}`;
    case 'slashes':
      return `${dir}//${file}`;
    case 'relative':
      return relative(process.cwd(), join(dir, file));
    case 'symlink':
      symlinkSync(join(dir, file), join(dir, `sym-${unique}`));
      return join(dir, `sym-${unique}`);
    case 'hardlink':
      linkSync(join(dir, file), join(dir, `hard-${unique}`));
      return join(dir, `hard-${unique}`);
    case 'linked-folder':
      symlinkSync(dir, join(dir, `folder-${unique}`));
      return join(dir, `folder-${unique}`, file);
  }
}
