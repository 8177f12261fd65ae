// `npm run analyze`: runs run-analyze.ts on the process's arguments and
// streams. See `npm run analyze -- --help`.
import { runAnalyze } from './run-analyze';

// A reader that stops early (`analyze … | head -c 100`) closes the pipe: the
// next write fails with EPIPE. Unix tools stop quietly then, without a trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = runAnalyze(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
