/**
 * Runs the rules over a project and applies the configuration: severity per rule
 * (`off` drops it), options, and the inline disable comments of each document.
 * A rule that fails internally is reported as such; the other rules still run.
 */
import { docWith, type FixSpec, type ParsedDocument, type PlanEntry } from './model';
import { movedReports } from './moved';
import type { Position, Range, Text } from './text';
import { comparePos, detachString, lowerBound, t } from './text';
import { compareFindings } from './finding-order';
import { diffEntries, sameList, sharedEnds, type Hunk } from './entry-hunks';
/** The runs between two lists of entries (core/entry-hunks.ts), for the engine's callers. */
export { diffEntries, type Hunk } from './entry-hunks';
/** The order of findings (core/finding-order.ts), for the engine's callers. */
export { compareFindings, sortAgainst } from './finding-order';
import { Project } from './project';
import type { ResolvedConfig } from './config';
import type { OptionValue, ReportInput, Rule, Severity, Tally } from './rules/api';
import { ALL_RULES } from './rules';
import { runStrategyScoped } from './rules/strategy-scope';
import { detach } from './parse/cache';
import { isSuppressed } from './parse/common';
import { csvSafeFixes } from './parse/csv';
import { channelWritten, entryShape, planShape } from './plan/shape';
import { countAfresh } from './plan/tally';
import { Sayings, sameSaying, sayingHash } from './sayings';

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
  /** The entries last checked. */
  entries: PlanEntry[];
  /**
   * What was found in them, for the entries with findings only: `at` the indexes (into
   * `entries`, ascending), `found` their findings. Most entries have none, and a list
   * aligned with the entries cost 8 bytes per entry for each entry-scoped rule
   * (docs/decisions.md "Memory").
   */
  at: number[];
  found: ReportInput[][];
}

/** What entry-scoped rules found per entry, by rule and plan (see RuleMeta.scope). */
export class EntryMemo {
  /**
   * `keeps(uri)`: whether a plan's running tallies are kept between checks. The Workspace
   * keeps them for the documents it keeps a reading cache for (those being edited), as
   * it keeps parsed chunks (docs/decisions.md "State and its invalidation"): a plan read
   * from disk is counted afresh when its project is checked again, which happens only
   * when one of its documents changed.
   */
  constructor(readonly keeps: (uri: string) => boolean = () => true) {}
  readonly states = new Map<string, MemoState>();
  /**
   * The runs an edit changed between two readings' entries (see changedHunks), under the
   * older list, for the check of one project: emptied when the next begins. Kept longer,
   * each older list would keep the next alive through it, and a running tally that was not
   * updated for many keystrokes (the aggregate rules reused) every reading since.
   */
  readonly stretches = new Map<readonly PlanEntry[], { to: readonly PlanEntry[]; hunks: readonly Hunk[]; index?: Map<PlanEntry, number> }>();
  /** Entries checked again in the last run, for tests and the benchmark. */
  rechecked = 0;
  /**
   * The finding each memoized report became (docs/decisions.md "What a keystroke costs"):
   * a report kept for an unchanged entry gives the same Finding object again, so the
   * findings of unchanged entries are not converted, sorted or fingerprinted again.
   */
  readonly converted = new WeakMap<ReportInput, { finding: Finding; severity: Severity }>();
  /**
   * Per rule and project (its first document), the findings of the last run by what they
   * say: a rule that reports afresh each run (an aggregate over all entries) and says the
   * same again gives the same Finding objects again.
   */
  readonly said = new Map<string, Sayings>();
  /** Findings made anew (not taken from the last run) in the last check, for tests and the benchmark. */
  converted_ = 0;
  /** Per plan (URI): the shape of each entry, aligned with the entries last seen (core/plan/shape.ts). */
  readonly shapes = new Map<string, ShapeState>();
  /** The reports of aggregate rules whose strings are copies already (detach), while the rule keeps them. */
  readonly detached = new WeakSet<ReportInput>();
  /** Per aggregate rule and project: what its last run saw and found. */
  readonly aggregates = new Map<string, AggregateState>();
  /** Aggregate rule runs answered from their last run, for tests and the benchmark. */
  reused = 0;
  /** Per tallying rule and plan (RuleMeta `tally`): its running state and the entries it counted. */
  readonly tallies = new Map<string, TallyState>();
  /** Contributions computed in the last check (entries made anew, or all of a plan counted afresh). */
  contributed = 0;
  /** Contributions taken out in the last check (those of the runs an edit changed), for tests. */
  retallied = 0;
  /** Contributions taken out of or put into a kept running state in the last check, for tests. */
  counted = 0;
  /**
   * What the engine made of each report last time (docs/decisions.md "What a keystroke
   * costs"): the finding (or none: switched off, suppressed), under the stamp of its
   * document's configuration and suppression comments then. A report kept for an unchanged
   * entry whose document has the same stamp is not filtered again.
   */
  readonly filtered = new WeakMap<ReportInput, Filtered>();
  /** Per document (URI): its configuration and suppressions at the last check, and their stamp. */
  readonly stamps = new Map<string, { config: ResolvedConfig; suppressions: string; stamp: object }>();
  /** Reports filtered again (not answered from `filtered`) in the last check, for tests and the benchmark. */
  refiltered = 0;
  /** Reports the engine looked at (not taken with the rule's last output, RuleOut), for tests and the benchmark. */
  passed = 0;

