// Output files are never half-written and never written over an input.
// Each output goes to a temporary file beside its target and is renamed over
// it only once every output has been written in full, so a full disk or a
// failing second output leaves every earlier file as it was.
import { chmodSync, closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats as FileStats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './cli-args';

/** An output file could not be written: not the input's fault, so exit code 1. */
export class WriteError extends Error {
  override name = 'WriteError';
}

/** Writes `text` to the new file `path` (created, never an existing one); replaced in tests to fail like a full disk. */
export type WriteFile = (path: string, text: string) => void;

/** Create `path` and write `text` to it, synced to disk before the rename makes it the target. */
export const writeNewFile: WriteFile = (path, text) => {
  const fd = openSync(path, 'wx', 0o666);
  try {
    const bytes = Buffer.from(text, 'utf8');
    for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

function statOrNull(path: string): FileStats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Where a file given as `path` really is: symlinks, `.` and `..` resolved, also for a file that does not exist yet. */
export function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** True when the two paths name one file: the same real path, or the same inode (a hard link). */
function sameFile(a: string, b: string): boolean {
  if (realTarget(a) === realTarget(b)) return true;
  const sa = statOrNull(a),
    sb = statOrNull(b);
  return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino;
}

/** Refuse, before anything is read, an output that is an input or another output. */
export function checkOutputs(inputs: { flag: string; path: string }[], outputs: { flag: string; path: string }[]): void {
  outputs.forEach((out, k) => {
    const input = inputs.find((i) => sameFile(out.path, i.path));
    if (input) throw new UsageError(`--${out.flag} ${out.path} is the --${input.flag} file: writing there would destroy the input; give another file`);
    const other = outputs.slice(0, k).find((o) => sameFile(out.path, o.path));
    if (other) throw new UsageError(`--${out.flag} ${out.path} is also the --${other.flag} file: give each output its own file`);
  });
}

// `changed`: outputs already in place (only when a rename or a device fails late).
function writeFailure(path: string, e: unknown, changed = 0): WriteError {
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  const why = code === 'ENOSPC' || code === 'EDQUOT' ? ': the disk is full' : '';
  const state = changed === 0 ? 'no output file was changed' : `${changed} other output file${changed > 1 ? 's were' : ' was'} already replaced`;
  return new WriteError(`${path}: cannot write file (${code})${why}; ${state}`);
}

/**
 * Write every output, or none: each text goes to a temporary file in its
 * target's folder, and only when all are complete are they renamed over their
 * targets (a rename within one folder replaces the file in one step). A
 * target that exists but is not a regular file (/dev/null, a named pipe) is
 * written directly. On failure the temporary files are removed and a
 * WriteError names the output that failed.
 */
export function writeOutputs(outputs: { path: string; text: string }[], writeFile: WriteFile = writeNewFile): void {
  const done: { tmp: string; target: string; path: string }[] = [];
  const direct: { path: string; text: string }[] = [];
  try {
    for (const { path, text } of outputs) {
      const target = realTarget(path);
      const st = statOrNull(target);
      if (st?.isDirectory()) throw new WriteError(`${path}: is a directory; no output file was changed`);
      if (st !== null && !st.isFile()) {
        direct.push({ path, text });
        continue;
      }
      const tmp = join(dirname(target), `.${basename(target)}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
      done.push({ tmp, target, path });
      try {
        writeFile(tmp, text);
        // A replaced file keeps its permissions.
        if (st !== null) chmodSync(tmp, st.mode & 0o7777);
      } catch (e) {
        throw writeFailure(path, e);
      }
    }
    done.forEach((d, k) => {
      try {
        renameSync(d.tmp, d.target);
      } catch (e) {
        throw writeFailure(d.path, e, k);
      }
    });
  } catch (e) {
    for (const d of done) {
      try {
        unlinkSync(d.tmp);
      } catch {
        // renamed already, or never created
      }
    }
    throw e;
  }
  direct.forEach(({ path, text }, k) => {
    try {
      writeNewFileOver(path, text);
    } catch (e) {
      throw writeFailure(path, e, done.length + k);
    }
  });
}

// A device or pipe: opened for writing as it is (no temporary file can stand in for it).
function writeNewFileOver(path: string, text: string): void {
  const fd = openSync(path, 'w');
  try {
    const bytes = Buffer.from(text, 'utf8');
    for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done);
  } finally {
    closeSync(fd);
  }
}
