/**
 * Runs the rules over a project and applies the configuration: severity per rule
 * (`off` drops it), options, and the inline disable comments of each document.
 * A rule that fails internally is reported as such; the other rules still run.
 */
import type { FixSpec } from './model';
import type { Range, Text } from './text';
import { t } from './text';
import type { Project } from './project';
import type { ResolvedConfig } from './config';
import type { OptionValue, ReportInput, Rule, Severity } from './rules/api';
import { ALL_RULES } from './rules';

export interface Finding {
  rule: string;
  uri: string;
  range: Range;
  message: Text;
  severity: Severity;
  fixes?: FixSpec[];
  data?: Record<string, unknown>;
}

export interface CheckOptions {
  /** ISO date the rules about past and future compare with. */
  today: string;
  configFor(uri: string): ResolvedConfig;
  rules?: Rule[];
}

export function todayIso(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function ruleOptions(rule: Rule, config: ResolvedConfig): Record<string, OptionValue> {
  return { ...(rule.meta.options ?? {}), ...(config.rules.get(rule.meta.id)?.options ?? {}) };
}

export function checkProject(project: Project, opts: CheckOptions): Finding[] {
  const home = project.documents[0];
  if (!home) return [];
  const homeConfig = opts.configFor(home.uri);
  const docs = new Map(project.documents.map((d) => [d.uri, d]));
  const out: Finding[] = [];
  for (const rule of opts.rules ?? ALL_RULES) {
    const id = rule.meta.id;
    // A rule switched off everywhere this project lives is not run at all.
    if (project.documents.every((d) => opts.configFor(d.uri).rules.get(id)?.severity === 'off')) continue;
    const found: ReportInput[] = [];
    try {
      rule.check({
        project,
        options: ruleOptions(rule, homeConfig),
        today: opts.today,
        report: (f) => found.push(f),
      });
    } catch (e) {
      found.length = 0;
      found.push({
        uri: home.uri,
        range: home.titleRange,
        severity: 'error',
        message: t(
          `The rule ${id} failed internally and was skipped (${String(e)}). The other rules ran. Please report this.`,
          `Die Regel ${id} ist intern gescheitert und wurde übersprungen (${String(e)}). Die anderen Regeln liefen. Bitte melden Sie das.`,
        ),
      });
    }
    for (const f of found) {
      const doc = docs.get(f.uri);
      if (!doc) continue;
      const setting = opts.configFor(f.uri).rules.get(id);
      if (setting?.severity === 'off') continue;
      const sup = doc.suppressions;
      if (sup.file.has(id) || sup.file.has('*')) continue;
      const line = sup.lines.get(f.range.start.line);
      if (line && (line.has(id) || line.has('*'))) continue;
      out.push({
        rule: id,
        uri: f.uri,
        range: f.range,
        message: f.message,
        severity: setting?.severity ?? f.severity ?? rule.meta.severity,
        fixes: f.fixes,
        data: f.data,
      });
    }
  }
  return out;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}
