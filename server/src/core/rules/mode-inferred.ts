import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: the entry's mode was inferred from its title or format */
export const rule: Rule = {
  meta: {
    id: 'mode-inferred',
    severity: 'hint',
    description: t('TODO', 'TODO'),
    fixable: true,
  },
  check(_ctx) {
    // TODO
  },
};
