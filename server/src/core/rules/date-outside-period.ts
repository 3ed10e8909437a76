import type { Rule } from './api';
import { t } from '../text';
import { activeEntries, periodOf } from '../plan/entries';

/** docs/rules/README.md: an entry dated outside the plan's period, or (when the plan names none) the strategy's. */
export const rule: Rule = {
  meta: {
    id: 'date-outside-period',
    severity: 'warning',
    scope: 'entry',
    description: t(
      'A plan entry is dated outside the period of its plan (or, without one, of its strategy).',
      'Ein Eintrag des Plans liegt außerhalb des Zeitraums seines Plans (oder, wenn der Plan keinen nennt, seiner Strategie).',
    ),
  },
  check(ctx) {
    for (const doc of ctx.project.plans) {
      const p = periodOf(ctx.project, doc);
      if (!p) continue;
      const { start, end } = p.period;
      const whose = p.of === 'plan' ? t("the plan's period", 'des Zeitraums des Plans') : t("the strategy's period", 'des Zeitraums der Strategie');
      for (const entry of activeEntries(doc)) {
        const d = entry.isoDate;
        if (!d || !entry.date || (d >= start && d <= end)) continue;
        const side = d < start ? t('before', 'vor Beginn') : t('after', 'nach Ende');
        ctx.report({
          uri: doc.uri,
          range: entry.date.range,
          message: t(
            `${d} is ${side.en} ${whose.en} (${start}..${end}): move the entry into the period or widen the period.`,
            `${d} liegt ${side.de} ${whose.de} (${start}..${end}): verschieben Sie den Eintrag in den Zeitraum oder erweitern Sie den Zeitraum.`,
          ),
        });
      }
    }
  },
};
