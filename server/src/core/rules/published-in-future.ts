import type { Rule } from './api';
import { t } from '../text';
import { activeEntries, entryName, statusWord } from '../plan/entries';

/** docs/rules/README.md: status published with a date after today (the run's date; the CLI's `--today` pins it). */
export const rule: Rule = {
  meta: {
    id: 'published-in-future',
    severity: 'information',
    local: true,
    scope: 'entry',
    description: t(
      'A plan entry is marked published but dated after today.',
      'Ein Eintrag des Plans ist als veröffentlicht markiert, liegt aber nach dem heutigen Datum.',
    ),
  },
  check(ctx) {
    for (const doc of ctx.project.plans) {
      for (const entry of activeEntries(doc)) {
        if (entry.status?.value !== 'published' || !entry.isoDate || entry.isoDate <= ctx.today) continue;
        const name = entryName(entry);
        ctx.report({
          uri: doc.uri,
          range: entry.status.range,
          message: t(
            `${name.en} is marked '${statusWord(entry)}' but dated ${entry.isoDate}, after today (${ctx.today}): correct the status or the date.`,
            `${name.de} ist als '${statusWord(entry)}' markiert, aber auf ${entry.isoDate} datiert, nach dem heutigen Tag (${ctx.today}): korrigieren Sie Status oder Datum.`,
          ),
        });
      }
    }
  },
};
