import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: an entry that serves no goal (content with no purpose) */
export const rule: Rule = {
  meta: {
    id: 'entry-without-goal',
    severity: 'warning',
    description: t('TODO', 'TODO'),
    fixable: true,
  },
  check(_ctx) {
    // TODO
  },
};
