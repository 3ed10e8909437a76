/** The calendar of the preview model (preview/model.ts): months, days, entries and channel gaps, bounded. */
import type { PlanEntry, Period } from '../core/model';
import type { Project } from '../core/project';
import type { Lang } from '../core/text';
import { live } from '../core/stats';
import { idKey, pushWeight } from '../core/vocab';
import { allowedGap } from '../core/rules/channels';
import { addDays, daysBetween, isIsoDate, monthIndex, monthKey, utcDay } from '../core/dates';
import { MODE_ORDER, safeHttpUrl, type CalendarDay, type CalendarEntry, type ModeKey, type PreviewCalendar, type PreviewGap } from './types';
import { MAX_GAPS, MAX_MONTHS, MAX_PER_DAY, MODE_LABEL, MODE_LETTER, monthLabel } from './model-base';
import { type Flags, channelLabel } from './model-plan';

// ------------------------------------------------------------------ calendar

export function legend(lang: Lang): PreviewCalendar['legend'] {
  return MODE_ORDER.map((m) => ({ mode: m, label: MODE_LABEL[m][lang], letter: MODE_LETTER[m][lang] }));
}

function entryTitle(e: PlanEntry): string {
  return e.title?.value?.trim() || e.format?.value?.trim() || '';
}

/** A calendar with nothing in it (no plan, or none dated). */
export function emptyCalendar(maxGapDays: number, lang: Lang): PreviewCalendar {
  return { maxGapDays, months: [], omittedBefore: 0, omittedAfter: 0, undated: 0, outside: 0, gaps: [], omittedGaps: 0, legend: legend(lang) };
}

