import type { Rule } from './api';
import { t } from '../text';
import { itemLabel } from '../query';

/** docs/rules/README.md: a goal that no KPI measures (neither its `kpis` nor a KPI's `goal` links them) */
export const rule: Rule = {
  meta: {
    id: 'goal-without-kpi',
    severity: 'warning',
    local: true,
    scope: 'strategy',
    description: t(
      "A goal that no KPI measures: neither its own KPIs nor a KPI's goal links them.",
      'Ein Ziel, das keine Kennzahl misst: weder seine Kennzahlen noch das Ziel einer Kennzahl verknüpfen sie.',
    ),
  },
  check(ctx) {
    const { project } = ctx;
    for (const g of project.goals) {
      if (project.kpisOfGoal(g).length) continue;
      const none = project.kpis.length === 0;
      ctx.report({
        uri: g.uri,
        range: g.idRange,
        message: t(
          `No KPI measures goal ${itemLabel(g)}${none ? ', and the strategy defines no KPIs yet' : ''}: link one with 'KPIs: K…' on the goal or 'Goal: ${g.id}' on a KPI.`,
          `Keine Kennzahl misst das Ziel ${itemLabel(g)}${none ? ', und die Strategie definiert noch keine Kennzahlen' : ''}: Verknüpfen Sie eine mit 'Kennzahlen: K…' am Ziel oder 'Ziel: ${g.id}' an einer Kennzahl.`,
        ),
      });
    }
  },
};
