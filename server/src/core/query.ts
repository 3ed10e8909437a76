/**
 * Small helpers the rules share: wording of lists and items in both languages, the
 * sections and entries rules look at most often. Pure functions over the model.
 */
import type { Item, ParsedDocument, PlanEntry, Section } from './model';
import type { Project } from './project';
import { textAt as textOf, type Range } from './text';
import { idKey, type SectionKey } from './vocab';

/** `a, b and c` / `a, b und c` (with `or`: `a, b or c` / `a, b oder c`). */
export function joinList(items: string[], lang: 'en' | 'de', or = false): string {
  if (items.length <= 1) return items.join('');
  const and = or ? (lang === 'de' ? ' oder ' : ' or ') : lang === 'de' ? ' und ' : ' and ';
  return items.slice(0, -1).join(', ') + and + items[items.length - 1];
}

/** `'G1'`, or `'G1' (More test drives)` when the item has a title. */
export function itemLabel(it: Item): string {
  const title = it.title?.value;
  return title ? `'${it.id}' (${title})` : `'${it.id}'`;
}

/** The IDs of items, quoted: `'G1', 'G2'` (as a list in the language). */
export function idList(items: Item[], lang: 'en' | 'de'): string {
  return joinList(
    items.map((i) => `'${i.id}'`),
    lang,
  );
}

/** The first section of a strategy that stands for a key (also in combined sections). */
export function sectionOf(doc: ParsedDocument | undefined, key: SectionKey): Section | undefined {
  return doc?.strategy?.sections.find((s) => s.keys.includes(key));
}

/** Where a finding about a missing thing of a section goes: its heading, else the title. */
export function sectionAnchor(doc: ParsedDocument, key: SectionKey): Range {
  return sectionOf(doc, key)?.headingRange ?? doc.titleRange;
}

/** A cancelled entry no longer serves a goal or uses a channel. */
export function isCancelled(entry: PlanEntry): boolean {
  return entry.status?.value === 'cancelled';
}

/** Every entry of the project that still counts (not cancelled), with its document; per plan: plan/entries.ts `activeEntries`. */
export function* activeEntriesInProject(project: Project): Generator<{ doc: ParsedDocument; entry: PlanEntry }> {
  for (const x of project.entries()) if (!isCancelled(x.entry)) yield x;
}

/** The last path segment of a document's URI, decoded (`q1.plan.md`). */
export function fileName(uri: string): string {
  const p = uri.split(/[?#]/)[0];
  return decodeURIComponent(p.slice(p.lastIndexOf('/') + 1));
}

/** The text a range covers in a document (core/text.ts `textAt`). */
export function textAt(doc: ParsedDocument, r: Range): string {
  return textOf(doc.lines, r);
}

/** An item's ID as its document writes it (`LinkedIn` for the channel `linkedin`). */
export function writtenId(project: Project, it: Item): string {
  return writtenIdIn(
    project.documents.find((d) => d.uri === it.uri),
    it,
  );
}

/** An item's ID as `doc` (its document) writes it, when that is the same ID (idKey); else the ID. */
export function writtenIdIn(doc: ParsedDocument | undefined, it: Item): string {
  if (!doc) return it.id;
  const s = textAt(doc, it.idRange).replace(/^@/, '');
  return idKey(s) === idKey(it.id) ? s : it.id;
}
