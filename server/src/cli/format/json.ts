/**
 * `--format json`: one JSON array, an object per diagnostic, with exactly the documented
 * keys; `status` only against a baseline (then unchanged findings are listed too, so the
 * output serves as the next baseline).
 */
import type { CliDiagnostic } from '../../node/diagnostics';

export function* formatJson(diagnostics: CliDiagnostic[]): Generator<string> {
  if (!diagnostics.length) {
    yield '[]\n';
    return;
  }
  // `JSON.stringify(list, null, 2)` element by element: the same text, written as it is
  // made rather than held whole (docs/decisions.md "Memory").
  for (let i = 0; i < diagnostics.length; i++) {
    const d = diagnostics[i];
    const o = {
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
    };
    // A string value never holds a raw line break (JSON escapes it): every break is the layout's.
    yield (i ? ',\n  ' : '[\n  ') + JSON.stringify(o, null, 2).replace(/\n/g, '\n  ');
  }
  yield '\n]\n';
}