  /**
   * Per rule and project (its first document): the reports of the rule's last run and the
   * findings they became (docs/decisions.md "What a keystroke costs"), so that a run whose
   * reports are mostly the same objects filters only the ones that changed.
   */
  readonly outs = new Map<string, RuleOut>();
  /** Per project (its first document): its last check that ran to its end. */
  readonly runs = new Map<string, ProjectRun>();
  /** The last check that ran to its end, and what it changed against the one before (see Delta). */
  delta: Delta | undefined;

  /** Per plan (URI) being edited: its entries last seen and how many of them are cross-posts (hasCrossPosts). */
  readonly crossPosts = new Map<string, { entries: readonly PlanEntry[]; count: number }>();
  /** Per entry-scoped rule and project (its first document): the last run's reports outside the plans (runEntryScoped). */
  readonly elsewhere = new Map<string, ReportInput[]>();

  /** Drops what is kept for documents no longer in the workspace (keys end in a URI). */
  prune(live: (uri: string) => boolean): void {
    for (const m of [
      this.states,
      this.said,
      this.aggregates,
      this.shapes,
      this.tallies,
      this.stamps,
      this.outs,
      this.runs,
      this.elsewhere,
      this.crossPosts,
    ] as Map<string, unknown>[])
      for (const k of [...m.keys()]) if (!live(k.slice(k.indexOf('\n') + 1))) m.delete(k);
  }
}

interface Filtered {
  /** The stamp of the document's configuration and suppressions the report was filtered under. */
  stamp: object;
  /** The finding it became; undefined: switched off or suppressed. */
  finding: Finding | undefined;
  /**
   * The key that gives a cross-post's row once (see checkProjectSteps); '' for the other
   * rules' reports (made for all, the keys held 3.5 MB of the 300-document server).
   */
  once: string;
  /** The hash of what the finding says (sayingHash), for a report that is not an entry-scoped rule's. */
  saying: number | undefined;
}

/** The suppression comments of a document as one string: the same string, the same suppressions. */
function suppressionsKey(sup: ParsedDocument['suppressions']): string {
  if (!sup.file.size && !sup.lines.size && !sup.ranges.length) return '';
  let k = [...sup.file].join(',');
  for (const [line, rules] of sup.lines) k += `\n${line}:${[...rules].join(',')}`;
  for (const r of sup.ranges) k += `\n${r.line}${r.all ? '*' : ''}:${[...(r.all ? r.except : r.rules)].join(',')}`;
  return k;
}

interface ShapeState {
  entries: PlanEntry[];
  /**
   * How each entry's channel is written (channelWritten), aligned with the entries, one
   * string per spelling (`spellings`): with the entry itself, which the last reading
   * keeps, that is its shape. Each entry's shape string was 0.66 MB of a 5,000-entry plan.
   */
  written: string[];
  spellings: Map<string, string>;
  plan: string;
  /** Counts changes of the shape: the same version means the same shape. */
  version: number;
}

interface TallyState {
  /** The plan's shape and the strategy the contributions were computed under. */
  key: string;
  strategy: ParsedDocument | undefined;
  entries: PlanEntry[];
  state: unknown;
}

interface AggregateState {
  key: string;
  strategy: ParsedDocument | undefined;
  versions: number[];
  found: ReportInput[];
  /** Per finding in a plan, the entry it lies in: kept only while that entry is. */
  within: (PlanEntry | undefined)[];
}

/**
 * The runs an edit changed between two readings of a plan (see Hunk): the entries shared at
 * the start and at the end are skipped by comparing objects; between them, each kept entry
 * (found by identity) closes a run. The result is made once per pair of lists: the shapes,
 * the tallies and every entry-scoped rule compare the same two lists on a keystroke.
 */
export function changedHunks(memo: EntryMemo, old: readonly PlanEntry[], entries: readonly PlanEntry[]): readonly Hunk[] {
  const known = memo.stretches.get(old);
  if (known && known.to === entries) return known.hunks;
  const hunks = diffEntries(old, entries);
  memo.stretches.set(old, { to: entries, hunks });
  return hunks;
}

/**
 * Where each entry of the old list's runs (changedHunks) stood in it: made once per pair of
 * lists, for every entry-scoped rule to find what it found in an entry a run kept or copied.
 */
function oldIndexes(memo: EntryMemo, old: readonly PlanEntry[], entries: readonly PlanEntry[], hunks: readonly Hunk[]): Map<PlanEntry, number> {
  const known = memo.stretches.get(old);
  if (known?.to === entries && known.index) return known.index;
  const index = new Map<PlanEntry, number>();
  for (const k of hunks) for (let i = k.old; i < k.oldEnd; i++) index.set(old[i], i);
  if (known?.to === entries) known.index = index;
  return index;
}

