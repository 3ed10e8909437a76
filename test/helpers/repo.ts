import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root: the nearest folder above this file with a package.json. */
export function repoRoot(): string {
  let d = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(d, 'package.json'))) return d;
    const up = path.dirname(d);
    if (up === d) return process.cwd();
    d = up;
  }
}
