import type { Rule } from './api';
import type { FixSpec } from '../model';
import { t } from '../text';
import { idKey } from '../vocab';
import { activeEntries, entryName } from '../plan/entries';
import { setEntryField } from '../edit/entryedit';

/**
 * docs/rules/README.md: an entry that serves no goal (content with no purpose): no goal and no KPI.
 * Fix: one choice per goal of the entry's channel in the strategy's channel plan.
 */
export const rule: Rule = {
  meta: {
    id: 'entry-without-goal',
    severity: 'warning',
    scope: 'entry',
    description: t(
      'A plan entry names no goal and no KPI: content without a purpose.',
      'Ein Eintrag des Plans nennt kein Ziel und keine Kennzahl: Inhalt ohne Zweck.',
    ),
    fixable: true,
  },
  check(ctx) {
    const project = ctx.project;
    for (const doc of project.plans) {
      for (const entry of activeEntries(doc)) {
        // A soft goal (a Content Pillar) counts only where it names a goal.
        if (entry.goals.some((r) => !r.soft || project.lookup('goal', r.id)) || entry.kpis.length) continue;
        const channel = entry.channel && project.lookup('channel', entry.channel.id);
        const fixes: FixSpec[] = [];
        const seen = new Set<string>();
        for (const ref of channel?.goals ?? []) {
          const goal = project.lookup('goal', ref.id);
          const id = goal?.id ?? ref.id;
          if (!goal || seen.has(idKey(goal.id))) continue;
          seen.add(idKey(goal.id));
          const edits = setEntryField(doc, entry, 'goals', id, ctx.project.derived);
          if (!edits) break;
          const title = goal.title?.value;
          fixes.push({
            title: t(`Serve goal ${id}${title ? `: ${title}` : ''}`, `Ziel ${id} zuordnen${title ? `: ${title}` : ''}`),
            edits: [{ uri: doc.uri, edits }],
          });
        }
        if (fixes.length === 1) fixes[0].preferred = true;
        const name = entryName(entry);
        const goalsHint = channel?.goals.length
          ? t(
              ` The channel plan names ${channel.goals.map((g) => g.id).join(', ')} for ${channel.id}.`,
              ` Der Kanalplan nennt für ${channel.id} ${channel.goals.map((g) => g.id).join(', ')}.`,
            )
          : t('', '');
        ctx.report({
          uri: doc.uri,
          range: entry.anchor,
          message: t(
            `${name.en} serves no goal: it names neither a goal nor a KPI, so nothing says why it is posted.${goalsHint.en}`,
            `${name.de} dient keinem Ziel: der Eintrag nennt weder Ziel noch Kennzahl, also sagt nichts, wozu er erscheint.${goalsHint.de}`,
          ),
          fixes: fixes.length ? fixes : undefined,
        });
      }
    }
  },
};
