import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: a reference to an ID that is not defined (goal, KPI, audience, channel), or a `strategy:` path to no strategy document */
export const rule: Rule = {
  meta: {
    id: 'unknown-reference',
    severity: 'error',
    description: t('TODO', 'TODO'),
    fixable: true,
  },
  check(_ctx) {
    // TODO
  },
};
