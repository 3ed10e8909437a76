/**
 * What the blocks of a Markdown chunk mean (docs/format.md "Strategy in Markdown",
 * "Editorial plan"): a plan's table rows become entries (`readPlanTable`), a strategy's
 * headings, lists, tables and `Key: value` lines become sections, items, goals and KPIs
 * (`StrategyWalker`). ./markdown.ts cuts and parses the chunks and walks them here.
 */
import type { RootContent, List, ListItem, Table, TableRow, Heading } from 'mdast';
import type { DocKind, Field, Goal, Incomplete, Item, ItemKind, Kpi, ParsedDocument, PlanEntry, Section, StrategyModel, TableHead } from '../model';
import { LineIndex, t, type Range, type TextSource } from '../text';
import {
  ITEM_SECTIONS,
  fieldOf,
  fold,
  goalTypeIn,
  idKey,
  isItemTableHeader,
  isSectionKey,
  namesPrimary,
  planFieldOf,
  sectionsOfHeading,
  words,
  closest,
  SECTIONS,
  type FieldName,
  type SectionKey,
} from '../vocab';
import {
  ITEM_DEF_RE,
  buildEntries,
  buildItem,
  kpiValueFields,
  channelSlug,
  chooseKind,
  clean,
  nameFields,
  numberImplicit,
  type BuildContext,
  type RawField,
} from './build';
import { detach, type DocumentCache } from './cache';
import { Mapper, type Point } from './markdown-chunks';
import type { RowMemo, RowNotes } from './markdown-rows';

// ------------------------------------------------------------------ text helpers

/** One to three capitalised words: a person's name (`Anna`, `Anna Berg`, `Jan-Ole Meier`). */
function isPersonName(s: string): boolean {
  return /^\p{Lu}[\p{Ll}'’-]+(?:[ -]\p{Lu}[\p{Ll}'’.-]*){0,2}$/u.test(s) && !fieldOf(s);
}

/** The source text of a node, and where it starts. */
function src(node: { position?: { start: Point; end: Point } }, map: Mapper, text: TextSource): { s: string; at: number } {
  const [a, b] = map.span(node);
  return { s: text.slice(a, b), at: a };
}

/** Splits `Key: value` (key possibly bold) into a field with exact ranges. */
function keyValue(s: string, at: number, lines: LineIndex): RawField | undefined {
  const m = /^(\s*(?:\*\*|__)?\s*)([^:\n*_]{1,60}?)\s*(?:(?:\*\*|__)\s*:|:\s*(?:\*\*|__)?)[ \t]*/.exec(s);
  if (!m) return undefined;
  const key = m[2].trim();
  if (!key || /^https?$/i.test(key)) return undefined;
  const keyStart = at + m[1].length;
  const vStart = m[0].length;
  // A trailing HTML comment (e.g. `<!-- stratdoc-disable-line … -->`) is not part of the value.
  const comment = s.indexOf('<!--', vStart);
  let vEnd = comment >= 0 ? comment : s.length;
  while (vEnd > vStart && /\s/.test(s[vEnd - 1])) vEnd--;
  const raw = s.slice(vStart, vEnd);
  return {
    key,
    keyRange: lines.rangeOf(keyStart, keyStart + m[2].trimEnd().length),
    raw,
    range: lines.rangeOf(at + vStart, at + vEnd),
    offset: at + vStart,
  };
}

/**
 * The line a table row stands on, its start and end, and whether it holds a comment at
 * all: its cells' ranges are then made without looking for their line, and a cell is
 * searched for a comment only when the row holds one (the row reader's cells, ./mdtable.ts).
 */
interface RowLine {
  line: number;
  start: number;
  end: number;
  comment: boolean;
}

/** A table cell's text and range without its pipes and padding. */
function cell(
  c: TableRow['children'][number] | undefined,
  map: Mapper,
  text: TextSource,
  fallback: number,
  row?: RowLine,
): { raw: string; range: Range; offset: number } {
  const lines = map.lines;
  if (!c || !c.position) return { raw: '', range: lines.rangeOf(fallback, fallback), offset: fallback };
  let [a, b] = map.span(c);
  if (text.charCodeAt(a) === 124) a++;
  if (text.charCodeAt(b - 1) === 124 && text.charCodeAt(b - 2) !== 92) b--;
  const a0 = a;
  if (!row || row.comment) {
    for (let k = a; k + 4 <= b; k++) {
      if (text.charCodeAt(k) === 60 && text.slice(k, k + 4) === '<!--') {
        b = k;
        break;
      }
    }
  }
  while (a < b && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a++;
  while (b > a && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 9)) b--;
  if (a === b) a = b = Math.min(a0 + 1, b + 1 > text.length ? b : a0 + 1);
  const raw = text.slice(a, b);
  const range = row && a >= row.start && b <= row.end ? lines.rangeOnLine(row.line, a, b) : lines.rangeOf(a, b);
  return { raw: raw.includes('\\|') ? raw.replace(/\\\|/g, '|') : raw, range, offset: a };
}

