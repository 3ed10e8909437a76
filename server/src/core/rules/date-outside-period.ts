import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: an entry dated outside the plan's or strategy's period */
export const rule: Rule = {
  meta: {
    id: 'date-outside-period',
    severity: 'warning',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
