// The coverage numbers printed in public/geo/README.md are the engine's, and
// the CLI prints the same numbers for the sample (issue 3).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageTable, sampleStats } from '../../scripts/sample/coverage-table';
import { runCli, sampleArgs } from './helpers/run-cli';

const geo = path.resolve('public/geo');

describe('sample coverage at 500 m', () => {
  const stats = sampleStats(geo);

  it('is the table printed in public/geo/README.md', () => {
    expect(readFileSync(path.join(geo, 'README.md'), 'utf8')).toContain(coverageTable(stats));
  });

  it('is what `npm run analyze` prints for the sample files', () => {
    // The CLI's own runAnalyze in this process (a child process adds only tsx's start-up; its exit and pipes are tested in test/unit/cli/).
    const run = runCli(sampleArgs());
    expect(run.status, run.stderr).toBe(0);
    const out = run.stdout;
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(stats)));
  });

  it('leaves real gaps for every service (the sample is meant to show some)', () => {
    for (const s of ['petition', 'legal-aid', 'psych-support']) {
      expect(stats.total.covered[s]).toBeGreaterThan(0);
      expect(stats.total.covered[s]).toBeLessThan(stats.total.population);
    }
  });
});