function tableColumns(table: Table, map: Mapper, text: TextSource): { key: string; keyRange: Range }[] {
  const head = table.children[0];
  return (head?.children ?? []).map((c) => {
    const x = cell(c, map, text, map.offset(head.position!.start));
    return { key: x.raw, keyRange: x.range };
  });
}

function rowFields(row: TableRow, cols: { key: string; keyRange: Range }[], map: Mapper, text: TextSource): RawField[] {
  const rowEnd = map.offset(row.position!.end);
  const line = map.docLine(row.position!.start.line);
  const lines = map.lines;
  let at: RowLine | undefined;
  if (line !== undefined && row.position!.start.line === row.position!.end.line) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    at = { line, start, end, comment: text.slice(start, end).includes('<!--') };
  }
  return cols.map((col, i) => {
    const x = cell(row.children[i], map, text, rowEnd, at);
    // `name` in the literal: naming the field later adds no property store (yaml.ts fieldOf).
    return { key: col.key, keyRange: col.keyRange, name: undefined, raw: x.raw, range: x.range, offset: x.offset };
  });
}

// ------------------------------------------------------------------ plans

const PLAN_COLUMNS: FieldName[] = ['date', 'channel', 'title', 'format', 'mode', 'goals', 'pillar', 'owner', 'status'];

/** A table's header cells and what the reader names each column (for a plan as `readPlanTable` does). */
export interface ReadHead {
  headerRange: Range;
  cols: { key: string; keyRange: Range }[];
  names: (FieldName | undefined)[];
}

/**
 * Reads a table's header once (docs/decisions.md "Positions from the model"): the cells,
 * the field of each column (in a plan by its plan synonyms, "Kennzahl" beside a Thema
 * column being the KPI; in a strategy by the item fields) and, in `out.tables`, where the
 * header and the rows stand, for completion in a row the reader makes nothing of.
 */
export function readTableHead(table: Table, map: Mapper, text: TextSource, kind: DocKind, out: ParsedDocument): ReadHead {
  const cols = tableColumns(table, map, text);
  const names = cols.map((c) => (kind === 'plan' ? planFieldOf(c.key) : fieldOf(c.key)));
  // "Kennzahl" is a title in a KPI table, but beside a Thema/Titel column in a plan it is the KPI.
  if (kind === 'plan' && names.filter((n) => n === 'title').length > 1) {
    cols.forEach((c, i) => {
      if (names[i] === 'title' && words(c.key).join(' ') === 'kennzahl') names[i] = 'kpis';
    });
  }
  const rows = table.children;
  const head: TableHead = { headerRange: map.range(rows[0]), columns: names };
  if (rows.length > 1) {
    const a = map.range(rows[1]);
    const b = map.range(rows[rows.length - 1]);
    head.rows = { start: a.start, end: b.end };
  }
  (out.tables ??= []).push(head);
  return { headerRange: head.headerRange, cols, names };
}

/**
 * Builds the entries of a plan table's rows. `memo`: the last reading's rows (the server's
 * keystrokes), a row that did not change taking its entries and problems from there;
 * `notes` records the rows read, for the next reading (./markdown-rows.ts).
 */
export function readPlanTable(
  table: Table,
  map: Mapper,
  text: TextSource,
  entries: PlanEntry[],
  ctx: BuildContext,
  head: ReadHead,
  memo?: RowMemo,
  notes?: RowNotes,
): void {
  const { headerRange, cols, names } = head;
  const known = names.filter((n) => n && PLAN_COLUMNS.includes(n));
  if (known.length < 2 || !names.some((n) => n === 'date' || n === 'title' || n === 'channel')) return;
  const headLine = map.docLine(table.position!.start.line);
  const rows = table.children;
  let columns: PlanEntry['table'] | undefined;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    // A row on one line of the document (as every table row is) can be kept and reused.
    const line = headLine !== undefined && row.position!.start.line === row.position!.end.line ? map.docLine(row.position!.start.line) : undefined;
    const e0 = entries.length;
    const p0 = ctx.problems.length;
    if (line !== undefined && memo?.take(line, headLine!, entries, ctx.problems)) {
      notes?.note(line, headLine!, e0, p0, true);
      continue;
    }
    const fields = rowFields(row, cols, map, text);
    fields.forEach((f, i) => (f.name = names[i]));
    if (fields.every((f) => !clean(f.raw))) continue;
    entries.push(...buildEntries(fields, map.range(row), e0, ctx, (columns ??= { headerRange, columns: names })));
    if (line !== undefined) notes?.note(line, headLine!, e0, p0, false);
  }
}

// ------------------------------------------------------------------ strategies

const EXPLICIT_RE = /^<!--\s*stratdoc\s*:\s*([^>]*?)\s*-->$/;

/**
 * What a table slice added to a strategy, kept under its parsed node in the Workspace's
 * cache (./cache.ts `perNode`) for its last place: one per node, so a table that moves as
 * lines are typed above it keeps one.
 */
type TableItems = { key: string; items: Item[]; problems: ParsedDocument['problems'] };

