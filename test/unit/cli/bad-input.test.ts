// The documented bad-input cases, end to end through the CLI: exit code 2,
// exactly one line on stderr with the parser's exact message, no stack trace,
// nothing on stdout. Each case runs the CLI's whole command in process
// (runAnalyze, as src/cli/analyze.ts runs it); run-analyze.test.ts checks the
// real process's exit status and stderr.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { BAD_INPUTS, madeBig, VALID, type Role } from '../helpers/bad-inputs';
import { runCli as run, type CliResult as Result } from '../helpers/run-cli';
import { CLI_STREAM_FROM_BYTES } from '../../../src/core/limits';

const dir = mkdtempSync(join(tmpdir(), 'cli-bad-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Write the three inputs for case `name` (the broken one as given) and return the CLI flags. */
function inputs(name: string, broken: Partial<Record<Role, { ext: string; bytes: Uint8Array | string }>>): { args: string[]; paths: Record<Role, string> } {
  const sub = mkdtempSync(join(dir, `${name.replace(/\W+/g, '-').slice(0, 40)}-`));
  const paths = {} as Record<Role, string>;
  for (const role of ['halls', 'population', 'areas'] as Role[]) {
    const file = broken[role] ?? { ext: VALID[role].ext, bytes: VALID[role].text };
    paths[role] = join(sub, `${role}.${file.ext}`);
    writeFileSync(paths[role], file.bytes);
  }
  return { args: ['--halls', paths.halls, '--population', paths.population, '--areas', paths.areas], paths };
}

function expectOneLineError(r: Result, expected: string): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  const lines = r.stderr.slice(0, -1).split('\n');
  expect(lines).toHaveLength(1);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(lines[0]).toBe(expected);
}

describe('documented bad inputs: the CLI', () => {
  it.each(BAD_INPUTS)('$name: exit 2 and the one documented line', (c) => {
    const { args, paths } = inputs(c.name, { [c.role]: { ext: c.ext, bytes: c.text } });
    expectOneLineError(run(args), c.message(paths[c.role]));
  });

  // Population files of CLI_STREAM_FROM_BYTES or more are streamed by the CLI; the case's
  // error comes after 64 KiB more of valid points (or blanks), so the stream meets it.
  it.each(BAD_INPUTS.filter((c) => c.role === 'population'))('$name, in a file the CLI streams: the same line, features and lines moved', (c) => {
    const big = madeBig(c, CLI_STREAM_FROM_BYTES + 64 * 1024);
    expect(Buffer.byteLength(big.text)).toBeGreaterThanOrEqual(CLI_STREAM_FROM_BYTES);
    const { args, paths } = inputs(`big ${c.name}`, { population: { ext: c.ext, bytes: big.text } });
    expectOneLineError(run(args), c.message(paths.population, big.before));
  });

  it('reads GBK hall CSV from Chinese Excel and UTF-16 text with a BOM', () => {
    // "光明" in GBK; the services are separated by a full-width comma (A3 AC).
    const gbk = Uint8Array.from([
      ...Buffer.from('name,lng,lat,services\r\n'),
      0xb9,
      0xe2,
      0xc3,
      0xf7,
      ...Buffer.from(',113.93,22.75,"petition'),
      0xa3,
      0xac,
      ...Buffer.from('legal-aid"\r\n'),
    ]);
    const { args } = inputs('gbk', { halls: { ext: 'csv', bytes: gbk } });
    const r = run(args);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).services).toEqual(['legal-aid', 'petition']);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VALID.areas.text, 'utf16le')]);
    const r16 = run(inputs('utf16', { areas: { ext: 'geojson', bytes: utf16 } }).args);
    expect(r16.status).toBe(0);
    expect(JSON.parse(r16.stdout).areas[0].name).toBe('光明街道');
  });

  it('explains bytes that are neither UTF-8 nor GBK, and an Excel workbook given as CSV', () => {
    const latin1 = Uint8Array.from([...Buffer.from('name,lng,lat,services\ncaf'), 0xe9, ...Buffer.from(',113.93,22.75,petition\n')]);
    const bad = inputs('latin1', { halls: { ext: 'csv', bytes: latin1 } });
    expectOneLineError(
      run(bad.args),
      `${bad.paths.halls}: line 2: not UTF-8 text (byte 0xE9 at offset 25) and not GBK Chinese text either: save it as UTF-8 ("CSV UTF-8" in Excel)`,
    );
    const xlsx = inputs('xlsx', { halls: { ext: 'xlsx', bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]) } });
    expectOneLineError(run(xlsx.args), `${xlsx.paths.halls}: is an Excel workbook or zip archive, not text: save it as "CSV UTF-8" or GeoJSON`);
  });

  it('names a missing file in one line', () => {
    const { args, paths } = inputs('missing', {});
    rmSync(paths.population);
    expectOneLineError(run(args), `${paths.population}: file not found`);
  });
});
