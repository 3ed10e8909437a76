import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: a step's section holds no text, or only placeholders (TODO, TBD, tbd, …, xxx) */
export const rule: Rule = {
  meta: {
    id: 'empty-step',
    severity: 'warning',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
