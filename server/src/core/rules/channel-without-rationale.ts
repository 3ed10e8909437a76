import type { Rule } from './api';
import { t } from '../text';
import { writtenId } from '../query';
import { hasContent, placeholderShown } from '../vocab-practice';

/** docs/rules/README.md: a channel without why, or without resources */
export const rule: Rule = {
  meta: {
    id: 'channel-without-rationale',
    severity: 'warning',
    local: true,
    scope: 'strategy',
    description: t(
      'A channel of the channel plan without a reason (why) or without resources (who, how much effort).',
      'Ein Kanal des Kanalplans ohne Begründung (Warum) oder ohne Ressourcen (wer, mit welchem Aufwand).',
    ),
  },
  check(ctx) {
    for (const c of ctx.project.channels) {
      // A placeholder (TBD, folgt, -) is no reason and no resources (docs/decisions.md "Placeholders count as empty").
      const noWhy = !hasContent(c.why?.value);
      const noRes = !hasContent(c.resources?.value) && !c.people.length;
      if (!noWhy && !noRes) continue;
      const name = `'${writtenId(ctx.project, c)}'`;
      const held = [noWhy && c.why ? c.why : undefined, noRes && c.resources ? c.resources : undefined].filter((x) => !!x);
      const note = held.length
        ? t(
            ` (${held.map((x) => `'${placeholderShown(x.raw)}'`).join(', ')} is only a placeholder)`,
            ` (${held.map((x) => `'${placeholderShown(x.raw)}'`).join(', ')} ist nur ein Platzhalter)`,
          )
        : t('', '');
      let message;
      if (noWhy && noRes) {
        message = t(
          `Channel ${name} has neither a reason ('Why:') nor resources ('Resources:'): say why this channel and for whom, and who runs it with how much time.`,
          `Der Kanal ${name} hat weder eine Begründung ('Warum:') noch Ressourcen ('Ressourcen:'): Schreiben Sie, warum dieser Kanal und für wen, und wer ihn mit wie viel Zeit betreut.`,
        );
      } else if (noWhy) {
        message = t(
          `Channel ${name} has no reason ('Why:'): say why this channel and which audience you reach there.`,
          `Der Kanal ${name} hat keine Begründung ('Warum:'): Schreiben Sie, warum dieser Kanal und welche Zielgruppe Sie dort erreichen.`,
        );
      } else {
        message = t(
          `Channel ${name} has no resources ('Resources:'): name who runs it and how much time it takes (e.g. '@anna, 4 h/week').`,
          `Der Kanal ${name} hat keine Ressourcen ('Ressourcen:'): Nennen Sie, wer ihn betreut und wie viel Zeit das kostet (z. B. '@anna, 4 h/Woche').`,
        );
      }
      // The placeholder note goes before the colon that starts the advice.
      const withNote = (m: string, n: string) => (n ? m.replace(/\): /, `)${n}: `) : m);
      ctx.report({ uri: c.uri, range: c.idRange, message: t(withNote(message.en, note.en), withNote(message.de, note.de)) });
    }
  },
};
