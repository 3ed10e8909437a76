/**
 * The project root of a path given to the CLI. Walking and reading go through the core
 * file policy (server/src/core/files; docs/security.md), shared with the language server.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILES } from '../core/files';
export { errorCode, isInside } from '../core/files';

/**
 * The project root of a path: the nearest folder at or above it that holds a
 * `.stratdoc.yaml` (or `.stratdoc.yml`) or a `.git`; without one, the path's own folder.
 */
export function projectRoot(p: string, isDir: boolean): string {
  const start = isDir ? p : path.dirname(p);
  for (let d = start; ;) {
    if (CONFIG_FILES.some((f) => fs.existsSync(path.join(d, f))) || fs.existsSync(path.join(d, '.git'))) return d;
    const parent = path.dirname(d);
    if (parent === d) return start;
    d = parent;
  }
}
