import type { Rule } from './api';
import type { Audience } from '../model';
import { t } from '../text';
import { hasContent, placeholderShown } from '../vocab-practice';
import { itemLabel } from '../query';

/** Fields that name an audience rather than describe it. */
const NAMING = new Set(['id', 'title', 'name']);

/** The fields of an audience that say something about it (not its name, not a placeholder). */
export function describingFields(a: Audience): Audience['fields'] {
  return a.fields.filter((f) => !NAMING.has(f.name ?? '') && hasContent(f.items ? f.items.map((i) => i.value).join(', ') : f.raw));
}

/**
 * docs/rules/audience-without-description.md: an audience that is only a name or a
 * placeholder. Any field besides its ID and name counts as a description (description,
 * demographics, needs, or a column of its own) when it is not a placeholder.
 */
export const rule: Rule = {
  meta: {
    id: 'audience-without-description',
    severity: 'warning',
    local: true,
    scope: 'strategy',
    description: t(
      'An audience is only a name (or a placeholder): nothing says who these people are, what they need and where they are online.',
      'Eine Zielgruppe ist nur ein Name (oder ein Platzhalter): nichts sagt, wer diese Menschen sind, was sie brauchen und wo sie online sind.',
    ),
  },
  check(ctx) {
    for (const a of ctx.project.audiences) {
      if (describingFields(a).length) continue;
      const held = a.fields.find((f) => !NAMING.has(f.name ?? '') && f.raw.trim());
      const note = held
        ? t(` ('${placeholderShown(held.raw)}' is only a placeholder)`, ` ('${placeholderShown(held.raw)}' ist nur ein Platzhalter)`)
        : t('', '');
      ctx.report({
        uri: a.uri,
        range: a.idRange,
        message: t(
          `Audience ${itemLabel(a)} has no description${note.en}: say who these people are (age, situation), what they need from you and where they spend their time online.`,
          `Die Zielgruppe ${itemLabel(a)} hat keine Beschreibung${note.de}: Schreiben Sie, wer diese Menschen sind (Alter, Lebenslage), was sie von Ihnen brauchen und wo sie sich online aufhalten.`,
        ),
      });
    }
  },
};
