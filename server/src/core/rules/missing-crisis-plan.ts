import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: no plan for handling public criticism */
export const rule: Rule = {
  meta: {
    id: 'missing-crisis-plan',
    severity: 'warning',
    description: t('TODO', 'TODO'),
    fixable: true,
  },
  check(_ctx) {
    // TODO
  },
};
