import type { ReportInput, Rule, RuleContext, Tally } from './api';
import { numberOption } from './api';
import type { ParsedDocument, Period } from '../model';
import { t } from '../text';
import { idKey } from '../vocab';
import { daysBetween, fmtNumber, monthName } from '../plan/entries';
import { Groups, Members, bump, checkTally } from '../plan/tally';
import { channelCadence, channelName } from './channels';
import { joinList } from '../query';
import { lastDayOf } from '../dates';

/** The calendar months a period touches, each with the days of it inside the period. */
export function monthsOf(p: Period): { month: string; days: number }[] {
  const out: { month: string; days: number }[] = [];
  let [y, m] = p.start.split('-').map(Number);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > p.end.slice(0, 7)) break;
    const first = `${key}-01`;
    const nextY = m === 12 ? y + 1 : y;
    const nextM = m === 12 ? 1 : m + 1;
    const next = `${nextY}-${String(nextM).padStart(2, '0')}-01`;
    const from = first < p.start ? p.start : first;
    const lastDay = daysBetween(first, next) - 1;
    const last = `${key}-${String(lastDay + 1).padStart(2, '0')}`;
    const to = last > p.end ? p.end : last;
    out.push({ month: key, days: daysBetween(from, to) + 1 });
    [y, m] = [nextY, nextM];
    if (out.length > 120) break;
  }
  return out;
}

/**
 * An entry's part (not cancelled): its channel (ID key), its date's month, and whether that
 * month counts for the channel (inside the plan's own period, or any date without one).
 */
interface Contribution {
  channel: string | undefined;
  month: string | undefined;
  counted: boolean;
}

/**
 * Per channel of a plan: its entries, its counted entries per month, and what was said of
 * it (its finding or none) under the options and months then; dropped when an entry
 * joins or leaves it, so a report redoes only the channels an edit changed
 * (docs/decisions.md "What a keystroke costs").
 */
interface ChannelCount {
  members: Members;
  perMonth: Map<string, number>;
  said?: { key: string; report: ReportInput | undefined };
}

/** Per plan: dated entries per month, and per channel its entries and counted entries per month. */
interface State {
  months: Map<string, number>;
  channels: Groups<ChannelCount>;
}

const tally: Tally<Contribution, State> = {
  contribution(_project, doc, e) {
    if (e.status?.value === 'cancelled') return undefined;
    const p = doc.period?.value;
    const d = e.isoDate;
    return { channel: e.channel ? idKey(e.channel.id) : undefined, month: d?.slice(0, 7), counted: !!d && (!p || (d >= p.start && d <= p.end)) };
  },
  start: () => ({ months: new Map(), channels: new Groups<ChannelCount>(() => ({ members: new Members(), perMonth: new Map<string, number>() })) }),
  add(s, x, e) {
    if (x.month) bump(s.months, x.month, 1);
    if (x.channel === undefined) return;
    const g = s.channels.add(x.channel, e);
    g.said = undefined;
    if (x.counted) bump(g.perMonth, x.month!, 1);
  },
  remove(s, x, e) {
    if (x.month) bump(s.months, x.month, -1);
    if (x.channel === undefined) return;
    const g = s.channels.remove(x.channel, e);
    g.said = undefined;
    if (x.counted) bump(g.perMonth, x.month!, -1);
  },
  report(ctx, plans) {
    const minShare = numberOption(ctx, 'minShare');
    for (const { doc, state } of plans) {
      if (!state.months.size) continue;
      // The plan's own period; else the calendar months its entries fall in (a plan
      // `februar.plan.md` under a strategy of the whole year covers February only).
      let months: { month: string; days: number }[];
      if (doc.period) months = monthsOf(doc.period.value);
      else {
        const touched = [...state.months.keys()].sort();
        const period = { start: `${touched[0]}-01`, end: lastDayOf(touched[touched.length - 1]) };
        months = monthsOf(period).filter((m) => state.months.has(m.month));
      }
      // A channel's finding depends on its entries, the months, the option and the plan's
      // own settings and strategy (a change of those counts the plan afresh).
      const key = `${minShare}\n${months.map((m) => `${m.month}:${m.days}`).join(',')}`;
      for (const [, g] of state.channels.inOrder()) {
        if (g.said?.key !== key) g.said = { key, report: channelReport(ctx, doc, g, months, minShare) };
        if (g.said.report) ctx.report(g.said.report);
      }
    }
  },
};

