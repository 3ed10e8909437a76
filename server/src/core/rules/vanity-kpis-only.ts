import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: every KPI of a goal is a vanity metric (reach, likes, followers…), none business or intermediate */
export const rule: Rule = {
  meta: {
    id: 'vanity-kpis-only',
    severity: 'warning',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
