import type { Rule } from './api';
import { t } from '../text';
import { joinList, sectionAnchor } from '../query';

/** docs/rules/README.md: several goals and none marked primary (step 3: choose one central goal) */
export const rule: Rule = {
  meta: {
    id: 'no-primary-goal',
    severity: 'warning',
    local: true,
    scope: 'strategy',
    description: t(
      'The strategy has several goals and none of them is marked primary.',
      'Die Strategie hat mehrere Ziele, aber keines ist als Hauptziel markiert.',
    ),
  },
  check(ctx) {
    const doc = ctx.project.strategy;
    const goals = ctx.project.goals;
    if (!doc || goals.length < 2) return;
    if (goals.some((g) => g.primary?.value === true)) return;
    const ids = goals.map((g) => `'${g.id}'`);
    const yaml = doc.format === 'yaml';
    ctx.report({
      uri: doc.uri,
      range: sectionAnchor(doc, 'goals'),
      message: t(
        `None of the ${goals.length} goals (${joinList(ids, 'en')}) is marked primary. Step 3: choose one central goal and mark it with '${yaml ? 'primary: true' : 'Primary: yes'}'.`,
        `Keines der ${goals.length} Ziele (${joinList(ids, 'de')}) ist als Hauptziel markiert. Schritt 3: Wählen Sie ein zentrales Ziel und markieren Sie es mit '${yaml ? 'primary: true' : 'Primär: ja'}'.`,
      ),
    });
  },
};
