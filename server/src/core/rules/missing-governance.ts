import type { Rule } from './api';
import { t } from '../text';
import { reportMissingSection } from '../edit/templates';

/** docs/rules/README.md: no roles and review process (who writes, who approves) */
export const rule: Rule = {
  meta: {
    id: 'missing-governance',
    severity: 'warning',
    local: true,
    scope: 'strategy',
    description: t(
      'The strategy does not say who writes, who approves and who replies (roles and approval process).',
      'Die Strategie legt nicht fest, wer schreibt, wer freigibt und wer antwortet (Rollen und Freigabeprozess).',
    ),
    fixable: true,
  },
  check(ctx) {
    reportMissingSection(
      ctx,
      'governance',
      t(
        'The strategy has no roles and approval process: who writes the posts, who approves them, who replies to comments?',
        'Die Strategie legt keine Rollen und keinen Freigabeprozess fest: Wer schreibt die Beiträge, wer gibt sie frei, wer antwortet auf Kommentare?',
      ),
    );
  },
};
