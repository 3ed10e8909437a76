/**
 * Lists compared by identity: the runs an edit changed between two readings of a plan's entries
 * (the engine's changedHunks keeps them per pair of readings; docs/performance.md "What
 * an edit costs").
 */
import type { PlanEntry } from './model';

/**
 * What an edit changed between two readings of a plan's entries: runs (`Hunk`) where the
 * old list's entries `[old, oldEnd)` became the new list's `[at, end)`. An edit makes new
 * entries only for what it touched, and every other entry is the same object in the same
 * order, so what lies between two kept entries is a run. Edits far apart from each other
 * (keystrokes at several places read in one check, docs/decisions.md "What a keystroke
 * costs") are several short runs, not one stretch from the first to the last: the shapes,
 * the tallies and every entry-scoped rule look at the runs only. Runs are in order and
 * do not overlap.
 */
export interface Hunk {
  old: number;
  oldEnd: number;
  at: number;
  end: number;
}

/** Entries between the unchanged start and end up to this many are one run (no search for kept ones inside). */
const ONE_RUN = 16;

/** Whether two lists hold the same objects in the same order. */
export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What two lists share at their start and end (the same objects): `old[head, oldEnd)` became `now[head, end)`. */
export function sharedEnds<T>(old: readonly T[], now: readonly T[]): { head: number; oldEnd: number; end: number } {
  const most = Math.min(old.length, now.length);
  let head = 0;
  while (head < most && old[head] === now[head]) head++;
  let tail = 0;
  while (tail < most - head && old[old.length - 1 - tail] === now[now.length - 1 - tail]) tail++;
  return { head, oldEnd: old.length - tail, end: now.length - tail };
}

/** changedHunks without the memo: the runs between two lists of entries, by identity. */
export function diffEntries(old: readonly PlanEntry[], entries: readonly PlanEntry[]): Hunk[] {
  const { head, oldEnd, end } = sharedEnds(old, entries);
  if (head === oldEnd && head === end) return [];
  if (oldEnd - head <= ONE_RUN || end - head <= ONE_RUN) return [{ old: head, oldEnd, at: head, end }];
  // Where each entry of the new middle stands; an old entry found there (at or after the
  // run's start in the new list) is kept and ends the run.
  const where = new Map<PlanEntry, number>();
  for (let j = head; j < end; j++) where.set(entries[j], j);
  const hunks: Hunk[] = [];
  let i = head;
  let j = head;
  while (i < oldEnd || j < end) {
    if (i < oldEnd && j < end && old[i] === entries[j]) {
      i++;
      j++;
      continue;
    }
    const from = i;
    const at = j;
    let k: number | undefined;
    while (i < oldEnd && !((k = where.get(old[i])) !== undefined && k >= j)) i++;
    j = i < oldEnd ? k! : end;
    hunks.push({ old: from, oldEnd: i, at, end: j });
  }
  return hunks;
}
