import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: a link on an entry whose goal is of type conversion has no `utm_` parameters */
export const rule: Rule = {
  meta: {
    id: 'untracked-link',
    severity: 'information',
    description: t('TODO', 'TODO'),
    fixable: true,
  },
  check(_ctx) {
    // TODO
  },
};