/**
 * The version of a plan's shape: the same as last time when the entries an edit made anew
 * contribute what the ones they replace did (and the plan's own settings are the same).
 * Entries kept from the last reading are the same objects, so only the runs an edit
 * changed (changedHunks) are looked at.
 */
function shapeVersion(memo: EntryMemo, doc: ParsedDocument, link: string | undefined): number {
  const entries = doc.plan?.entries ?? NO_ENTRIES;
  const plan = planShape(doc, link);
  const st = memo.shapes.get(doc.uri);
  const spelling = (spellings: Map<string, string>, e: PlanEntry): string => {
    const w = channelWritten(doc, e);
    let kept = spellings.get(w);
    if (kept === undefined) {
      if (spellings.size >= 2048) spellings.clear();
      // A copy: a slice would keep this reading's text alive (docs/decisions.md "Memory").
      spellings.set(w, (kept = detachString(w)));
    }
    return kept;
  };
  if (!st) {
    const spellings = new Map<string, string>();
    const fresh: ShapeState = { entries, written: entries.map((e) => spelling(spellings, e)), spellings, plan, version: 0 };
    memo.shapes.set(doc.uri, fresh);
    return fresh.version;
  }
  if (st.entries === entries && st.plan === plan) return st.version;
  const old = st.entries;
  const hunks = changedHunks(memo, old, entries);
  const copies = doc.plan?.moved;
  let same = st.plan === plan && old.length === entries.length;
  // From the last run to the first, so the old positions of the runs before stay true.
  for (let h = hunks.length - 1; h >= 0; h--) {
    const k = hunks[h];
    const made: string[] = [];
    // A copy of the entry it replaces with its lines moved (PlanModel.moved) is written as it was, of the same shape.
    const copy = (i: number) => k.old + i < k.oldEnd && !!copies && copies.of.get(entries[k.at + i]) === old[k.old + i];
    for (let i = k.at; i < k.end; i++) made.push(copy(i - k.at) ? st.written[k.old + i - k.at] : spelling(st.spellings, entries[i]));
    if (same && made.length !== k.oldEnd - k.old) same = false;
    for (let i = 0; same && i < made.length; i++)
      same = copy(i) || entryShape(entries[k.at + i], made[i]) === entryShape(old[k.old + i], st.written[k.old + i]);
    st.written = replaceStretch(st.written, k.old, k.oldEnd - k.old, made);
  }
  st.entries = entries;
  st.plan = plan;
  if (!same) st.version++;
  return st.version;
}

const NO_ENTRIES: PlanEntry[] = [];

/**
 * `list` (kept aligned with a plan's entries) with `count` items at `at` replaced by
 * `items`: in place, so a keystroke that remade one entry writes one slot instead of
 * copying the 5,000 of the plan; a large stretch (a paste, a whole new reading) is copied,
 * since a splice spreads its items as arguments.
 */
function replaceStretch<T>(list: T[], at: number, count: number, items: readonly T[]): T[] {
  if (items.length <= 1024) {
    list.splice(at, count, ...items);
    return list;
  }
  return list.slice(0, at).concat(items, list.slice(at + count));
}

/**
 * Runs an aggregate rule (RuleMeta.scope `aggregate`), or gives the findings of its last run
 * when nothing it reads changed: the same strategy, options, today and plans, and each
 * plan's shape the same version.
 */
function runAggregate(rule: Rule, project: Project, options: Record<string, OptionValue>, today: string, memo: EntryMemo, home: string): ReportInput[] {
  const id = `${rule.meta.id}\n${home}`;
  const key = `${today}\n${JSON.stringify(options)}\n${project.plans.map((d) => d.uri).join('\n')}`;
  const versions = project.plans.map((d) => {
    const link = project.links.get(d.uri);
    return shapeVersion(memo, d, link ? JSON.stringify(link) : undefined);
  });
  const st = memo.aggregates.get(id);
  const byUri = new Map(project.plans.map((d) => [d.uri, d.plan?.entries ?? NO_ENTRIES]));
  if (
    st &&
    st.key === key &&
    st.strategy === project.strategy &&
    st.versions.every((v, i) => v === versions[i]) &&
    // A finding in an entry made anew (the same shape, but perhaps moved) is found again.
    st.within.every((e) => !e || byUri.get(e.uri)?.[e.index] === e)
  ) {
    memo.reused++;
    return st.found;
  }
  const found: ReportInput[] = [];
  // Kept findings outlive the text they were made from: their strings are copies (docs/decisions.md "Memory").
  // A report the rule keeps and gives again (the same object) is not copied again; the
  // engine then takes it as it filtered it last time.
  const report = (f: ReportInput) => {
    if (!memo.detached.has(f)) memo.detached.add(detach(f));
    found.push(f);
  };
  if (rule.tally) runTally(rule.meta.id, rule.tally, project, options, today, memo, report);
  else rule.check({ project, options, today, report });
  const within = found.map((f) => {
    const entries = byUri.get(f.uri);
    return entries && entryAt(entries, f.range.start);
  });
  memo.aggregates.set(id, { key, strategy: project.strategy, versions, found, within });
  return found;
}

