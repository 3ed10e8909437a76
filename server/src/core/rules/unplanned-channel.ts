import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: a channel of the channel plan with no plan entry */
export const rule: Rule = {
  meta: {
    id: 'unplanned-channel',
    severity: 'information',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
