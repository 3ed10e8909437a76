/**
 * What a position in a document stands on, from the reader's model (docs/decisions.md
 * "Positions from the model"): the plan entry, the field of it (its key or its value),
 * the strategy item, the section. One index per reading, so fingerprints, completion,
 * hover and navigation ask the model instead of reading the text again.
 */
import type { Derived } from './derived';
import type { Field, Incomplete, Item, ItemKind, ParsedDocument, PlanEntry, Section, TableHead } from './model';
import { comparePos, containsPos, type Position, type Range } from './text';

/** Where a position stands; each part only when the position lies inside it. */
export interface PositionInfo {
  entry?: PlanEntry;
  /** A field of the entry or item, and whether the position is on its key or its value. */
  field?: { field: Field; on: 'key' | 'value' };
  item?: Item;
  section?: Section;
}

/** A half-typed item definition (ParsedDocument.incomplete with its `item`). */
export type HalfItem = Incomplete & { item: NonNullable<Incomplete['item']> };
const isHalfItem = (h: Incomplete): h is HalfItem => !!h.item;

/**
 * YAML: a mapping the reader read in a plan's entries or a strategy's item sections: an
 * entry, an item, or one it made no item of (no ID yet; a HalfItem), with the keys written
 * in it (docs/decisions.md "Positions from the model").
 */
export interface YamlMapping {
  kind: ItemKind | 'entry';
  /** The entry, item or half-typed item it was read as. */
  of: PlanEntry | Item | HalfItem;
  start: Position;
  /**
   * The column its keys stand at; none for an item written as its ID alone (`G1:` or
   * `G1: title` under a section, `- G1`), whose keys are still to come.
   */
  column?: number;
  /** Its keys as written, the ID's among them (Item.idKey). */
  keys: readonly { key: string; keyRange: Range }[];
  fields: readonly Field[];
}

const isItem = (x: PlanEntry | Item): x is Item => 'idRange' in x;

export class PositionIndex {
  private readonly entries: PlanEntry[];
  /** Whether the entries follow each other in the text (a binary search finds one); else a scan. */
  private readonly ordered: boolean;

  constructor(readonly doc: ParsedDocument) {
    this.entries = doc.plan?.entries ?? [];
    let ordered = true;
    for (let i = 1; i < this.entries.length && ordered; i++) {
      const a = this.entries[i - 1].range;
      const b = this.entries[i].range;
      // One row naming two channels is two entries with the same range.
      ordered = comparePos(a.end, b.start) < 0 || (comparePos(a.start, b.start) === 0 && comparePos(a.end, b.end) === 0);
    }
    this.ordered = ordered;
  }

  /** YAML: the strategy's items and the mappings it made no item of, in the order of the text (made when first asked). */
  private yamlItems?: (Item | HalfItem)[];

  /** The plan entry the position lies in (the first of several with the same range). */
  entryAt(p: Position): PlanEntry | undefined {
    const list = this.entries;
    if (!this.ordered) {
      for (const e of list) if (containsPos(e.range, p)) return e;
      return undefined;
    }
    let lo = 0;
    let hi = list.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (comparePos(list[mid].range.start, p) <= 0) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    while (k > 0 && comparePos(list[k - 1].range.start, list[k].range.start) === 0) k--;
    return k >= 0 && containsPos(list[k].range, p) ? list[k] : undefined;
  }

  /** The strategy item the position lies in (the innermost, when items nest). */
  itemAt(p: Position): Item | undefined {
    const s = this.doc.strategy;
    if (!s) return undefined;
    let best: Item | undefined;
    for (const it of [...s.people, ...s.goals, ...s.kpis, ...s.audiences, ...s.channels])
      if (containsPos(it.range, p) && (!best || comparePos(it.range.start, best.range.start) > 0)) best = it;
    return best;
  }

  /**
   * The item definition the reader kept as half-typed (ParsedDocument.incomplete `item`)
   * that the position's line lies in: the innermost, when several hold it.
   */
  halfItemAt(p: Position): HalfItem | undefined {
    let best: HalfItem | undefined;
    for (const h of this.doc.incomplete ?? [])
      if (isHalfItem(h) && h.range.start.line <= p.line && p.line <= h.range.end.line && (!best || comparePos(h.range.start, best.range.start) > 0)) best = h;
    return best;
  }

  /** The strategy section the position lies in. */
  sectionAt(p: Position): Section | undefined {
    for (const sec of this.doc.strategy?.sections ?? []) if (containsPos(sec.range, p)) return sec;
    return undefined;
  }

  /** Whether the position lies in a fenced code block, below its opening fence (the reader's `fences`). */
  inFence(p: Position): boolean {
    for (const f of this.doc.fences ?? []) if (f.start.line < p.line && p.line <= f.end.line) return true;
    return false;
  }

  /** The Markdown table whose rows the position's line is in (below its delimiter row), as the reader read its header. */
  tableAt(p: Position): TableHead | undefined {
    for (const t of this.doc.tables ?? []) if (t.rows && t.rows.start.line <= p.line && p.line <= t.rows.end.line) return t;
    return undefined;
  }

