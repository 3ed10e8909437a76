/**
 * The order of findings (docs/decisions.md "What a keystroke costs"): `compareFindings`, and
 * `sortAgainst`, which sorts a check's findings against the last check's sorted list by
 * merging in what changed.
 */
import type { Delta, Finding } from './engine';

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

/**
 * `found` sorted (compareFindings), given `before`: the sorted findings of the last check.
 * The findings that are the same objects as last time keep their order; only the new ones
 * are sorted and merged in (O(n + k log k) for k new findings, not O(n log n)). The result
 * is what a stable sort of `found` gives: the engine gives the findings of one rule at one
 * place in the order the rule reported them, and a tie between a kept and a new finding
 * falls back to that sort.
 */
export function sortAgainst(found: Finding[], before: Finding[] | undefined, since?: Pick<Delta, 'removed' | 'added'>): Finding[] {
  if (!before?.length) return found.sort(compareFindings);
  if (since && before.length - since.removed.length + since.added.length === found.length) {
    // What changed since `before` is known (Delta): its findings without the removed, the
    // added merged in, each found by a binary search; no set of all findings is made and
    // the kept ones are copied in stretches.
    if (!since.removed.length && !since.added.length) return before;
    const at = (f: Finding): number => {
      let lo = 0;
      let hi = before.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareFindings(before[mid], f) < 0) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const gone = new Set<number>();
    for (const f of since.removed) {
      let i = at(f);
      while (i < before.length && before[i] !== f && compareFindings(before[i], f) === 0) i++;
      if (before[i] !== f || gone.has(i)) return sortAgainst(found, before);
      gone.add(i);
    }
    const added = since.added.slice().sort(compareFindings);
    const places = added.map(at);
    // Where a new one meets a kept one at the same place, sort all (as below).
    for (let j = 0; j < added.length; j++)
      for (let i = places[j]; i < before.length && compareFindings(before[i], added[j]) === 0; i++) if (!gone.has(i)) return found.sort(compareFindings);
    const cut = [...gone].sort((x, y) => x - y);
    const merged = new Array<Finding>(found.length);
    let k = 0;
    let i = 0;
    let g = 0;
    for (let j = 0; j <= added.length; j++) {
      const to = j < added.length ? places[j] : before.length;
      for (; i < to; i++) {
        if (g < cut.length && cut[g] === i) g++;
        else merged[k++] = before[i];
      }
      if (j < added.length) merged[k++] = added[j];
    }
    if (k === found.length && merged.length === found.length) return merged;
    // The counts do not add up (a finding given twice): as below.
  }
  const now = new Set(found);
  const kept: Finding[] = [];
  for (const f of before) if (now.has(f)) kept.push(f);
  if (kept.length === found.length && kept.length === now.size) return kept;
  const was = new Set(kept);
  const added: Finding[] = [];
  for (const f of found) if (!was.has(f)) added.push(f);
  added.sort(compareFindings);
  const out = new Array<Finding>(kept.length + added.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < kept.length && j < added.length) {
    const c = compareFindings(kept[i], added[j]);
    // Findings of one rule at one place stay in the order the rule reported them (a stable
    // sort of what the engine gives): where a new one meets a kept one, sort all.
    if (c === 0) return found.sort(compareFindings);
    out[k++] = c < 0 ? kept[i++] : added[j++];
  }
  while (i < kept.length) out[k++] = kept[i++];
  while (j < added.length) out[k++] = added[j++];
  return out;
}
