import type { Rule } from './api';
import type { PlanEntry, Ref } from '../model';
import { t } from '../text';
import { idKey } from '../vocab';
import { activeEntries } from './planutil';

/** Entries a channel or goal needs before "all push" means something. */
const MIN_ENTRIES = 3;

/**
 * RULES.md: a channel or a goal whose entries are all push (at least 3). Counted per plan
 * document over the entries that are not cancelled; the mode must be push (mixed is not),
 * an inferred push counts. Reported at the channel (goal) of the first such entry.
 */
export const rule: Rule = {
  meta: {
    id: 'push-only',
    severity: 'warning',
    description: t(
      'A channel or a goal of the plan gets nothing but push entries (at least 3): no stories, dialog or service.',
      'Ein Kanal oder ein Ziel des Plans bekommt nur Push-Einträge (mindestens 3): keine Geschichten, kein Dialog, kein Service.',
    ),
  },
  check(ctx) {
    const project = ctx.project;
    for (const doc of project.plans) {
      const entries = activeEntries(doc);
      type Group = { id: string; list: { entry: PlanEntry; ref: Ref }[]; seen: Set<PlanEntry> };
      const channels = new Map<string, Group>();
      const goals = new Map<string, Group>();
      const add = (m: Map<string, Group>, id: string, entry: PlanEntry, ref: Ref) => {
        const k = idKey(id);
        let g = m.get(k);
        if (!g) m.set(k, (g = { id, list: [], seen: new Set() }));
        if (g.seen.has(entry)) return;
        g.seen.add(entry);
        g.list.push({ entry, ref });
      };
      for (const e of entries) {
        if (e.channel) add(channels, e.channel.id, e, e.channel);
        for (const r of e.goals) add(goals, project.lookup('goal', r.id)?.id ?? r.id, e, r);
        // A KPI serves its goals: the entry is about them too (reported at the KPI reference).
        for (const r of e.kpis) {
          const kpi = project.lookup('kpi', r.id);
          if (kpi) for (const g of project.goalsOfKpi(kpi)) add(goals, g.id, e, r);
        }
      }
      for (const [what, m] of [['channel', channels], ['goal', goals]] as const) {
        for (const g of m.values()) {
          if (g.list.length < MIN_ENTRIES) continue;
          if (!g.list.every((x) => x.entry.mode?.value === 'push')) continue;
          const n = g.list.length;
          const inferred = g.list.filter((x) => x.entry.mode?.inferred).length;
          const note = inferred
            ? t(` (${inferred} of them inferred from title or format)`, ` (${inferred} davon aus Titel oder Format abgeleitet)`)
            : t('', '');
          ctx.report({
            uri: doc.uri,
            range: g.list[0].ref.range,
            message: what === 'channel'
              ? t(
                `All ${n} entries on ${g.id} are push${note.en}: nothing tells a story, asks or helps. Mix in other content (80/20 rule).`,
                `Alle ${n} Einträge auf ${g.id} sind Push${note.de}: nichts erzählt, fragt oder hilft. Mischen Sie andere Inhalte bei (80/20-Regel).`,
              )
              : t(
                `All ${n} entries for goal ${g.id} are push${note.en}: the goal is served by advertising alone. Mix in other content (80/20 rule).`,
                `Alle ${n} Einträge zum Ziel ${g.id} sind Push${note.de}: das Ziel wird nur mit Werbung bedient. Mischen Sie andere Inhalte bei (80/20-Regel).`,
              ),
            data: { scope: what, id: g.id, count: n },
          });
        }
      }
    }
  },
};
