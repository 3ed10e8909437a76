import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: an owner, reviewer or resource who is not in the team */
export const rule: Rule = {
  meta: {
    id: 'unknown-person',
    severity: 'warning',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
