import type { Rule } from './api';
import type { Status } from '../vocab';
import { t } from '../text';
import { activeEntries, entryName, statusWord } from '../plan/entries';

/** Statuses past `idea` (and not cancelled): from here on somebody should approve the entry. */
const PAST_IDEA: ReadonlySet<Status> = new Set<Status>(['planned', 'draft', 'in-review', 'approved', 'scheduled', 'published']);

/**
 * docs/rules/README.md: an entry past `idea` without reviewer. Reported at the status, the field that
 * says the entry is past `idea`; an entry without status is not reported (nothing says
 * how far it is).
 */
export const rule: Rule = {
  meta: {
    id: 'missing-review',
    severity: 'information',
    local: true,
    scope: 'entry',
    description: t(
      'A plan entry past the idea stage has no reviewer: nobody approves it before it goes out.',
      'Ein Eintrag des Plans ist über die Idee hinaus, hat aber keine Freigabe: niemand prüft ihn vor der Veröffentlichung.',
    ),
  },
  check(ctx) {
    for (const doc of ctx.project.plans) {
      for (const entry of activeEntries(doc)) {
        if (!entry.status || !PAST_IDEA.has(entry.status.value) || entry.reviewer) continue;
        const name = entryName(entry);
        const status = statusWord(entry);
        ctx.report({
          uri: doc.uri,
          range: entry.status.range,
          message:
            entry.status.value === 'published'
              ? t(
                  `${name.en} is '${status}' but names no reviewer: note who approved it (reviewer: @handle).`,
                  `${name.de} ist '${status}', nennt aber keine Freigabe: tragen Sie ein, wer den Beitrag freigegeben hat (Freigabe: @kürzel).`,
                )
              : t(
                  `${name.en} is '${status}' but has no reviewer: name who approves it before it goes out (reviewer: @handle).`,
                  `${name.de} ist '${status}', hat aber keine Freigabe: tragen Sie ein, wer den Beitrag vor der Veröffentlichung prüft (Freigabe: @kürzel).`,
                ),
        });
      }
    }
  },
};
