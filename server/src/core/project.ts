/**
 * A project: one strategy and the plans that belong to it (docs/format.md: references
 * resolve within one strategy and its plans), or a plan without a strategy.
 */
import type { Audience, Channel, DocKind, Goal, Item, ItemKind, Kpi, ParsedDocument, Person, PlanEntry } from './model';
import { goalTypeOf, idKey, words } from './vocab';
import { Derived } from './derived';
import { dirnameUri, parentFolder, resolveUri } from './uri';

/** How a plan found its strategy. */
export type PlanLink =
  | { via: 'path'; strategyUri: string }
  | { via: 'folder'; strategyUri: string }
  /** `strategy:` names a path where no strategy document is. */
  | { via: 'broken'; target?: string }
  /** No `strategy:` and no strategy in the folder or above. */
  | { via: 'none' };

/** What linking a document into its project looks at (a ParsedDocument has it; so has the CLI's summary of one). */
export interface Linkable {
  uri: string;
  kind: DocKind;
  plan?: { strategyPath?: { value: string } };
}

/** The documents of one project as linkProjects finds them: strategy first, plans by URI. */
export interface ProjectDocs<T extends Linkable> {
  strategy?: T;
  plans: T[];
  links: Map<string, PlanLink>;
}

/**
 * Groups documents into projects (docs/format.md "The model"): a plan belongs to the
 * strategy its `strategy:` names, else to the only strategy in its folder or the nearest
 * folder above; a plan that finds none is a project of its own. Projects with a strategy
 * come first, by the strategy's URI, then the plans without one, by URI. The Workspace
 * links its documents with it, and the CLI its threads' summaries of them
 * (docs/decisions.md "Many files"), so both make the same projects.
 */
export function linkProjects<T extends Linkable>(docs: Iterable<T>, byUri: (uri: string) => T | undefined): ProjectDocs<T>[] {
  const byFolder = new Map<string, T[]>();
  const strategies: T[] = [];
  const plansOf = new Map<string, T[]>();
  const linksOf = new Map<string, Map<string, PlanLink>>();
  const all: T[] = [];
  for (const d of docs) {
    all.push(d);
    if (d.kind !== 'strategy') continue;
    strategies.push(d);
    const f = dirnameUri(d.uri);
    const l = byFolder.get(f);
    if (l) l.push(d);
    else byFolder.set(f, [d]);
  }
  const linkOf = (plan: T): PlanLink => {
    const sp = plan.plan?.strategyPath;
    if (sp) {
      const target = resolveUri(plan.uri, sp.value);
      const doc = target ? byUri(target) : undefined;
      if (doc && doc.kind === 'strategy') return { via: 'path', strategyUri: doc.uri };
      return { via: 'broken', target };
    }
    for (let f: string | undefined = dirnameUri(plan.uri); f; f = parentFolder(f)) {
      const list = byFolder.get(f);
      if (list && list.length === 1) return { via: 'folder', strategyUri: list[0].uri };
    }
    return { via: 'none' };
  };
  const orphans: [T, PlanLink][] = [];
  for (const d of all) {
    if (d.kind !== 'plan') continue;
    const link = linkOf(d);
    if (link.via === 'path' || link.via === 'folder') {
      const l = plansOf.get(link.strategyUri);
      if (l) l.push(d);
      else plansOf.set(link.strategyUri, [d]);
      let m = linksOf.get(link.strategyUri);
      if (!m) linksOf.set(link.strategyUri, (m = new Map<string, PlanLink>()));
      m.set(d.uri, link);
    } else orphans.push([d, link]);
  }
  const list: ProjectDocs<T>[] = [];
  for (const s of strategies.sort((a, b) => (a.uri < b.uri ? -1 : 1))) {
    list.push({
      strategy: s,
      plans: (plansOf.get(s.uri) ?? []).sort((a, b) => (a.uri < b.uri ? -1 : 1)),
      links: linksOf.get(s.uri) ?? new Map<string, PlanLink>(),
    });
  }
  for (const [d, link] of orphans.sort((a, b) => (a[0].uri < b[0].uri ? -1 : 1))) list.push({ plans: [d], links: new Map([[d.uri, link]]) });
  return list;
}

