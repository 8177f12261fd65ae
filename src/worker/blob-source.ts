// The worker's view of a File or Blob posted by the page: a ByteSource read
// with FileReaderSync, slice by slice. Posting a File copies no bytes (it is
// a handle to the browser's blob storage), and reading synchronously keeps
// the worker's one-request-at-a-time model while progress messages still
// reach the page.
/// <reference lib="webworker" />
import type { ByteSource } from './byte-source';

/** A ByteSource over a Blob; only usable inside a worker (FileReaderSync). */
export function blobSource(blob: Blob): ByteSource {
  const reader = new FileReaderSync();
  return { size: blob.size, read: (start, end) => new Uint8Array(reader.readAsArrayBuffer(blob.slice(start, end))) };
}