/**
 * Runs a tallying aggregate rule (Rule `tally`) from its running state per plan: the
 * contributions of the entries an edit replaced are removed, those of the entries it made
 * are added, and the rule reports from the sums (docs/decisions.md "What a keystroke
 * costs"). A plan whose own settings or strategy changed is counted afresh. The state is
 * the Workspace's (EntryMemo.tallies), under the rule and the plan's URI.
 */
function runTally<C, S>(
  id: string,
  tally: Tally<C, S>,
  project: Project,
  options: Record<string, OptionValue>,
  today: string,
  memo: EntryMemo,
  report: (f: ReportInput) => void,
): void {
  const plans: { doc: ParsedDocument; state: S }[] = [];
  try {
    for (const doc of project.plans) {
      const mid = `${id}\n${doc.uri}`;
      const link = project.links.get(doc.uri);
      const key = planShape(doc, link ? JSON.stringify(link) : undefined);
      const entries = doc.plan?.entries ?? NO_ENTRIES;
      if (!memo.keeps(doc.uri)) {
        memo.tallies.delete(mid);
        memo.contributed += entries.length;
        plans.push({ doc, state: countAfresh(tally, project, doc) });
        continue;
      }
      let st = memo.tallies.get(mid);
      if (st && st.key === key && st.strategy === project.strategy && st.entries !== entries) {
        // Entries kept from the last reading are the same objects: only the runs an edit
        // changed (changedHunks) are taken out and put in again. What an entry an edit
        // replaced contributed is made again from it (the last reading keeps it; the plan's
        // settings and the strategy are what they were, and a contribution depends on
        // nothing else: Tally), not kept per entry (docs/decisions.md "Memory").
        const old = st.entries;
        const state = st.state as S;
        const hunks = changedHunks(memo, old, entries);
        try {
          for (const k of hunks)
            for (let i = k.old; i < k.oldEnd; i++) {
              const c = tally.contribution(project, doc, old[i]);
              if (c !== undefined) tally.remove(state, c, old[i]);
              memo.retallied++;
              memo.counted++;
            }
          for (const k of hunks)
            for (let i = k.at; i < k.end; i++) {
              const c = tally.contribution(project, doc, entries[i]);
              memo.contributed++;
              if (c !== undefined) tally.add(state, c, entries[i]);
              memo.counted++;
            }
          st.entries = entries;
        } catch {
          // A state that could not take an entry out is no state: counted afresh below.
          st = undefined;
        }
      }
      if (!st || st.key !== key || st.strategy !== project.strategy) {
        const state = countAfresh(tally, project, doc);
        memo.contributed += entries.length;
        st = { key, strategy: project.strategy, entries, state };
        memo.tallies.set(mid, st);
      }
      plans.push({ doc, state: st.state as S });
    }
  } catch (e) {
    // A state half updated is no state: the next run counts afresh.
    for (const doc of project.plans) memo.tallies.delete(`${id}\n${doc.uri}`);
    throw e;
  }
  tally.report({ project, options, today, report }, plans);
}

/**
 * Runs an entry-scoped rule only on the entries it has not seen (or all, when the plan's
 * settings, the strategy, the options or today changed), and reuses the rest. The reports
 * are given per plan in the order of its entries, those outside the plans last: a run
 * after an edit gives the same report objects as the last run except in the runs the
 * edit changed, so the engine filters only those again (takeAgain).
 */
