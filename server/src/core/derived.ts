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
  private readonly byKey = new WeakMap<object, Map<string, unknown>>();

  /** `compute()` once per key object and name; `compute` must depend on the key object alone. */
  of<T>(key: object, what: string, compute: () => T): T {
    let m = this.byKey.get(key);
    if (!m) this.byKey.set(key, (m = new Map<string, unknown>()));
    if (m.has(what)) return m.get(what) as T;
    const v = compute();
    m.set(what, v);
    return v;
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
