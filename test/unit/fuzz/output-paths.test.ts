// Fuzz: `analyze` never writes over one of its inputs, however the output
// path is spelled (./, .., doubled slashes, relative, symbolic and hard
// links, a linked folder), and never writes --stats and --gaps to one file.
// Runs the CLI's command in process (runAnalyze).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli';
import { pathSpelling, spellPath } from './edge-arbitraries';
import { fuzzParams } from './fuzz-config';

const POINTS = join(ROOT, 'test/fixtures/points');
const INPUTS = { halls: 'halls.csv', population: 'population.geojson', areas: 'areas.geojson' } as const;
const tmp = mkdtempSync(join(tmpdir(), 'fuzz-output-paths-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;

describe('fuzz: output paths', () => {
  it('refuses every spelling of an input as an output, leaving the input byte for byte, and writes an output of its own', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('stats', 'gaps'),
        fc.constantFrom<keyof typeof INPUTS | 'own' | 'other-output'>('halls', 'population', 'areas', 'own', 'other-output'),
        pathSpelling,
        (flag, target, how) => {
          const dir = join(tmp, `w${n++}`);
          mkdirSync(dir);
          for (const f of Object.values(INPUTS)) writeFileSync(join(dir, f), readFileSync(join(POINTS, f)));
          const before = Object.values(INPUTS).map((f) => readFileSync(join(dir, f)));
          const args = ['--halls', join(dir, INPUTS.halls), '--population', join(dir, INPUTS.population), '--areas', join(dir, INPUTS.areas)];
          const own = flag === 'stats' ? 'stats.json' : 'gaps.geojson';
          if (target === 'own' || target === 'other-output') writeFileSync(join(dir, own), 'old');
          const path = spellPath(dir, target === 'own' || target === 'other-output' ? own : INPUTS[target], how, String(n));
          const other = flag === 'stats' ? 'gaps' : 'stats';
          const extra = target === 'other-output' ? [`--${other}`, join(dir, own)] : [];
          // Paths are the point here, not durability: the temporary file is written without fsync.
          const r = runCli([...args, ...extra, `--${flag}`, path], (p, text) => writeFileSync(p, text, { flag: 'wx' }));
          if (target === 'own') {
            expect(r.status).toBe(0);
            // Through a hard link the new file takes the link's name; the other name keeps the old file.
            expect(readFileSync(path, 'utf8')).not.toBe('old');
          } else {
            expect(r.status).toBe(2);
            if (target === 'other-output') {
              // Outputs are checked in the order --stats, --gaps: the message names --gaps.
              expect(r.stderr).toBe(`analyze: --gaps ${flag === 'gaps' ? path : join(dir, own)} is also the --stats file: give each output its own file\n`);
              expect(readFileSync(join(dir, own), 'utf8')).toBe('old');
            } else expect(r.stderr).toBe(`analyze: --${flag} ${path} is the --${target} file: writing there would destroy the input; give another file\n`);
          }
          expect(Object.values(INPUTS).map((f) => readFileSync(join(dir, f)))).toEqual(before);
        },
      ),
      // Each run writes files, and one in five runs the whole analysis: few runs (FUZZ_RUNS=10 for a soak).
      fuzzParams(30),
    );
  });
});
