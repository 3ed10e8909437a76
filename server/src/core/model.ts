/**
 * The checked model of strategy documents and editorial plans (docs/format.md "The model").
 * Every element keeps the exact range it came from so that a diagnostic, a hover or a
 * rename can point at the right characters. Pure data: no parser or editor types here.
 */
import type { DocText, LineIndex, Range, Text, Lang } from './text';
import type { GoalType, Mode, Status, MetricClass, SectionKey, FieldName } from './vocab';

export type DocKind = 'strategy' | 'plan';
export type DocFormat = 'markdown' | 'yaml' | 'csv';

/** A scalar value as written, with where it stands. */
export interface Span<T = string> {
  value: T;
  /** The text as written in the document (trimmed). */
  raw: string;
  range: Range;
}

/** A reference to an item by ID (people without the leading `@`). */
export interface Ref {
  id: string;
  range: Range;
  /**
   * A reference that counts only where it matches (a plan's Content Pillar names a goal
   * or is just a theme): unmatched, it is neither an error nor a goal.
   */
  soft?: boolean;
}

/** One `Key: value` line, YAML key or table cell, known or not. */
export interface Field {
  /** The key as written. */
  key: string;
  keyRange: Range;
  /** The field it means (docs/format.md "Fields"), when the key is one of its synonyms. */
  name?: FieldName;
  raw: string;
  range: Range;
  /** How the value was written: a YAML sequence is a list. */
  isList?: boolean;
  /** For YAML sequences: each element's text and range. */
  items?: Span[];
}

export type ItemKind = 'person' | 'goal' | 'kpi' | 'audience' | 'channel';

export interface ItemBase {
  kind: ItemKind;
  /** The ID as written, without a leading `@`. */
  id: string;
  idRange: Range;
  /** The whole definition (heading and its list, list item, table row, YAML mapping). */
  range: Range;
  uri: string;
  title?: Span;
  fields: Field[];
  /**
   * The ID was given by stratdoc, not written: a goal or KPI written as a plain list item
   * is numbered by its place (docs/format.md "Goals and KPIs as plain lists").
   */
  implicit?: boolean;
  /**
   * YAML: the key the ID is written under inside the item's mapping (`id:`, `handle:`, a
   * channel's `name:`), which is not among `fields`; none for an item written by its ID
   * (`G1:` above its mapping) or in Markdown. For completion's keys (core/position.ts).
   */
  idKey?: { key: string; keyRange: Range };
}

export interface Person extends ItemBase {
  kind: 'person';
  role?: Span;
  department?: Span;
  management?: Span<boolean>;
}

export interface Goal extends ItemBase {
  kind: 'goal';
  type?: Span<GoalType>;
  primary?: Span<boolean>;
  kpis: Ref[];
  description?: Span;
}

export interface Kpi extends ItemBase {
  kind: 'kpi';
  metric?: Span;
  /** Classified from the metric, or from the title when there is no metric. */
  metricClass: MetricClass;
  goals: Ref[];
  target?: Span;
  baseline?: Span;
  deadline?: Span;
  source?: Span;
  owner?: Ref;
}

export interface Audience extends ItemBase {
  kind: 'audience';
}

export interface Channel extends ItemBase {
  kind: 'channel';
  why?: Span;
  how?: Span;
  /** The resources field as written; `people` are its @handles, `effort` the rest. */
  resources?: Span;
  people: Ref[];
  effort?: string;
  audiences: Ref[];
  goals: Ref[];
}

export type Item = Person | Goal | Kpi | Audience | Channel;

/** A section of a strategy: a level-2 heading in Markdown, a top-level key in YAML. */
export interface Section {
  /** The sections this heading stands for (one heading may be two, "Ziele und Kennzahlen"). */
  keys: SectionKey[];
  heading: string;
  headingRange: Range;
  /** From the heading to the line before the next section. */
  range: Range;
  /** Named by `<!-- stratdoc: KEY -->` rather than by its words. */
  explicit: boolean;
  /** The section's own text without heading and comments (for empty-step). */
  content: string;
}

export interface StrategyModel {
  sections: Section[];
  people: Person[];
  goals: Goal[];
  kpis: Kpi[];
  audiences: Audience[];
  channels: Channel[];
}

