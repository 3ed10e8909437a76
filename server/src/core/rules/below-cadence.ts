import type { Rule } from './api';
import { numberOption } from './api';
import type { Channel, PlanEntry, Period } from '../model';
import { t } from '../text';
import { idKey } from '../vocab';
import { activeEntries, daysBetween, fmtNumber, monthName } from '../plan/entries';
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
 * docs/rules/below-cadence.md: a channel whose channel plan declares a frequency
 * (`3x/Woche`, `täglich`, `2 per week`, `monthly`) gets fewer entries in a month of the
 * plan than `minShare` (default 3/4) of it. Per plan and channel (only channels with an
 * entry in the plan), over the months of the plan's period (else of its dated entries);
 * one finding per channel listing the months that fall short, with their counts, at the
 * channel of its first entry. "As needed" declares no rhythm and is never short.
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
  check(ctx) {
    const minShare = numberOption(ctx, 'minShare');
    for (const doc of ctx.project.plans) {
      const entries = activeEntries(doc);
      const dated = entries.filter((e) => e.isoDate);
      if (!dated.length) continue;
      // The plan's own period; else the calendar months its entries fall in (a plan
      // `februar.plan.md` under a strategy of the whole year covers February only).
      let period = doc.period?.value;
      let months: { month: string; days: number }[];
      if (period) months = monthsOf(period);
      else {
        const dates = dated.map((e) => e.isoDate!).sort();
        const first = dates[0].slice(0, 7);
        const last = dates[dates.length - 1].slice(0, 7);
        period = { start: `${first}-01`, end: lastDayOf(last) };
        const touched = new Set(dates.map((d) => d.slice(0, 7)));
        months = monthsOf(period).filter((m) => touched.has(m.month));
      }
      const byChannel = new Map<string, { channel: Channel; first: PlanEntry; perMonth: Map<string, number> }>();
      for (const e of entries) {
        if (!e.channel) continue;
        const k = idKey(e.channel.id);
        let g = byChannel.get(k);
        if (!g) {
          const channel = ctx.project.lookup('channel', e.channel.id);
          if (!channel) continue;
          byChannel.set(k, (g = { channel, first: e, perMonth: new Map() }));
        }
        if (e.isoDate && e.isoDate >= period.start && e.isoDate <= period.end) {
          const m = e.isoDate.slice(0, 7);
          g.perMonth.set(m, (g.perMonth.get(m) ?? 0) + 1);
        }
      }
      for (const g of byChannel.values()) {
        const cad = channelCadence(g.channel);
        if (!cad || cad.cadence.asNeeded) continue;
        const perWeek = cad.cadence.perWeek;
        const short: { month: string; count: number; expected: number }[] = [];
        for (const { month, days } of months) {
          const expected = (perWeek * days) / 7;
          const need = Math.round(expected * minShare);
          const count = g.perMonth.get(month) ?? 0;
          if (need > 0 && count < need) short.push({ month, count, expected });
        }
        if (!short.length) continue;
        const name = channelName(ctx.project, g.channel.id, { doc, entry: g.first });
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
        ctx.report({
          uri: doc.uri,
          range: g.first.channel!.range,
          message: t(
            `${name} is declared '${cad.cadence.raw}' in the channel plan (about ${about} ${about === '1' ? 'entry' : 'entries'} a month), but this plan has fewer: ${listEn}. Plan the missing entries, or declare the cadence you can keep.`,
            `${name} ist im Kanalplan mit '${cad.cadence.raw}' angegeben (etwa ${aboutDe} ${aboutDe === '1' ? 'Eintrag' : 'Einträge'} im Monat), dieser Plan hat weniger: ${listDe}. Planen Sie die fehlenden Einträge, oder geben Sie den Rhythmus an, den Sie halten können.`,
          ),
          data: { channel: name, cadence: cad.cadence.raw, months: short },
        });
      }
    }
  },
};
