// Reads a downloaded body as text while counting its bytes, so a server that
// sends no Content-Length (chunked), a wrong one, or a compressed body that
// unpacks far larger than announced cannot make the page hold more than the
// cap: reading stops, and the download is cancelled, as soon as it is passed.

/**
 * The body as UTF-8 text (a byte-order mark dropped, bad bytes replaced, as
 * Response.text() does), or null once more than `maxBytes` bytes arrived; the
 * stream is then cancelled. A null body is the empty text. Rejects as the
 * stream does (an aborted or broken download).
 */
export async function readTextCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<string | null> {
  if (!body) return '';
  const reader = body.getReader();
  // Decoded chunk by chunk: the page never holds the bytes and the text at once.
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        // Not awaited: a server that never answers the cancel must not hold the message up.
        reader.cancel().catch(() => {});
        return null;
      }
      parts.push(decoder.decode(value, { stream: true }));
    }
    parts.push(decoder.decode());
    return parts.join('');
  } finally {
    reader.releaseLock();
  }
}
