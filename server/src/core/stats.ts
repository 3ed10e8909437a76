/**
 * Figures about goals, channels and plans: entries serving a goal, their modes and push
 * share. Hover, code lens, the status bar and the preview all show these.
 */
import type { Channel, Goal, ParsedDocument, PlanEntry } from './model';
import type { Project } from './project';
import { idKey, pushWeight, type Mode } from './vocab';

export interface MixStats {
  /** Entries counted (not cancelled). */
  count: number;
  /** Push weight summed (mixed counts ½). */
  push: number;
  /** push / count, or undefined when there are no entries. */
  share: number | undefined;
  byMode: Partial<Record<Mode | 'unknown', number>>;
}

export function live(e: PlanEntry): boolean {
  return e.status?.value !== 'cancelled';
}

export function mixOf(entries: Iterable<PlanEntry>): MixStats {
  let count = 0;
  let push = 0;
  const byMode: MixStats['byMode'] = {};
  for (const e of entries) {
    if (!live(e)) continue;
    count++;
    push += pushWeight(e.mode?.value);
    const m = e.mode?.value ?? 'unknown';
    byMode[m] = (byMode[m] ?? 0) + 1;
  }
  return { count, push, share: count ? push / count : undefined, byMode };
}

export function entriesServingGoal(p: Project, goal: Goal): PlanEntry[] {
  const out: PlanEntry[] = [];
  for (const { entry } of p.entries()) if (live(entry) && p.goalsOfEntry(entry).includes(goal)) out.push(entry);
  return out;
}

export function entriesOnChannel(p: Project, channel: Channel | string): PlanEntry[] {
  const key = idKey(typeof channel === 'string' ? channel : channel.id);
  const out: PlanEntry[] = [];
  for (const { entry } of p.entries()) if (live(entry) && entry.channel && idKey(entry.channel.id) === key) out.push(entry);
  return out;
}

export function planMix(doc: ParsedDocument): MixStats {
  return mixOf(doc.plan?.entries ?? []);
}

export function percent(share: number | undefined): string {
  return share === undefined ? '–' : `${Math.round(share * 100)} %`;
}
