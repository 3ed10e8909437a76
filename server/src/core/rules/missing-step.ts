import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: one of steps 1–8 has no section; one diagnostic a step */
export const rule: Rule = {
  meta: {
    id: 'missing-step',
    severity: 'warning',
    description: t('TODO', 'TODO'),
    fixable: true,
  },
  check(_ctx) {
    // TODO
  },
};