export interface PlanEntry {
  uri: string;
  id?: Ref;
  /** The whole entry (table row, YAML mapping). */
  range: Range;
  /** Where a diagnostic about the whole entry goes: its title, else its first field. */
  anchor: Range;
  fields: Field[];
  date?: Span;
  /** The date as ISO `YYYY-MM-DD` when it parsed. */
  isoDate?: string;
  time?: Span;
  channel?: Ref;
  format?: Span;
  title?: Span;
  mode?: { value: Mode; inferred: boolean; range: Range; raw?: string };
  goals: Ref[];
  kpis: Ref[];
  audiences: Ref[];
  owner?: Ref;
  reviewer?: Ref;
  status?: Span<Status>;
  link?: Span;
  campaign?: Span;
  /** The zero-based index of the entry in its document. */
  index: number;
  /** For a cross-post: how many channels the row names (one entry per channel). */
  crossPost?: number;
  /** For Markdown plans: the header row of the entry's table (where a new column goes). */
  table?: { headerRange: Range; columns: (FieldName | undefined)[] };
}

export interface PlanModel {
  strategyPath?: Span;
  entries: PlanEntry[];
  /** Where an entry list starts (YAML `entries:` key), for hovers and completions. */
  entriesRange?: Range;
  /**
   * The entries this reading copied from the last one with their lines moved by `dl` (a
   * line added or removed above them: YAML, text.ts movedLines) or, with `dl` 0, with
   * only their index changed (an entry made or lost before them: Markdown,
   * parse/markdown.ts renumbered): each copy → the entry it was copied from. The engine
   * takes what it found in the original, moved by as many lines, instead of checking the
   * copy again (docs/decisions.md "A moved copy keeps what its
   * original was found to have"). Not enumerable: it is not what the plan says, and
   * JSON, clones and spread copies of the model leave it out.
   */
  readonly moved?: MovedEntries;
}

export interface MovedEntries {
  dl: number;
  of: ReadonlyMap<PlanEntry, PlanEntry>;
}

