import type { Rule } from './api';
import { t } from '../text';
import { writtenId } from './util';

/** RULES.md: a channel without why, or without resources */
export const rule: Rule = {
  meta: {
    id: 'channel-without-rationale',
    severity: 'warning',
    description: t(
      'A channel of the channel plan without a reason (why) or without resources (who, how much effort).',
      'Ein Kanal des Kanalplans ohne Begründung (Warum) oder ohne Ressourcen (wer, mit welchem Aufwand).',
    ),
  },
  check(ctx) {
    for (const c of ctx.project.channels) {
      const noWhy = !c.why;
      const noRes = !c.resources;
      if (!noWhy && !noRes) continue;
      const name = `'${writtenId(ctx.project, c)}'`;
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
      ctx.report({ uri: c.uri, range: c.idRange, message });
    }
  },
};
