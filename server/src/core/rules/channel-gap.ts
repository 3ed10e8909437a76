import type { ReportInput, Rule, Tally } from './api';
import { numberOption } from './api';
import type { ParsedDocument, Period, PlanEntry } from '../model';
import type { Project } from '../project';
import { allowedGap, channelName } from './channels';
import { t } from '../text';
import { idKey } from '../vocab';
import { daysBetween, periodOf } from '../plan/entries';
import { Groups, Members, before, checkTally } from '../plan/tally';

/**
 * Per plan and channel (ID key): its dated entries that are not cancelled, and what was
 * found on it, kept until its entries or the options change.
 */
interface Channel {
  members: Members;
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
  start: () => new Groups<Channel>(() => ({ members: new Members() })),
  add(s, k, e) {
    s.add(k, e).found = undefined;
  },
  remove(s, k, e) {
    s.remove(k, e).found = undefined;
  },
  report(ctx, plans) {
    const maxGap = numberOption(ctx, 'maxGapDays');
    for (const { doc, state } of plans) {
      const period = periodOf(ctx.project, doc)?.period;
      for (const [, g] of state.inOrder()) {
        if (g.found?.key !== String(maxGap)) {
          const list: ReportInput[] = [];
          gaps(ctx.project, doc, [...g.members.all()], maxGap, period, (f) => list.push(f));
          g.found = { key: String(maxGap), list };
        }
        for (const f of g.found.list) ctx.report(f);
      }
    }
  },
};

/** The gaps of one channel in one plan (its dated entries, in any order). */
function gaps(project: Project, doc: ParsedDocument, list: PlanEntry[], maxGap: number, period: Period | undefined, report: (f: ReportInput) => void): void {
  const sorted = list.sort((a, b) => (a.isoDate! < b.isoDate! ? -1 : a.isoDate! > b.isoDate! ? 1 : a.index - b.index));
  // The first entry in the plan names the channel (as written).
  let head = list[0];
  for (const e of list) if (before(e, head)) head = e;
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
    const a = sorted[i - 1].isoDate!;
    const b = sorted[i].isoDate!;
    const days = daysBetween(a, b);
    if (days > allowed) say(sorted[i], a, b, days);
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
 * keystroke costs"): a channel whose entries did not change keeps what was found on it.
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
