// Reading an input file whole, with the checks that keep the CLI from reading
// forever or dying inside the JavaScript engine: only regular files (a device
// such as /dev/zero never ends), and only up to CLI_WHOLE_MAX_BYTES bytes (V8's
// longest string is 2^29 - 24 characters; past it the error names no file).
import { readFileSync, statSync } from 'node:fs';
import { decodeText, InputError } from '../core';
import { CLI_WHOLE_MAX_BYTES, formatMiB } from '../core/limits';

function cannotRead(path: string, e: unknown): never {
  const code = (e as NodeJS.ErrnoException).code;
  throw new InputError({
    file: path,
    message: code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot read file (${code ?? 'error'})`,
  });
}

/** Check that `path` is a regular file that can be read whole; `advice` ends the too-big message. */
export function checkReadable(path: string, advice = 'halls and areas files are read whole'): void {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    cannotRead(path, e);
  }
  if (st.isDirectory()) throw new InputError({ file: path, message: 'is a directory, not a file' });
  if (!st.isFile()) throw new InputError({ file: path, message: 'is not a regular file (a device, pipe or socket): save the data to a file and give that' });
  if (st.size > CLI_WHOLE_MAX_BYTES)
    throw new InputError({ file: path, message: `is too big to read whole (${formatMiB(st.size)}, at most ${formatMiB(CLI_WHOLE_MAX_BYTES)}): ${advice}` });
}

/**
 * The decoded text of the file at `path`. Bytes, not 'utf8': decodeText also
 * reads UTF-16 and GBK (Excel on Chinese Windows) and names the file and
 * offset of bytes it cannot decode.
 */
export function readWhole(path: string, advice?: string): string {
  return decodeText(readWholeBytes(path, advice), path);
}

/** The bytes of the file at `path`, with the checks of readWhole (for binary inputs such as an OSM PBF). */
export function readWholeBytes(path: string, advice?: string): Uint8Array {
  checkReadable(path, advice);
  try {
    return readFileSync(path);
  } catch (e) {
    cannotRead(path, e);
  }
}