  /** Whether the position lies in the front matter, its fences included. */
  inFrontMatter(p: Position): boolean {
    const fm = this.doc.frontMatter;
    return !!fm && fm.range.start.line <= p.line && p.line <= fm.range.end.line;
  }

  /** YAML: the top-level key whose value holds the line (the last one on or above it; ParsedDocument.topKeys). */
  topKeyAt(line: number): { key: string; keyRange: Range } | undefined {
    let found: { key: string; keyRange: Range } | undefined;
    for (const k of this.doc.topKeys ?? []) {
      if (k.keyRange.start.line > line) break;
      found = k;
    }
    return found;
  }

  /** YAML: the word typed without its colon on the line (ParsedDocument.incomplete, not an item definition). */
  halfWordOn(line: number): Incomplete | undefined {
    for (const h of this.doc.incomplete ?? []) if (!h.item && h.range.start.line === line) return h;
    return undefined;
  }

  /**
   * YAML: the last mapping (entry, item, or item without an ID yet) that starts on a line
   * above `line` inside the value of the same top-level key: the one whose keys or lists
   * the line continues when it stands at or right of the mapping's keys.
   */
  mappingAbove(line: number): YamlMapping | undefined {
    const top = this.topKeyAt(line);
    const found = this.doc.plan ? this.entryAbove(line) : this.itemAbove(line);
    if (!found || (top && found.range.start.line < top.keyRange.start.line)) return undefined;
    return this.mapping(found);
  }

  /** YAML: the mapping (entry, item, or item without an ID yet) that starts on the line (the last, when several do). */
  mappingOn(line: number): YamlMapping | undefined {
    const found = this.doc.plan ? this.entryAbove(line + 1) : this.itemAbove(line + 1);
    return found && found.range.start.line === line ? this.mapping(found) : undefined;
  }

  /** The YAML mapping an entry, item or half-typed item was read from. */
  mapping(x: PlanEntry | Item | HalfItem): YamlMapping {
    if ('item' in x) return { kind: x.item.kind, of: x, start: x.range.start, column: x.range.start.character, keys: x.item.fields, fields: x.item.fields };
    if (!isItem(x)) return { kind: 'entry', of: x, start: x.range.start, column: x.range.start.character, keys: x.fields, fields: x.fields };
    // An item written as its ID alone starts at the ID (a mapping below its ID starts below it).
    const alone = x.implicit || comparePos(x.idRange.start, x.range.start) === 0;
    return {
      kind: x.kind,
      of: x,
      start: x.range.start,
      column: alone ? undefined : x.range.start.character,
      keys: x.idKey ? [x.idKey, ...x.fields] : x.fields,
      fields: x.fields,
    };
  }

  /** The last plan entry starting on a line above `line` (the first of several with the same range). */
  private entryAbove(line: number): PlanEntry | undefined {
    const list = this.entries;
    let k = -1;
    if (this.ordered) {
      let lo = 0;
      let hi = list.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid].range.start.line < line) {
          k = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
    } else
      for (let i = 0; i < list.length; i++) if (list[i].range.start.line < line && (k < 0 || comparePos(list[i].range.start, list[k].range.start) >= 0)) k = i;
    while (k > 0 && comparePos(list[k - 1].range.start, list[k].range.start) === 0) k--;
    return k >= 0 ? list[k] : undefined;
  }

  /** The last strategy item or item without an ID yet starting on a line above `line`. */
  private itemAbove(line: number): Item | HalfItem | undefined {
    const s = this.doc.strategy;
    if (!s) return undefined;
    this.yamlItems ??= [...s.people, ...s.goals, ...s.kpis, ...s.audiences, ...s.channels, ...(this.doc.incomplete ?? []).filter(isHalfItem)].sort((a, b) =>
      comparePos(a.range.start, b.range.start),
    );
    let found: Item | HalfItem | undefined;
    for (const x of this.yamlItems) {
      if (x.range.start.line >= line) break;
      found = x;
    }
    return found;
  }

  /** Everything at the position: entry or item, the field of it, the section. */
  at(p: Position): PositionInfo {
    const out: PositionInfo = {};
    const entry = this.entryAt(p);
    if (entry) out.entry = entry;
    else {
      const item = this.itemAt(p);
      if (item) out.item = item;
      const section = this.sectionAt(p);
      if (section) out.section = section;
    }
    const fields = entry?.fields ?? out.item?.fields ?? [];
    for (const f of fields) {
      if (containsPos(f.keyRange, p)) out.field = { field: f, on: 'key' };
      else if (containsPos(f.range, p)) out.field = { field: f, on: 'value' };
      if (out.field) break;
    }
    return out;
  }
}

/** The index of a reading, made once per reading when the Workspace's store is given (core/derived.ts). */
export function positionIndex(doc: ParsedDocument, derived?: Derived): PositionIndex {
  return derived ? derived.of(doc, 'position index', () => new PositionIndex(doc)) : new PositionIndex(doc);
}
