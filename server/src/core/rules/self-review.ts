import type { Rule } from './api';
import { t } from '../text';
import { idKey } from '../vocab';
import { activeEntries, entryName } from '../plan/entries';

/** docs/rules/README.md: owner and reviewer are the same person (compared case-insensitively, without @). */
export const rule: Rule = {
  meta: {
    id: 'self-review',
    severity: 'warning',
    scope: 'entry',
    description: t(
      'The owner of a plan entry is also its reviewer: nobody else checks it (four-eyes principle).',
      'Wer einen Eintrag des Plans verantwortet, gibt ihn auch selbst frei: niemand sonst prüft ihn (Vier-Augen-Prinzip).',
    ),
  },
  check(ctx) {
    for (const doc of ctx.project.plans) {
      for (const entry of activeEntries(doc)) {
        const { owner, reviewer } = entry;
        if (!owner || !reviewer) continue;
        // The same person however written: handle, full name or first name (docs/format.md "References by name").
        const same =
          idKey(owner.id) === idKey(reviewer.id) ||
          (() => {
            const a = ctx.project.lookup('person', owner.id);
            return !!a && a === ctx.project.lookup('person', reviewer.id);
          })();
        if (!same) continue;
        const obj = entryName(entry, 'object');
        const dat = entryName(entry, 'dative');
        ctx.report({
          uri: doc.uri,
          range: reviewer.range,
          message: t(
            `@${reviewer.id} is both owner and reviewer of ${obj.en}: ask a second person to approve it (four-eyes principle).`,
            `Bei ${dat.de} liegen Verantwortung und Freigabe bei derselben Person (@${reviewer.id}): lassen Sie eine zweite Person freigeben (Vier-Augen-Prinzip).`,
          ),
        });
      }
    }
  },
};
