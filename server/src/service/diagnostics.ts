import { DiagnosticSeverity, type CodeDescription, type Diagnostic } from 'vscode-languageserver-types';
import type { Finding } from '../core/engine';
import { t, type Lang, type Text } from '../core/text';
import { docsUrl } from '../core/rules/api';
import { RULES_BY_ID } from '../core/rules';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Each rule's link to its documentation: one object per rule, shared by its diagnostics, made at load (no state). */
const DESCRIPTIONS: ReadonlyMap<string, CodeDescription> = new Map([...RULES_BY_ID.keys()].map((id) => [id, { href: docsUrl(id) }]));

export function toDiagnostic(f: Finding, lang: Lang): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.rule,
    source: 'stratdoc',
    message: f.message[lang],
  };
  const description = DESCRIPTIONS.get(f.rule);
  if (description) d.codeDescription = description;
  return d;
}

/**
 * The diagnostics of findings, made when they are sent and not kept (docs/decisions.md
 * "Memory"): the findings are the one copy the server holds; a diagnostic is a few
 * references into its finding, cheaper to make again than to keep for every finding of
 * the workspace.
 */
export function toDiagnostics(findings: Finding[], lang: Lang): Diagnostic[] {
  return findings.map((f) => toDiagnostic(f, lang));
}

const RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** What the server says about diagnostics it does not show (both languages). */
export const DIAGNOSTICS_MESSAGES = {
  capped: (shown: number, total: number): Text =>
    t(
      `stratdoc shows ${shown} of the ${total} findings in this document, the most severe first; ${total - shown} more are not shown. Fix these first, run 'stratdoc check' to see all, or raise the setting stratdoc.maxDiagnostics.`,
      `stratdoc zeigt ${shown} der ${total} Befunde in diesem Dokument, die schwersten zuerst; ${total - shown} weitere werden nicht gezeigt. Beheben Sie diese zuerst, rufen Sie 'stratdoc check' für alle auf, oder erhöhen Sie die Einstellung stratdoc.maxDiagnostics.`,
    ),
};

/** The rule ID of the summary finding (no rule of the catalogue; docs/decisions.md "Request flow"). */
export const CAPPED_RULE = 'max-diagnostics';

/**
 * At most `max` findings of a document, the most severe first (errors, warnings,
 * information, hints; by position within each), in their order, and one summary finding
 * at the top of the document naming how many more there are. An editor stays responsive
 * with hundreds of squiggles, not with thousands; the CLI shows all.
 */
export function capFindings(findings: Finding[], max: number): Finding[] {
  if (findings.length <= max) return findings;
  // Linear, not a sort: all of the more severe ranks, then the first of the rank where `max` runs out.
  const counts = [0, 0, 0, 0];
  for (const f of findings) counts[RANK[f.severity]]++;
  let cut = counts.length;
  let atCut = 0;
  let left = max;
  for (let r = 0; r < counts.length; r++) {
    if (counts[r] <= left) left -= counts[r];
    else {
      cut = r;
      atCut = left;
      break;
    }
  }
  const out: Finding[] = [];
  for (const f of findings) {
    const r = RANK[f.severity];
    if (r < cut || (r === cut && atCut-- > 0)) out.push(f);
  }
  const at = { line: 0, character: 0 };
  out.unshift({
    rule: CAPPED_RULE,
    uri: findings[0].uri,
    range: { start: at, end: at },
    message: DIAGNOSTICS_MESSAGES.capped(max, findings.length),
    severity: 'information',
  });
  return out;
}
