import type { Rule } from './api';
import { t } from '../text';
import { activeEntries, entryName } from '../plan/entries';

/** docs/rules/README.md: an entry without owner (cancelled entries are left alone). */
export const rule: Rule = {
  meta: {
    id: 'entry-without-owner',
    severity: 'warning',
    local: true,
    scope: 'entry',
    description: t(
      'A plan entry has no owner: nobody is responsible for writing it.',
      'Ein Eintrag des Plans hat keine Verantwortliche und keinen Verantwortlichen: niemand ist zuständig.',
    ),
  },
  check(ctx) {
    for (const doc of ctx.project.plans) {
      for (const entry of activeEntries(doc)) {
        if (entry.owner) continue;
        const name = entryName(entry);
        ctx.report({
          uri: doc.uri,
          range: entry.anchor,
          message: t(
            `${name.en} has no owner: name the person who writes it (owner: @handle).`,
            `${name.de} hat niemanden, der verantwortlich ist: tragen Sie ein, wer den Beitrag schreibt (Verantwortlich: @kürzel).`,
          ),
        });
      }
    }
  },
};
