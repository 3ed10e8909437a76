/** `--format json`: one JSON array, an object per diagnostic, with exactly the documented keys. */
import type { CliDiagnostic } from '../diagnostics';

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
  }));
  return JSON.stringify(list, null, 2) + '\n';
}
