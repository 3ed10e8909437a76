/**
 * `--format json`: one JSON array, an object per diagnostic, with exactly the documented
 * keys; `status` only against a baseline (then unchanged findings are listed too, so the
 * output serves as the next baseline).
 */
import type { CliDiagnostic } from '../../node/diagnostics';

export function formatJson(diagnostics: CliDiagnostic[]): string {
  const list = diagnostics.map((d) => ({
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    severity: d.severity,
    rule: d.rule,
    message: d.message,
    fingerprint: d.fingerprint,
    ...(d.status ? { status: d.status } : {}),
  }));
  return JSON.stringify(list, null, 2) + '\n';
}