export class StrategyWalker {
  section: (Section & { start: number; contentStart: number }) | undefined;
  private kinds: ItemKind[] = [];
  /** The item a heading defined, waiting for the first list under it. */
  private pending:
    | {
        item: { kind: ItemKind; id: string; idRange: Range; range: Range; title?: { value: string; raw: string; range: Range } };
        fields: RawField[];
        start: number;
        end: number;
        listSeen: boolean;
        desc?: RawField;
        implicit?: boolean;
        /** A heading the reader makes no item of: its text (kept as half-typed, not as an item). */
        unaccepted?: string;
      }
    | undefined;

  /**
   * Item definitions the reader does not take, as ParsedDocument.incomplete (docs/decisions.md
   * "Positions from the model"): those of the open section wait in `sectionHalf` for it to close.
   */
  readonly incomplete: Incomplete[] = [];
  private sectionHalf: { text: string; range: Range; item: { kind: ItemKind; fields: Field[] } }[] = [];
  /** The goals read from a heading without an ID in the open section (kept as half-typed when the section drops them). */
  private headingGoals = new Set<Item>();

  /** Every item added, in order (only when reusing: to record what a table slice added). */
  private readonly itemsAdded: Item[] = [];

  constructor(
    private model: StrategyModel,
    private ctx: BuildContext,
    private text: string,
    private lines: LineIndex,
    private readonly cache?: DocumentCache,
  ) {}
  private get reuse(): boolean {
    return !!this.cache;
  }

  /** `head`: a table's header as readTableHead read it. */
  visit(node: RootContent, map: Mapper, next: RootContent | undefined, head?: ReadHead): void {
    if (node.type === 'heading') {
      this.flushPending();
      if (node.depth === 2) this.startSection(node, map, next);
      else if (node.depth >= 3 && this.section && this.kinds.length) this.headingItem(node, map);
      return;
    }
    if (node.type === 'list') {
      if (this.pending && !this.pending.listSeen) {
        this.pending.listSeen = true;
        this.pending.end = map.offset(node.position!.end);
        for (const li of node.children) {
          const f = this.listField(li, map);
          if (f) this.pending.fields.push(f);
        }
        // A heading the reader makes no item of takes no list: it is read as the section's, as without it.
        if (this.pending.unaccepted === undefined) return;
      }
      if (this.section && this.kinds.length) this.listItems(node, map);
      return;
    }
    if (node.type === 'table') {
      if (this.section && this.kinds.length) this.tableItems(node, map, head);
      return;
    }
    if (node.type === 'paragraph' && this.pending && !this.pending.listSeen && !this.pending.desc) {
      const { s, at } = src(node, map, this.text);
      this.pending.desc = { key: 'description', name: 'description', keyRange: map.range(node), raw: s.trim(), range: map.range(node), offset: at };
    }
  }

  finish(end: number): void {
    this.flushPending();
    this.closeSection(end);
    this.numberImplicit();
  }

  /** Goals and KPIs written as plain list items, numbered once every written ID is known. */
  private readonly implicit: { item: Goal | Kpi; goal?: Goal }[] = [];

  /**
   * Gives the goals and KPIs of plain lists their IDs (docs/format.md "Goals and KPIs as plain
   * lists"): G1, G2… and K1, K2… in the order they stand, in either language (a plan may
   * rely on them whatever the document's language), skipping IDs the document writes itself. A KPI under a goal measures that goal.
   */
  private numberImplicit(): void {
    numberImplicit(this.model, this.implicit);
  }

