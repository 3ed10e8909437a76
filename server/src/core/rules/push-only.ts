import type { Rule } from './api';
import type { PlanEntry, Ref } from '../model';
import type { Project } from '../project';
import { t } from '../text';
import { idKey } from '../vocab';
import { activeEntries } from '../plan/entries';
import { channelName } from './channels';

/** Entries a channel or goal needs before "all push" means something. */
const MIN_ENTRIES = 3;

/**
 * docs/rules/README.md: a channel or a goal whose entries are all push (at least 3). Counted per plan
 * document over the entries that are not cancelled; the mode must be push (mixed is not),
 * an inferred push counts. Reported at the channel (goal) of the first such entry.
 */
export const rule: Rule = {
  meta: {
    id: 'push-only',
    severity: 'warning',
    scope: 'aggregate',
    description: t(
      'A channel or a goal of the plan gets nothing but push entries (at least 3): no stories, dialog or service.',
      'Ein Kanal oder ein Ziel des Plans bekommt nur Push-Einträge (mindestens 3): keine Geschichten, kein Dialog, kein Service.',
    ),
  },
  check(ctx) {
    const project = ctx.project;
    const goalRefs = goalRefsOf(project);
    for (const doc of project.plans) {
      const entries = activeEntries(doc);
      // Per group only what the message needs: no list of members (this runs over every
      // entry of the plan on each keystroke).
      type Group = { id: string; n: number; allPush: boolean; inferred: number; first: Ref; last: PlanEntry | undefined };
      const channels = new Map<string, Group>();
      // Channel names as the strategy writes them, looked up once per channel.
      const names = new Map<string, string>();
      const goals = new Map<string, Group>();
      const add = (m: Map<string, Group>, id: string, entry: PlanEntry, ref: Ref) => {
        const k = idKey(id);
        let g = m.get(k);
        if (!g) m.set(k, (g = { id, n: 0, allPush: true, inferred: 0, first: ref, last: undefined }));
        // An entry naming a goal twice (directly and through a KPI) counts once; its adds
        // come one after the other.
        if (g.last === entry) return;
        g.last = entry;
        g.n++;
        if (entry.mode?.value !== 'push') g.allPush = false;
        else if (entry.mode.inferred) g.inferred++;
      };
      for (const e of entries) {
        if (e.channel) {
          const k = idKey(e.channel.id);
          let name = names.get(k);
          if (name === undefined) names.set(k, (name = channelName(project, e.channel.id, { doc, entry: e })));
          add(channels, name, e, e.channel);
        }
        for (const [id, ref] of goalRefs(e)) add(goals, id, e, ref);
      }
      for (const [what, m] of [
        ['channel', channels],
        ['goal', goals],
      ] as const) {
        for (const g of m.values()) {
          if (g.n < MIN_ENTRIES || !g.allPush) continue;
          const n = g.n;
          const inferred = g.inferred;
          const note = inferred
            ? t(` (${inferred} of them inferred from title or format)`, ` (${inferred} davon aus Titel oder Format abgeleitet)`)
            : t('', '');
          ctx.report({
            uri: doc.uri,
            range: g.first.range,
            message:
              what === 'channel'
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

/**
 * The goals an entry names, directly or through its KPIs, each with the reference that
 * names it (a goal not in the strategy under the ID as written).
 */
function goalRefsOf(project: Project): (e: PlanEntry) => [string, Ref][] {
  const compute = (e: PlanEntry): [string, Ref][] => {
    const list: [string, Ref][] = [];
    for (const r of e.goals) list.push([project.lookup('goal', r.id)?.id ?? r.id, r]);
    for (const r of e.kpis) {
      const kpi = project.lookup('kpi', r.id);
      if (kpi) for (const g of project.goalsOfKpi(kpi)) list.push([g.id, r]);
    }
    return list;
  };
  return (e) => project.perEntry('push-only goal refs', e, compute);
}
