import type { Rule } from './api';
import { t } from '../text';
import { SECTION_BY_KEY, stripNumbering } from '../vocab';
import { isPlaceholderOnly, placeholderShown as short } from '../vocab-practice';
import { TEMPLATES } from '../edit/templates';

/** docs/rules/README.md: a step's section holds no text, or only placeholders (TODO, TBD, tbd, …, xxx) */
export const rule: Rule = {
  meta: {
    id: 'empty-step',
    severity: 'warning',
    local: true,
    scope: 'strategy',
    description: t(
      'A section of one of the eight steps holds no text, or only placeholders such as TODO, TBD or ….',
      'Ein Abschnitt eines der acht Schritte enthält keinen Text oder nur Platzhalter wie TODO, TBD oder ….',
    ),
  },
  check(ctx) {
    const doc = ctx.project.strategy;
    if (!doc?.strategy) return;
    for (const s of doc.strategy.sections) {
      const steps = s.keys.filter((k) => SECTION_BY_KEY.get(k)?.step !== undefined);
      if (!steps.length) continue;
      // YAML's empty values (null, ~, [], {}) are empty too.
      const content = doc.format === 'yaml' && /^(?:null|~|\[\s*\]|\{\s*\})$/i.test(s.content.trim()) ? '' : s.content.trim();
      if (!isPlaceholderOnly(content)) continue;
      const heading = stripNumbering(s.heading) || s.heading;
      const nums = steps.map((k) => SECTION_BY_KEY.get(k)!.step!);
      const en = steps.map((k) => TEMPLATES[k].heading.en).join(' and ');
      const de = steps.map((k) => TEMPLATES[k].heading.de).join(' und ');
      const stepEn = `${nums.length > 1 ? 'Steps' : 'Step'} ${nums.join(' and ')} (${en})`;
      const stepDe = `${nums.length > 1 ? 'Schritte' : 'Schritt'} ${nums.join(' und ')} (${de})`;
      ctx.report({
        uri: doc.uri,
        range: s.headingRange,
        message: short(content)
          ? t(
              `The section '${heading}' holds only placeholders ('${short(content)}'): ${stepEn} ${nums.length > 1 ? 'are' : 'is'} not worked out yet.`,
              `Der Abschnitt '${heading}' enthält nur Platzhalter ('${short(content)}'): ${stepDe} ${nums.length > 1 ? 'sind' : 'ist'} noch nicht ausgearbeitet.`,
            )
          : t(
              `The section '${heading}' is empty: ${stepEn} ${nums.length > 1 ? 'are' : 'is'} not worked out yet.`,
              `Der Abschnitt '${heading}' ist leer: ${stepDe} ${nums.length > 1 ? 'sind' : 'ist'} noch nicht ausgearbeitet.`,
            ),
      });
    }
  },
};
