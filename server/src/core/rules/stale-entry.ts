import type { Rule } from './api';
import { t } from '../text';
import { activeEntries, entryName, statusWord } from '../plan/entries';

/** docs/rules/README.md: status idea or planned with a date before today (the run's date; the CLI's `--today` pins it). */
export const rule: Rule = {
  meta: {
    id: 'stale-entry',
    severity: 'information',
    local: true,
    scope: 'entry',
    description: t(
      'A plan entry is still an idea or planned although its date has passed.',
      'Ein Eintrag des Plans ist noch Idee oder geplant, obwohl sein Datum vorbei ist.',
    ),
  },
  check(ctx) {
    for (const doc of ctx.project.plans) {
      for (const entry of activeEntries(doc)) {
        const s = entry.status?.value;
        if ((s !== 'idea' && s !== 'planned') || !entry.isoDate || !entry.date || entry.isoDate >= ctx.today) continue;
        const name = entryName(entry);
        ctx.report({
          uri: doc.uri,
          range: entry.date.range,
          message: t(
            `${name.en} is dated ${entry.isoDate}, before today (${ctx.today}), but still '${statusWord(entry)}': publish it, move it or cancel it.`,
            `${name.de} ist auf ${entry.isoDate} datiert, vor dem heutigen Tag (${ctx.today}), aber noch '${statusWord(entry)}': veröffentlichen, verschieben oder streichen Sie den Eintrag.`,
          ),
        });
      }
    }
  },
};
