import type { Rule } from './api';
import { t } from '../text';
import { reportMissingSection } from '../edit/templates';

/** docs/rules/README.md: no meeting cadence (Redaktionskonferenz) */
export const rule: Rule = {
  meta: {
    id: 'missing-meetings',
    severity: 'information',
    local: true,
    scope: 'strategy',
    description: t(
      'The strategy names no meeting cadence (editorial meeting) where the team plans topics and reviews results.',
      'Die Strategie nennt keine Redaktionskonferenz, in der das Team Themen plant und Ergebnisse auswertet.',
    ),
    fixable: true,
  },
  check(ctx) {
    reportMissingSection(
      ctx,
      'meetings',
      t(
        'The strategy names no editorial meeting: when does the team meet to plan topics and review results, and how often?',
        'Die Strategie nennt keine Redaktionskonferenz: Wann und wie oft trifft sich das Team, um Themen zu planen und Ergebnisse auszuwerten?',
      ),
    );
  },
};
