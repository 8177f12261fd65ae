import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPopulation } from '../../../src/cli/read-population';
import { decodeText, InputError, parsePopulation } from '../../../src/core';

const dir = mkdtempSync(join(tmpdir(), 'read-population-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let reads = 0;
const whole = (path: string) => {
  reads++;
  return decodeText(readFileSync(path), path);
};

function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

const pt = (x: number, y: number, population: unknown) => ({ type: 'Feature', properties: { population }, geometry: { type: 'Point', coordinates: [x, y] } });
const fcText = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features }, null, 1);

describe('readPopulation', () => {
  it('streams a file at or above the threshold and gives what the whole-text parser gives', () => {
    const features = Array.from({ length: 3000 }, (_, i) => pt(113.9 + i * 1e-5, 22.7, i % 7));
    const p = file('big.geojson', fcText(features));
    reads = 0;
    const streamed = readPopulation(p, { file: p }, whole, 1);
    expect(reads).toBe(0);
    expect(streamed).toEqual(parsePopulation(fcText(features), { file: p }));
  });

  it('reads small files whole', () => {
    const p = file('small.geojson', fcText([pt(113.9, 22.7, 1)]));
    reads = 0;
    expect(readPopulation(p, { file: p }, whole).count).toBe(1);
    expect(reads).toBe(1);
  });

  it('falls back to the whole file for GBK bytes and for a lone Feature', () => {
    const gbk = Uint8Array.from([
      ...Buffer.from('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"population":3,"name":"'),
      0xb9,
      0xe2,
      0xc3,
      0xf7,
      ...Buffer.from('"},"geometry":{"type":"Point","coordinates":[113.9,22.7]}}]}'),
    ]);
    for (const [name, content] of [
      ['gbk.geojson', gbk],
      ['feature.geojson', JSON.stringify(pt(113.9, 22.7, 2))],
    ] as const) {
      const p = file(name, content);
      reads = 0;
      expect(readPopulation(p, { file: p }, whole, 1).count).toBe(1);
      expect(reads).toBe(1);
    }
  });

  it('reports a bad feature of a streamed file as the whole-text parser does', () => {
    const p = file('bad.geojson', fcText([pt(113.9, 22.7, 1), pt(22.7, 113.9, 1)]));
    let err: unknown;
    try {
      readPopulation(p, { file: p }, whole, 1);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe(`${p}: feature 1: coordinates look swapped (latitude first): [22.7, 113.9]`);
  });

  it('leaves a missing file to the whole-file reader and its message', () => {
    const p = join(dir, 'missing.geojson');
    expect(() =>
      readPopulation(
        p,
        { file: p },
        () => {
          throw new InputError({ file: p, message: 'file not found' });
        },
        1,
      ),
    ).toThrow(`${p}: file not found`);
  });
});
