import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readTextCapped } from '../../../../src/ui/share/read-capped';

/** A stream that hands out `chunks` one per pull and records whether it was cancelled. */
function streamOf(chunks: Uint8Array[]): { body: ReadableStream<Uint8Array>; state: { cancelled: boolean; pulled: number } } {
  const state = { cancelled: false, pulled: 0 };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(c) {
        if (state.pulled === chunks.length) return c.close();
        c.enqueue(chunks[state.pulled++]);
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 }, // pull only when read: the count of pulls is the count of reads
  );
  return { body, state };
}

describe('readTextCapped', () => {
  it('reads exactly maxBytes, and gives null at maxBytes + 1 after cancelling the stream', async () => {
    const ten = new Uint8Array(10).fill(0x41);
    expect(await readTextCapped(streamOf([ten, ten]).body, 20)).toBe('A'.repeat(20));
    const over = streamOf([ten, ten, new Uint8Array([0x41]), ten]);
    expect(await readTextCapped(over.body, 20)).toBeNull();
    expect(over.state.cancelled).toBe(true);
    expect(over.state.pulled).toBe(3); // the fourth chunk was never asked for
  });

  it('decodes UTF-8 split anywhere across chunks and drops a byte-order mark', async () => {
    const text = '\uFEFF名称,lng\n光明街道,113.9\n';
    const bytes = new TextEncoder().encode(text);
    fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 8 }), async (cuts) => {
        const at = [0, ...[...cuts].sort((a, b) => a - b), bytes.length];
        const chunks = at.slice(1).map((end, i) => bytes.slice(at[i], end));
        expect(await readTextCapped(streamOf(chunks).body, bytes.length)).toBe(text.slice(1));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('reads a missing body as empty text', async () => {
    expect(await readTextCapped(null, 0)).toBe('');
  });

  it('rejects as the stream does (an aborted download), for the caller to name', async () => {
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        c.error(new DOMException('aborted', 'AbortError'));
      },
    });
    await expect(readTextCapped(body, 100)).rejects.toThrow('aborted');
  });
});
