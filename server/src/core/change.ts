/**
 * What a change does to the plans (docs/cli.md "What this change does"): entries added,
 * removed and moved (by date and channel), push share and content mix per channel and
 * entries per goal, before and after. Pure: the caller reads both versions into a
 * Workspace each and says which documents count and by what path they are known.
 *
 * Entries are matched across the versions by their ID; entries without one by plan and
 * title (docs/decisions.md "Changes, not the whole plan").
 */
import type { PlanEntry } from './model';
import type { Project } from './project';
import { live, mixOf, type MixStats } from './stats';
import { idKey } from './vocab';
import type { Workspace } from './workspace';

export interface ChangeSide {
  ws: Workspace;
  /** The path a document is known by on both sides (relative to the repository). */
  pathOf(uri: string): string;
  /** Whether a document's entries count (the given paths). */
  include(uri: string): boolean;
}

export interface EntryView {
  path: string;
  /** 1-based line of the entry's anchor (its title, else its first field). */
  line: number;
  id?: string;
  title?: string;
  /** ISO date when it parsed, else as written. */
  date?: string;
  channel?: string;
}

export interface ChannelChange {
  channel: string;
  before: MixStats;
  after: MixStats;
}

export interface GoalChange {
  goal: string;
  title?: string;
  before: number;
  after: number;
}

export interface PlanChange {
  added: EntryView[];
  removed: EntryView[];
  moved: { before: EntryView; after: EntryView }[];
  /** Channels whose live entries or mix differ, by channel. */
  channels: ChannelChange[];
  /** Goals served by a different number of live entries. */
  goals: GoalChange[];
}

interface Rec {
  view: EntryView;
  entry: PlanEntry;
  project: Project;
  key?: string;
  titleKey: string;
}

function collect(side: ChangeSide): Rec[] {
  const out: Rec[] = [];
  for (const project of side.ws.projects()) {
    for (const doc of project.plans) {
      if (!side.include(doc.uri)) continue;
      const path = side.pathOf(doc.uri);
      for (const entry of doc.plan?.entries ?? []) {
        const view: EntryView = {
          path,
          line: entry.anchor.start.line + 1,
          id: entry.id?.id,
          title: entry.title?.value,
          date: entry.isoDate ?? entry.date?.raw,
          channel: entry.channel?.id,
        };
        out.push({
          view,
          entry,
          project,
          key: entry.id ? idKey(entry.id.id) : undefined,
          titleKey: `${path}\n${(entry.title?.value ?? '').trim().toLowerCase()}`,
        });
      }
    }
  }
  return out;
}

const sameChannel = (a?: string, b?: string) => (a === undefined ? '' : idKey(a)) === (b === undefined ? '' : idKey(b));

/** Takes the first of `list` that `ok` accepts out of it. */
function take<T>(list: T[] | undefined, ok: (x: T) => boolean = () => true): T | undefined {
  if (!list) return undefined;
  const i = list.findIndex(ok);
  return i < 0 ? undefined : list.splice(i, 1)[0];
}

function group<T>(list: T[], key: (x: T) => string | undefined): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    if (k === undefined) continue;
    const l = m.get(k);
    if (l) l.push(x);
    else m.set(k, [x]);
  }
  return m;
}

function sameMix(a: MixStats, b: MixStats): boolean {
  if (a.count !== b.count || a.push !== b.push) return false;
  const keys = new Set([...Object.keys(a.byMode), ...Object.keys(b.byMode)]) as Set<keyof MixStats['byMode']>;
  for (const k of keys) if ((a.byMode[k] ?? 0) !== (b.byMode[k] ?? 0)) return false;
  return true;
}

export function planChange(before: ChangeSide, after: ChangeSide): PlanChange {
  const old = collect(before);
  const now = collect(after);
  const pairs: [Rec, Rec][] = [];
  const oldLeft = new Set(old);
  // 1. By ID (an entry may even move to another plan file).
  const byId = group(old, (r) => r.key);
  const unmatched: Rec[] = [];
  for (const r of now) {
    const o = r.key !== undefined ? take(byId.get(r.key)) : undefined;
    if (o) {
      pairs.push([o, r]);
      oldLeft.delete(o);
    } else unmatched.push(r);
  }
  // 2. Without ID (or a new ID): same plan and title, the same date and channel first.
  const byTitle = group(
    [...oldLeft].filter((r) => r.key === undefined),
    (r) => r.titleKey,
  );
  const added: Rec[] = [];
  for (const r of unmatched) {
    const list = r.key === undefined ? byTitle.get(r.titleKey) : undefined;
    const o = take(list, (x) => x.view.date === r.view.date && sameChannel(x.view.channel, r.view.channel)) ?? take(list);
    if (o) {
      pairs.push([o, r]);
      oldLeft.delete(o);
    } else added.push(r);
  }
  const moved = pairs
    .filter(([o, r]) => o.view.date !== r.view.date || !sameChannel(o.view.channel, r.view.channel))
    .map(([o, r]) => ({ before: o.view, after: r.view }));

  // Channels: the live entries on each, before and after.
  const channelNames = new Map<string, string>();
  const onChannel = (recs: Rec[]) => {
    const m = new Map<string, PlanEntry[]>();
    for (const r of recs) {
      if (!r.entry.channel) continue;
      const k = idKey(r.entry.channel.id);
      if (!channelNames.has(k)) channelNames.set(k, r.entry.channel.id);
      const l = m.get(k);
      if (l) l.push(r.entry);
      else m.set(k, [r.entry]);
    }
    return m;
  };
  const chOld = onChannel(old);
  const chNow = onChannel(now);
  const channels: ChannelChange[] = [];
  for (const [k, name] of [...channelNames].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const b = mixOf(chOld.get(k) ?? []);
    const a = mixOf(chNow.get(k) ?? []);
    if (!sameMix(a, b)) channels.push({ channel: name, before: b, after: a });
  }

  // Goals: live entries serving each.
  const goalTitles = new Map<string, { id: string; title?: string }>();
  const perGoal = (recs: Rec[]) => {
    const m = new Map<string, number>();
    for (const r of recs) {
      if (!live(r.entry)) continue;
      for (const g of r.project.goalsOfEntry(r.entry)) {
        const k = idKey(g.id);
        if (!goalTitles.has(k)) goalTitles.set(k, { id: g.id, title: g.title?.value });
        m.set(k, (m.get(k) ?? 0) + 1);
      }
    }
    return m;
  };
  const gOld = perGoal(old);
  const gNow = perGoal(now);
  const goals: GoalChange[] = [];
  for (const [k, g] of [...goalTitles].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const b = gOld.get(k) ?? 0;
    const a = gNow.get(k) ?? 0;
    if (a !== b) goals.push({ goal: g.id, title: g.title, before: b, after: a });
  }

  const byPlace = (x: EntryView, y: EntryView) => (x.path < y.path ? -1 : x.path > y.path ? 1 : x.line - y.line);
  return {
    added: added.map((r) => r.view).sort(byPlace),
    removed: [...oldLeft].map((r) => r.view).sort(byPlace),
    moved: moved.sort((x, y) => byPlace(x.after, y.after)),
    channels,
    goals,
  };
}

/** Whether the change touches the plans at all. */
export function isEmptyChange(c: PlanChange): boolean {
  return !c.added.length && !c.removed.length && !c.moved.length && !c.channels.length && !c.goals.length;
}
