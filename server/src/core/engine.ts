/**
 * Runs the rules over a project and applies the configuration: severity per rule
 * (`off` drops it), options, and the inline disable comments of each document.
 * A rule that fails internally is reported as such; the other rules still run.
 */
import type { FixSpec, ParsedDocument, PlanEntry } from './model';
import type { Position, Range, Text } from './text';
import { comparePos, t } from './text';
import { Project } from './project';
import type { ResolvedConfig } from './config';
import type { OptionValue, ReportInput, Rule, Severity } from './rules/api';
import { ALL_RULES } from './rules';
import { detach } from './parse/cache';
import { isSuppressed } from './parse/common';
import { csvSafeFixes } from './parse/csv';

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
  /** Findings of entry-scoped rules per unchanged entry, kept between checks (the server's). */
  memo?: EntryMemo;
}

interface MemoState {
  key: string;
  strategy: ParsedDocument | undefined;
  byEntry: WeakMap<PlanEntry, ReportInput[]>;
}

/** What entry-scoped rules found per entry, by rule and plan (see RuleMeta.scope). */
export class EntryMemo {
  readonly states = new Map<string, MemoState>();
  /** Entries checked again in the last run, for tests and the benchmark. */
  rechecked = 0;
}

/**
 * Runs an entry-scoped rule only on the entries it has not seen (or all, when the plan's
 * settings, the strategy, the options or today changed), and reuses the rest.
 */
function runEntryScoped(rule: Rule, project: Project, options: Record<string, OptionValue>, today: string, memo: EntryMemo): ReportInput[] {
  const out: ReportInput[] = [];
  const optionsKey = JSON.stringify(options);
  const views: ParsedDocument[] = [];
  const states: [ParsedDocument, MemoState, PlanEntry[]][] = [];
  let anyDirty = false;
  for (const doc of project.plans) {
    const id = `${rule.meta.id}\n${doc.uri}`;
    const link = project.links.get(doc.uri);
    const key = `${today}\n${optionsKey}\n${doc.period?.raw}\n${doc.language}\n${doc.plan?.strategyPath?.value}\n${link?.via}`;
    let st = memo.states.get(id);
    if (!st || st.key !== key || st.strategy !== project.strategy) {
      st = { key, strategy: project.strategy, byEntry: new WeakMap() };
      memo.states.set(id, st);
    }
    // One pass: the findings of entries seen before go straight to the output (the caller
    // sorts), the others are checked below.
    const dirty: PlanEntry[] = [];
    for (const e of doc.plan?.entries ?? []) {
      const known = st.byEntry.get(e);
      if (known === undefined) dirty.push(e);
      else for (let k = 0; k < known.length; k++) out.push(known[k]);
    }
    memo.rechecked += dirty.length;
    if (dirty.length) anyDirty = true;
    states.push([doc, st, dirty]);
    views.push({ ...doc, plan: { ...doc.plan!, entries: dirty }, whole: doc.whole ?? doc });
  }
  const found: ReportInput[] = [];
  if (anyDirty || project.strategy) {
    // Memoized findings outlive the text they were made from: their strings are copies,
    // not slices that would keep every old version of the document alive (docs/decisions.md "Memory").
    // One string table for the run: the URI every finding repeats is kept once.
    const strings = new Map<string, string>();
    rule.check({ project: new Project(project.strategy, views, project.links, project.derived), options, today, report: (f) => found.push(detach(f, strings)) });
  }
  if (!found.length) {
    for (const [, st, dirty] of states) for (const e of dirty) st.byEntry.set(e, NONE);
    return out;
  }
  // Findings in the strategy are not about entries: the rule saw the whole strategy.
  const planUris = new Set(project.plans.map((d) => d.uri));
  for (const f of found) if (!planUris.has(f.uri)) out.push(f);
  for (const [doc, st, dirty] of states) {
    const mine = found.filter((f) => f.uri === doc.uri);
    const per = new Map<PlanEntry, ReportInput[]>();
    let attributed = true;
    for (const f of mine) {
      const e = entryAt(dirty, f.range.start);
      if (!e) {
        attributed = false;
        break;
      }
      const l = per.get(e);
      if (l) l.push(f);
      else per.set(e, [f]);
    }
    for (const f of mine) out.push(f);
    if (!attributed) {
      // A finding outside every entry: the rule is not what its scope says; do not memoize.
      memo.states.delete(`${rule.meta.id}\n${doc.uri}`);
      continue;
    }
    for (const e of dirty) st.byEntry.set(e, per.get(e) ?? NONE);
  }
  return out;
}

