import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: a goal that no plan entry serves (only when the strategy has at least one plan) */
export const rule: Rule = {
  meta: {
    id: 'unlinked-goal',
    severity: 'warning',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
