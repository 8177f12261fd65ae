// Bytes cut into consecutive pieces, for feeding streamed readers: the cuts
// may fall anywhere, also inside multi-byte characters.

/** `bytes` cut at the given offsets (taken modulo length + 1, deduplicated, in order). */
export function splitBytes(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const at = [...new Set(offsets.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const k of [...at, bytes.length]) {
    out.push(bytes.subarray(prev, k));
    prev = k;
  }
  return out;
}
