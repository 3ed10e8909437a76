import type { Rule } from './api';
import { t } from '../text';
import { idKey } from '../vocab';
import { activeEntriesInProject, fileName, joinList, writtenId } from '../query';

/** docs/rules/README.md: a channel of the channel plan with no plan entry */
export const rule: Rule = {
  meta: {
    id: 'unplanned-channel',
    severity: 'information',
    scope: 'aggregate',
    description: t(
      'A channel of the channel plan that no entry of the editorial plans uses.',
      'Ein Kanal des Kanalplans, den kein Eintrag der Redaktionspläne nutzt.',
    ),
  },
  check(ctx) {
    const { project } = ctx;
    if (!project.strategy || !project.plans.length) return;
    const used = new Set<string>();
    for (const { entry } of activeEntriesInProject(project)) if (entry.channel) used.add(idKey(entry.channel.id));
    const plans = project.plans.map((p) => fileName(p.uri));
    const many = plans.length > 1;
    for (const c of project.channels) {
      if (used.has(idKey(c.id))) continue;
      const name = writtenId(project, c);
      ctx.report({
        uri: c.uri,
        range: c.idRange,
        message: t(
          `Channel '${name}' is in the channel plan, but no entry of the editorial plan${many ? 's' : ''} (${joinList(plans, 'en')}) uses it: plan content for it, or drop the channel.`,
          `Der Kanal '${name}' steht im Kanalplan, aber kein Eintrag ${many ? 'der Redaktionspläne' : 'des Redaktionsplans'} (${joinList(plans, 'de')}) nutzt ihn: Planen Sie Inhalte dafür, oder streichen Sie den Kanal.`,
        ),
      });
    }
  },
};
