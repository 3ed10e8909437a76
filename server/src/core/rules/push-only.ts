import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: a channel or a goal whose entries are all push (at least 3) */
export const rule: Rule = {
  meta: {
    id: 'push-only',
    severity: 'warning',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
