/**
 * `--format github`: GitHub Actions workflow commands, one per line, which the runner turns
 * into annotations. Escaping as GitHub's toolkit does: `%`, CR and LF in the message;
 * additionally `:` and `,` in properties.
 */
import type { CliDiagnostic } from '../../node/diagnostics';

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function* formatGithub(diagnostics: CliDiagnostic[]): Generator<string> {
  for (const d of diagnostics) {
    const command = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
    const props = [
      `file=${escapeProperty(d.file)}`,
      `line=${d.line}`,
      `col=${d.column}`,
      `endLine=${d.endLine}`,
      `endColumn=${d.endColumn}`,
      `title=${escapeProperty(`stratdoc(${d.rule})`)}`,
    ].join(',');
    yield `::${command} ${props}::${escapeData(d.message)}\n`;
  }
}
