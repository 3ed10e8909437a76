import type { ReportInput, Rule, Tally } from './api';
import { numberOption } from './api';
import type { ParsedDocument, Period, PlanEntry } from '../model';
import type { Project } from '../project';
import { allowedGap, channelName } from './channels';
import { t } from '../text';
import { idKey } from '../vocab';
import { daysBetween, periodOf } from '../plan/entries';
import { utcDay, daysFrom } from '../dates';
import { Groups, Members, checkTally } from '../plan/tally';

/**
 * The dated entries of one channel in date order (then by their place in the plan), each
 * with its day as a number. A keystroke takes out and puts in one entry by a binary search
 * and a splice instead of sorting the channel again (docs/decisions.md "What a keystroke
 * costs"); entries added in a run (a plan counted afresh, a pasted stretch) wait in
 * `pending` and are sorted in together when the order is next read.
 */
class ByDate {
  private entries: PlanEntry[] = [];
  private days: number[] = [];
  private pending: PlanEntry[] = [];

  add(e: PlanEntry): void {
    this.pending.push(e);
  }

  remove(e: PlanEntry): void {
    const at = this.pending.indexOf(e);
    if (at >= 0) {
      this.pending.splice(at, 1);
      return;
    }
    this.settle();
    // The first place at or after e's; entries of one date and index are the same entry.
    for (let i = this.lowerBound(e); i < this.entries.length; i++) {
      if (this.entries[i] !== e) continue;
      this.entries.splice(i, 1);
      this.days.splice(i, 1);
      return;
    }
  }

  /** The entries in date order and their days (aligned). */
  ordered(): { entries: readonly PlanEntry[]; days: readonly number[] } {
    this.settle();
    return { entries: this.entries, days: this.days };
  }

  private settle(): void {
    const add = this.pending;
    if (!add.length) return;
    this.pending = [];
    if (add.length > 8) {
      this.entries = this.entries.concat(add).sort(byDate);
      this.days = this.entries.map((e) => utcDay(e.isoDate!));
      return;
    }
    for (const e of add) {
      const i = this.lowerBound(e);
      this.entries.splice(i, 0, e);
      this.days.splice(i, 0, utcDay(e.isoDate!));
    }
  }

