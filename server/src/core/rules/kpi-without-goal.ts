import type { Rule } from './api';
import { t } from '../text';
import { itemLabel } from '../query';

/** docs/rules/README.md: a KPI that measures no goal */
export const rule: Rule = {
  meta: {
    id: 'kpi-without-goal',
    severity: 'warning',
    local: true,
    scope: 'strategy',
    description: t(
      "A KPI that measures no goal: neither its goal nor a goal's KPIs link them.",
      'Eine Kennzahl, die kein Ziel misst: weder ihr Ziel noch die Kennzahlen eines Ziels verknüpfen sie.',
    ),
  },
  check(ctx) {
    const { project } = ctx;
    for (const k of project.kpis) {
      if (project.goalsOfKpi(k).length) continue;
      ctx.report({
        uri: k.uri,
        range: k.idRange,
        message: t(
          `KPI ${itemLabel(k)} measures no goal: link it with 'Goal: G…' on the KPI or list it under a goal's 'KPIs'. A number that serves no goal is not worth tracking.`,
          `Die Kennzahl ${itemLabel(k)} misst kein Ziel: Verknüpfen Sie sie mit 'Ziel: G…' an der Kennzahl oder nennen Sie sie unter 'Kennzahlen' eines Ziels. Eine Zahl, die keinem Ziel dient, lohnt die Messung nicht.`,
        ),
      });
    }
  },
};
