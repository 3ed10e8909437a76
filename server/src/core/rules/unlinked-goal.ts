import type { Rule } from './api';
import { t } from '../text';
import { idKey } from '../vocab';
import { fileName, isCancelled, itemLabel, joinList } from '../query';

/** docs/rules/README.md: a goal that no plan entry serves (only when the strategy has at least one plan) */
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
  check(ctx) {
    const { project } = ctx;
    if (!project.strategy || !project.plans.length) return;
    const served = new Set<string>();
    const cancelledOnly = new Set<string>();
    for (const { entry } of project.entries()) {
      const keys = project.perEntry('goal keys', entry, (e) => project.goalsOfEntry(e).map((g) => idKey(g.id)));
      for (const k of keys) (isCancelled(entry) ? cancelledOnly : served).add(k);
    }
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
      if (served.has(key)) continue;
      const cancelled = cancelledOnly.has(key);
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