  private lowerBound(e: PlanEntry): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byDate(this.entries[mid], e) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Date order, then the order in the plan. */
const byDate = (a: PlanEntry, b: PlanEntry): number => (a.isoDate! < b.isoDate! ? -1 : a.isoDate! > b.isoDate! ? 1 : a.index - b.index);

/**
 * Per plan and channel (ID key): its dated entries that are not cancelled (with their
 * first in document order, and in date order), and what was found on it, kept until its
 * entries or the options change.
 */
interface Channel {
  members: Members;
  dates: ByDate;
  found?: { key: string; list: ReportInput[] };
}

const tally: Tally<string, Groups<Channel>> = {
  // A channel the channel plan does not declare is undeclared-channel's finding (often a
  // typo, "Instagramm"); a gap on it would report the same mistake twice.
  contribution(project, _doc, e) {
    if (e.status?.value === 'cancelled' || !e.channel || !e.isoDate || !e.date) return undefined;
    const k = idKey(e.channel.id);
    const keys = () => (project.channels.length ? new Set(project.channels.map((c) => idKey(c.id))) : undefined);
    // The channel plan is the strategy's: its keys are kept with that reading.
    const declared = project.strategy ? project.derived.of(project.strategy, 'declared channel keys', keys) : keys();
    return declared && !declared.has(k) ? undefined : k;
  },
  start: () => new Groups<Channel>(() => ({ members: new Members(), dates: new ByDate() })),
  add(s, k, e) {
    const g = s.add(k, e);
    g.dates.add(e);
    g.found = undefined;
  },
  remove(s, k, e) {
    const g = s.remove(k, e);
    g.dates.remove(e);
    g.found = undefined;
  },
  report(ctx, plans) {
    const maxGap = numberOption(ctx, 'maxGapDays');
    for (const { doc, state } of plans) {
      const period = periodOf(ctx.project, doc)?.period;
      for (const [, g] of state.inOrder()) {
        if (g.found?.key !== String(maxGap)) {
          const list: ReportInput[] = [];
          gaps(ctx.project, doc, g, maxGap, period, (f) => list.push(f));
          g.found = { key: String(maxGap), list };
        }
        for (const f of g.found.list) ctx.report(f);
      }
    }
  },
};

/** The gaps of one channel in one plan. */
function gaps(project: Project, doc: ParsedDocument, channel: Channel, maxGap: number, period: Period | undefined, report: (f: ReportInput) => void): void {
  const { entries: sorted, days: dayOf } = channel.dates.ordered();
  // The first entry in the plan names the channel (as written).
  const head = channel.members.first!;
  const slug = head.channel!.id;
  // The declared cadence (docs/rules/channel-gap.md): "as needed" has no gaps; a
  // slower rhythm than maxGapDays allows twice its interval.
  const gap = allowedGap(project, slug, maxGap);
  if (!gap) return;
  const allowed = gap.days;
  const id = channelName(project, slug, { doc, entry: head });
  const limit = gap.cadence
    ? t(`more than the ${allowed} days its cadence '${gap.cadence.raw}' allows`, `mehr als die ${allowed} Tage, die sein Rhythmus '${gap.cadence.raw}' erlaubt`)
    : t(`more than the ${maxGap} days allowed`, `mehr als die erlaubten ${maxGap} Tage`);
  const say = (at: PlanEntry, from: string, to: string, days: number, edge?: 'start' | 'end') => {
    const span =
      edge === 'start'
        ? t(`period start ${from} to ${to}`, `Beginn des Zeitraums ${from} bis ${to}`)
        : edge === 'end'
          ? t(`${from} to period end ${to}`, `${from} bis Ende des Zeitraums ${to}`)
          : t(`${from} to ${to}`, `${from} bis ${to}`);
    report({
      uri: doc.uri,
      range: at.date!.range,
      message: t(`No ${id} entry for ${days} days (${span.en}), ${limit.en}.`, `${days} Tage lang kein Eintrag auf ${id} (${span.de}), ${limit.de}.`),
      data: { channel: id, from, to, days },
    });
  };
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (period && first.isoDate! > period.start) {
    const days = daysBetween(period.start, first.isoDate!);
    if (days > allowed) say(first, period.start, first.isoDate!, days, 'start');
  }
  for (let i = 1; i < sorted.length; i++) {
    const days = daysFrom(dayOf[i - 1], dayOf[i]);
    if (days > allowed) say(sorted[i], sorted[i - 1].isoDate!, sorted[i].isoDate!, days);
  }
  if (period && last.isoDate! < period.end) {
    const days = daysBetween(last.isoDate!, period.end);
    if (days > allowed) say(last, last.isoDate!, period.end, days, 'end');
  }
}

/**
 * docs/rules/README.md: a channel of the plan has no entry for longer than `maxGapDays` (default 14)
 * inside the plan's period. Per plan and channel (only channels with at least one dated
 * entry), the dated entries that are not cancelled are sorted; a gap is more than
 * `maxGapDays` days between two consecutive entries, and, when a period is known (the
 * plan's, else the strategy's), between its start and the first entry and between the
 * last entry and its end. Reported at the date after the gap (for the end: the last
 * entry's date). Counted from per-entry contributions (Tally, docs/decisions.md "What a
 * keystroke costs"): a channel whose entries did not change keeps what was found on it,
 * and a channel's date order is kept and updated entry by entry.
 */
export const rule: Rule = {
  meta: {
    id: 'channel-gap',
    severity: 'information',
    scope: 'aggregate',
    description: t(
      'A channel of the plan goes silent: more than 14 days (maxGapDays) without an entry.',
      'Ein Kanal des Plans verstummt: mehr als 14 Tage (maxGapDays) ohne Eintrag.',
    ),
    options: { maxGapDays: 14 },
    optionRanges: { maxGapDays: { min: 1, max: 3660, integer: true } },
  },
  check: (ctx) => checkTally(tally, ctx),
  tally,
};
