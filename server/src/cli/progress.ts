/**
 * Progress of a long run on a terminal (docs/cli.md "Many files"): one line on stderr,
 * overwritten in place, at most ten times a second, and wiped before any output. Never
 * when stderr is no terminal (CI logs, pipes, files) or the output is for machines.
 */
import type { Lang } from '../core/text';
import type { CliIo } from './io';
import { M } from './messages';
import type { Progress } from '../node/collect';

/** What a run reports its progress to (node/collect.ts). */
export type { Progress };

const NONE: Progress = { reading() {}, checking() {}, done() {} };

export function progressLine(io: CliIo, lang: Lang, enabled: boolean): Progress {
  if (!enabled || io.stderrIsTTY !== true) return NONE;
  let shown = false;
  let last = 0;
  const show = (s: string, force = false) => {
    const now = Date.now();
    if (!force && now - last < 100) return;
    last = now;
    shown = true;
    io.stderr(`\r\x1b[K${s}`);
  };
  return {
    reading(done, total) {
      // Only runs long enough to wait for get a line; the last file always shows.
      if (total >= 10) show(`stratdoc: ${M.progressReading(done, total)[lang]}`, done === total);
    },
    checking(documents) {
      if (shown) show(`stratdoc: ${M.progressChecking(documents)[lang]}`, true);
    },
    done() {
      if (shown) io.stderr('\r\x1b[K');
      shown = false;
    },
  };
}
