// An unexpected failure inside the core while a file is read (a bug, or a
// limit of the JavaScript engine such as its longest string) still ends in
// one line that names the file, with exit code 1.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli';

vi.mock('../../../src/core/input/parse-areas', () => ({
  parseAreas: () => {
    throw new RangeError('Invalid string length');
  },
}));

describe('analyze on an unexpected failure while reading a file', () => {
  it('names the file in its one line, exit code 1', () => {
    const dir = join(ROOT, 'test/fixtures/points');
    const areas = join(dir, 'areas.geojson');
    const r = runCli(['--halls', join(dir, 'halls.csv'), '--population', join(dir, 'population.geojson'), '--areas', areas]);
    expect(r).toEqual({ status: 1, stdout: '', stderr: `analyze: internal error while reading ${areas}: Invalid string length\n` });
  });
});
