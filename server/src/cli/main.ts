/** The `stratdoc` executable (bundled to dist/cli.js); started as a worker thread, it reads files for `check` (node/parallel.ts). */
import { run } from './run';
import { isCliWorker, setWorkerScript, workerMain } from '../node/parallel';

if (isCliWorker()) workerMain();
else {
  // A reader that stops early (`stratdoc check | head`) is no error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  setWorkerScript(__filename);
  const code = run(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  });
  // Set rather than exit, so that output to a pipe is flushed before the process ends.
  process.exitCode = code;
}
