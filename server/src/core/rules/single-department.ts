import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: every team member is from one department (social media needs press, product, HR, sales, support…) */
export const rule: Rule = {
  meta: {
    id: 'single-department',
    severity: 'information',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
