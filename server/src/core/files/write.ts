/**
 * The one way stratdoc writes a file (docs/security.md "What stratdoc writes"): only a
 * path the user asked for, never one of the documents it read (real paths compared, so
 * a link or `./` spelling does not get around it), never over a folder or a non-regular
 * file, and through a temporary file in the same folder renamed over the target, so an
 * interrupted run leaves the old file whole. Every writing command (`report --out`,
 * later export, convert, `--fix`) goes through `safeWrite`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorCode } from './read';

export type WriteRefusal =
  /** The target is one of the files read as input. */
  | { refused: 'input'; file: string }
  /** The target exists and is a folder, a FIFO, a device… */
  | { refused: 'not-a-file'; file: string }
  /** The system refused (code: EACCES, ENOSPC…). */
  | { refused: 'error'; file: string; code: string };

/** The real path of a file that may not exist yet: its folder resolved, its name kept. */
export function realTarget(file: string): string {
  const abs = path.resolve(file);
  try {
    return fs.realpathSync(abs);
  } catch {
    /* does not exist (yet) */
  }
  let dir = path.dirname(abs);
  const rest: string[] = [path.basename(abs)];
  for (;;) {
    try {
      return path.join(fs.realpathSync(dir), ...rest);
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) return abs;
      rest.unshift(path.basename(dir));
      dir = parent;
    }
  }
}

/**
 * Writes `content` to `file` unless it is one of `inputs` (paths of the files read).
 * Returns the absolute path written, or why not.
 */
export function safeWrite(file: string, content: string | Uint8Array, inputs: Iterable<string>): { written: string } | WriteRefusal {
  const abs = path.resolve(file);
  const target = realTarget(abs);
  for (const i of inputs) if (realTarget(i) === target) return { refused: 'input', file: abs };
  let mode: number | undefined;
  try {
    const st = fs.statSync(target);
    if (!st.isFile()) return { refused: 'not-a-file', file: abs };
    mode = st.mode & 0o7777;
  } catch {
    /* a new file */
  }
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    // 'wx': never follow or reuse something already at the temporary name.
    const fd = fs.openSync(tmp, 'wx', 0o666);
    try {
      fs.writeFileSync(fd, content);
      if (mode !== undefined) fs.fchmodSync(fd, mode);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
    return { written: abs };
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      /* nothing to clean */
    }
    return { refused: 'error', file: abs, code: errorCode(e) };
  }
}
