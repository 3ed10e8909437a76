import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: no roles and review process (who writes, who approves) */
export const rule: Rule = {
  meta: {
    id: 'missing-governance',
    severity: 'warning',
    description: t('TODO', 'TODO'),
    fixable: true,
  },
  check(_ctx) {
    // TODO
  },
};
