// One child process under GNU time (/usr/bin/time -v), for the benches that
// compare whole programs: wall time, CPU time and peak memory (max RSS) are
// the whole process's, start-up included.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ProcessRun {
  label: string;
  wallS: number;
  cpuS: number;
  maxRssMiB: number;
  ok: boolean;
  note: string; // the last line of stdout, or of stderr when it failed
}

/** Run Node with `args` in `cwd`; GNU time's report goes to a file in `dir`, so the child's own stderr stays readable. */
export function timeProcess(label: string, args: string[], dir: string, cwd: string): ProcessRun {
  const report = join(dir, `${label.replace(/\W+/g, '-')}.time`);
  const r = spawnSync('/usr/bin/time', ['-v', '-o', report, process.execPath, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  const t = readFileSync(report, 'utf8');
  const num = (re: RegExp) => Number(re.exec(t)?.[1] ?? NaN);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(t);
  const wallS = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  return {
    label,
    wallS,
    cpuS: num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/),
    maxRssMiB: num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024,
    ok: r.status === 0,
    note: (r.status === 0 ? r.stdout : r.stderr).trim().split('\n').slice(-1)[0] ?? '',
  };
}
