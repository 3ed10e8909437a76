import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: a channel of the plan has no entry for longer than `maxGapDays` (default 14) inside the plan's period */
export const rule: Rule = {
  meta: {
    id: 'channel-gap',
    severity: 'information',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
