import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: no meeting cadence (Redaktionskonferenz) */
export const rule: Rule = {
  meta: {
    id: 'missing-meetings',
    severity: 'information',
    description: t('TODO', 'TODO'),
    fixable: true,
  },
  check(_ctx) {
    // TODO
  },
};
