import { describe, expect, it } from 'vitest';
import { bytesSource, chunksOf, wholeText, type ByteSource } from '../../../src/worker/byte-source';
import { BROWSER_WHOLE_MAX_BYTES } from '../../../src/core/limits';

describe('chunksOf', () => {
  it('hands out every byte once, in order, in slices of the chunk size, reporting bytes done after each', () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
    const done: number[] = [];
    const chunks = [...chunksOf(bytesSource(bytes), (n) => done.push(n), 300)];
    expect(chunks.map((c) => c.length)).toEqual([300, 300, 300, 100]);
    expect(Uint8Array.from(chunks.flatMap((c) => [...c]))).toEqual(bytes);
    expect(done).toEqual([300, 600, 900, 1000]);
  });
  it('gives nothing for an empty file', () => {
    expect([...chunksOf(bytesSource(new Uint8Array(0)))]).toEqual([]);
  });
});

describe('wholeText', () => {
  it('decodes the whole file as decodeText does (GBK here)', () => {
    expect(wholeText('a.csv', bytesSource(Uint8Array.from([0xb9, 0xe2, 0xc3, 0xf7])))).toBe('光明');
  });
  it('refuses a file over BROWSER_WHOLE_MAX_BYTES with one line naming it, without reading a byte', () => {
    let reads = 0;
    const huge: ByteSource = { size: BROWSER_WHOLE_MAX_BYTES + 1, read: () => (reads++, new Uint8Array(0)) };
    expect(() => wholeText('p.geojson', huge)).toThrow(
      /^p\.geojson: cannot be read in pieces .* too big to read whole in the browser \(at most 128 MiB\).*npm run analyze/,
    );
    expect(reads).toBe(0);
  });
});
