import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: status published with a future date / status idea or planned with a date in the past ("today" is the run's date; the CLI's `--today` pins it) */
export const rule: Rule = {
  meta: {
    id: 'stale-entry',
    severity: 'information',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
