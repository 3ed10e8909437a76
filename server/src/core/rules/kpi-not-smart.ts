import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: a KPI without target, baseline, deadline or data source; the message names what is missing */
export const rule: Rule = {
  meta: {
    id: 'kpi-not-smart',
    severity: 'information',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
