/**
 * What a rule is: its metadata (docs/format.md / docs/rules/README.md contract) beside its check.
 * A rule looks at one project (a strategy and the plans that belong to it, or a plan
 * on its own) and reports findings into the documents where the user can act.
 */
import type { Range, Text } from '../text';
import type { FixSpec, ParsedDocument, ParseProblem, PlanEntry } from '../model';
import type { Project } from '../project';
import { VERSION } from '../version';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type OptionValue = number | string | boolean;

/** The repository; the home page of the tool (SARIF `informationUri`). */
export const REPO_URL = 'https://github.com/stratdoc/stratdoc';
/**
 * The rule pages of exactly this version: the tag `v<version>` (docs/decisions.md
 * "Packaging"), so a link from an older install never shows a rule that changed since.
 */
export const DOCS_BASE = `${REPO_URL}/blob/v${VERSION}/docs/rules/`;

export interface RuleMeta {
  id: string;
  severity: Severity;
  description: Text;
  /** Options with their defaults; the configuration may override them. */
  options?: Record<string, OptionValue>;
  /**
   * The range of each numeric option (inclusive). A configured value outside it is
   * rejected with a finding on the configuration file and the default applies; the
   * configuration schemas and the rule's docs page state the same range.
   */
  optionRanges?: Record<string, OptionRange>;
  /** Whether the rule offers a quick fix. */
  fixable?: boolean;
  /**
   * `entry`: what the rule says about a plan entry depends only on that entry, its plan's
   * own settings (period, language, strategy link), the strategy, the options and today,
   * and every finding in a plan lies inside an entry. The engine then re-runs it only for
   * entries that changed (the server keeps unchanged entries as the same objects); what
   * it finds in the strategy itself is found afresh each time.
   *
   * `aggregate`: the rule counts over all entries (shares, groups, gaps), and what it finds
   * depends on the entries only through their shape (core/plan/shape.ts: status, channel,
   * date, mode, goals, KPIs and where they are written), on the plans' own settings, the
   * strategy, the options and today. The engine keeps each entry's shape and runs the rule
   * again only when a shape changed; a keystroke in a title or an owner reuses its findings.
   * Such a rule counts from per-entry contributions (`tally`), so a run after an edit costs
   * the entries it touched.
   *
   * `strategy`: the rule reads the strategy alone, and every finding is in the strategy:
   * the engine runs it on the strategy alone, once per reading of the strategy, its options
   * and today (./strategy-scope.ts); a keystroke in a plan reuses what it found.
   */
  scope?: 'entry' | 'aggregate' | 'strategy';
  /**
   * What the rule finds in a document depends on that document alone (its text, its
   * configuration and today), never on another document of the workspace: the server
   * shows these findings before the workspace is indexed (docs/decisions.md "Request
   * flow"); the others wait for the index. test/core/local-rules.test.ts proves it on
   * every fixture and example.
   */
  local?: true;
}

export interface OptionRange {
  min: number;
  max: number;
  /** Whole numbers only. */
  integer?: boolean;
}

export interface ReportInput {
  uri: string;
  range: Range;
  message: Text;
  fixes?: FixSpec[];
  /** Overrides the rule's severity for this finding (rarely: push-ratio above strongMax stays a warning). */
  severity?: Severity;
  /** Data for the preview and the server (e.g. the entries a finding is about). */
  data?: Record<string, unknown>;
}

export interface RuleContext {
  project: Project;
  /** The rule's options: defaults merged with the configuration. */
  options: Record<string, OptionValue>;
  /** ISO date "today" for rules about past and future. */
  today: string;
  report(f: ReportInput): void;
  /** Every rule ID there is (for names in suppression comments); the engine fills it. */
  ruleIds?: ReadonlySet<string>;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
  /**
   * An aggregate rule that counts from per-entry contributions (docs/decisions.md "What a
   * keystroke costs"): the engine keeps each plan's running state between checks and, on
   * an edit, removes the contributions of the entries it replaced and adds those of the
   * entries it made, then asks for the report. `check` gives the same from scratch
   * (`checkTally`, core/plan/tally.ts), which the CLI and the tests use.
   */
  tally?: Tally<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * What an aggregate rule counts, split so that a keystroke costs the entries it touched:
 * `contribution` is a pure function of the entry, its plan's own settings and what the
 * strategy defines (the engine computes it again when one of those changes); `add` and
 * `remove` keep a plan's running state; `report` speaks from the states of all plans.
 */
export interface Tally<C, S> {
  /** What an entry contributes; undefined: nothing (a cancelled entry, for most rules). */
  contribution(project: Project, doc: ParsedDocument, entry: PlanEntry): C | undefined;
  /** The state of a plan without entries. */
  start(): S;
  add(state: S, c: C, entry: PlanEntry): void;
  remove(state: S, c: C, entry: PlanEntry): void;
  /** Reports from each plan's state (in the project's order of plans). */
  report(ctx: RuleContext, plans: { doc: ParsedDocument; state: S }[]): void;
}

export function docsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

/** Helper for rules that look at every plan entry. */
export function* entriesOf(project: Project): Generator<{ doc: ParsedDocument; entry: PlanEntry }> {
  for (const doc of project.plans) for (const entry of doc.plan?.entries ?? []) yield { doc, entry };
}

/**
 * The report of a problem the reader found (the syntax and schema rules): the same problem
 * object in the same document gives the same report object, kept in the Workspace's
 * derived store under the problem, so the engine takes what it made of it at the last
 * check instead of comparing what it says. A keystroke keeps the problems of the pieces it
 * did not touch, and a plan full of syntax errors costs what the edit changed
 * (docs/decisions.md "What a keystroke costs").
 */
export function problemReport(project: Project, uri: string, p: ParseProblem): ReportInput {
  const make = (): ReportInput => ({ uri, range: p.range, message: p.message, fixes: p.fixes, data: p.internal ? { internal: p.internal } : undefined });
  const known = project.derived.of(p, 'problem report', () => ({ uri, report: make() }));
  // A problem of a chunk two documents share is reported in each with its own URI.
  return known.uri === uri ? known.report : make();
}

export function numberOption(ctx: RuleContext, key: string): number {
  const v = ctx.options[key];
  return typeof v === 'number' ? v : Number(v);
}
