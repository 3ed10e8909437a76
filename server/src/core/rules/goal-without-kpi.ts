import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: a goal that no KPI measures (neither its `kpis` nor a KPI's `goal` links them) */
export const rule: Rule = {
  meta: {
    id: 'goal-without-kpi',
    severity: 'warning',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
