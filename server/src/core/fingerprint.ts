/**
 * The identity of a finding across versions of a document (docs/cli.md "Fingerprints"):
 * rule, document, the item it is about and the kind of message — not its line, so a
 * finding keeps its identity when lines above it are added or removed.
 */
import type { ParsedDocument, PlanEntry } from './model';
import type { Position, Text } from './text';
import { containsPos } from './text';
import { idKey } from './vocab';
import { PositionIndex } from './position';

/**
 * The item a position lies in: a plan entry (`entry:<id>`, or `entry~<title>@<channel>`
 * for an entry without ID, so a moved date keeps it), a strategy item (`goal:<id>`…), a
 * strategy section (`section:<key>`), else '' (the document as a whole).
 */
export function itemKeyAt(doc: ParsedDocument | undefined, p: Position): string {
  return itemKeysOf(doc)(p);
}

/**
 * `itemKeyAt` for many positions in one document: plan entries in document order (each
 * ending before the next starts, or sharing its range, as the channels of a cross-post
 * do) are found by binary search (core/position.ts), so keying every finding of a plan
 * stays linear.
 */
export function itemKeysOf(doc: ParsedDocument | undefined): (p: Position) => string {
  if (!doc) return () => '';
  const index = new PositionIndex(doc);
  const entryKey = (e: PlanEntry): string => {
    if (e.id) return `entry:${idKey(e.id.id)}`;
    const title = (e.title?.value ?? e.date?.raw ?? '').trim().toLowerCase();
    return `entry~${title}@${e.channel ? idKey(e.channel.id) : ''}`;
  };
  return (p) => {
    const e = index.entryAt(p);
    if (e) return entryKey(e);
    const s = doc.strategy;
    if (s) {
      for (const it of [...s.people, ...s.goals, ...s.kpis, ...s.audiences, ...s.channels]) if (containsPos(it.range, p)) return `${it.kind}:${idKey(it.id)}`;
      for (const sec of s.sections) if (containsPos(sec.range, p)) return `section:${sec.keys[0] ?? sec.heading.trim().toLowerCase()}`;
    }
    return '';
  };
}

/**
 * The kind of a message: its English text with every number replaced by `#` and spaces
 * collapsed, so "26 days without an entry" and "27 days…" are the same finding, and a
 * message that names a line (which shifts) stays the same.
 */
export function messageKey(message: Text | string): string {
  const s = typeof message === 'string' ? message : message.en;
  return s
    .replace(/\d+([.,]\d+)?/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
}
