import type { Rule } from './api';
import { numberOption } from './api';
import type { PlanEntry } from '../model';
import { allowedGap, channelName } from './channels';
import { t } from '../text';
import { idKey } from '../vocab';
import { activeEntries, daysBetween, periodOf } from '../plan/entries';

/**
 * docs/rules/README.md: a channel of the plan has no entry for longer than `maxGapDays` (default 14)
 * inside the plan's period. Per plan and channel (only channels with at least one dated
 * entry), the dated entries that are not cancelled are sorted; a gap is more than
 * `maxGapDays` days between two consecutive entries, and, when a period is known (the
 * plan's, else the strategy's), between its start and the first entry and between the
 * last entry and its end. Reported at the date after the gap (for the end: the last
 * entry's date).
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
  check(ctx) {
    const maxGap = numberOption(ctx, 'maxGapDays');
    // A channel the channel plan does not declare is undeclared-channel's finding (often a
    // typo, "Instagramm"); a gap on it would report the same mistake twice.
    const declared = ctx.project.channels.length ? new Set(ctx.project.channels.map((c) => idKey(c.id))) : undefined;
    for (const doc of ctx.project.plans) {
      const period = periodOf(ctx.project, doc)?.period;
      const byChannel = new Map<string, { id: string; list: PlanEntry[] }>();
      for (const e of activeEntries(doc)) {
        if (!e.channel || !e.isoDate || !e.date) continue;
        const k = idKey(e.channel.id);
        if (declared && !declared.has(k)) continue;
        let g = byChannel.get(k);
        if (!g) byChannel.set(k, (g = { id: e.channel.id, list: [] }));
        g.list.push(e);
      }
      for (const { id: slug, list } of byChannel.values()) {
        // The declared cadence (docs/rules/channel-gap.md): "as needed" has no gaps; a
        // slower rhythm than maxGapDays allows twice its interval.
        const gap = allowedGap(ctx.project, slug, maxGap);
        if (!gap) continue;
        const allowed = gap.days;
        const id = channelName(ctx.project, slug, { doc, entry: list[0] });
        const limit = gap.cadence
          ? t(
              `more than the ${allowed} days its cadence '${gap.cadence.raw}' allows`,
              `mehr als die ${allowed} Tage, die sein Rhythmus '${gap.cadence.raw}' erlaubt`,
            )
          : t(`more than the ${maxGap} days allowed`, `mehr als die erlaubten ${maxGap} Tage`);
        const sorted = [...list].sort((a, b) => (a.isoDate! < b.isoDate! ? -1 : a.isoDate! > b.isoDate! ? 1 : a.index - b.index));
        const report = (at: PlanEntry, from: string, to: string, days: number, edge?: 'start' | 'end') => {
          const span =
            edge === 'start'
              ? t(`period start ${from} to ${to}`, `Beginn des Zeitraums ${from} bis ${to}`)
              : edge === 'end'
                ? t(`${from} to period end ${to}`, `${from} bis Ende des Zeitraums ${to}`)
                : t(`${from} to ${to}`, `${from} bis ${to}`);
          ctx.report({
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
          if (days > allowed) report(first, period.start, first.isoDate!, days, 'start');
        }
        for (let i = 1; i < sorted.length; i++) {
          const a = sorted[i - 1].isoDate!;
          const b = sorted[i].isoDate!;
          const days = daysBetween(a, b);
          if (days > allowed) report(sorted[i], a, b, days);
        }
        if (period && last.isoDate! < period.end) {
          const days = daysBetween(last.isoDate!, period.end);
          if (days > allowed) report(last, last.isoDate!, period.end, days, 'end');
        }
      }
    }
  },
};