/** What below-cadence says of one channel of a plan, if anything. */
function channelReport(
  ctx: RuleContext,
  doc: ParsedDocument,
  g: ChannelCount,
  months: { month: string; days: number }[],
  minShare: number,
): ReportInput | undefined {
  const first = g.members.first!;
  const channel = ctx.project.lookup('channel', first.channel!.id);
  if (!channel) return undefined;
  const cad = channelCadence(channel);
  if (!cad || cad.cadence.asNeeded) return undefined;
  const perWeek = cad.cadence.perWeek;
  const short: { month: string; count: number; expected: number }[] = [];
  for (const { month, days } of months) {
    const expected = (perWeek * days) / 7;
    const need = Math.round(expected * minShare);
    const count = g.perMonth.get(month) ?? 0;
    if (need > 0 && count < need) short.push({ month, count, expected });
  }
  if (!short.length) return undefined;
  const name = channelName(ctx.project, channel.id, { doc, entry: first });
  const full = (perWeek * 30.44) / 7;
  const about = fmtNumber(Math.round(full * 10) / 10, 'en');
  const aboutDe = fmtNumber(Math.round(full * 10) / 10, 'de');
  const listEn = joinList(
    short.map((s) => `${monthName(s.month, 'en')}: ${s.count}`),
    'en',
  );
  const listDe = joinList(
    short.map((s) => `${monthName(s.month, 'de')}: ${s.count}`),
    'de',
  );
  return {
    uri: doc.uri,
    range: first.channel!.range,
    message: t(
      `${name} is declared '${cad.cadence.raw}' in the channel plan (about ${about} ${about === '1' ? 'entry' : 'entries'} a month), but this plan has fewer: ${listEn}. Plan the missing entries, or declare the cadence you can keep.`,
      `${name} ist im Kanalplan mit '${cad.cadence.raw}' angegeben (etwa ${aboutDe} ${aboutDe === '1' ? 'Eintrag' : 'Einträge'} im Monat), dieser Plan hat weniger: ${listDe}. Planen Sie die fehlenden Einträge, oder geben Sie den Rhythmus an, den Sie halten können.`,
    ),
    data: { channel: name, cadence: cad.cadence.raw, months: short },
  };
}

/**
 * docs/rules/below-cadence.md: a channel whose channel plan declares a frequency
 * (`3x/Woche`, `täglich`, `2 per week`, `monthly`) gets fewer entries in a month of the
 * plan than `minShare` (default 3/4) of it. Per plan and channel (only channels with an
 * entry in the plan), over the months of the plan's period (else of its dated entries);
 * one finding per channel listing the months that fall short, with their counts, at the
 * channel of its first entry. "As needed" declares no rhythm and is never short.
 * Counted from per-entry contributions (Tally, docs/decisions.md "What a keystroke costs").
 */
export const rule: Rule = {
  meta: {
    id: 'below-cadence',
    severity: 'information',
    scope: 'aggregate',
    description: t(
      'A channel gets fewer entries in a month than the frequency its channel plan declares (e.g. 3x/week).',
      'Ein Kanal bekommt in einem Monat weniger Einträge, als sein Kanalplan als Frequenz angibt (z. B. 3x/Woche).',
    ),
    options: { minShare: 0.75 },
    optionRanges: { minShare: { min: 0, max: 1 } },
  },
  check: (ctx) => checkTally(tally, ctx),
  tally,
};
