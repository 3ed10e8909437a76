import type { Rule } from './api';
import { t } from '../text';
import { joinList } from '../query';

/** docs/rules/README.md: more than one goal marked primary */
export const rule: Rule = {
  meta: {
    id: 'multiple-primary-goals',
    severity: 'warning',
    local: true,
    scope: 'strategy',
    description: t(
      'More than one goal is marked primary; a strategy has one central goal.',
      'Mehr als ein Ziel ist als Hauptziel markiert; eine Strategie hat ein zentrales Ziel.',
    ),
  },
  check(ctx) {
    const primaries = ctx.project.goals.filter((g) => g.primary?.value === true);
    if (primaries.length < 2) return;
    const [first, ...rest] = primaries;
    const all = primaries.map((g) => `'${g.id}'`);
    for (const g of rest) {
      ctx.report({
        uri: g.uri,
        range: g.primary!.range,
        message: t(
          `Goal '${g.id}' is marked primary, but '${first.id}' already is (${primaries.length} primary goals: ${joinList(all, 'en')}). Step 3: choose one central goal and mark the others as not primary.`,
          `Das Ziel '${g.id}' ist als Hauptziel markiert, aber '${first.id}' ist es schon (${primaries.length} Hauptziele: ${joinList(all, 'de')}). Schritt 3: Wählen Sie ein zentrales Ziel und markieren Sie die anderen als nicht primär.`,
        ),
      });
    }
  },
};
