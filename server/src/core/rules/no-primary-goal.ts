import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: several goals and none marked primary (step 3: choose one central goal) */
export const rule: Rule = {
  meta: {
    id: 'no-primary-goal',
    severity: 'warning',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
