/** The CLI's view of a finding: 1-based positions, a file relative to the current folder. */
import * as path from 'node:path';
import type { Finding } from '../core/engine';
import type { Skipped } from '../core/workspace';
import type { Severity } from '../core/rules/api';
import type { Lang } from '../core/text';
import { toPath } from '../core/uri';

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
}

export function relativeFile(uri: string, cwd: string): string {
  const p = toPath(uri);
  if (!p) return uri;
  return path.relative(cwd, p).split(path.sep).join('/');
}

export function fromFinding(f: Finding, cwd: string, lang: Lang): CliDiagnostic {
  return {
    file: relativeFile(f.uri, cwd),
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    severity: f.severity,
    rule: f.rule,
    message: f.message[lang],
  };
}

export function fromSkipped(s: Skipped, cwd: string, lang: Lang): CliDiagnostic {
  return { file: relativeFile(s.uri, cwd), line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'warning', rule: FILE_RULE, message: s.message[lang] };
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
