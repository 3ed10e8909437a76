import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: a KPI that measures no goal */
export const rule: Rule = {
  meta: {
    id: 'kpi-without-goal',
    severity: 'warning',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
