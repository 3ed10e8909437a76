import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: a plan entry on a channel that the channel plan does not have */
export const rule: Rule = {
  meta: {
    id: 'undeclared-channel',
    severity: 'warning',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
