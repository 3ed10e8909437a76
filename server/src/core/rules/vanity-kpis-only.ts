import type { Rule } from './api';
import { t, type Text } from '../text';
import type { GoalType } from '../vocab';
import { itemLabel, joinList } from '../query';

/** Metrics that would show a goal of a type is reached (business or intermediate). */
const BETTER: Record<GoalType | 'none', Text> = {
  awareness: t('share of voice, sentiment or engagement rate', 'Share of Voice, Stimmungsbild oder Interaktionsrate'),
  consideration: t('clicks, click-through rate or inquiries', 'Klicks, Klickrate oder Anfragen'),
  conversion: t('leads, test drives or sales', 'Leads, Probefahrten oder Verkäufe'),
  loyalty: t('retention, repeat purchases or NPS', 'Kundenbindung, Wiederkaufrate oder NPS'),
  advocacy: t('NPS, referrals or shares', 'NPS, Weiterempfehlungsrate oder geteilte Beiträge'),
  'employer-branding': t('applications', 'Bewerbungen'),
  service: t('resolved requests, customer satisfaction or NPS', 'gelöste Anfragen, Kundenzufriedenheit oder NPS'),
  none: t('clicks, leads or sales', 'Klicks, Anfragen oder Verkäufe'),
};

/** docs/rules/README.md: every KPI of a goal is a vanity metric (reach, likes, followers…), none business or intermediate */
export const rule: Rule = {
  meta: {
    id: 'vanity-kpis-only',
    severity: 'warning',
    local: true,
    scope: 'strategy',
    description: t(
      'Every KPI of a goal is a vanity metric (reach, likes, followers…); none shows that the goal is reached.',
      'Alle Kennzahlen eines Ziels sind Vanity-Metriken (Reichweite, Likes, Follower…); keine zeigt, ob das Ziel erreicht ist.',
    ),
  },
  check(ctx) {
    const { project } = ctx;
    for (const g of project.goals) {
      const kpis = project.kpisOfGoal(g);
      if (!kpis.length || !kpis.every((k) => k.metricClass === 'vanity')) continue;
      const list = kpis.map((k) => {
        const m = k.metric?.value ?? k.title?.value;
        return m ? `'${k.id}' (${m})` : `'${k.id}'`;
      });
      const better = BETTER[g.type?.value ?? 'none'];
      const one = kpis.length === 1;
      ctx.report({
        uri: g.uri,
        range: g.idRange,
        message: t(
          `Goal ${itemLabel(g)} is measured only by vanity metrics: ${joinList(list, 'en')}. ${one ? 'It shows' : 'They show'} attention, not whether the goal is reached: add a KPI such as ${better.en}.`,
          `Das Ziel ${itemLabel(g)} wird nur mit Vanity-Metriken gemessen: ${joinList(list, 'de')}. ${one ? 'Sie zeigt' : 'Sie zeigen'} Aufmerksamkeit, nicht ob das Ziel erreicht ist: Ergänzen Sie eine Kennzahl wie ${better.de}.`,
        ),
      });
    }
    // KPIs of the strategy as a whole (bullets under `## KPIs`, docs/format.md "Goals and KPIs
    // as plain lists") measure no one goal; when every KPI there is is vanity, say so once.
    const loose = project.kpis.filter((k) => !project.goalsOfKpi(k).length);
    if (!loose.length || !project.kpis.every((k) => k.metricClass === 'vanity')) return;
    const section = project.strategy?.strategy?.sections.find((s) => s.keys.includes('kpis'));
    const list = loose.map((k) => `'${k.id}' (${k.metric?.value ?? k.title?.value ?? k.id})`);
    const better = BETTER.none;
    ctx.report({
      uri: loose[0].uri,
      range: section?.headingRange ?? loose[0].idRange,
      message: t(
        `The strategy is measured only by vanity metrics: ${joinList(list, 'en')}. They show attention, not whether a goal is reached: add a KPI such as ${better.en}.`,
        `Die Strategie wird nur mit Vanity-Metriken gemessen: ${joinList(list, 'de')}. Sie zeigen Aufmerksamkeit, nicht ob ein Ziel erreicht ist: Ergänzen Sie eine Kennzahl wie ${better.de}.`,
      ),
    });
  },
};
