import type { Rule } from './api';
import { t } from '../text';

/** docs/rules/README.md: a plan without `strategy:` and with no strategy in its folder or above (its references then go unchecked) */
export const rule: Rule = {
  meta: {
    id: 'missing-strategy',
    severity: 'warning',
    description: t(
      'A plan names no strategy and none is found in its folder or above, so its goals, KPIs, channels and people go unchecked.',
      'Ein Plan nennt keine Strategie, und in seinem Ordner oder darüber findet sich keine, daher bleiben seine Ziele, Kennzahlen, Kanäle und Personen ungeprüft.',
    ),
  },
  check(ctx) {
    for (const plan of ctx.project.plans) {
      if (ctx.project.links.get(plan.uri)?.via !== 'none') continue;
      if (plan.format === 'csv') {
        // A CSV has no place for `strategy:` (docs/format.md "CSV plans").
        ctx.report({
          uri: plan.uri,
          range: plan.titleRange,
          message: t(
            'This plan has no strategy: there is no single strategy document in its folder or a folder above. Its goals, KPIs, channels and people go unchecked. Put the CSV file into the folder of its strategy (or below it).',
            'Dieser Plan hat keine Strategie: In seinem Ordner oder einem Ordner darüber liegt nicht genau ein Strategiedokument. Seine Ziele, Kennzahlen, Kanäle und Personen bleiben ungeprüft. Legen Sie die CSV-Datei in den Ordner ihrer Strategie (oder darunter).',
          ),
        });
        continue;
      }
      const where =
        plan.format === 'yaml'
          ? t('as a top-level key', 'als Schlüssel auf oberster Ebene')
          : plan.lines.lineCount > 1 && /^\uFEFF?---[ \t]*$/.test(plan.lines.lineText(0)) // front matter; the text in blocks is not joined
            ? t('to the front matter', 'im Front Matter')
            : t(
                'in a front matter block at the top of the file (between two --- lines)',
                'in einem Front-Matter-Block am Anfang der Datei (zwischen zwei Zeilen ---)',
              );
      ctx.report({
        uri: plan.uri,
        range: plan.titleRange,
        message: t(
          `This plan has no strategy: it names none, and there is no single strategy document in its folder or a folder above. Its goals, KPIs, channels and people go unchecked. Add 'strategy: <path to the strategy>' ${where.en}, e.g. 'strategy: ../strategy.md'.`,
          `Dieser Plan hat keine Strategie: Er nennt keine, und in seinem Ordner oder einem Ordner darüber liegt nicht genau ein Strategiedokument. Seine Ziele, Kennzahlen, Kanäle und Personen bleiben ungeprüft. Ergänzen Sie 'strategy: <Pfad zur Strategie>' ${where.de}, z. B. 'strategy: ../strategie.md'.`,
        ),
      });
    }
  },
};
