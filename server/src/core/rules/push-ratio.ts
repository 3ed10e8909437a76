import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: the share of push entries (mixed counts ½) is above `max` (default 0.2, the 80/20 rule) over the plan, over a channel, or over a calendar month, counted once at least `minEntries` (default 10) entries are in that scope; above `strongMax` (default 0.33, the rule of thirds) the message says so. The message gives the share, the count and the scope */
export const rule: Rule = {
  meta: {
    id: 'push-ratio',
    severity: 'warning',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
