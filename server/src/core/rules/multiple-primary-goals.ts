import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: more than one goal marked primary */
export const rule: Rule = {
  meta: {
    id: 'multiple-primary-goals',
    severity: 'warning',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
