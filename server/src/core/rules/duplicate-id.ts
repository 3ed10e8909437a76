import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: two items with the same ID in one strategy */
export const rule: Rule = {
  meta: {
    id: 'duplicate-id',
    severity: 'error',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
