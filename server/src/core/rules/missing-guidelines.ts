import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: no social media guidelines for employees */
export const rule: Rule = {
  meta: {
    id: 'missing-guidelines',
    severity: 'information',
    description: t('TODO', 'TODO'),
    fixable: true,
  },
  check(_ctx) {
    // TODO
  },
};
