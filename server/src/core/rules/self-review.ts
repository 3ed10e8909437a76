import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: owner and reviewer are the same person */
export const rule: Rule = {
  meta: {
    id: 'self-review',
    severity: 'warning',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
