/** The CLI's view of a finding: 1-based positions, a file relative to the current folder. */
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import type { Finding } from '../core/engine';
import type { Skipped } from '../core/workspace';
import type { Severity } from '../core/rules/api';
import type { Lang } from '../core/text';
import { toPath } from '../core/uri';
import { messageKey } from '../core/fingerprint';

/** The pseudo-rule of files that could not be checked (not UTF-8, too large, unreadable). */
export const FILE_RULE = 'file';

export interface CliDiagnostic {
  /** Relative to the current folder, with `/` separators. */
  file: string;
  /** 1-based; the end is exclusive (the column after the last character). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
  /**
   * The finding's identity across versions (docs/cli.md "Fingerprints"): a hash of rule,
   * file, item and message kind, then `:n` for its n-th occurrence in the file.
   */
  fingerprint: string;
  /** Against a baseline (`--baseline`, `--changed-since`): whether it is new. */
  status?: 'new' | 'unchanged';
}

/** The hash part of a fingerprint (without the occurrence). */
export function fingerprintHash(rule: string, file: string, item: string, messageKey: string): string {
  return crypto.createHash('sha256').update(`${rule}\0${file}\0${item}\0${messageKey}`).digest('hex').slice(0, 32);
}

/**
 * Appends `:n` to each hash, n counting equal hashes in the order of the (sorted) list, so
 * two equal findings in one file stay two.
 */
export function numberFingerprints(sorted: CliDiagnostic[]): void {
  const seen = new Map<string, number>();
  for (const d of sorted) {
    const n = (seen.get(d.fingerprint) ?? 0) + 1;
    seen.set(d.fingerprint, n);
    d.fingerprint = `${d.fingerprint}:${n}`;
  }
}

export function relativeFile(uri: string, cwd: string): string {
  const p = toPath(uri);
  if (!p) return uri;
  return path.relative(cwd, p).split(path.sep).join('/');
}

/**
 * `item` is the key of the item the finding is about (core/fingerprint.ts); `root` the
 * folder the fingerprint's file name is relative to (the project root, so it does not
 * depend on where stratdoc runs).
 */
export function fromFinding(f: Finding, cwd: string, lang: Lang, item: string, root = cwd): CliDiagnostic {
  const file = relativeFile(f.uri, cwd);
  return {
    file,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    severity: f.severity,
    rule: f.rule,
    message: f.message[lang],
    fingerprint: fingerprintHash(f.rule, root === cwd ? file : relativeFile(f.uri, root), item, messageKey(f.message)),
  };
}

export function fromSkipped(s: Skipped, cwd: string, lang: Lang, root = cwd): CliDiagnostic {
  const file = relativeFile(s.uri, cwd);
  return {
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    severity: 'warning',
    rule: FILE_RULE,
    message: s.message[lang],
    fingerprint: fingerprintHash(FILE_RULE, relativeFile(s.uri, root), '', messageKey(s.message)),
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By file, line, column, rule (code-unit order, so the output is the same everywhere). */
export function compareDiagnostics(a: CliDiagnostic, b: CliDiagnostic): number {
  return cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.rule, b.rule) || cmp(a.message, b.message);
}

export interface Counts {
  error: number;
  warning: number;
  information: number;
  hint: number;
}

export function countSeverities(list: CliDiagnostic[]): Counts {
  const c: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of list) c[d.severity]++;
  return c;
}
