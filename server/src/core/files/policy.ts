/**
 * The file policy as data (docs/security.md, docs/cli.md "Which files are checked"):
 * which file names can be documents, which folders are never walked, what the
 * configuration files are called. The CLI, the language server and the extension all
 * read it from here, so a new kind of document file is one line in DOCUMENT_EXTENSIONS.
 */

/** Extensions (lower case, with the dot) of files that can be stratdoc documents. */
export const DOCUMENT_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.yaml', '.yml', '.csv'];

/**
 * Folders never walked (unless named as a path to check): dependencies and build output,
 * which hold copies of documents or other people's Markdown. Every folder whose name
 * starts with a dot (`.git`, `.github`, `.vscode`…) is skipped as well.
 */
export const SKIPPED_FOLDERS: readonly string[] = ['node_modules', 'dist', 'out'];

import { CONFIG_FILES } from '../../../../shared/protocol';

/** Names of the configuration file, in the order they are looked for (docs/format.md); defined in shared/protocol.ts. */
export { CONFIG_FILES };

/** Whether a file name (or path) can be a document by its extension. */
export function mayBeDocument(name: string): boolean {
  const lower = name.toLowerCase();
  return DOCUMENT_EXTENSIONS.some((e) => lower.endsWith(e)) && !isConfigFileName(lower);
}

export function isConfigFileName(name: string): boolean {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  return CONFIG_FILES.includes(base);
}

export function skipFolder(name: string): boolean {
  return name.startsWith('.') || SKIPPED_FOLDERS.includes(name);
}

/**
 * Whether the walker would reach a file under `root`: no folder between them is skipped
 * (for a file the editor's watcher reports, which the scan may never have walked to).
 * Both paths absolute, with the platform's separator.
 */
export function walkedTo(root: string, file: string, sep = '/'): boolean {
  const rel = file.startsWith(root) ? file.slice(root.length) : undefined;
  if (rel === undefined) return false;
  const parts = rel.split(sep).filter(Boolean);
  return parts.slice(0, -1).every((d) => !skipFolder(d));
}

/** Globs for file watchers (the editor's, the extension's): every possible document and configuration. */
export const WATCH_GLOBS: readonly string[] = [`**/*.{${DOCUMENT_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`, `**/{${CONFIG_FILES.join(',')}}`];
