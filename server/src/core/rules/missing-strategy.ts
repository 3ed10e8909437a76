import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: a plan without `strategy:` and with no strategy in its folder or above (its references then go unchecked) */
export const rule: Rule = {
  meta: {
    id: 'missing-strategy',
    severity: 'warning',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
