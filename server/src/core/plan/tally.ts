/**
 * Running state for aggregate rules that count from per-entry contributions (RuleMeta
 * `tally`, docs/decisions.md "What a keystroke costs"): groups of entries with their first
 * member in document order, and the from-scratch run the CLI uses.
 */
import type { ParsedDocument, PlanEntry } from '../model';
import type { RuleContext, Tally } from '../rules/api';
import { comparePos } from '../text';
import type { Project } from '../project';

/** Whether `a` comes before `b` in their plan (the order of `plan.entries`). */
export function before(a: PlanEntry, b: PlanEntry): boolean {
  return (comparePos(a.range.start, b.range.start) || a.index - b.index) < 0;
}

/**
 * A set of entries that knows its first one in document order. Adding is O(1); removing
 * the first makes the next `first` look through the members once.
 */
export class Members {
  private readonly set = new Set<PlanEntry>();
  /** null: to be found again (the first was removed). */
  private head: PlanEntry | undefined | null;

  get size(): number {
    return this.set.size;
  }

  add(e: PlanEntry): void {
    this.set.add(e);
    if (this.head !== null && (this.head === undefined || before(e, this.head))) this.head = e;
  }

  remove(e: PlanEntry): void {
    this.set.delete(e);
    if (this.head === e) this.head = null;
  }

  all(): IterableIterator<PlanEntry> {
    return this.set.values();
  }

  get first(): PlanEntry | undefined {
    if (this.head === null) {
      let h: PlanEntry | undefined;
      for (const e of this.set) if (!h || before(e, h)) h = e;
      this.head = h;
    }
    return this.head;
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

/** A plan counted from scratch: every entry's contribution added to a fresh state; `parts` aligned with the entries. */
export function countAfresh<C, S>(tally: Tally<C, S>, project: Project, doc: ParsedDocument): { state: S; parts: (C | undefined)[] } {
  const state = tally.start();
  const parts = (doc.plan?.entries ?? []).map((e) => {
    const c = tally.contribution(project, doc, e);
    if (c !== undefined) tally.add(state, c, e);
    return c;
  });
  return { state, parts };
}

/** Runs a tally from scratch: every entry's contribution added to a fresh state per plan. */
export function checkTally<C, S>(tally: Tally<C, S>, ctx: RuleContext): void {
  tally.report(
    ctx,
    ctx.project.plans.map((doc) => ({ doc, state: countAfresh(tally, ctx.project, doc).state })),
  );
}