export class Project {
  private readonly index: Map<ItemKind, Map<string, Item[]>>;

  constructor(
    readonly strategy: ParsedDocument | undefined,
    readonly plans: ParsedDocument[],
    readonly links: Map<string, PlanLink>,
    /** Where derived values are kept between checks: the Workspace's; a project of its own otherwise. */
    readonly derived: Derived = new Derived(),
    /**
     * A project of the same strategy (the engine's views of some entries): what is derived
     * from the strategy alone (the index of IDs, names, reverse links) is shared, not built again.
     */
    same?: Project,
  ) {
    if (same && same.strategy === strategy) {
      this.index = same.index;
      this.names = same.names;
      this.reverseLinks = same.reverse();
      return;
    }
    this.index = new Map();
    for (const kind of ['person', 'goal', 'kpi', 'audience', 'channel'] as ItemKind[]) this.index.set(kind, new Map());
    const s = strategy?.strategy;
    if (s) {
      for (const it of [...s.people, ...s.goals, ...s.kpis, ...s.audiences, ...s.channels]) {
        const m = this.index.get(it.kind)!;
        const k = idKey(it.id);
        const list = m.get(k);
        if (list) list.push(it);
        else m.set(k, [it]);
      }
    }
  }

  /** Every document of the project, strategy first. */
  get documents(): ParsedDocument[] {
    return this.strategy ? [this.strategy, ...this.plans] : [...this.plans];
  }

  /** The first definition of an ID of a kind, case-insensitively. */
  lookup(kind: 'person', id: string): Person | undefined;
  lookup(kind: 'goal', id: string): Goal | undefined;
  lookup(kind: 'kpi', id: string): Kpi | undefined;
  lookup(kind: 'audience', id: string): Audience | undefined;
  lookup(kind: 'channel', id: string): Channel | undefined;
  lookup(kind: ItemKind, id: string): Item | undefined;
  lookup(kind: ItemKind, id: string): Item | undefined {
    const hit = this.index.get(kind)!.get(idKey(id))?.[0];
    if (hit || (kind !== 'goal' && kind !== 'person')) return hit;
    return this.byName(kind, id);
  }

  private names = new Map<string, Item | null>();

  /**
   * A goal or person named rather than referenced by ID (docs/format.md "References by name"):
   * a goal by its type (`Leads` → the goal of type conversion) or by words of its title,
   * a person by full name or first name. Only a match of exactly one counts.
   */
  private byName(kind: 'goal' | 'person', id: string): Item | undefined {
    const key = `${kind}\n${id}`;
    const known = this.names.get(key);
    if (known !== undefined) return known ?? undefined;
    const ws = words(id);
    let found: Item | undefined;
    if (ws.length) {
      const one = <T>(list: T[]): T | undefined => (list.length === 1 ? list[0] : undefined);
      const has = (title: string | undefined) => {
        if (!title) return false;
        const tw = words(title);
        return ws.every((w) => tw.includes(w));
      };
      if (kind === 'goal') {
        const type = goalTypeOf(id);
        found =
          (type ? one(this.goals.filter((g) => g.type?.value === type)) : undefined) ??
          one(this.goals.filter((g) => words(g.title?.value ?? '').join(' ') === ws.join(' '))) ??
          one(this.goals.filter((g) => has(g.title?.value)));
      } else {
        const full = ws.join(' ');
        found =
          one(this.people.filter((p) => words(p.title?.value ?? '').join(' ') === full)) ??
          (ws.length === 1 ? one(this.people.filter((p) => words(p.title?.value ?? '')[0] === ws[0])) : undefined);
      }
    }
    this.names.set(key, found ?? null);
    return found;
  }

  /** All definitions of a kind by key (more than one where an ID is duplicated). */
  definitions(kind: ItemKind): Map<string, Item[]> {
    return this.index.get(kind)!;
  }

  /** The IDs defined for a kind, as written. */
  ids(kind: ItemKind): string[] {
    return [...this.index.get(kind)!.values()].map((l) => l[0].id);
  }

  get goals(): Goal[] {
    return this.strategy?.strategy?.goals ?? [];
  }
  get kpis(): Kpi[] {
    return this.strategy?.strategy?.kpis ?? [];
  }
  get channels(): Channel[] {
    return this.strategy?.strategy?.channels ?? [];
  }
  get people(): Person[] {
    return this.strategy?.strategy?.people ?? [];
  }
  get audiences(): Audience[] {
    return this.strategy?.strategy?.audiences ?? [];
  }