export function buildCalendar(project: Project, today: string, lang: Lang, maxGapDays: number, flags: Map<PlanEntry, Flags>): PreviewCalendar {
  const base = emptyCalendar(maxGapDays, lang);
  const dated: PlanEntry[] = [];
  for (const { entry } of project.entries()) {
    if (!live(entry)) continue;
    if (isIsoDate(entry.isoDate)) dated.push(entry);
    else base.undated++;
  }

  // The period: each plan's own, else the strategy's, else the span of the plan's dated
  // entries; the calendar covers them all. `of` names the weakest source used.
  let period: PreviewCalendar['period'];
  const okPeriod = (p: Period | undefined): p is Period => !!p && isIsoDate(p.start) && isIsoDate(p.end) && p.start <= p.end;
  const sp = project.strategy?.period?.value;
  const rankOf = { plan: 0, strategy: 1, entries: 2 } as const;
  for (const doc of project.plans) {
    let pp: Period | undefined;
    let of: 'plan' | 'strategy' | 'entries' = 'plan';
    if (okPeriod(doc.period?.value)) pp = doc.period.value;
    else if (okPeriod(sp)) {
      pp = sp;
      of = 'strategy';
    } else {
      let lo: string | undefined;
      let hi: string | undefined;
      for (const e of doc.plan?.entries ?? []) {
        if (!live(e) || !isIsoDate(e.isoDate)) continue;
        if (!lo || e.isoDate < lo) lo = e.isoDate;
        if (!hi || e.isoDate > hi) hi = e.isoDate;
      }
      if (lo && hi) pp = { start: lo, end: hi };
      of = 'entries';
    }
    if (!pp) continue;
    if (!period) period = { start: pp.start, end: pp.end, of };
    else {
      if (pp.start < period.start) period.start = pp.start;
      if (pp.end > period.end) period.end = pp.end;
      if (rankOf[of] > rankOf[period.of]) period.of = of;
    }
  }
  if (!period) return base;
  base.period = period;

  // Months of the period; a window of MAX_MONTHS around today when there are more.
  const first = monthIndex(period.start);
  const last = monthIndex(period.end);
  const total = last - first + 1;
  let from = first;
  let to = last;
  if (total > MAX_MONTHS) {
    const t = monthIndex(today);
    if (t < first) to = first + MAX_MONTHS - 1;
    else if (t > last) from = last - MAX_MONTHS + 1;
    else {
      from = Math.max(first, Math.min(t - Math.floor(MAX_MONTHS / 2) + 1, last - MAX_MONTHS + 1));
      to = from + MAX_MONTHS - 1;
    }
    base.omittedBefore = from - first;
    base.omittedAfter = last - to;
    const parts: string[] = [];
    if (base.omittedBefore) parts.push(`${monthLabel(monthKey(first), lang)} – ${monthLabel(monthKey(from - 1), lang)}`);
    if (base.omittedAfter) parts.push(`${monthLabel(monthKey(to + 1), lang)} – ${monthLabel(monthKey(last), lang)}`);
    const k = base.omittedBefore + base.omittedAfter;
    base.note =
      lang === 'de'
        ? `Der Zeitraum umfasst ${total} Monate; gezeigt werden ${MAX_MONTHS} (um das heutige Datum). ${k} weitere Monate (${parts.join('; ')}) sind nicht dargestellt.`
        : `The period spans ${total} months; ${MAX_MONTHS} are shown (around today). ${k} more months (${parts.join('; ')}) are not shown.`;
  }
  const winStart = `${monthKey(from)}-01`;
  const winEnd = addDays(`${monthKey(to + 1)}-01`, -1);

  // Entries by day (within the window), counted outside the period.
  const byDay = new Map<string, PlanEntry[]>();
  for (const e of dated) {
    const d = e.isoDate!;
    if (d < period.start || d > period.end) base.outside++;
    if (d < winStart || d > winEnd) continue;
    const l = byDay.get(d);
    if (l) l.push(e);
    else byDay.set(d, [e]);
  }

  // Gaps per plan and channel, as the channel-gap rule counts them.
  const gapDays = new Map<string, Set<string>>();
  const gapStarts = new Map<string, { channel: string; days: number }[]>();
  const gaps: PreviewGap[] = [];
  for (const doc of project.plans) {
    const pp = doc.period?.value ?? project.strategy?.period?.value;
    const per = pp && isIsoDate(pp.start) && isIsoDate(pp.end) ? pp : undefined;
    const byChannel = new Map<string, { id: string; dates: string[] }>();
    for (const e of doc.plan?.entries ?? []) {
      if (!live(e) || !e.channel || !isIsoDate(e.isoDate)) continue;
      const k = idKey(e.channel.id);
      let g = byChannel.get(k);
      if (!g) byChannel.set(k, (g = { id: channelLabel(project, doc, e), dates: [] }));
      g.dates.push(e.isoDate);
    }
    for (const [key, { id, dates }] of byChannel) {
      // The channel's declared cadence, as channel-gap reads it: "as needed" has no gaps.
      const gap = allowedGap(project, key, maxGapDays);
      if (!gap) continue;
      const allowedDays = gap.days;
      dates.sort();
      const found: [string, string, number][] = [];
      if (per && dates[0] > per.start) {
        const days = daysBetween(per.start, dates[0]);
        if (days > allowedDays) found.push([per.start, dates[0], days]);
      }
      for (let i = 1; i < dates.length; i++) {
        const days = daysBetween(dates[i - 1], dates[i]);
        if (days > allowedDays) found.push([dates[i - 1], dates[i], days]);
      }
      const lastDate = dates[dates.length - 1];
      if (per && lastDate < per.end) {
        const days = daysBetween(lastDate, per.end);
        if (days > allowedDays) found.push([lastDate, per.end, days]);
      }
      for (const [a, b, days] of found) {
        if (gaps.length < MAX_GAPS) gaps.push({ planUri: doc.uri, channel: id, from: a, to: b, days });
        else base.omittedGaps++;
        // The silent days, clipped to the window.
        const startSilent = addDays(a, 1) < winStart ? winStart : addDays(a, 1);
        const endSilent = addDays(b, -1) > winEnd ? winEnd : addDays(b, -1);
        if (startSilent > endSilent) continue;
        const firstSilent = addDays(a, 1);
        if (firstSilent >= winStart && firstSilent <= winEnd) {
          const l = gapStarts.get(firstSilent);
          const item = { channel: id, days };
          if (l) l.push(item);
          else gapStarts.set(firstSilent, [item]);
        }
        for (let d = startSilent, guard = 0; d <= endSilent && guard < 800; d = addDays(d, 1), guard++) {
          let s = gapDays.get(d);
          if (!s) gapDays.set(d, (s = new Set()));
          s.add(id);
        }
      }
    }
  }
  base.gaps = gaps;

  // Channels as written ("Instagram"), one label per channel.
  const labels = new Map<string, string>();
  const labelOf = (e: PlanEntry): string | undefined => {
    if (!e.channel) return undefined;
    const k = idKey(e.channel.id);
    let l = labels.get(k);
    if (l === undefined) {
      const doc = project.plans.find((p) => p.uri === e.uri);
      l = doc ? channelLabel(project, doc, e) : e.channel.id;
      labels.set(k, l);
    }
    return l;
  };
  const calEntry = (e: PlanEntry): CalendarEntry => {
    const mode: ModeKey = e.mode?.value ?? 'unknown';
    const fl = flags.get(e);
    return {
      title: entryTitle(e),
      channel: labelOf(e),
      mode,
      modeLabel: MODE_LABEL[mode][lang],
      letter: MODE_LETTER[mode][lang],
      inferred: !!e.mode?.inferred,
      status: e.status?.raw?.trim() || undefined,
      time: e.time?.value?.trim() || undefined,
      link: safeHttpUrl(e.link?.value),
      problems: fl?.problems ?? 0,
      worst: fl?.worst,
      rules: fl ? [...fl.rules] : [],
      loc: { uri: e.uri, range: e.title?.range ?? e.anchor ?? e.range },
    };
  };

  for (let mi = from; mi <= to; mi++) {
    const key = monthKey(mi);
    const firstDay = `${key}-01`;
    const lastDay = addDays(`${monthKey(mi + 1)}-01`, -1);
    // Monday-first weeks: back to the Monday on or before the 1st.
    const dow = (new Date(utcDay(firstDay)).getUTCDay() + 6) % 7;
    let d = addDays(firstDay, -dow);
    const weeks: CalendarDay[][] = [];
    let count = 0;
    let push = 0;
    while (d <= lastDay) {
      const week: CalendarDay[] = [];
      for (let i = 0; i < 7; i++, d = addDays(d, 1)) {
        const inMonth = d.slice(0, 7) === key;
        const list = inMonth ? (byDay.get(d) ?? []) : [];
        if (inMonth) {
          for (const e of list) {
            count++;
            push += pushWeight(e.mode?.value);
          }
        }
        const sorted = [...list].sort((a, b) => (a.time?.value ?? '').localeCompare(b.time?.value ?? '') || a.index - b.index);
        week.push({
          date: d,
          day: Number(d.slice(8, 10)),
          inMonth,
          inPeriod: d >= period.start && d <= period.end,
          today: d === today,
          entries: sorted.slice(0, MAX_PER_DAY).map(calEntry),
          more: Math.max(0, sorted.length - MAX_PER_DAY),
          gaps: inMonth ? [...(gapDays.get(d) ?? [])] : [],
          gapStarts: inMonth ? (gapStarts.get(d) ?? []) : [],
        });
      }
      weeks.push(week);
    }
    base.months.push({ key, label: monthLabel(key, lang), weeks, entries: count, share: count ? push / count : undefined });
  }
  return base;
}
