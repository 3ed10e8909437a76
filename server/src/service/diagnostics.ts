import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Finding } from '../core/engine';
import type { Lang } from '../core/text';
import { docsUrl } from '../core/rules/api';
import { RULES_BY_ID } from '../core/rules';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding, lang: Lang): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.rule,
    source: 'stratdoc',
    message: f.message[lang],
  };
  if (RULES_BY_ID.has(f.rule)) d.codeDescription = { href: docsUrl(f.rule) };
  return d;
}