  /**
   * A goal or KPI written as a plain list item, without an ID: `1. Mehr Reichweite in der
   * Region`, `- Follower Instagram: +20 % bis Ende 2027`. Returns whether it was one.
   */
  private implicitItem(s: string, at: number, range: Range, nested: RawField[]): boolean {
    const goals = this.kinds.includes('goal');
    const kpis = this.kinds.includes('kpi');
    if (!goals && !kpis) return false;
    const kv = keyValue(s, at, this.lines);
    const target = kv && !fieldOf(kv.key) && /\d/.test(kv.raw) ? kv : undefined;
    if (kpis && (target || !goals)) {
      const k = this.implicitKpi(s, at, range, kv && !fieldOf(kv.key) ? kv : undefined);
      if (k) this.implicit.push({ item: k });
      return !!k;
    }
    if (kv && fieldOf(kv.key)) return false;
    // `Ziel 1: …` / `Goal 2 – …`: the number is the list's, the rest the goal.
    const lead = /^[\s*_]*(?:(?:ziel|goal|objective)\s*\d+\s*(?:[:.)–—-]\s*)?)?/i.exec(s)![0];
    const body = s.slice(lead.length);
    // `**Bekanntheit:** Mehr Menschen…`, `Leads – für Torten`, `Reichweite (Hauptziel)`.
    const cut = /(?:\*\*|__)?(?:\s+[–—-]\s+|:(?:\*\*|__)?\s+|\s*\()/.exec(body);
    const titleRaw0 = cut ? body.slice(0, cut.index) : body;
    const title = clean(titleRaw0);
    const titleRaw = title ? titleRaw0.slice(titleRaw0.indexOf(title), titleRaw0.indexOf(title) + title.length) : titleRaw0;
    const t0 = at + lead.length + Math.max(0, titleRaw0.indexOf(title));
    if (!title) return false;
    const fields: RawField[] = [];
    const known = nested.filter((f) => fieldOf(f.key));
    fields.push(...known);
    const titleRange = this.lines.rangeOf(t0, t0 + titleRaw.trim().length);
    if (cut) {
      const dAt = at + lead.length + cut.index + cut[0].length;
      const desc = (cut[0].trim() === '(' ? body.slice(cut.index + cut[0].length).replace(/\)\s*$/, '') : body.slice(cut.index + cut[0].length)).trim();
      if (desc && !known.some((f) => fieldOf(f.key) === 'description'))
        fields.push({
          key: 'description',
          name: 'description',
          keyRange: titleRange,
          raw: desc,
          range: this.lines.rangeOf(dAt, dAt + desc.length),
          offset: dAt,
        });
    }
    const goal = buildItem(
      { kind: 'goal', id: '', idRange: titleRange, range, title: { value: title, raw: titleRaw.trim(), range: titleRange } },
      fields,
      this.ctx,
    ) as Goal;
    goal.implicit = true;
    if (!goal.type) {
      const type = goalTypeIn(s);
      if (type) goal.type = { value: type, raw: title, range: titleRange };
    }
    if (!goal.primary && namesPrimary(s)) goal.primary = { value: true, raw: title, range: titleRange };
    this.add(goal);
    this.implicit.push({ item: goal });
    this.goalKpis(goal, nested);
    return true;
  }

  /** Bullets under a goal that read `Name: target` are its KPIs. */
  private goalKpis(goal: Goal, nested: RawField[]): void {
    for (const f of nested) {
      if (fieldOf(f.key) || !/\d/.test(f.raw) || !f.keyRange) continue;
      const keyAt = this.lines.offsetAt(f.keyRange.start);
      const line = this.text.slice(keyAt, f.offset !== undefined ? f.offset + f.raw.length : keyAt);
      const k = this.implicitKpi(line, keyAt, f.keyRange.start.line === f.range.end.line ? this.lines.rangeOf(keyAt, keyAt + line.length) : f.range, f);
      if (k) this.implicit.push({ item: k, goal });
    }
  }

  /** `Follower Instagram: +20 % bis Ende 2027`: title, target and deadline of a KPI. */
  private implicitKpi(s: string, at: number, range: Range, kv: RawField | undefined): Kpi | undefined {
    const fields: RawField[] = [];
    let titleRaw: string;
    let titleRange: Range;
    if (kv) {
      titleRaw = kv.key;
      titleRange = kv.keyRange;
      fields.push(...kpiValueFields(kv, this.lines));
    } else {
      titleRaw = clean(s);
      const i = s.indexOf(titleRaw);
      titleRange = this.lines.rangeOf(at + Math.max(0, i), at + Math.max(0, i) + titleRaw.length);
    }
    const title = clean(titleRaw);
    if (!title) return undefined;
    const kpi = buildItem(
      { kind: 'kpi', id: '', idRange: titleRange, range, title: { value: title, raw: titleRaw, range: titleRange } },
      fields,
      this.ctx,
    ) as Kpi;
    kpi.implicit = true;
    this.add(kpi);
    return kpi;
  }

  private startSection(node: Heading, map: Mapper, next: RootContent | undefined): void {
    const [a, b] = map.span(node);
    this.closeSection(a);
    const s = this.text.slice(a, b);
    const m = /^(\s*#+\s*)(.*?)\s*#*\s*$/.exec(s);
    const hs = a + (m ? m[1].length : 0);
    const heading = m ? m[2] : s;
    let keys: SectionKey[] = sectionsOfHeading(heading);
    let explicit = false;
    let contentStart = b;
    if (next && next.type === 'html' && next.position && next.position.start.line === node.position!.end.line + 1) {
      const em = EXPLICIT_RE.exec(next.value.trim());
      if (em) {
        const named = em[1]
          .split(/[\s,]+/)
          .filter(Boolean)
          .map((x) => words(x).join('-'));
        const valid = named.filter(isSectionKey);
        for (const bad of named.filter((x) => !isSectionKey(x))) {
          const near = closest(
            bad,
            SECTIONS.map((x) => x.key),
          );
          this.ctx.problems.push({
            rule: 'schema',
            range: map.range(next),
            message: t(
              `Unknown section '${bad}'${near ? `: did you mean '${near}'?` : ''} Sections: ${SECTIONS.map((x) => x.key).join(', ')}.`,
              `Unbekannter Abschnitt '${bad}'${near ? `: meinten Sie '${near}'?` : ''} Abschnitte: ${SECTIONS.map((x) => x.key).join(', ')}.`,
            ),
          });
        }
        if (valid.length) {
          keys = valid;
          explicit = true;
        }
        contentStart = map.offset(next.position.end);
      }
    }
    this.section = {
      keys,
      heading,
      headingRange: this.lines.rangeOf(hs, hs + heading.length),
      range: this.lines.rangeOf(a, b),
      explicit,
      content: '',
      start: a,
      contentStart,
    };
    this.kinds = keys.map((k) => ITEM_SECTIONS[k]).filter((x): x is ItemKind => !!x);
  }

  /** Goals and KPIs of the open section with a written ID, and those without. */
  private sectionExplicit = 0;
  private sectionImplicit: Item[] = [];

  private closeSection(end: number): void {
    // A section that writes IDs is read as written: its other lists are text, not items.
    if (this.sectionExplicit && this.sectionImplicit.length) {
      const drop = new Set(this.sectionImplicit);
      // A goal heading without an ID among headings with IDs (`### G😀: …`) is no goal, but its list is still its.
      for (const g of this.sectionImplicit)
        if (this.headingGoals.has(g)) this.sectionHalf.push({ text: g.title?.raw ?? '', range: g.range, item: { kind: 'goal', fields: g.fields } });
      this.model.goals = this.model.goals.filter((g) => !drop.has(g));
      this.model.kpis = this.model.kpis.filter((k) => !drop.has(k));
      for (let i = this.implicit.length - 1; i >= 0; i--) if (drop.has(this.implicit[i].item)) this.implicit.splice(i, 1);
    }
    this.sectionExplicit = 0;
    this.sectionImplicit = [];
    this.headingGoals.clear();
    const half = this.sectionHalf;
    this.sectionHalf = [];
    const s = this.section;
    if (!s) return;
    let e = end;
    while (e > s.start && /\s/.test(this.text[e - 1])) e--;
    s.range = this.lines.rangeOf(s.start, Math.max(e, s.contentStart));
    s.content = this.text
      .slice(s.contentStart, Math.max(e, s.contentStart))
      .replace(/<!--[\s\S]*?-->/g, '')
      .trim();
    const { start: _s, contentStart: _c, ...section } = s;
    this.model.sections.push(section);
    for (const h of half) this.incomplete.push({ ...h, owner: section });
    this.section = undefined;
    this.kinds = [];
  }

  private headingItem(node: Heading, map: Mapper): void {
    const { s, at } = src(node, map, this.text);
    const m = /^(\s*#+\s*)(.*?)\s*#*\s*$/.exec(s);
    const hs = at + (m ? m[1].length : 0);
    const body = m ? m[2] : s;
    const def = this.itemDef(body, hs);
    let kind: ItemKind | undefined;
    let id: string | undefined;
    let idRange: Range | undefined;
    let title: { value: string; raw: string; range: Range } | undefined;
    if (this.kinds.includes('goal') && !this.kinds.includes('channel') && (!def || !/[\d._-]/.test(def.id))) {
      // `### Mehr Reichweite in der Region` under `## Ziele`: a goal without an ID, numbered
      // like the goals of a plain list (docs/format.md "Goals and KPIs as plain lists").
      const lead = /^[\s*_]*(?:(?:ziel|goal|objective)\s*\d+\s*(?:[:.)–—-]\s*)?)?/i.exec(body)![0];
      const value = clean(body.slice(lead.length).replace(/\*\*|__/g, ''));
      if (value) {
        const ts = hs + lead.length + Math.max(0, body.slice(lead.length).indexOf(value.slice(0, 8)));
        const range = this.lines.rangeOf(ts, Math.min(ts + value.length, hs + body.length));
        const [a, b] = map.span(node);
        this.pending = {
          item: { kind: 'goal', id: '', idRange: range, range: this.lines.rangeOf(a, b), title: { value, raw: value, range } },
          fields: [],
          start: a,
          end: b,
          listSeen: false,
          implicit: true,
        };
      }
      return;
    }
    if (def) {
      ({ id, idRange, title } = def);
      kind = chooseKind(this.kinds, id, []);
    } else if (this.kinds.includes('channel')) {
      // Emoji or marks before the first word are decoration (docs/format.md "Channels").
      const first = /^[\s*_`]*(?:\d+[.)]\s*)?(?:[^\p{L}\p{N}\s@*_`]+\s+)?([^\s(,;:/*_`]+)/u.exec(body);
      if (first) {
        const fs = hs + first[0].length - first[1].length;
        id = channelSlug(first[1]);
        idRange = this.lines.rangeOf(fs, fs + first[1].length);
        kind = 'channel';
        const rest = body
          .slice(first[0].length)
          .replace(/^[\s:–—-]+/, '')
          .trim();
        if (rest)
          title = {
            value: rest,
            raw: rest,
            range: this.lines.rangeOf(hs + body.indexOf(rest, first[0].length), hs + body.indexOf(rest, first[0].length) + rest.length),
          };
      }
    }
    if (!kind || !id || !idRange) {
      // No item of the reader's (`### 📸 Instagram`, `### G😀: …` in a section of several
      // kinds): the heading and its list are kept as half-typed, with the kind the section
      // and the heading's first word give it.
      const [a, b] = map.span(node);
      const first = /^(?:\*\*|__)?(@?[A-Za-z][A-Za-z0-9_.-]*)/.exec(body)?.[1] ?? '';
      const half: ItemKind =
        first.startsWith('@') && this.kinds.includes('person')
          ? 'person'
          : this.kinds.includes('channel') && !def
            ? 'channel'
            : chooseKind(this.kinds, first, []);
      const r = this.lines.rangeOf(hs, hs + body.length);
      this.pending = { item: { kind: half, id: '', idRange: r, range: r }, fields: [], start: a, end: b, listSeen: false, unaccepted: body };
      return;
    }
    if (kind === 'channel') id = channelSlug(id) || id;
    if (kind === 'person') id = id.replace(/^@/, '');
    const [a, b] = map.span(node);
    this.pending = { item: { kind, id, idRange, range: this.lines.rangeOf(a, b), title }, fields: [], start: a, end: b, listSeen: false };
  }

  /** `G1: Titel`, `**K2** – Titel`: an ID, a separator and a title; not a field key. */
  private itemDef(body: string, at: number): { id: string; idRange: Range; title?: { value: string; raw: string; range: Range } } | undefined {
    const plainBody = body.replace(/\*\*|__/g, '');
    const m = ITEM_DEF_RE.exec(plainBody);
    if (!m) return undefined;
    const id = m[1];
    if (fieldOf(id)) return undefined;
    const idx = body.indexOf(id);
    const idRange = this.lines.rangeOf(at + idx, at + idx + id.length);
    const rest = m[2].trim();
    let title: { value: string; raw: string; range: Range } | undefined;
    if (rest) {
      const ri = body.lastIndexOf(rest.replace(/\*\*|__/g, '').slice(0, 8));
      const ts = ri >= 0 ? at + ri : at + idx + id.length;
      title = { value: clean(rest), raw: rest, range: this.lines.rangeOf(ts, Math.min(ts + rest.length, at + body.length)) };
    }
    return { id, idRange, title };
  }

  private flushPending(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    const fields = p.fields;
    if (p.desc && !fields.some((f) => fieldOf(f.key) === 'description')) fields.push(p.desc);
    if (p.unaccepted !== undefined) {
      this.sectionHalf.push({ text: p.unaccepted, range: this.lines.rangeOf(p.start, p.end), item: { kind: p.item.kind, fields } });
      return;
    }
    if (p.implicit) {
      this.headingGoal(p.item, fields, this.lines.rangeOf(p.start, p.end));
      return;
    }
    const kind = chooseKind(this.kinds, p.item.id, fields);
    let id = p.item.id;
    if (kind === 'channel') id = channelSlug(id) || id;
    this.add(buildItem({ ...p.item, id, kind, range: this.lines.rangeOf(p.start, p.end) }, fields, this.ctx));
  }

  /**
   * A goal heading without an ID: its known fields are the goal's, its type and primacy are
   * read from its words as for a list item, and `Name: target` bullets under it are its KPIs.
   */
  private headingGoal(head: { idRange: Range; title?: { value: string; raw: string; range: Range } }, fields: RawField[], range: Range): void {
    const title = head.title!;
    const goal = buildItem(
      { kind: 'goal', id: '', idRange: head.idRange, range, title },
      fields.filter((f) => fieldOf(f.key)),
      this.ctx,
    ) as Goal;
    goal.implicit = true;
    if (!goal.type) {
      const type = goalTypeIn(title.value);
      if (type) goal.type = { value: type, raw: title.value, range: title.range };
    }
    if (!goal.primary && namesPrimary(`${title.value} ${goal.description?.value ?? ''}`)) goal.primary = { value: true, raw: title.value, range: title.range };
    this.add(goal);
    this.headingGoals.add(goal);
    this.implicit.push({ item: goal });
    this.goalKpis(goal, fields);
  }

  private add(it: Item): void {
    if (this.reuse) this.itemsAdded.push(it);
    if (it.kind === 'goal' || it.kind === 'kpi') {
      if (it.implicit) this.sectionImplicit.push(it);
      else this.sectionExplicit++;
    }
    switch (it.kind) {
      case 'person':
        this.model.people.push(it);
        break;
      case 'goal':
        this.model.goals.push(it);
        break;
      case 'kpi':
        this.model.kpis.push(it);
        break;
      case 'audience':
        this.model.audiences.push(it);
        break;
      case 'channel':
        this.model.channels.push(it);
        break;
    }
  }

  /** The text of a list item's first paragraph and where it starts. */
  private itemText(li: ListItem, map: Mapper): { s: string; at: number } | undefined {
    const para = li.children[0];
    if (!para || para.type !== 'paragraph' || !para.position) return undefined;
    return src(para, map, this.text);
  }

  private listField(li: ListItem, map: Mapper): RawField | undefined {
    const x = this.itemText(li, map);
    return x ? keyValue(x.s, x.at, this.lines) : undefined;
  }

  private listItems(list: List, map: Mapper): void {
    for (const li of list.children) {
      const x = this.itemText(li, map);
      if (!x) continue;
      const nested = li.children.find((c): c is List => c.type === 'list');
      const nestedFields = nested ? nested.children.map((c) => this.listField(c, map)).filter((f): f is RawField => !!f) : [];
      const liRange = map.range(li);
      if (this.kinds.includes('person') && x.s.includes('@')) {
        this.teamListItem(x.s, x.at, liRange, nestedFields);
        continue;
      }
      const def = this.itemDef(x.s, x.at);
      // A goal or KPI without an ID (a word before the colon is its name, not an ID).
      if (
        (!def || !/[\d._-]/.test(def.id)) &&
        this.implicitItem(x.s, x.at, liRange, nested ? nested.children.map((c) => this.listField(c, map)).filter((f): f is RawField => !!f) : [])
      )
        continue;
      if (!def) {
        if (this.kinds.includes('person')) this.namedPerson(x.s, x.at, liRange, nestedFields);
        continue;
      }
      const kind = chooseKind(this.kinds, def.id, nestedFields);
      let id = def.id;
      if (kind === 'channel') id = channelSlug(id) || id;
      if (kind === 'person') id = id.replace(/^@/, '');
      this.add(buildItem({ kind, id, idRange: def.idRange, range: liRange, title: def.title }, nestedFields, this.ctx));
    }
  }

  /** `- Jana Keller – Leitung Social Media (Marketing)`: a team member without a handle. */
  private namedPerson(s: string, at: number, range: Range, nested: RawField[]): void {
    const m = /^([\s*_]*)([^–—:(,]+?)[\s*_]*(?:\s[–—-]\s|:\s|,\s|\s\(|$)/u.exec(s);
    if (!m || !isPersonName(m[2].trim())) return;
    const name = m[2].trim();
    const ns = at + m[1].length;
    const fields: RawField[] = [...nested];
    let body = s.slice(m[0].length).replace(/\s+$/, '');
    const bodyAt = at + m[0].length;
    const dep = /\(([^()]*)\)\s*$/.exec(m[0].endsWith('(') ? `(${body}` : body);
    if (dep && !m[0].endsWith('(')) {
      const ds = bodyAt + dep.index + 1;
      fields.push({
        key: 'department',
        name: 'department',
        keyRange: this.lines.rangeOf(ns, ns + name.length),
        raw: dep[1],
        range: this.lines.rangeOf(ds, ds + dep[1].length),
        offset: ds,
      });
      body = body.slice(0, dep.index).trimEnd();
    }
    if (body.trim() && !m[0].endsWith('('))
      fields.push({
        key: 'role',
        name: 'role',
        keyRange: this.lines.rangeOf(ns, ns + name.length),
        raw: body.trim(),
        range: this.lines.rangeOf(bodyAt, bodyAt + body.trim().length),
        offset: bodyAt,
      });
    this.addNamedPerson(name, this.lines.rangeOf(ns, ns + name.length), range, fields);
  }

  /**
   * A person the team names without a handle: the ID is the first name (`anna`), or the
   * whole name where two share a first name (docs/format.md "The team").
   */
  private addNamedPerson(name: string, nameRange: Range, range: Range, fields: RawField[]): void {
    const slug = (x: string) =>
      fold(x)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
    let id = slug(name.split(/\s+/)[0]);
    if (!id || this.model.people.some((p) => idKey(p.id) === id)) id = slug(name);
    if (!id || !/^[a-z]/.test(id)) return;
    fields.push({ key: 'name', name: 'title', keyRange: nameRange, raw: name, range: nameRange });
    const p = buildItem({ kind: 'person', id, idRange: nameRange, range }, fields, this.ctx);
    p.implicit = true;
    this.add(p);
  }

  /** `- @jana — Leitung Social Media (Marketing)`: handle, role, department. */
  private teamListItem(s: string, at: number, range: Range, nested: RawField[]): void {
    const handles = [...s.matchAll(/@([A-Za-z][A-Za-z0-9_.-]*)/g)];
    handles.forEach((h) => {
      const hs = at + h.index;
      const idRange = this.lines.rangeOf(hs, hs + h[0].length);
      const fields: RawField[] = [...nested];
      if (handles.length === 1) {
        const after = s.slice(h.index + h[0].length);
        // Skip what closes the handle ("(@jana),", "**@lea**") and one separator.
        const sep = /^[\s*_)\]]*(?:[:–—-]|,)?\s*/.exec(after)!;
        let body = after.slice(sep[0].length);
        const bodyAt = hs + h[0].length + sep[0].length;
        const kv = keyValue(body, bodyAt, this.lines);
        if (kv && fieldOf(kv.key)) fields.push(kv);
        else {
          body = body.replace(/\s+$/, '');
          const dep = /\(([^()]*)\)\s*$/.exec(body);
          let role = body;
          if (dep) {
            role = body.slice(0, dep.index).trimEnd();
            const ds = bodyAt + dep.index + 1;
            fields.push({
              key: 'department',
              name: 'department',
              keyRange: idRange,
              raw: dep[1],
              range: this.lines.rangeOf(ds, ds + dep[1].length),
              offset: ds,
            });
          }
          // A name before the handle: "Anna Berg (@anna)" or "Anna Berg @anna".
          const before = s
            .slice(0, h.index)
            .replace(/[(\s,:–—-]+$/, '')
            .trim();
          if (before) fields.push({ key: 'name', name: 'title', keyRange: idRange, raw: before, range: this.lines.rangeOf(at, at + before.length) });
          if (role.trim())
            fields.push({
              key: 'role',
              name: 'role',
              keyRange: idRange,
              raw: role.trim(),
              range: this.lines.rangeOf(bodyAt, bodyAt + role.trim().length),
              offset: bodyAt,
            });
        }
      }
      this.add(buildItem({ kind: 'person', id: h[1], idRange, range }, fields, this.ctx));
    });
  }

  private tableItems(table: Table, map: Mapper, head: ReadHead | undefined): void {
    // The items of a table slice the last reading built are reused while the slice's text
    // (so its parsed node), its lines and what the section expects are the same.
    let key: string | undefined;
    if (this.reuse) {
      const start = table.position!.start.line;
      key = `${map.docLine(start)},${map.docLine(start + 2)}\n${this.kinds.join(',')}\n${this.ctx.lang}\n${this.ctx.uri}`;
      const hit = this.cache!.perNode<TableItems>(table);
      if (hit && hit.key === key) {
        for (const it of hit.items) this.add(it);
        for (const p of hit.problems) this.ctx.problems.push(p);
        return;
      }
    }
    const items0 = this.itemsAdded.length;
    const problems0 = this.ctx.problems.length;
    this.readTableItems(table, map, head);
    if (key) this.cache!.setPerNode(table, detach<TableItems>({ key, items: this.itemsAdded.slice(items0), problems: this.ctx.problems.slice(problems0) }));
  }

  private readTableItems(table: Table, map: Mapper, head: ReadHead | undefined): void {
    const cols = head?.cols ?? tableColumns(table, map, this.text);
    if (!cols.length) return;
    const isTeam = this.kinds.includes('person');
    if (!isTeam && !isItemTableHeader(cols[0].key, this.kinds.includes('channel'))) return;
    for (const row of table.children.slice(1)) {
      const fields = rowFields(row, cols, map, this.text);
      const range = map.range(row);
      if (isTeam) {
        const hi = fields.findIndex((f) => /@[A-Za-z]/.test(f.raw));
        if (hi < 0) {
          // No handle: the Name (or first) column names the person.
          nameFields(fields);
          const ni = Math.max(
            0,
            fields.findIndex((f) => f.name === 'title' || /^(name|person|wer|who|mitglied|member)$/.test(words(f.key).join(' '))),
          );
          const nf = fields[ni];
          if (nf && nf.offset !== undefined && isPersonName(clean(nf.raw))) {
            const name = clean(nf.raw);
            const ns = nf.offset + nf.raw.indexOf(name);
            this.addNamedPerson(
              name,
              this.lines.rangeOf(ns, ns + name.length),
              range,
              fields.filter((_, i) => i !== ni),
            );
          }
          continue;
        }
        const f = fields[hi];
        const h = /@([A-Za-z][A-Za-z0-9_.-]*)/.exec(f.raw)!;
        const hs = (f.offset ?? 0) + h.index;
        const rest = fields.filter((_, i) => i !== hi);
        const name = f.raw.replace(h[0], '').replace(/[()]/g, '').trim();
        if (name) rest.push({ key: 'name', name: 'title', keyRange: f.keyRange, raw: name, range: f.range });
        this.add(buildItem({ kind: 'person', id: h[1], idRange: this.lines.rangeOf(hs, hs + h[0].length), range }, rest, this.ctx));
        continue;
      }
      const idf = fields[0];
      const idText = clean(idf.raw);
      if (!idText) continue;
      const rest = fields.slice(1);
      nameFields(rest);
      const kind = chooseKind(this.kinds, idText, rest);
      const id = kind === 'channel' ? channelSlug(idText) : idText.replace(/^@/, '');
      if (!id) continue;
      let idRange = idf.range;
      if (kind === 'channel' && idf.offset !== undefined) {
        const i = idf.raw.toLowerCase().indexOf(id);
        if (i >= 0) idRange = this.lines.rangeOf(idf.offset + i, idf.offset + i + id.length);
      }
      if (!/^[A-Za-z]/.test(id)) {
        this.ctx.problems.push({
          rule: 'schema',
          range: idf.range,
          message: t(`'${idText}' is not an ID: an ID starts with a letter.`, `'${idText}' ist keine ID: eine ID beginnt mit einem Buchstaben.`),
        });
        continue;
      }
      this.add(buildItem({ kind, id, idRange, range }, rest, this.ctx));
    }
  }
}
