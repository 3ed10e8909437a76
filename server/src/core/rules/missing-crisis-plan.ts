import type { Rule } from './api';
import { t } from '../text';
import { reportMissingSection } from '../edit/templates';

/** docs/rules/README.md: no plan for handling public criticism */
export const rule: Rule = {
  meta: {
    id: 'missing-crisis-plan',
    severity: 'warning',
    local: true,
    scope: 'strategy',
    description: t(
      'The strategy has no plan for handling public criticism (crisis communication).',
      'Die Strategie enthält keinen Plan für den Umgang mit öffentlicher Kritik (Krisenkommunikation).',
    ),
    fixable: true,
  },
  check(ctx) {
    reportMissingSection(
      ctx,
      'crisis',
      t(
        'The strategy has no plan for handling public criticism: who is informed, who replies, how fast and in what tone?',
        'Die Strategie enthält keinen Plan für den Umgang mit öffentlicher Kritik: Wer wird informiert, wer antwortet, wie schnell und in welchem Ton?',
      ),
    );
  },
};
