/**
 * Every definition and every reference of a project, with its kind and place: what
 * go-to-definition, find-references, rename and hover stand on.
 */
import type { Item, ItemKind, ParsedDocument, Ref } from './model';
import type { Project } from './project';
import type { Position, Range } from './text';
import { containsPos } from './text';
import { idKey } from './vocab';

export interface Occurrence {
  kind: ItemKind;
  /** The ID as written (without `@`). */
  id: string;
  uri: string;
  range: Range;
  /** A definition (the item's ID) rather than a reference to it. */
  definition: boolean;
  /** The item, for definitions. */
  item?: Item;
}

function* itemRefs(uri: string, it: Item): Generator<Occurrence> {
  const ref = (kind: ItemKind, r: Ref): Occurrence => ({ kind, id: r.id, uri, range: r.range, definition: false });
  switch (it.kind) {
    case 'goal':
      for (const r of it.kpis) yield ref('kpi', r);
      break;
    case 'kpi':
      for (const r of it.goals) yield ref('goal', r);
      if (it.owner) yield ref('person', it.owner);
      break;
    case 'channel':
      for (const r of it.goals) yield ref('goal', r);
      for (const r of it.audiences) yield ref('audience', r);
      for (const r of it.people) yield ref('person', r);
      break;
  }
}

/** The definitions and references of one document. */
export function* occurrencesOf(doc: ParsedDocument): Generator<Occurrence> {
  const s = doc.strategy;
  if (s) {
    for (const it of [...s.people, ...s.goals, ...s.kpis, ...s.audiences, ...s.channels]) {
      yield { kind: it.kind, id: it.id, uri: doc.uri, range: it.idRange, definition: true, item: it };
      yield* itemRefs(doc.uri, it);
    }
  }
  for (const e of doc.plan?.entries ?? []) {
    const ref = (kind: ItemKind, r: Ref): Occurrence => ({ kind, id: r.id, uri: doc.uri, range: r.range, definition: false });
    if (e.channel) yield ref('channel', e.channel);
    for (const r of e.goals) yield ref('goal', r);
    for (const r of e.kpis) yield ref('kpi', r);
    for (const r of e.audiences) yield ref('audience', r);
    if (e.owner) yield ref('person', e.owner);
    if (e.reviewer) yield ref('person', e.reviewer);
  }
}

export function* occurrencesOfProject(p: Project): Generator<Occurrence> {
  for (const d of p.documents) yield* occurrencesOf(d);
}

/** The occurrence at a position of a document, if any. */
export function occurrenceAt(doc: ParsedDocument, pos: Position): Occurrence | undefined {
  for (const o of occurrencesOf(doc)) if (containsPos(o.range, pos)) return o;
  return undefined;
}

/** Every occurrence of the same item (same kind, same ID case-insensitively) in the project. */
export function sameItem(p: Project, o: { kind: ItemKind; id: string }): Occurrence[] {
  const key = idKey(o.id);
  // A goal or person may be named rather than referenced by ID (docs/format.md "References by name").
  const target = p.lookup(o.kind, o.id);
  const out: Occurrence[] = [];
  for (const x of occurrencesOfProject(p)) {
    if (x.kind !== o.kind) continue;
    if (idKey(x.id) === key || (target && (x.item ?? p.lookup(x.kind, x.id)) === target)) out.push(x);
  }
  return out;
}