function runEntryScoped(rule: Rule, project: Project, options: Record<string, OptionValue>, today: string, memo: EntryMemo): ReportInput[] {
  const out: ReportInput[] = [];
  const optionsKey = JSON.stringify(options);
  const views: ParsedDocument[] = [];
  const states: [ParsedDocument, MemoState, PlanEntry[], readonly Hunk[], ReportInput[][][]][] = [];
  let anyDirty = false;
  for (const doc of project.plans) {
    const id = `${rule.meta.id}\n${doc.uri}`;
    const link = project.links.get(doc.uri);
    const key = `${today}\n${optionsKey}\n${doc.period?.raw}\n${doc.language}\n${doc.plan?.strategyPath?.value}\n${link?.via}`;
    let st = memo.states.get(id);
    if (!st || st.key !== key || st.strategy !== project.strategy) {
      st = { key, strategy: project.strategy, entries: [], at: [], found: [] };
      memo.states.set(id, st);
    }
    // Entries kept from the last reading are the same objects: the runs an edit changed
    // (changedHunks) are checked again, the rest is taken as found.
    const entries = doc.plan?.entries ?? [];
    const old = st.entries;
    const hunks = changedHunks(memo, old, entries);
    // In a run, entries kept but moved (an entry inserted or removed before them without a
    // line moving) keep what was found; copies of them with their lines moved (a line
    // added or removed above them, PlanModel.moved) keep it moved by as many lines.
    const index = hunks.length ? oldIndexes(memo, old, entries, hunks) : undefined;
    const foundAt = (i: number): ReportInput[] => {
      const p = lowerBound(st.at, i);
      return p < st.at.length && st.at[p] === i ? st.found[p] : NONE;
    };
    const middles: ReportInput[][][] = [];
    const dirty: PlanEntry[] = [];
    const copies = doc.plan?.moved;
    for (const k of hunks) {
      const middle: ReportInput[][] = [];
      for (let j = k.at; j < k.end; j++) {
        const i = index!.get(entries[j]);
        let known = i === undefined ? undefined : foundAt(i);
        if (!known && copies) {
          const of = copies.of.get(entries[j]);
          const o = of && index!.get(of);
          if (o !== undefined) known = movedReports(foundAt(o), copies.dl, of!.range.start.line);
        }
        if (!known) dirty.push(entries[j]);
        middle.push(known ?? NONE);
      }
      middles.push(middle);
    }
    memo.rechecked += dirty.length;
    if (dirty.length) anyDirty = true;
    states.push([doc, st, dirty, hunks, middles]);
    views.push(docWith(doc, { plan: { ...doc.plan!, entries: dirty }, whole: doc.whole ?? doc }));
  }
  const found: ReportInput[] = [];
  if (anyDirty || project.strategy) {
    // Memoized findings outlive the text they were made from: their strings are copies,
    // not slices that would keep every old version of the document alive (docs/decisions.md "Memory").
    // One string table for the run: the URI every finding repeats is kept once.
    const strings = new Map<string, string>();
    rule.check({
      project: new Project(project.strategy, views, project.links, project.derived, project),
      options,
      today,
      report: (f) => found.push(detach(f, strings)),
    });
  }
  const planUris = new Set(project.plans.map((d) => d.uri));
  for (const [doc, st, dirty, hunks, middles] of states) {
    const mine = found.length ? found.filter((f) => f.uri === doc.uri) : NONE;
    const per: ReportInput[][] = dirty.map(() => NONE);
    let attributed = true;
    for (const f of mine) {
      const at = entryIndexAt(dirty, f.range.start);
      if (at < 0) {
        attributed = false;
        break;
      }
      per[at] = per[at] === NONE ? [f] : [...per[at], f];
    }
    if (!attributed) {
      // A finding outside every entry: the rule is not what its scope says; do not memoize.
      let p = 0;
      for (let h = 0; h < hunks.length; h++) {
        for (; p < st.at.length && st.at[p] < hunks[h].old; p++) for (const f of st.found[p]) out.push(f);
        while (p < st.at.length && st.at[p] < hunks[h].oldEnd) p++;
        for (const known of middles[h]) for (const f of known) out.push(f);
      }
      for (; p < st.at.length; p++) for (const f of st.found[p]) out.push(f);
      for (const f of mine) out.push(f);
      memo.states.delete(`${rule.meta.id}\n${doc.uri}`);
      continue;
    }
    const entries = doc.plan?.entries ?? [];
    // Each run in the new order: kept findings of moved entries, new ones of the rest.
    let d = 0;
    for (let h = 0; h < hunks.length; h++) {
      const middle = middles[h];
      for (let i = 0; i < middle.length && d < dirty.length; i++) if (entries[hunks[h].at + i] === dirty[d]) middle[i] = per[d++];
    }
    if (hunks.every((k) => k.at === k.old && k.end === k.oldEnd)) {
      // No entry added or removed (a keystroke in an entry): each run's findings replace
      // what its old entries had, in place, from the last run to the first.
      for (let h = hunks.length - 1; h >= 0; h--) {
        const k = hunks[h];
        const q0 = lowerBound(st.at, k.old);
        const q1 = lowerBound(st.at, k.oldEnd);
        const middle = middles[h];
        let n = 0;
        for (const m of middle) if (m.length) n++;
        if (!n && q0 === q1) continue;
        const at: number[] = [];
        const kept: ReportInput[][] = [];
        for (let i = 0; i < middle.length; i++)
          if (middle[i].length) {
            at.push(k.at + i);
            kept.push(middle[i]);
          }
        st.at = replaceStretch(st.at, q0, q1 - q0, at);
        st.found = replaceStretch(st.found, q0, q1 - q0, kept);
      }
    } else {
      // The entries with findings in the new order: between the runs as they were, moved
      // by what the runs before added or removed; in a run, what its middle holds.
      const at: number[] = [];
      const kept: ReportInput[][] = [];
      let q = 0;
      let shift = 0;
      for (let h = 0; h < hunks.length; h++) {
        const k = hunks[h];
        for (; q < st.at.length && st.at[q] < k.old; q++) {
          at.push(st.at[q] + shift);
          kept.push(st.found[q]);
        }
        while (q < st.at.length && st.at[q] < k.oldEnd) q++;
        const middle = middles[h];
        for (let i = 0; i < middle.length; i++)
          if (middle[i].length) {
            at.push(k.at + i);
            kept.push(middle[i]);
          }
        shift = k.end - k.oldEnd;
      }
      for (; q < st.at.length; q++) {
        at.push(st.at[q] + shift);
        kept.push(st.found[q]);
      }
      st.at = at;
      st.found = kept;
    }
    st.entries = entries;
    // The plan's reports in the order of its entries.
    for (const list of st.found) for (const f of list) out.push(f);
  }
  // Findings in the strategy are not about entries: the rule saw the whole strategy. A
  // report that says what one of the last run said is that report again (the same object),
  // so the reports after the plans' stay the same objects too.
  const home = project.documents[0]?.uri ?? '';
  const elsewhere = found.length ? found.filter((f) => !planUris.has(f.uri)) : NONE;
  const before = memo.elsewhere.get(`${rule.meta.id}\n${home}`);
  // Compared pairwise, so only for a few (a strategy with many such reports takes the engine's whole pass).
  if (before && elsewhere.length <= 64 && before.length <= 64)
    for (let i = 0; i < elsewhere.length; i++) {
      const same = before.find((b) => sameSaying(b, elsewhere[i]));
      if (same && !elsewhere.slice(0, i).includes(same)) elsewhere[i] = same;
    }
  if (elsewhere.length) memo.elsewhere.set(`${rule.meta.id}\n${home}`, elsewhere);
  else memo.elsewhere.delete(`${rule.meta.id}\n${home}`);
  for (const f of elsewhere) out.push(f);
  return out;
}

