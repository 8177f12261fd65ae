// Running `analyze` in tests: in process (runAnalyze with captured streams,
// milliseconds per case) or, for what only a real process shows (exit status,
// a closed pipe), as a child process.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { runAnalyze, type AnalyzeIo } from '../../../src/cli/run-analyze';

export const ROOT = resolve(import.meta.dirname, '../../..');

/** `analyze`'s arguments for the sample files in public/geo (paths from the project folder), then `more`. */
export function sampleArgs(...more: string[]): string[] {
  return ['--halls', 'public/geo/halls.geojson', '--population', 'public/geo/population.geojson', '--areas', 'public/geo/areas.geojson', ...more];
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `analyze` with these arguments in this process; `writeFile` replaces the output writer. */
export function runCli(args: string[], writeFile?: AnalyzeIo['writeFile']): CliResult {
  let stdout = '';
  let stderr = '';
  const status = runAnalyze(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), writeFile });
  return { status, stdout, stderr };
}

/** `analyze` as a child process (node + tsx), from the project folder. */
export function runCliProcess(args: string[], opts: { closeStdout?: boolean } = {}): Promise<CliResult> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/analyze.ts'), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    // A reader that has gone away before the first byte, like `| head -c 0`.
    if (opts.closeStdout) child.stdout.destroy();
    else child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}
