/**
 * Runs a rule that reads the strategy alone (RuleMeta.scope `strategy`) once per reading
 * of the strategy (docs/decisions.md "What a keystroke costs"): a keystroke in a plan
 * leaves the strategy's reading the same object, so such a rule gives the same reports,
 * the same objects, and the engine takes what it made of them at the last check.
 *
 * The rule is run on a project of the strategy alone (no plans, no links), so what it
 * found cannot depend on anything but the strategy's reading, its options and today: the
 * reports are kept in the Workspace's derived store under that reading (core/derived.ts),
 * with the options, today and the rules that were on when they were made.
 */
import { Project } from '../project';
import type { OptionValue, ReportInput, Rule } from './api';

interface Kept {
  key: string;
  found: ReportInput[];
}

export function runStrategyScoped(
  rule: Rule,
  project: Project,
  options: Record<string, OptionValue>,
  today: string,
  ruleIds: ReadonlySet<string>,
): ReportInput[] {
  const doc = project.strategy;
  const alone = () => new Project(doc, [], new Map(), project.derived, project);
  const run = (p: Project): ReportInput[] => {
    const found: ReportInput[] = [];
    rule.check({ project: p, options, today, report: (f) => found.push(f), ruleIds });
    return found;
  };
  if (!doc) return run(alone());
  // What else a check may read: today, the rule's options and which rules are on (RuleContext.ruleIds).
  const key = `${today}\n${JSON.stringify(options)}\n${[...ruleIds].join(' ')}`;
  const kept = project.derived.of<{ last?: Kept }>(doc, `strategy-scoped ${rule.meta.id}`, () => ({}));
  if (kept.last?.key !== key) kept.last = { key, found: run(alone()) };
  return kept.last.found;
}
