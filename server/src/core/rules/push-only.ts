import type { Rule, Tally } from './api';
import type { PlanEntry, Ref } from '../model';
import type { Project } from '../project';
import { t } from '../text';
import { idKey } from '../vocab';
import { channelName } from './channels';
import { Groups, Members, checkTally } from '../plan/tally';

/** Entries a channel or goal needs before "all push" means something. */
const MIN_ENTRIES = 3;

/** An entry's part (not cancelled): its channel (ID key), whether it is push (and inferred), the goals it names (ID keys, once each). */
interface Contribution {
  channel: string | undefined;
  push: boolean;
  inferred: boolean;
  goals: string[];
}

/** A channel or goal: its entries, how many are not push, how many push ones are inferred. */
interface Group {
  members: Members;
  other: number;
  inferred: number;
}

interface State {
  channels: Groups<Group>;
  goals: Groups<Group>;
}

const group = (): Group => ({ members: new Members(), other: 0, inferred: 0 });

function change(g: Group, x: Contribution, sign: 1 | -1): void {
  if (!x.push) g.other += sign;
  else if (x.inferred) g.inferred += sign;
}

const tally: Tally<Contribution, State> = {
  contribution(project, _doc, e) {
    if (e.status?.value === 'cancelled') return undefined;
    const goals: string[] = [];
    for (const [id] of goalRefsOf(project)(e)) {
      const k = idKey(id);
      if (!goals.includes(k)) goals.push(k);
    }
    const push = e.mode?.value === 'push';
    return { channel: e.channel ? idKey(e.channel.id) : undefined, push, inferred: push && !!e.mode?.inferred, goals };
  },
  start: () => ({ channels: new Groups(group), goals: new Groups(group) }),
  add(s, x, e) {
    if (x.channel !== undefined) change(s.channels.add(x.channel, e), x, 1);
    for (const k of x.goals) change(s.goals.add(k, e), x, 1);
  },
  remove(s, x, e) {
    if (x.channel !== undefined) change(s.channels.remove(x.channel, e), x, -1);
    for (const k of x.goals) change(s.goals.remove(k, e), x, -1);
  },
  report(ctx, plans) {
    const project = ctx.project;
    const goalRefs = goalRefsOf(project);
    for (const { doc, state } of plans) {
      const found: { what: 'channel' | 'goal'; id: string; ref: Ref; g: Group }[] = [];
      for (const [, g] of state.channels.inOrder()) {
        if (g.members.size < MIN_ENTRIES || g.other) continue;
        const first = g.members.first!;
        found.push({ what: 'channel', id: channelName(project, first.channel!.id, { doc, entry: first }), ref: first.channel!, g });
      }
      // Goals in the order a pass over the entries meets them: by first entry, then by
      // their order in it.
      const goals = state.goals.inOrder().map(([k, g]) => {
        const refs = goalRefs(g.members.first!);
        const at = refs.findIndex(([id]) => idKey(id) === k);
        return { at, id: refs[at][0], ref: refs[at][1], g };
      });
      for (let i = 1; i < goals.length; i++) {
        // inOrder gives goals first met in the same entry in any order: those by their place in it.
        for (let j = i; j > 0 && goals[j].g.members.first === goals[j - 1].g.members.first && goals[j].at < goals[j - 1].at; j--)
          [goals[j], goals[j - 1]] = [goals[j - 1], goals[j]];
      }
      for (const x of goals) if (x.g.members.size >= MIN_ENTRIES && !x.g.other) found.push({ what: 'goal', id: x.id, ref: x.ref, g: x.g });
      for (const { what, id, ref, g } of found) {
        const n = g.members.size;
        const inferred = g.inferred;
        const note = inferred ? t(` (${inferred} of them inferred from title or format)`, ` (${inferred} davon aus Titel oder Format abgeleitet)`) : t('', '');
        ctx.report({
          uri: doc.uri,
          range: ref.range,
          message:
            what === 'channel'
              ? t(
                  `All ${n} entries on ${id} are push${note.en}: nothing tells a story, asks or helps. Mix in other content (80/20 rule).`,
                  `Alle ${n} Einträge auf ${id} sind Push${note.de}: nichts erzählt, fragt oder hilft. Mischen Sie andere Inhalte bei (80/20-Regel).`,
                )
              : t(
                  `All ${n} entries for goal ${id} are push${note.en}: the goal is served by advertising alone. Mix in other content (80/20 rule).`,
                  `Alle ${n} Einträge zum Ziel ${id} sind Push${note.de}: das Ziel wird nur mit Werbung bedient. Mischen Sie andere Inhalte bei (80/20-Regel).`,
                ),
          data: { scope: what, id, count: n },
        });
      }
    }
  },
};

/**
 * docs/rules/README.md: a channel or a goal whose entries are all push (at least 3). Counted per plan
 * document over the entries that are not cancelled; the mode must be push (mixed is not),
 * an inferred push counts. Reported at the channel (goal) of the first such entry.
 * Counted from per-entry contributions (Tally, docs/decisions.md "What a keystroke costs").
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
  check: (ctx) => checkTally(tally, ctx),
  tally,
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
