import type { Rule } from './api';
import { t } from '../text';

/** RULES.md: no team member from management ("Chefsache"): department Geschäftsführung, Geschäftsleitung, Unternehmensleitung, Vorstand, Management, Executive, Board; or role Geschäftsführer(in), Inhaber(in), Vorstand, CEO, Managing director, Owner, Founder; or `management: yes`. A head of a department ("Leitung Social Media") is not management */
export const rule: Rule = {
  meta: {
    id: 'no-management',
    severity: 'warning',
    description: t('TODO', 'TODO'),
  },
  check(_ctx) {
    // TODO
  },
};
