/**
 * Reading a file from disk into a Workspace: the same steps for the CLI and the server.
 * A file that cannot be read is reported (rule `file`) only when it would be a document
 * (by its marker as far as it can be read, its name or the `include` globs).
 */
import { detect } from '../parse';
import type { Workspace } from '../workspace';
import type { ParsedDocument } from '../model';
import * as fs from 'node:fs';
import { t, type Text } from '../text';
import { MAX_CONFIG_BYTES } from '../config';
import { readDocumentFile, type ReadResult } from './read';
import { FILE_MESSAGES, fmtSize, reason } from './messages';

export function skipMessage(r: Extract<ReadResult, { ok: false }>, maxBytes: number): Text {
  switch (r.why) {
    case 'too-large':
      return FILE_MESSAGES.tooLarge(maxBytes);
    case 'binary':
      return FILE_MESSAGES.binary();
    case 'encoding':
      return FILE_MESSAGES.notUtf8();
    case 'special':
      return FILE_MESSAGES.special();
    case 'outside':
      return FILE_MESSAGES.outside();
    default:
      return FILE_MESSAGES.unreadable(r.code ?? 'EIO');
  }
}

/**
 * Reads `file` (known to the workspace as `uri`) into `ws`. `report`: whether a file
 * that cannot be read gets its `file` finding (the CLI reports only its targets).
 * Returns whether the file is now a document or a skipped file.
 */
export function loadFile(ws: Workspace, file: string, uri: string, opts: { boundary?: string; report?: boolean } = {}): 'document' | 'skipped' | 'none' {
  const cfg = ws.configs.forDocument(uri);
  return applyRead(ws, uri, readDocumentFile(file, cfg.maxFileSize, opts.boundary), opts);
}

/**
 * The second half of loadFile: takes what reading the file gave into `ws`. `parsed`: the
 * document parsed from `r.text` elsewhere (null: no document), as Workspace.set takes it.
 */
export function applyRead(
  ws: Workspace,
  uri: string,
  r: ReadResult,
  opts: { report?: boolean } = {},
  parsed?: ParsedDocument | null,
): 'document' | 'skipped' | 'none' {
  const cfg = ws.configs.forDocument(uri);
  // Read from disk: nothing of the reading is kept for the next (Workspace.set `cache`).
  if (r.ok) return ws.set(uri, r.text, { parsed, cache: false }) ? 'document' : ws.skippedFiles().some((s) => s.uri === uri) ? 'skipped' : 'none';
  const was = ws.get(uri) !== undefined;
  const couldBe =
    !ws.excluded(uri, cfg) && (was || detect(uri, r.head, { included: ws.included(uri, cfg), kind: ws.planned(uri, cfg) ? 'plan' : undefined }) !== undefined);
  if (couldBe && opts.report !== false) {
    ws.skip(uri, skipMessage(r, cfg.maxFileSize));
    return 'skipped';
  }
  ws.remove(uri);
  return 'none';
}

/**
 * Reads a configuration file for a ConfigResolver host: its text, undefined when there is
 * none, or why it is not read (the same policy as documents, with MAX_CONFIG_BYTES).
 */
export function readConfigFile(file: string, boundary?: string): string | undefined | { error: Text } {
  try {
    fs.lstatSync(file);
  } catch {
    return undefined;
  }
  const r = readDocumentFile(file, MAX_CONFIG_BYTES, boundary);
  if (r.ok) return r.text;
  switch (r.why) {
    case 'too-large':
      return { error: t(`it is larger than ${fmtSize(MAX_CONFIG_BYTES)}`, `sie ist größer als ${fmtSize(MAX_CONFIG_BYTES)}`) };
    case 'binary':
    case 'encoding':
      return { error: t('it is not UTF-8 text', 'sie ist kein UTF-8-Text') };
    case 'special':
      return { error: t('it is not a regular file', 'sie ist keine gewöhnliche Datei') };
    case 'outside':
      return { error: t('it is a link to a file outside the workspace', 'sie verweist auf eine Datei außerhalb des Arbeitsbereichs') };
    default:
      return r.code === 'ENOENT'
        ? undefined
        : { error: t(`it cannot be read (${reason(r.code ?? 'EIO').en})`, `sie lässt sich nicht lesen (${reason(r.code ?? 'EIO').de})`) };
  }
}