const NONE: ReportInput[] = [];
const RULE_IDS: ReadonlySet<string> = new Set(ALL_RULES.map((r) => r.meta.id));

/** The entry (of entries in document order) whose range holds a position. */
function entryAt(entries: PlanEntry[], p: Position): PlanEntry | undefined {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = entries[mid].range;
    if (comparePos(p, r.start) < 0) hi = mid - 1;
    else if (comparePos(p, r.end) > 0) lo = mid + 1;
    else return entries[mid];
  }
  return undefined;
}

export { todayIso } from './dates';

export function ruleOptions(rule: Rule, config: ResolvedConfig): Record<string, OptionValue> {
  return { ...(rule.meta.options ?? {}), ...(config.rules.get(rule.meta.id)?.options ?? {}) };
}

export function checkProject(project: Project, opts: CheckOptions): Finding[] {
  const steps = checkProjectSteps(project, opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * `checkProject` one rule at a time: it yields after each rule, so the server can answer
 * requests between rule runs and drop a check a newer edit made stale (docs/decisions.md
 * "Request flow"). Run to its end, it returns what `checkProject` returns.
 */
export function* checkProjectSteps(project: Project, opts: CheckOptions): Generator<void, Finding[], void> {
  const home = project.documents[0];
  if (!home) return [];
  const homeConfig = opts.configFor(home.uri);
  const docs = new Map(project.documents.map((d) => [d.uri, d]));
  const configs = new Map<string, ResolvedConfig>();
  const configFor = (uri: string): ResolvedConfig => {
    let c = configs.get(uri);
    if (!c) configs.set(uri, (c = opts.configFor(uri)));
    return c;
  };
  const out: Finding[] = [];
  // The entries of a cross-post share their row (docs/format.md "Cross-posts"): what a rule
  // finds about the row itself is given once.
  const crossPost = project.plans.some((d) => d.plan?.entries.some((e) => e.crossPost));
  for (const rule of opts.rules ?? ALL_RULES) {
    const id = rule.meta.id;
    // A rule switched off everywhere this project lives is not run at all.
    if (project.documents.every((d) => configFor(d.uri).rules.get(id)?.severity === 'off')) continue;
    let found: ReportInput[] = [];
    try {
      const options = ruleOptions(rule, homeConfig);
      if (rule.meta.scope === 'entry' && opts.memo) found = runEntryScoped(rule, project, options, opts.today, opts.memo);
      else rule.check({ project, options, today: opts.today, report: (f) => found.push(f), ruleIds: RULE_IDS });
    } catch (e) {
      found.length = 0;
      found.push({
        uri: home.uri,
        range: home.titleRange,
        severity: 'error',
        message: t(
          `The rule ${id} failed internally and was skipped. The other rules ran. Please report this.`,
          `Die Regel ${id} ist intern gescheitert und wurde übersprungen. Die anderen Regeln liefen. Bitte melden Sie das.`,
        ),
        // The exception's text is for the log, not the message (docs/decisions.md "Protocol").
        data: { internal: e instanceof Error ? (e.stack ?? String(e)) : String(e) },
      });
    }
    const seen = crossPost ? new Set<string>() : undefined;
    for (const f of found) {
      const doc = docs.get(f.uri);
      if (!doc) continue;
      if (seen) {
        const k = `${f.uri}|${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}|${f.message.en}`;
        if (seen.has(k)) continue;
        seen.add(k);
      }
      const setting = configFor(f.uri).rules.get(id);
      if (setting?.severity === 'off') continue;
      if (isSuppressed(doc.suppressions, id, f.range.start.line)) continue;
      out.push({
        rule: id,
        uri: f.uri,
        range: f.range,
        message: f.message,
        severity: setting?.severity ?? f.severity ?? rule.meta.severity,
        fixes: csvSafeFixes(f.fixes, docs),
        data: f.data,
      });
    }
    yield;
  }
  return out;
}

const LOCAL_RULES = ALL_RULES.filter((r) => r.meta.local);

/**
 * What the local rules (RuleMeta.local) find in a document, checked alone: exactly what
 * they find there in any workspace (test/core/local-rules.test.ts). The server shows this
 * while the workspace is still being read (docs/decisions.md "Request flow").
 */
export function checkLocal(doc: ParsedDocument, opts: Omit<CheckOptions, 'rules' | 'memo'>): Finding[] {
  const alone = new Project(doc.kind === 'strategy' ? doc : undefined, doc.kind === 'plan' ? [doc] : [], new Map());
  return checkProject(alone, { ...opts, rules: LOCAL_RULES }).sort(compareFindings);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}
