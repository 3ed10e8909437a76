import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: an entry past `idea` without reviewer */
export const rule: Rule = {
  meta: {
    id: 'missing-review',
    severity: 'information',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
