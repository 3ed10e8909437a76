import type { Rule, Tally } from './api';
import { t } from '../text';
import { idKey } from '../vocab';
import { fileName, isCancelled, joinList, writtenId } from '../query';
import { bump, checkTally } from '../plan/tally';

/** Per plan: how many entries (not cancelled) use each channel (ID key). */
type State = Map<string, number>;

const tally: Tally<string, State> = {
  contribution: (_project, _doc, e) => (e.channel && !isCancelled(e) ? idKey(e.channel.id) : undefined),
  start: () => new Map(),
  add: (s, k) => bump(s, k, 1),
  remove: (s, k) => bump(s, k, -1),
  report(ctx, states) {
    const { project } = ctx;
    if (!project.strategy || !project.plans.length) return;
    const plans = project.plans.map((p) => fileName(p.uri));
    const many = plans.length > 1;
    for (const c of project.channels) {
      const key = idKey(c.id);
      if (states.some((p) => p.state.has(key))) continue;
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

/**
 * docs/rules/README.md: a channel of the channel plan with no plan entry. Counted from
 * per-entry contributions (Tally, docs/decisions.md "What a keystroke costs"): each entry
 * that is not cancelled adds its channel.
 */
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
  check: (ctx) => checkTally(tally, ctx),
  tally,
};