const NONE: ReportInput[] = [];

const RULE_IDS: ReadonlySet<string> = new Set(ALL_RULES.map((r) => r.meta.id));

/** The index of the entry (of entries in document order) whose range holds a position, or -1. */
function entryIndexAt(entries: PlanEntry[], p: Position): number {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = entries[mid].range;
    if (comparePos(p, r.start) < 0) hi = mid - 1;
    else if (comparePos(p, r.end) > 0) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The entry (of entries in document order) whose range holds a position. */
function entryAt(entries: PlanEntry[], p: Position): PlanEntry | undefined {
  const i = entryIndexAt(entries, p);
  return i < 0 ? undefined : entries[i];
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
  opts.memo?.stretches.clear();
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
  const crossPost = project.plans.some((d) => hasCrossPosts(project, d, opts.memo));
  const planUris = new Set(project.plans.map((d) => d.uri));
  const hasCsv = project.documents.some((d) => d.format === 'csv');
  // Each document's stamp: the same object while its configuration and suppression comments
  // are what they were at the last check (the filtered output of kept reports is reused).
  const stamps = new Map<string, object | undefined>();
  const stampOf = (uri: string): object | undefined => {
    if (!opts.memo) return undefined;
    if (stamps.has(uri)) return stamps.get(uri);
    const doc = docs.get(uri);
    let stamp: object | undefined;
    if (doc) {
      const config = configFor(uri);
      const suppressions = suppressionsKey(doc.suppressions);
      const was = opts.memo.stamps.get(uri);
      if (was && was.config === config && was.suppressions === suppressions) stamp = was.stamp;
      else opts.memo.stamps.set(uri, { config, suppressions, stamp: (stamp = {}) });
    }
    stamps.set(uri, stamp);
    return stamp;
  };
  // Each rule's output is kept between checks and taken again where its reports are the
  // same objects (RuleOut); not with cross-posts (a repeat is known only from all of a
  // rule's findings) or CSV files (fixes into them are filtered per check).
  const memo0 = opts.memo;
  const keepOuts = !!memo0 && !crossPost && !hasCsv;
  const docStamps = keepOuts ? project.documents.map((d) => stampOf(d.uri)) : undefined;
  // What changed against the last check of this project that ran to its end (`base`): the
  // findings gone and those made, when every rule's kept output is that check's.
  let run = memo0?.runs.get(home.uri);
  if (memo0 && !run) memo0.runs.set(home.uri, (run = { rules: [] }));
  const base = run?.finished;
  const token = {};
  let delta: Delta | undefined = base && keepOuts ? { home: home.uri, base, token, removed: [], added: [] } : undefined;
  if (memo0) memo0.delta = undefined;
  const ran: string[] = [];
  for (const rule of opts.rules ?? ALL_RULES) {
    const id = rule.meta.id;
    // A rule switched off everywhere this project lives is not run at all.
    if (project.documents.every((d) => configFor(d.uri).rules.get(id)?.severity === 'off')) {
      memo0?.outs.delete(`${id}\n${home.uri}`);
      continue;
    }
    let found: ReportInput[] = [];
    try {
      const options = ruleOptions(rule, homeConfig);
      if (rule.meta.scope === 'entry' && opts.memo) found = runEntryScoped(rule, project, options, opts.today, opts.memo);
      else if (rule.meta.scope === 'aggregate' && opts.memo) found = runAggregate(rule, project, options, opts.today, opts.memo, home.uri);
      else if (rule.meta.scope === 'strategy' && opts.memo) found = runStrategyScoped(rule, project, options, opts.today, RULE_IDS);
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
    const memo = opts.memo;
    const saidKey = `${id}\n${home.uri}`;
    const said = memo?.said.get(saidKey);
    let sayNow: Sayings | undefined;
    const entryScoped = rule.meta.scope === 'entry';
    /** What a report becomes: its finding, or undefined (switched off, suppressed, a cross-post's repeat). */
    const take = (f: ReportInput): Finding | undefined => {
      // Kept from the last check under the same configuration and suppressions: as it was.
      const was = memo?.filtered.get(f);
      if (was && was.stamp === stampOf(f.uri) && !(f.fixes?.length && hasCsv)) {
        if (seen) {
          // Kept from a check without cross-posts, a report has no key yet.
          const once = was.once || (was.once = onceKey(f));
          if (seen.has(once)) return undefined;
          seen.add(once);
        }
        if (!was.finding) return undefined;
        if (was.saying !== undefined) (sayNow ??= new Sayings()).add(was.finding, was.saying);
        return was.finding;
      }
      const doc = docs.get(f.uri);
      if (!doc) return undefined;
      const once = seen ? onceKey(f) : '';
      if (seen) {
        if (seen.has(once)) return undefined;
        seen.add(once);
      }
      if (memo) memo.refiltered++;
      const stamp = memo && stampOf(f.uri);
      const remember = (finding: Finding | undefined, saying?: number) => {
        if (stamp) memo.filtered.set(f, { stamp, finding, once, saying });
        return finding;
      };
      const setting = configFor(f.uri).rules.get(id);
      if (setting?.severity === 'off' || isSuppressed(doc.suppressions, id, f.range.start.line)) return remember(undefined);
      const severity = setting?.severity ?? f.severity ?? rule.meta.severity;
      if (!memo) return { rule: id, uri: f.uri, range: f.range, message: f.message, severity, fixes: csvSafeFixes(f.fixes, docs), data: f.data };
      // The same report (kept for an unchanged entry) gives the same finding; fixes into a
      // CSV file are filtered afresh (csvSafeFixes), so those are not reused.
      const known = memo.converted.get(f);
      if (known && known.severity === severity && !(f.fixes?.length && hasCsv))
        return remember(known.finding, entryScoped && planUris.has(f.uri) ? undefined : sayingHash(known.finding));
      const finding: Finding = { rule: id, uri: f.uri, range: f.range, message: f.message, severity, fixes: csvSafeFixes(f.fixes, docs), data: f.data };
      if (known || (entryScoped && planUris.has(f.uri))) {
        memo.converted.set(f, { finding, severity });
        memo.converted_++;
        return remember(finding, entryScoped && planUris.has(f.uri) ? undefined : sayingHash(finding));
      }
      // Reported afresh: the finding of the last run that says exactly the same, if any.
      const k = sayingHash(finding);
      sayNow ??= new Sayings();
      const before = said?.get(finding, k);
      const same = before && !sayNow.get(finding, k) ? before : finding;
      if (same === finding) memo.converted_++;
      sayNow.add(same, k);
      return remember(same, k);
    };
    // What the rule's last run became, when the reports it gives now are mostly the same
    // objects (docs/decisions.md "What a keystroke costs"): only the stretch between the
    // unchanged start and end is taken again.
    const last = memo && keepOuts ? memo.outs.get(saidKey) : undefined;
    let now: RuleOut | undefined;
    if (last && sameList(last.stamps, docStamps!)) now = takeAgain(last, found, entryScoped, planUris, memo!, take, delta);
    if (now) {
      if (last!.token !== base) delta = undefined;
    } else {
      const made: Finding[] = [];
      const dropped: number[] = [];
      if (memo) memo.passed += found.length;
      for (let i = 0; i < found.length; i++) {
        const g = take(found[i]);
        if (g) made.push(g);
        else dropped.push(i);
      }
      if (memo) {
        if (sayNow) memo.said.set(saidKey, sayNow);
        else memo.said.delete(saidKey);
      }
      if (delta && last && last.token === base) difference(last.out, made, delta);
      else delta = undefined;
      if (keepOuts) memo!.outs.set(saidKey, (now = { found, out: made, dropped, stamps: docStamps!, token }));
      else {
        memo?.outs.delete(saidKey);
        for (const g of made) out.push(g);
      }
    }
    if (now) {
      now.token = token;
      for (const g of now.out) out.push(g);
    }
    ran.push(id);
    yield;
  }
  if (memo0 && run) {
    if (delta && !sameList(ran, run.rules)) delta = undefined;
    run.finished = token;
    run.rules = ran;
    memo0.delta = delta ?? { home: home.uri, base: undefined, token, removed: [], added: [] };
  }
  return out;
}

/** What a rule's last run became (see checkProjectSteps), per rule and project. */
export interface RuleOut {
  /** The reports of the run, in the order the rule gave them. */
  found: ReportInput[];
  /** The findings they became, in that order. */
  out: Finding[];
  /** The indexes (into `found`, ascending) of the reports that became none (switched off, suppressed). */
  dropped: number[];
  /** The stamps of the project's documents then (see checkProjectSteps). */
  stamps: (object | undefined)[];
  /** The check that made this output (ProjectRun.finished when it ran to its end). */
  token: object;
}

/** A project's last check that ran to its end, and the rules it ran. */
export interface ProjectRun {
  finished?: object;
  rules: string[];
}

/**
 * The findings a project's check dropped and made against its last check that ran to its
 * end (`base`; this check's `token`): the Workspace merges them into that check's sorted
 * findings instead of comparing all (sortAgainst).
 */
export interface Delta {
  home: string;
  /** Undefined: not known what changed (a first check, a rule switched on or off, a changed configuration...). */
  base: object | undefined;
  token: object;
  removed: Finding[];
  added: Finding[];
}

/** Adds to `delta` what `before` has and `after` has not, and the other way round. */
function difference(before: readonly Finding[], after: readonly Finding[], delta: Delta): void {
  if (!before.length || !after.length) {
    for (const f of before) delta.removed.push(f);
    for (const f of after) delta.added.push(f);
    return;
  }
  const was = new Set(before);
  const is = new Set(after);
  for (const f of before) if (!is.has(f)) delta.removed.push(f);
  for (const f of after) if (!was.has(f)) delta.added.push(f);
}

/**
 * A rule's output taken from its last run (`last`, updated in place) where the reports
 * it gives now are the same objects: all of them (a rule that kept its findings), or all
 * but one stretch (an entry-scoped rule after an edit: its reports in entry order, those
 * of the entries an edit touched made anew). Only that stretch is filtered again; the
 * findings before and after it are the ones the last run made (the same reports under
 * the same stamps become the same findings). Undefined when the stretch holds reports
 * kept by what they say (Sayings: reports outside the plans, or of rules that are not
 * entry-scoped): those take the whole pass.
 */
function takeAgain(
  last: RuleOut,
  found: ReportInput[],
  entryScoped: boolean,
  planUris: ReadonlySet<string>,
  memo: EntryMemo,
  take: (f: ReportInput) => Finding | undefined,
  delta: Delta | undefined,
): RuleOut | undefined {
  const old = last.found;
  const { head, oldEnd, end } = sharedEnds(old, found);
  if (head === oldEnd && head === end) {
    last.found = found;
    return last;
  }
  if (!entryScoped) return undefined;
  for (let i = head; i < end; i++) if (!planUris.has(found[i].uri)) return undefined;
  for (let i = head; i < oldEnd; i++) if (memo.filtered.get(old[i])?.saying !== undefined) return undefined;
  const d0 = lowerBound(last.dropped, head);
  const d1 = lowerBound(last.dropped, oldEnd);
  const o0 = head - d0;
  const o1 = oldEnd - d1;
  const made: Finding[] = [];
  const dropped: number[] = [];
  memo.passed += end - head;
  for (let i = head; i < end; i++) {
    const g = take(found[i]);
    if (g) made.push(g);
    else dropped.push(i);
  }
  if (delta) difference(last.out.slice(o0, o1), made, delta);
  last.out = replaceStretch(last.out, o0, o1 - o0, made);
  if (d0 < last.dropped.length || dropped.length) {
    const shift = end - oldEnd;
    const after = last.dropped.slice(d1).map((i) => i + shift);
    last.dropped = last.dropped.slice(0, d0).concat(dropped, after);
  }
  last.found = found;
  return last;
}

/**
 * Whether a plan has a cross-post. For a plan being edited the engine counts its cross-post
 * entries and updates the count from the runs an edit changed (changedHunks), instead of
 * looking at every entry of each new reading (0.5 ms of a keystroke on the 5,000-entry plan).
 */
function hasCrossPosts(project: Project, doc: ParsedDocument, memo: EntryMemo | undefined): boolean {
  const entries = doc.plan?.entries ?? NO_ENTRIES;
  if (!memo?.keeps(doc.uri)) return project.derived.of(doc, 'has cross-posts', () => entries.some((e) => e.crossPost));
  const st = memo.crossPosts.get(doc.uri);
  if (st?.entries === entries) return st.count > 0;
  let count = 0;
  if (st) {
    count = st.count;
    for (const k of changedHunks(memo, st.entries, entries)) {
      for (let i = k.old; i < k.oldEnd; i++) if (st.entries[i].crossPost) count--;
      for (let i = k.at; i < k.end; i++) if (entries[i].crossPost) count++;
    }
  } else for (const e of entries) if (e.crossPost) count++;
  memo.crossPosts.set(doc.uri, { entries, count });
  return count > 0;
}

/** What makes a report the same for each entry of a cross-post's row (see checkProjectSteps). */
const onceKey = (f: ReportInput): string =>
  `${f.uri}|${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}|${f.message.en}`;

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
