/**
 * `stratdoc check --fix` and `--fix-dry-run` (docs/cli.md "Fixing"): the safe fixes of
 * the checked files, applied round by round by the core (core/fixall.ts). `--fix` writes
 * the changed files (and only those of the given paths) through the core's safe writer
 * (a temporary file and a rename); `--fix-dry-run` prints what it would change as a unified diff.
 */
import * as fs from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import { fixAll, type FixAllResult } from '../core/fixall';
import { decodeText } from '../core/parse';
import type { Lang } from '../core/text';
import { toPath } from '../core/uri';
import type { Workspace } from '../core/workspace';
import { relativeFile } from '../node/diagnostics';
import type { CliIo } from './io';
import { M, reason } from './messages';
import { safeWrite } from '../core/files';

export interface FixOutcome {
  result: FixAllResult;
  /** Files written (or, in a dry run, that would be). */
  files: string[];
  /** Whether a file could not be written (reported on stderr). */
  failed: boolean;
}

/** The bytes of a file as read for the check, when it still holds them: its BOM, if any. */
function currentBom(file: string, expected: string): { bom: boolean } | undefined {
  try {
    const bytes = fs.readFileSync(file);
    const decoded = decodeText(bytes);
    if ('error' in decoded || decoded.text !== expected) return undefined;
    return { bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
  } catch {
    return undefined;
  }
}

export function applyFixes(ws: Workspace, targetUris: Set<string>, today: string, dryRun: boolean, io: CliIo, lang: Lang): FixOutcome {
  const targets = new Set([...targetUris].filter((u) => ws.get(u) && toPath(u)));
  const before = new Map([...targets].map((u) => [u, ws.get(u)!.text]));
  const result = fixAll(ws, targets, { today });
  const files: string[] = [];
  let failed = false;
  const warn = M.warningLabel()[lang];
  for (const [uri, text] of [...result.changed].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const file = toPath(uri)!;
    const rel = relativeFile(uri, io.cwd);
    const old = before.get(uri)!;
    if (dryRun) {
      io.stdout(createTwoFilesPatch(`a/${rel}`, `b/${rel}`, old, text, undefined, undefined, { context: 3 }).replace(/^=+\n/, ''));
      files.push(rel);
      continue;
    }
    // Written only when the file still holds what was checked (an editor may have saved since).
    const now = currentBom(file, old);
    if (!now) {
      io.stderr(`stratdoc: ${warn}: ${M.fixChangedMeanwhile(rel)[lang]}\n`);
      failed = true;
      ws.set(uri, old); // what is reported afterwards is what the file holds
      continue;
    }
    // The core's safe writer (docs/security.md): a temporary file and a rename. The checked
    // file itself is what --fix was asked to write, so no input is excluded here.
    const w = safeWrite(file, (now.bom ? '\ufeff' : '') + text, []);
    if ('refused' in w) {
      io.stderr(`stratdoc: ${M.fixUnwritable(rel, reason(w.refused === 'error' ? w.code : 'EISDIR'))[lang]}\n`);
      failed = true;
      ws.set(uri, old);
    } else files.push(rel);
  }
  const count = result.applied.filter((a) => files.includes(relativeFile(a.uri, io.cwd))).length;
  io.stderr(`${(dryRun ? M.fixWouldApply(count, files.length) : M.fixApplied(count, files.length))[lang]}\n`);
  return { result, files, failed };
}
