import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: an entry without owner */
export const rule: Rule = {
  meta: {
    id: 'entry-without-owner',
    severity: 'warning',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
