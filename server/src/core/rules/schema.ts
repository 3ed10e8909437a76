import type { Rule } from './api';
import { t } from '../text';

/** A value of the wrong shape: unknown mode/status/type, bad date, a list where one value belongs. */
export const rule: Rule = {
  meta: {
    id: 'schema',
    severity: 'error',
    description: t(
      'A value of the wrong shape: unknown mode, status or goal type, a bad date, a list where one value belongs.',
      'Ein Wert in falscher Form: unbekannter Modus, Status oder Zieltyp, ungültiges Datum, eine Liste, wo ein Wert hingehört.',
    ),
    fixable: true,
  },
  check(ctx) {
    for (const doc of ctx.project.documents) {
      for (const p of doc.problems) if (p.rule === 'schema') ctx.report({ uri: doc.uri, range: p.range, message: p.message, fixes: p.fixes });
    }
  },
};
