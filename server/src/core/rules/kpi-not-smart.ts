import type { Rule } from './api';
import { t } from '../text';
import type { Span } from '../model';
import { hasContent, placeholderShown } from '../vocab-practice';
import { itemLabel, joinList } from '../query';

/** A value counts only when it says something: not empty, not TODO/TBD/…, not a dash (docs/decisions.md "Placeholders count as empty"). */
function given(s: Span | undefined): boolean {
  return hasContent(s?.value);
}

interface Part {
  field: 'target' | 'baseline' | 'deadline' | 'source';
  en: string;
  de: string;
  art: 'der' | 'die';
}
const PARTS: readonly Part[] = [
  { field: 'target', en: 'target', de: 'Zielwert', art: 'der' },
  { field: 'baseline', en: 'baseline', de: 'Ausgangswert', art: 'der' },
  { field: 'deadline', en: 'deadline', de: 'Frist', art: 'die' },
  { field: 'source', en: 'data source', de: 'Datenquelle', art: 'die' },
];

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

/** docs/rules/README.md: a KPI without target, baseline, deadline or data source; the message names what is missing */
export const rule: Rule = {
  meta: {
    id: 'kpi-not-smart',
    severity: 'information',
    local: true,
    scope: 'strategy',
    description: t(
      'A KPI without target, baseline, deadline or data source is not measurable (SMART).',
      'Eine Kennzahl ohne Zielwert, Ausgangswert, Frist oder Datenquelle ist nicht messbar (SMART).',
    ),
  },
  check(ctx) {
    for (const k of ctx.project.kpis) {
      const missing: Part[] = [];
      const placeholders: { part: Part; shown: string }[] = [];
      for (const part of PARTS) {
        const span = k[part.field];
        if (given(span)) continue;
        if (span?.value.trim()) placeholders.push({ part, shown: placeholderShown(span.value) });
        else missing.push(part);
      }
      if (!missing.length && !placeholders.length) continue;
      const en: string[] = [];
      const de: string[] = [];
      if (missing.length) {
        en.push(
          `it has no ${joinList(
            missing.map((m) => m.en),
            'en',
            true,
          )}`,
        );
        de.push(
          `Es fehl${missing.length === 1 ? 't' : 'en'} ${
            missing.length === 1
              ? `${missing[0].art} ${missing[0].de}`
              : joinList(
                  missing.map((m) => m.de),
                  'de',
                )
          }`,
        );
      }
      // One finding per place (docs/rules/kpi-not-smart.md): a placeholder in one of the
      // four is this rule's to name, so placeholder-content stays silent there.
      if (placeholders.length === 1) {
        const [{ part, shown }] = placeholders;
        en.push(`its ${part.en} is only a placeholder ('${shown}')`);
        de.push(`${cap(part.art)} ${part.de} ist nur ein Platzhalter ('${shown}')`);
      } else if (placeholders.length) {
        const en1 = placeholders.map(({ part, shown }) => `${part.en} ('${shown}')`);
        const de1 = placeholders.map(({ part, shown }) => `${part.de} ('${shown}')`);
        en.push(`its ${joinList(en1, 'en')} are only placeholders`);
        de.push(`${joinList(de1, 'de')} sind nur Platzhalter`);
      }
      const one = missing.length + placeholders.length === 1;
      ctx.report({
        uri: k.uri,
        range: k.idRange,
        message: t(
          `KPI ${itemLabel(k)} is not SMART yet: ${en.join('; ')}. Without ${one ? 'it' : 'them'} nobody can tell whether the goal is reached.`,
          `Die Kennzahl ${itemLabel(k)} ist noch nicht SMART: ${de.join('; ')}. Ohne ${one ? 'diese Angabe' : 'diese Angaben'} lässt sich nicht sagen, ob das Ziel erreicht ist.`,
        ),
      });
    }
  },
};