  /** Every entry of every plan, with its document. */
  *entries(): Generator<{ doc: ParsedDocument; entry: PlanEntry }> {
    for (const doc of this.plans) for (const entry of doc.plan?.entries ?? []) yield { doc, entry };
  }

  private reverseLinks: { kpisByGoal: Map<string, Kpi[]>; goalsByKpi: Map<string, Goal[]> } | undefined;

  /** KPIs by the goals they name, goals by the KPIs they name (built once: linear, not goals × KPIs). */
  private reverse(): { kpisByGoal: Map<string, Kpi[]>; goalsByKpi: Map<string, Goal[]> } {
    if (this.reverseLinks) return this.reverseLinks;
    const kpisByGoal = new Map<string, Kpi[]>();
    const goalsByKpi = new Map<string, Goal[]>();
    const push = <T>(m: Map<string, T[]>, k: string, v: T) => {
      const l = m.get(k);
      if (!l) m.set(k, [v]);
      else if (l[l.length - 1] !== v) l.push(v); // one item naming a key twice
    };
    for (const k of this.kpis) for (const g of k.goals) push(kpisByGoal, idKey(g.id), k);
    for (const g of this.goals) for (const k of g.kpis) push(goalsByKpi, idKey(k.id), g);
    return (this.reverseLinks = { kpisByGoal, goalsByKpi });
  }

  /** The KPIs that measure a goal: its own `kpis` and the KPIs whose `goal` names it. */
  kpisOfGoal(goal: Goal): Kpi[] {
    const out: Kpi[] = [];
    const add = (k: Kpi | undefined) => {
      if (k && !out.includes(k)) out.push(k);
    };
    for (const r of goal.kpis) add(this.lookup('kpi', r.id));
    for (const k of this.reverse().kpisByGoal.get(idKey(goal.id)) ?? []) add(k);
    return out;
  }

  /** The goals a KPI measures: its own `goal` and the goals whose `kpis` name it. */
  goalsOfKpi(kpi: Kpi): Goal[] {
    const out: Goal[] = [];
    const add = (g: Goal | undefined) => {
      if (g && !out.includes(g)) out.push(g);
    };
    for (const r of kpi.goals) add(this.lookup('goal', r.id));
    for (const g of this.reverse().goalsByKpi.get(idKey(kpi.id)) ?? []) add(g);
    return out;
  }

  /**
   * What `compute` derives from an entry and this project's strategy, kept per entry for
   * as long as the strategy is the same reading (the server re-reads only what changed,
   * so rules over all entries derive anew only for the entry that changed). `what` names
   * the derivation; `compute` must depend on nothing else.
   */
  perEntry<T>(what: string, entry: PlanEntry, compute: (entry: PlanEntry) => T): T {
    // Under the strategy's reading (the store itself stands for "no strategy"), then the
    // entry: a new reading of the strategy derives anew.
    const byEntry = this.derived.of(this.strategy ?? this.derived, what, () => new WeakMap<PlanEntry, T>());
    if (byEntry.has(entry)) return byEntry.get(entry) as T;
    const v = compute(entry);
    // Kept as long as the entry: a list cut to its length (docs/decisions.md "Memory").
    const kept = Array.isArray(v) ? (v.slice() as T) : v;
    byEntry.set(entry, kept);
    return kept;
  }

  /** The goals an entry serves: its own, or those of its KPIs. */
  goalsOfEntry(entry: PlanEntry): Goal[] {
    return this.perEntry('goals', entry, (e) => this.findGoalsOfEntry(e));
  }

  private findGoalsOfEntry(entry: PlanEntry): Goal[] {
    const out: Goal[] = [];
    for (const r of entry.goals) {
      const g = this.lookup('goal', r.id);
      if (g && !out.includes(g)) out.push(g);
    }
    for (const r of entry.kpis) {
      const k = this.lookup('kpi', r.id);
      if (k) for (const g of this.goalsOfKpi(k)) if (!out.includes(g)) out.push(g);
    }
    return out;
  }
}
