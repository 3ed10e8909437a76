import type { Rule } from './api';
import { problemReport } from './api';
import { t } from '../text';
import { closest } from '../vocab';

/** A value of the wrong shape: unknown mode/status/type, bad date, a list where one value belongs. */
export const rule: Rule = {
  meta: {
    id: 'schema',
    severity: 'error',
    local: true,
    description: t(
      'A value of the wrong shape: unknown mode, status or goal type, a bad date, a list where one value belongs.',
      'Ein Wert in falscher Form: unbekannter Modus, Status oder Zieltyp, ungültiges Datum, eine Liste, wo ein Wert hingehört.',
    ),
    fixable: true,
  },
  check(ctx) {
    for (const doc of ctx.project.documents) {
      for (const p of doc.problems) if (p.rule === 'schema') ctx.report(problemReport(ctx.project, doc.uri, p));
      // A rule name in a suppression comment that names no rule switches nothing off
      // (docs/decisions.md "Suppressing rules"): a warning, with the likely rule.
      const ids = ctx.ruleIds;
      if (!ids) continue;
      for (const n of doc.suppressions.names) {
        if (ids.has(n.name)) continue;
        const near = closest(n.name.toLowerCase(), ids);
        ctx.report({
          uri: doc.uri,
          range: n.range,
          severity: 'warning',
          message: near
            ? t(
                `Unknown rule '${n.name}' in a stratdoc comment: did you mean '${near}'? The comment switches nothing off.`,
                `Unbekannte Regel '${n.name}' in einem stratdoc-Kommentar: meinten Sie '${near}'? Der Kommentar schaltet nichts ab.`,
              )
            : t(
                `Unknown rule '${n.name}' in a stratdoc comment; it switches nothing off. The rules are listed in docs/rules.`,
                `Unbekannte Regel '${n.name}' in einem stratdoc-Kommentar; er schaltet nichts ab. Die Regeln stehen in docs/rules.`,
              ),
          fixes: near
            ? [
                {
                  title: t(`Change to '${near}'`, `Ändern in '${near}'`),
                  edits: [{ uri: doc.uri, edits: [{ range: n.range, newText: near }] }],
                  preferred: true,
                },
              ]
            : undefined,
        });
      }
    }
  },
};
