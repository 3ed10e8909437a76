import type { Rule } from './api';
import { t } from '../text';
import { reportMissingSection } from '../edit/templates';

/** docs/rules/README.md: no social media guidelines for employees */
export const rule: Rule = {
  meta: {
    id: 'missing-guidelines',
    severity: 'information',
    local: true,
    scope: 'strategy',
    description: t(
      'The strategy has no social media guidelines for employees.',
      'Die Strategie enthält keine Social-Media-Richtlinien für Mitarbeiterinnen und Mitarbeiter.',
    ),
    fixable: true,
  },
  check(ctx) {
    reportMissingSection(
      ctx,
      'guidelines',
      t(
        'The strategy has no social media guidelines for employees: what may they post about the company, and whom do they ask when in doubt?',
        'Die Strategie enthält keine Social-Media-Richtlinien für Mitarbeiterinnen und Mitarbeiter: Was dürfen sie über das Unternehmen posten, und wen fragen sie im Zweifel?',
      ),
    );
  },
};
