/**
 * Is a file a stratdoc document? The cheap check the extension makes before it starts the
 * language server (docs/format.md: the `stratdoc:` marker, the file name, `.stratdoc.yaml` or `.stratdoc.yml`).
 * `include` globs are checked by the extension through `workspace.findFiles`. Pure: no
 * `vscode` here, so that it can be tested with plain mocha.
 */
import { CONFIG_FILES, SKIPPED_FOLDERS, kindOfFileName, readMarker, recognize, type Recognition } from '../../shared/documents';

/** How much of a file the marker check reads: front matter and top-level keys come first. */
export const PROBE_CHARS = 16 * 1024;

/** Files that make a workspace a stratdoc workspace (also the `workspaceContains` activation events). */
export const WORKSPACE_GLOBS = ['**/*.{strategy,plan}.{md,yaml,yml}', '**/*.plan.csv', ...CONFIG_FILES.map((f) => `**/${f}`)];

/** Folders never searched for documents. */
export const SEARCH_EXCLUDE = `**/{${[...SKIPPED_FOLDERS, '.git'].join(',')}}/**`;

export { CONFIG_FILES };

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

export function formatOfLanguage(languageId: string): 'markdown' | 'yaml' | undefined {
  if (languageId === 'markdown') return 'markdown';
  if (languageId === 'yaml') return 'yaml';
  return undefined;
}

/**
 * Whether an open document is a stratdoc document or the configuration file. A marker
 * with a value that names no kind counts too: the server then says what is wrong with it.
 */
export function isStratdocDocument(fileName: string, languageId: string, text: string): boolean {
  // A CSV plan whatever language the editor gave it (docs/format.md "CSV plans").
  if (/\.plan\.csv$/i.test(fileName)) return true;
  const format = formatOfLanguage(languageId);
  if (!format) return false;
  if (CONFIG_FILES.includes(baseName(fileName))) return true;
  if (kindOfFileName(fileName)) return true;
  return readMarker(text.length > PROBE_CHARS ? text.slice(0, PROBE_CHARS) : text, format) !== undefined;
}

/**
 * What an open file that is no stratdoc document looks like: a plan, a strategy, or nothing.
 * The extension bundles the core recogniser (pure, without the readers) so that it can offer
 * the marker without starting the server (docs/decisions.md "Language server and extension").
 */
export function recognizeOpen(uri: string, fileName: string, languageId: string, text: string): Recognition | undefined {
  if (!formatOfLanguage(languageId) || isStratdocDocument(fileName, languageId, text)) return undefined;
  return recognize(uri, text);
}

/** The workspaceState key that remembers the offer was made (once per workspace). */
export const OFFER_KEY = 'stratdoc.unmarkedOffered';
