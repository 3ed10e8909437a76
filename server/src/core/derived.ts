/**
 * What rules derive from a reading and keep for the next check: one store per Workspace
 * (docs/decisions.md "State and its invalidation").
 *
 * The invalidation rule is the key: every value is kept under the object it was derived
 * from (a document's reading, a strategy's reading, a plan entry), and readings are never
 * changed after they are made; an edit makes new ones. So a value can never be stale, and
 * a value whose key is no longer read by anyone goes with it (weak keys). Nothing is kept
 * under a string or a URI.
 */
import type { ParsedDocument } from './model';

export class Derived {
  /**
   * One weak map per name (the names are a few fixed words in the code), not a map per key
   * object: a value derived per plan entry ("key style") then costs one slot of a weak
   * table, where a `Map` of its own per entry cost about 200 bytes (docs/decisions.md
   * "Memory").
   */
  private readonly byName = new Map<string, WeakMap<object, unknown>>();

  /** `compute()` once per key object and name; `compute` must depend on the key object alone. */
  of<T>(key: object, what: string, compute: () => T): T {
    const m = this.table<T>(what);
    if (m.has(key)) return m.get(key) as T;
    const v = compute();
    m.set(key, v);
    return v;
  }

  /**
   * The values of one name by key object, for a pass over many keys (a plan's entries)
   * that would otherwise make a `compute` closure per key; the same rule: a value depends
   * on its key object alone.
   */
  table<T>(what: string): WeakMap<object, T> {
    let m = this.byName.get(what);
    if (!m) this.byName.set(what, (m = new WeakMap<object, unknown>()));
    return m as WeakMap<object, T>;
  }
}

/**
 * The whole reading a document stands for: an entry-scoped rule sees a view of a plan with
 * only the entries to check again (core/engine.ts), and what is derived from the whole plan
 * (how its keys are written) must come from the whole plan, not from the view.
 */
export function readingOf(doc: ParsedDocument): ParsedDocument {
  return doc.whole ?? doc;
}
