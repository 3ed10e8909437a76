import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: a channel without why, or without resources */
export const rule: Rule = {
  meta: {
    id: 'channel-without-rationale',
    severity: 'warning',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
