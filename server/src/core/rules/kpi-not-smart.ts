import type { Rule } from './api';
import { t } from '../text';
import type { Span } from '../model';
import { hasContent } from '../vocab-practice';
import { itemLabel, joinList } from '../query';

/** A value counts only when it says something: not empty, not TODO/TBD/…, not a dash (docs/decisions.md "Placeholders count as empty"). */
function given(s: Span | undefined): boolean {
  return hasContent(s?.value);
}

/** docs/rules/README.md: a KPI without target, baseline, deadline or data source; the message names what is missing */
export const rule: Rule = {
  meta: {
    id: 'kpi-not-smart',
    severity: 'information',
    local: true,
    description: t(
      'A KPI without target, baseline, deadline or data source is not measurable (SMART).',
      'Eine Kennzahl ohne Zielwert, Ausgangswert, Frist oder Datenquelle ist nicht messbar (SMART).',
    ),
  },
  check(ctx) {
    for (const k of ctx.project.kpis) {
      const missing: { en: string; de: string; art: string }[] = [];
      if (!given(k.target)) missing.push({ en: 'target', de: 'Zielwert', art: 'der' });
      if (!given(k.baseline)) missing.push({ en: 'baseline', de: 'Ausgangswert', art: 'der' });
      if (!given(k.deadline)) missing.push({ en: 'deadline', de: 'Frist', art: 'die' });
      if (!given(k.source)) missing.push({ en: 'data source', de: 'Datenquelle', art: 'die' });
      if (!missing.length) continue;
      const en = joinList(
        missing.map((m) => m.en),
        'en',
        true,
      );
      const de =
        missing.length === 1
          ? `${missing[0].art} ${missing[0].de}`
          : joinList(
              missing.map((m) => m.de),
              'de',
            );
      ctx.report({
        uri: k.uri,
        range: k.idRange,
        message: t(
          `KPI ${itemLabel(k)} is not SMART yet: it has no ${en}. Without ${missing.length === 1 ? 'it' : 'them'} nobody can tell whether the goal is reached.`,
          `Die Kennzahl ${itemLabel(k)} ist noch nicht SMART: Es fehl${missing.length === 1 ? 't' : 'en'} ${de}. Ohne ${missing.length === 1 ? 'diese Angabe' : 'diese Angaben'} lässt sich nicht sagen, ob das Ziel erreicht ist.`,
        ),
      });
    }
  },
};
