import type { Rule, Tally } from './api';
import { t } from '../text';
import { idKey } from '../vocab';
import { fileName, isCancelled, itemLabel, joinList } from '../query';
import { bump, checkTally } from '../plan/tally';

/** An entry's part: the goals it serves (ID keys, directly or through its KPIs), and whether it is cancelled. */
interface Contribution {
  keys: string[];
  cancelled: boolean;
}

/** Per plan: how many entries serve each goal, and how many cancelled entries did. */
interface State {
  served: Map<string, number>;
  cancelled: Map<string, number>;
}

const tally: Tally<Contribution, State> = {
  contribution(project, _doc, entry) {
    const keys = project.perEntry('goal keys', entry, (e) => project.goalsOfEntry(e).map((g) => idKey(g.id)));
    return keys.length ? { keys, cancelled: isCancelled(entry) } : undefined;
  },
  start: () => ({ served: new Map(), cancelled: new Map() }),
  add(s, c) {
    for (const k of c.keys) bump(c.cancelled ? s.cancelled : s.served, k, 1);
  },
  remove(s, c) {
    for (const k of c.keys) bump(c.cancelled ? s.cancelled : s.served, k, -1);
  },
  report(ctx, states) {
    const { project } = ctx;
    if (!project.strategy || !project.plans.length) return;
    const plans = joinList(
      project.plans.map((p) => fileName(p.uri)),
      'en',
    );
    const plansDe = joinList(
      project.plans.map((p) => fileName(p.uri)),
      'de',
    );
    const many = project.plans.length > 1;
    for (const g of project.goals) {
      const key = idKey(g.id);
      if (states.some((p) => p.state.served.has(key))) continue;
      const cancelled = states.some((p) => p.state.cancelled.has(key));
      ctx.report({
        uri: g.uri,
        range: g.idRange,
        message: t(
          `No entry of the editorial plan${many ? 's' : ''} (${plans}) serves goal ${itemLabel(g)}${cancelled ? '; the entries that did are cancelled' : ''}. Plan content with 'Goal: ${g.id}', or drop the goal.`,
          `Kein Eintrag ${many ? 'der Redaktionspläne' : 'des Redaktionsplans'} (${plansDe}) dient dem Ziel ${itemLabel(g)}${cancelled ? '; die Einträge dafür sind gestrichen' : ''}. Planen Sie Inhalte mit 'Ziel: ${g.id}', oder streichen Sie das Ziel.`,
        ),
      });
    }
  },
};

/**
 * docs/rules/README.md: a goal that no plan entry serves (only when the strategy has at
 * least one plan). Counted from per-entry contributions (Tally, docs/decisions.md "What a
 * keystroke costs"): each entry adds the goals it serves.
 */
export const rule: Rule = {
  meta: {
    id: 'unlinked-goal',
    severity: 'warning',
    scope: 'aggregate',
    description: t(
      'A goal that no entry of the editorial plans serves (checked once the strategy has a plan).',
      'Ein Ziel, dem kein Eintrag der Redaktionspläne dient (geprüft, sobald die Strategie einen Plan hat).',
    ),
  },
  check: (ctx) => checkTally(tally, ctx),
  tally,
};
