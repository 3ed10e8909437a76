/**
 * Running state for aggregate rules that count from per-entry contributions (RuleMeta
 * `tally`, docs/decisions.md "What a keystroke costs"): groups of entries with their first
 * member in document order, and the from-scratch run the CLI uses.
 */
import type { ParsedDocument, PlanEntry } from '../model';
import type { RuleContext, Tally } from '../rules/api';
import { comparePos, SmallRange } from '../text';
import type { Project } from '../project';

/** Whether `a` comes before `b` in their plan (the order of `plan.entries`). */
export function before(a: PlanEntry, b: PlanEntry): boolean {
  const ra = a.range;
  const rb = b.range;
  // Two small ranges compare by their numbers (line * 2048 + character), with no position made.
  const byStart = ra instanceof SmallRange && rb instanceof SmallRange ? ra.ps - rb.ps : comparePos(ra.start, rb.start);
  return (byStart || a.index - b.index) < 0;
}

/**
 * A set of entries that knows its first one in document order: the members in that order
 * (found by a binary search; an entry added after the last, as a count from scratch adds
 * them, is appended). A `Set` of the members held ~24 bytes per member where the list holds
 * ~10, and a tallying rule keeps one member per entry per scope for an edited plan
 * (docs/decisions.md "Memory").
 */
export class Members {
  /** undefined: counted only (a scope whose first entry is never asked for). */
  private readonly list: PlanEntry[] | undefined;
  private n = 0;

  /**
   * `ordered` false: only the size is kept. A whole plan's scope or a month's count is
   * never asked for its first entry, and a set of every entry per scope and rule held
   * ~1 MB of a 5,000-entry plan's live heap.
   */
  constructor(ordered = true) {
    this.list = ordered ? [] : undefined;
  }

  get size(): number {
    return this.n;
  }

  add(e: PlanEntry): void {
    this.n++;
    const list = this.list;
    if (!list) return;
    if (!list.length || !before(e, list[list.length - 1])) list.push(e);
    else list.splice(this.place(e, true), 0, e);
  }

  remove(e: PlanEntry): void {
    this.n--;
    const list = this.list;
    if (!list) return;
    let i = this.place(e);
    // The members are of one reading, so `e` stands where the search ends; were it not, it is looked for.
    if (list[i] !== e) i = list.indexOf(e);
    if (i >= 0) list.splice(i, 1);
  }

  /** The index of the first member not before `e` (`after`: the first that `e` is before, so ties keep the order they were added in). */
  private place(e: PlanEntry, after = false): number {
    const list = this.list!;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (after ? !before(e, list[mid]) : before(list[mid], e)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  get first(): PlanEntry | undefined {
    if (!this.list) throw new Error('Members counted only: no first entry');
    return this.list[0];
  }
}

/** Groups by key, each made on its first add and dropped when its last member goes. */
export class Groups<G extends { members: Members }> {
  readonly map = new Map<string, G>();
  constructor(private readonly make: () => G) {}

  add(key: string, e: PlanEntry): G {
    let g = this.map.get(key);
    if (!g) this.map.set(key, (g = this.make()));
    g.members.add(e);
    return g;
  }

  /** Removes a member; gives the group (emptied groups are dropped, after the caller's update). */
  remove(key: string, e: PlanEntry): G {
    const g = this.map.get(key)!;
    g.members.remove(e);
    if (!g.members.size) this.map.delete(key);
    return g;
  }

  /** The groups in the order of their first members (the order a pass over the entries meets them). */
  inOrder(): [string, G][] {
    return [...this.map].sort(([, a], [, b]) => (before(a.members.first!, b.members.first!) ? -1 : 1));
  }
}

/** Adds `by` to a count in a map; a count that comes to 0 leaves the map (so `has` means "some"). */
export function bump<K>(m: Map<K, number>, k: K, by: number): void {
  const n = (m.get(k) ?? 0) + by;
  if (n) m.set(k, n);
  else m.delete(k);
}

/**
 * A plan counted from scratch: every entry's contribution added to a fresh state. The
 * contributions are not kept: the engine makes those of the entries an edit replaced
 * again to take them out (a contribution is a pure function of the entry, its plan's own
 * settings and the strategy: Tally), where a list of each entry's contribution per rule,
 * with the contributions themselves, held ~3 MB of a 5,000-entry plan (docs/decisions.md
 * "Memory").
 */
export function countAfresh<C, S>(tally: Tally<C, S>, project: Project, doc: ParsedDocument): S {
  const state = tally.start();
  for (const e of doc.plan?.entries ?? []) {
    const c = tally.contribution(project, doc, e);
    if (c !== undefined) tally.add(state, c, e);
  }
  return state;
}

/** Runs a tally from scratch: every entry's contribution added to a fresh state per plan. */
export function checkTally<C, S>(tally: Tally<C, S>, ctx: RuleContext): void {
  tally.report(
    ctx,
    ctx.project.plans.map((doc) => ({ doc, state: countAfresh(tally, ctx.project, doc) })),
  );
}