/** A problem the parser itself found: reported by the `syntax` and `schema` rules. */
export interface ParseProblem {
  rule: 'syntax' | 'schema';
  range: Range;
  message: Text;
  fixes?: FixSpec[];
  /** What failed inside (an exception's stack), for the server's log; never part of the message. */
  internal?: string;
  /** A word typed without its colon, left out of the parse (`ParsedDocument.incomplete`): the rest reads as written. */
  halfTyped?: true;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A quick fix: a title and the edits of one or more documents. */
export interface FixSpec {
  title: Text;
  edits: { uri: string; edits: TextEdit[] }[];
  /** The preferred fix of several. */
  preferred?: boolean;
  /**
   * Safe to apply without a person looking (fix-all, `stratdoc check --fix`, fix on save):
   * it changes how something is written, never what the plan says (docs/decisions.md
   * "Fixing for you"). Everything else is offered only as a quick fix.
   */
  safe?: boolean;
}

export interface Suppressions {
  /** Rules switched off for the whole file (`stratdoc-disable-file`); `*` for every rule. */
  file: Set<string>;
  /** 0-based line → rules switched off on that line (`*` for all). */
  lines: Map<number, Set<string>>;
  /**
   * `stratdoc-disable` … `stratdoc-enable` ranges, as the state after each such comment in
   * document order: from `line` on, every rule is off but `except` (`all`), or only `rules`.
   */
  ranges: SuppressionState[];
  /** Every rule name written in a suppression comment, where it stands (for unknown names). */
  names: { name: string; range: Range }[];
}

export interface SuppressionState {
  line: number;
  all: boolean;
  /** With `all`: the rules enabled again. */
  except: Set<string>;
  /** Without `all`: the rules switched off. */
  rules: Set<string>;
}

export interface Period {
  start: string;
  end: string;
}

/**
 * What an edit changed, as the editor said it (LSP incremental changes): everything of the
 * text before it outside `[prefix, before.length - suffix)` is unchanged. The readers use it
 * instead of finding the changed range again by comparing texts.
 */
export interface EditSpan {
  /** The text the edit was made to (the server's text in blocks, or a string). */
  before: DocText;
  prefix: number;
  suffix: number;
  /** The new text's line index when the editor's changes gave it (LineIndex.edited). */
  lines?: LineIndex;
}

/**
 * A Markdown table as the reader read its header (ParsedDocument.tables): the field each
 * column names, as the reader names it (a plan table's columns as its entries have them),
 * and where its rows stand. A long table read in slices is one per slice.
 */
export interface TableHead {
  headerRange: Range;
  /** From the first row below the delimiter row to the last; none when the table has no row yet. */
  rows?: Range;
  columns: (FieldName | undefined)[];
}

/** A half-typed line of a document (ParsedDocument.incomplete). */
export interface Incomplete {
  text: string;
  range: Range;
  /**
   * The part it belongs to by indentation: the front matter, the plan entry or strategy
   * item it stands in, else the section, else (YAML) the document's top level.
   */
  owner: 'front matter' | 'document' | PlanEntry | Item | Section;
  /**
   * An item definition the reader does not take (`### G😀: …`, `### 📸 Instagram`, a goal
   * heading in a section that writes IDs), or in YAML a mapping in an item section without
   * an ID yet (`- title: …`): the kind its section gives it and the `Key: value` fields of
   * its list or mapping; `range` runs from the heading to the end of that list, or is the
   * mapping's (`text` its first key then).
   */
  item?: { kind: ItemKind; fields: Field[] };
}

export interface ParsedDocument {
  uri: string;
  kind: DocKind;
  format: DocFormat;
  /**
   * The text read. After a keystroke in the server (the YAML reader's quick path) a getter
   * that joins the server's text in blocks the first time it is read (docs/decisions.md
   * "What a keystroke costs"): a copy of a reading is made with `docWith`, not a spread.
   */
  text: string;
  lines: LineIndex;
  /** Why this file is a document: its marker, its file name, or the `include` globs. */
  detectedBy: 'marker' | 'filename' | 'include';
  title?: string;
  /** The title heading (or title key); where "something is missing" diagnostics go. */
  titleRange: Range;
  /**
   * Markdown: the front matter (docs/format.md "Front matter"), from its opening `---` to
   * its closing one, and the keys written in it (a word typed without its colon among them
   * where YAML reads it as a key), for completion (core/position.ts).
   */
  frontMatter?: { range: Range; keys: { key: string; keyRange: Range }[] };
  /**
   * YAML: the top-level keys as written, in the order of the text (a word typed without its
   * colon is none), each holding the lines up to the next one: for completion (core/position.ts).
   */
  topKeys?: { key: string; keyRange: Range }[];
  /**
   * Markdown: the fenced code blocks as the reader (CommonMark) found them, from the
   * opening fence to the closing one, or to the end of their container when unclosed.
   */
  fences?: Range[];
  /** Markdown: the tables at the top level of the document and of its sections, for completion (core/position.ts). */
  tables?: TableHead[];
  /**
   * What a reader saw but could not make a field of: a word typed without its colon, as
   * written and where, with the part of the document it belongs to (docs/decisions.md
   * "Positions from the model").
   */
  incomplete?: Incomplete[];
  /** `language` of the front matter / top level. */
  language?: Lang;
  period?: Span<Period>;
  problems: ParseProblem[];
  suppressions: Suppressions;
  strategy?: StrategyModel;
  plan?: PlanModel;
  /**
   * Set on a view of a plan that holds only some of its entries (the engine's entry-scoped
   * runs): the whole reading, for what is derived from the whole plan (core/derived.ts).
   */
  whole?: ParsedDocument;
}

/**
 * A copy of a reading with some fields replaced (a view of it, engine.ts). A reading whose
 * text is a getter (ParsedDocument.text) keeps it a getter in the copy: a spread would read
 * it, joining the whole text on every keystroke.
 */
export function docWith(doc: ParsedDocument, fields: Partial<ParsedDocument>): ParsedDocument {
  const text = Object.getOwnPropertyDescriptor(doc, 'text');
  if (!text?.get) return { ...doc, ...fields };
  // The data fields copied, the getters (text, and topKeys when they are lazy) kept as getters.
  const view: Record<string, unknown> = {};
  for (const k of Object.keys(doc)) {
    const d = k === 'text' ? text : k === 'topKeys' ? Object.getOwnPropertyDescriptor(doc, k) : undefined;
    if (d?.get) Object.defineProperty(view, k, d);
    else view[k] = (doc as unknown as Record<string, unknown>)[k];
  }
  return Object.assign(view as unknown as ParsedDocument, fields);
}
