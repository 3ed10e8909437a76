/**
 * Finding the files to check: the given paths, walked recursively (node_modules and
 * dot-folders skipped), and the project root of each path, whose other documents are
 * loaded as context so that plans find their strategy and cross-file rules see everything.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE } from '../core/config';

/** File names that can be stratdoc documents (FORMAT.md: Markdown or YAML). */
export function mayBeDocument(file: string): boolean {
  return /\.(md|markdown|ya?ml)$/i.test(file);
}

function skipFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

export interface WalkProblem {
  folder: string;
  error: string;
}

/**
 * Every file under a folder whose name may be a document, sorted. Symbolic links are
 * followed, each real folder once. Unreadable folders are reported and skipped.
 */
export function walk(root: string, problems: WalkProblem[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (dir: string) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      real = dir;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ folder: dir, error: errorCode(e) });
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = fs.statSync(p);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // a dangling link
        }
      }
      if (isDir) {
        if (!skipFolder(e.name)) visit(p);
      } else if (isFile && mayBeDocument(e.name)) out.push(p);
    }
  };
  visit(root);
  return out;
}

/**
 * The project root of a path: the nearest folder at or above it that holds a
 * `.stratdoc.yaml` or a `.git`; without one, the path's own folder.
 */
export function projectRoot(p: string, isDir: boolean): string {
  const start = isDir ? p : path.dirname(p);
  for (let d = start; ; ) {
    if (fs.existsSync(path.join(d, CONFIG_FILE)) || fs.existsSync(path.join(d, '.git'))) return d;
    const parent = path.dirname(d);
    if (parent === d) return start;
    d = parent;
  }
}

/** Whether `file` is `dir` or lies inside it. */
export function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel));
}

export function errorCode(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' ? code : String((e as Error)?.message ?? e);
}
