/**
 * The shape of a plan: what the aggregate rules (RuleMeta.scope `aggregate`: push ratio,
 * push-only, content mix, gaps, cadence, unlinked goals, unplanned channels) read of each
 * entry and of the plan itself, as one string per entry and one per plan. The engine keeps
 * these contributions per plan between checks, aligned with the entries, and computes them
 * again only for the entries an edit made anew; when every one is what it was, an
 * aggregate rule's findings are those of its last run (docs/decisions.md "What a
 * keystroke costs"); when one differs, the rules count from per-entry contributions
 * (Rule.tally, core/plan/tally.ts). Whatever such a rule reads of an entry or a plan must be in here:
 * test/core/keystroke-check.test.ts compares with fresh checks after edits of each part.
 *
 * Positions are not part of an entry's shape (typing in a title moves the cells after it):
 * a kept finding that lies in an entry made anew is found again instead (core/engine.ts).
 */
import type { ParsedDocument, PlanEntry, Ref } from '../model';
import { textAt, type Range } from '../text';

const SEP = '\u0001';

function range(r: Range | undefined): string {
  return r ? `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}` : '';
}

function refs(list: Ref[]): string {
  let s = '';
  for (const r of list) s += `${r.id}${r.soft ? '~' : ''};`;
  return s;
}

/**
 * How an entry's channel is written in its document ('' without one): the one part of an
 * entry's shape that is not in the entry itself. The engine keeps this per entry (a few
 * spellings, one string each) instead of each entry's whole shape, and makes the shape
 * of an entry an edit replaced from the entry, which the last reading still holds
 * (docs/decisions.md "Memory").
 */
export function channelWritten(doc: ParsedDocument, e: PlanEntry): string {
  return e.channel ? textAt(doc.lines, e.channel.range) : '';
}

/** What an entry contributes to the aggregate rules: its status, channel (as written: `channelWritten`), date, mode, goals and KPIs. */
export function entryShape(e: PlanEntry, written: string): string {
  const channel = e.channel ? `${e.channel.id}@${written}${e.channel.soft ? '~' : ''}` : '';
  return [
    e.status?.value ?? '',
    channel,
    e.isoDate ?? '',
    e.date ? 'd' : '',
    e.mode ? `${e.mode.value}${e.mode.inferred ? '?' : ''}` : '',
    refs(e.goals),
    refs(e.kpis),
    e.index,
    e.crossPost ?? '',
  ].join(SEP);
}

/** What the aggregate rules read of the plan itself: its name, title, period, language and strategy link. */
export function planShape(doc: ParsedDocument, link: string | undefined): string {
  return [
    doc.uri,
    range(doc.titleRange),
    doc.period?.raw ?? '',
    doc.period ? `${doc.period.value.start}..${doc.period.value.end}@${range(doc.period.range)}` : '',
    doc.language ?? '',
    doc.plan?.strategyPath?.value ?? '',
    link ?? '',
    doc.format,
  ].join(SEP);
}
