/**
 * Writing a file so that an interrupted run leaves the old one whole: the content goes to
 * a temporary file in the same folder, which is then renamed over the target (an atomic
 * replace on one file system). A symbolic link is followed: its target is replaced, the
 * link stays. The file's permissions are kept.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  let target = file;
  try {
    target = fs.realpathSync(file);
  } catch {
    // A new file.
  }
  let mode: number | undefined;
  try {
    mode = fs.statSync(target).mode & 0o7777;
  } catch {
    // A new file: the default permissions.
  }
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    fs.writeFileSync(tmp, data, mode === undefined ? {} : { mode });
    if (mode !== undefined) fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, target);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Nothing left to clean up.
    }
    throw e;
  }
}

/** Whether two paths name the same file (after following links); false when either does not exist. */
export function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}
