/**
 * Positions and ranges as the core uses them: 0-based lines, 0-based UTF-16 columns
 * (the same convention as LSP, so the server passes them through unchanged; the CLI
 * adds 1). Offsets are UTF-16 indexes into the document text.
 */
import type { Field } from './model';
import type { FieldName } from './vocab';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A string in both languages the product speaks. */
export interface Text {
  en: string;
  de: string;
}

export type Lang = 'en' | 'de';

/**
 * A copy of a string that shares no memory with the string it may have been cut from.
 * In V8 a substring of 13 characters or more points into its source, so keeping one
 * keeps the whole source (a document's text) alive: values kept across edits are copied
 * with this (docs/decisions.md "Memory").
 */
export function detachString(s: string): string {
  // A JSON round trip reads a new flat string of its own (one object: concatenating and
  // slicing again, as before, kept a 32-byte slice beside a flat copy; as fast).
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

export function t(en: string, de: string): Text {
  return { en, de };
}

/** The index of the first number in an ascending list not below `n` (how many are below it). */
export function lowerBound(list: readonly number[], n: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function pos(line: number, character: number): Position {
  return { line, character };
}

/**
 * A range kept as numbers instead of three objects (docs/decisions.md "Memory": a plan's
 * model holds two ranges per field, and a plain `{ start, end }` costs 120 bytes). It is a
 * `Range`: `start` and `end` are read as fresh positions; a model's ranges are never
 * changed, so there are no setters. JSON (the protocol, the CLI's output) sees
 * `{ start, end }`. Its numbers are its own enumerable fields, so two ranges of the same
 * place compare equal by value; a structured clone keeps the numbers and loses the class
 * (`reviveRanges` gives it back). Made by `range()` and `LineIndex.rangeOf`, which choose
 * `SmallRange` when the place fits.
 */
export class PackedRange implements Range {
  constructor(
    readonly sl: number,
    readonly sc: number,
    readonly el: number,
    readonly ec: number,
  ) {}

  get start(): Position {
    return { line: this.sl, character: this.sc };
  }

  get end(): Position {
    return { line: this.el, character: this.ec };
  }

  toJSON(): Range {
    return { start: this.start, end: this.end };
  }
}

/** Columns below this, and lines below `SMALL_LINES`, fit a `SmallRange`. */
const SMALL_COLUMNS = 2048;
const SMALL_LINES = 1 << 19;

/**
 * A range of lines below 524,288 and columns below 2,048 (almost every range), as two
 * small integers `line * 2048 + character` (40 bytes, where `PackedRange` is 56): within
 * 2^30, so V8 keeps them unboxed with and without pointer compression.
 */
export class SmallRange implements Range {
  constructor(
    /** `line * 2048 + character` of the start. */
    readonly ps: number,
    /** The same of the end. */
    readonly pe: number,
  ) {}

  get start(): Position {
    return { line: this.ps >> 11, character: this.ps & (SMALL_COLUMNS - 1) };
  }

  get end(): Position {
    return { line: this.pe >> 11, character: this.pe & (SMALL_COLUMNS - 1) };
  }

  toJSON(): Range {
    return { start: this.start, end: this.end };
  }
}

/**
 * A field as a reading keeps it when its key stands on the line of its value (YAML
 * `key: value`, Markdown `Key: value`; docs/decisions.md "Memory"): the key's range is two
 * small integers inside the field, not a range object of its own (32 of the 104 bytes of a
 * field with two range objects; a YAML plan has one per key it writes). A key on another
 * line is a header's (a Markdown table's, a CSV file's), one range object for all rows:
 * such fields stay plain objects. `keyRange` reads as a fresh range. JSON sees the plain
 * field; a structured clone gets the class back with `reviveRanges`, and `plainRanges`
 * makes it a plain field.
 */
export class KeptField implements Field {
  /** `line * 2048 + character` of the key's start and end (a `SmallRange`'s numbers). */
  private readonly ks: number;
  private readonly ke: number;
  constructor(
    readonly key: string,
    keyRange: SmallRange,
    readonly name: FieldName | undefined,
    readonly raw: string,
    readonly range: Range,
  ) {
    this.ks = keyRange.ps;
    this.ke = keyRange.pe;
  }

  get keyRange(): Range {
    return new SmallRange(this.ks, this.ke);
  }

  toJSON(): Field {
    return { key: this.key, keyRange: this.keyRange, name: this.name, raw: this.raw, range: this.range };
  }
}

/** The field a reading keeps (`KeptField` where that is smaller). */
export function keptField(f: Field): Field {
  if (f.isList !== undefined || f.items !== undefined) {
    return { key: f.key, keyRange: f.keyRange, name: f.name, raw: f.raw, range: f.range, isList: f.isList, items: f.items };
  }
  const k = f.keyRange;
  const r = f.range;
  if (k instanceof SmallRange && r instanceof SmallRange && k.ps >> 11 === r.ps >> 11) return new KeptField(f.key, k, f.name, f.raw, r);
  return { key: f.key, keyRange: k, name: f.name, raw: f.raw, range: r };
}

function packRange(sl: number, sc: number, el: number, ec: number): Range {
  return sl >= 0 && el < SMALL_LINES && sc >= 0 && sc < SMALL_COLUMNS && ec >= 0 && ec < SMALL_COLUMNS && Number.isInteger(sc + ec + sl + el)
    ? new SmallRange(sl * SMALL_COLUMNS + sc, el * SMALL_COLUMNS + ec)
    : new PackedRange(sl, sc, el, ec);
}

/** A plain `{ start, end }` copy of a range (for code that compares ranges as plain data). */
export function plainRange(r: Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/**
 * Makes every packed range inside plain data a plain `{ start, end }`, in place, and
 * returns the data: for models that must be plain data to the end (the preview's, which a
 * webview receives as a structured clone).
 */
export function plainRanges<T>(value: T): T {
  const walk = (o: Record<string, unknown> | unknown[], depth: number): void => {
    if (depth > 40) return;
    const isArr = Array.isArray(o);
    for (const k of isArr ? o.keys() : Object.keys(o)) {
      const v = (o as Record<string | number, unknown>)[k];
      if (typeof v !== 'object' || v === null) continue;
      if (v instanceof SmallRange || v instanceof PackedRange) (o as Record<string | number, unknown>)[k] = plainRange(v);
      else if (v instanceof KeptField) (o as Record<string | number, unknown>)[k] = walkPlain(v.toJSON(), depth);
      else walk(v as Record<string, unknown>, depth + 1);
    }
  };
  const walkPlain = (o: Field, depth: number): Field => {
    walk(o as unknown as Record<string, unknown>, depth + 1);
    return o;
  };
  if (typeof value === 'object' && value !== null) walk(value as Record<string, unknown>, 0);
  return value;
}

/**
 * Gives the packed ranges in a structured clone of a model (a CLI worker's reading) their
 * class back, in place: a clone keeps their numbers, not their getters.
 */
export function reviveRanges(value: unknown): void {
  const walk = (o: object, depth: number): void => {
    if (depth > 40) return;
    if (Array.isArray(o)) {
      for (const v of o as unknown[]) if (typeof v === 'object' && v !== null) walk(v, depth + 1);
      return;
    }
    if (o instanceof Set || o instanceof Map) return;
    const r = o as Record<string, unknown>;
    if (!('start' in r)) {
      if (typeof r.ps === 'number' && typeof r.pe === 'number') return void Object.setPrototypeOf(o, SmallRange.prototype);
      if (typeof r.sl === 'number' && typeof r.ec === 'number') return void Object.setPrototypeOf(o, PackedRange.prototype);
    }
    if (typeof r.key === 'string' && typeof r.ks === 'number' && typeof r.ke === 'number') Object.setPrototypeOf(o, KeptField.prototype);
    for (const k in r) {
      const v = r[k];
      if (typeof v === 'object' && v !== null) walk(v, depth + 1);
    }
  };
  if (typeof value === 'object' && value !== null) walk(value, 0);
}

/**
 * A copy of plain data (what a reader built from a piece of a document) with every range
 * and position in it `dl` lines further down: what the piece means when lines were added
 * or removed above it and its own text is unchanged. Strings, sets and maps are shared;
 * an empty array stays the same array (build.ts `exact` shares one).
 */
export function movedLines<T>(value: T, dl: number): T {
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v !== 'object' || v === null || depth > 32) return v;
    if (v instanceof SmallRange || v instanceof PackedRange) return movedRange(v, dl);
    if (Array.isArray(v)) return v.length ? v.map((x) => walk(x, depth + 1)) : v;
    if (v instanceof Set || v instanceof Map) return v;
    // A kept field holds its key's range as numbers: move it as a field, so it stays one.
    if (v instanceof KeptField) {
      const moved = movedRange(v.keyRange, dl);
      const r = walk(v.range, depth + 1) as Range;
      return moved instanceof SmallRange
        ? new KeptField(v.key, moved, v.name, v.raw, r)
        : keptField({ key: v.key, keyRange: moved, name: v.name, raw: v.raw, range: r });
    }
    const o = v as Record<string, unknown>;
    if (typeof o.line === 'number' && typeof o.character === 'number' && Object.keys(o).length === 2) return { line: o.line + dl, character: o.character };
    // A clone of the same shape, then its objects moved: cheaper than adding each property to an empty object.
    const out: Record<string, unknown> = { ...o };
    for (const k in out) {
      const x = out[k];
      if (typeof x === 'object' && x !== null) out[k] = walk(x, depth + 1);
    }
    return out;
  };
  return walk(value, 0) as T;
}

/** A range `dl` lines further down; a small range as its numbers (no positions made) while its lines stay small. */
export function movedRange(r: Range, dl: number): Range {
  if (r instanceof SmallRange) {
    const by = dl * SMALL_COLUMNS;
    if (r.ps + by >= 0 && (r.pe >> 11) + dl < SMALL_LINES) return new SmallRange(r.ps + by, r.pe + by);
  }
  return range(r.start.line + dl, r.start.character, r.end.line + dl, r.end.character);
}

export function range(sl: number, sc: number, el: number, ec: number): Range {
  return packRange(sl, sc, el, ec);
}

export function comparePos(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function compareRange(a: Range, b: Range): number {
  return comparePos(a.start, b.start) || comparePos(a.end, b.end);
}

/** The text a range covers (the one way to read it: the rules, services and preview all use this). */
export function textAt(lines: LineIndex, r: Range): string {
  return lines.source.slice(lines.offsetAt(r.start), lines.offsetAt(r.end));
}

export function containsPos(r: Range, p: Position): boolean {
  return comparePos(r.start, p) <= 0 && comparePos(p, r.end) <= 0;
}

/**
 * What the readers read a text through: a string is one, and so is a `BlockText`. Only
 * the keystroke path (the YAML reader's quick path, the line index) reads a `BlockText`
 * as it is; everything else reads the string (`flat`).
 */
export interface TextSource {
  readonly length: number;
  slice(start?: number, end?: number): string;
  charCodeAt(index: number): number;
  charAt(index: number): string;
  indexOf(search: string, from?: number): number;
  lastIndexOf(search: string, from?: number): number;
}

/** A document's text as the server holds it: a string, or the editor's text in blocks. */
export type DocText = string | BlockText;

/** Blocks are cut at the first line break after this many characters (well under V8's ~128 KB regular-object limit). */
const BLOCK = 16 * 1024;

/**
 * A text held in blocks of about 16K characters (docs/decisions.md "What a keystroke
 * costs"): an edit makes a new one that shares every block it does not touch, so a
 * keystroke in a 1 MB document copies one block, never the whole text. Immutable. Every
 * block but the last ends with a line break (LF), so a line, a CRLF or a surrogate pair
 * never lies across two blocks; a line longer than a block makes its block as long.
 * `toString()` joins the blocks once, when something needs the whole text as a string,
 * and keeps the string.
 */
export class BlockText implements TextSource {
  private flatText: string | undefined;
  /** The block the last offset looked up lay in (reads go mostly forward, near each other). */
  private at = 0;
  /** Whether the text has a CR not followed by LF (normalizeLoneCr); undefined: not known yet. */
  private loneCr: boolean | undefined;

  private constructor(
    /** The blocks, and the offset each starts at (`starts[blocks.length]` is the length). */
    readonly blocks: readonly string[],
    readonly starts: readonly number[],
    flat?: string,
    loneCr?: boolean,
  ) {
    this.flatText = flat;
    this.loneCr = loneCr;
  }

  /**
   * A string in blocks; its `toString()` is the string itself. `own`: the blocks are copies,
   * so once this object is gone they do not keep `text` alive (a slice keeps its whole
   * string in V8): the session's held text, which outlives the string it was opened with
   * by many edits (docs/decisions.md "Memory").
   */
  static of(text: string, own = false): BlockText {
    const blocks: string[] = [];
    cutBlocks(text, blocks);
    if (own && blocks.length > 1) for (let i = 0; i < blocks.length; i++) blocks[i] = ownCopy(blocks[i]);
    const starts = [0];
    for (const b of blocks) starts.push(starts[starts.length - 1] + b.length);
    return new BlockText(blocks, starts, text);
  }

  get length(): number {
    return this.starts[this.blocks.length];
  }

  /** The whole text as one string, when it has been made (never makes it). */
  get flatIfMade(): string | undefined {
    return this.flatText;
  }

  /** The whole text as one string: made once, then kept. */
  toString(): string {
    return (this.flatText ??= this.blocks.join(''));
  }

  /** The index of the block offset `i` lies in (`0 <= i < length`). */
  private blockOf(i: number): number {
    const s = this.starts;
    const b = this.at;
    if (i >= s[b] && i < s[b + 1]) return b;
    if (b + 1 < this.blocks.length && i >= s[b + 1] && i < s[b + 2]) return (this.at = b + 1);
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return (this.at = lo);
  }

  charCodeAt(i: number): number {
    if (this.flatText !== undefined) return this.flatText.charCodeAt(i);
    if (!(i >= 0 && i < this.length)) return NaN;
    const b = this.blockOf(i);
    return this.blocks[b].charCodeAt(i - this.starts[b]);
  }

  charAt(i: number): string {
    const c = this.charCodeAt(i);
    return c === c ? String.fromCharCode(c) : '';
  }

  slice(start = 0, end = this.length): string {
    if (this.flatText !== undefined) return this.flatText.slice(start, end);
    const n = this.length;
    let a = start < 0 ? Math.max(0, n + start) : Math.min(start, n);
    const z = end < 0 ? Math.max(0, n + end) : Math.min(end, n);
    if (a >= z) return '';
    if (a === 0 && z === n) return this.toString();
    const b = this.blockOf(a);
    const s = this.starts;
    if (z <= s[b + 1]) return this.blocks[b].slice(a - s[b], z - s[b]);
    let out = '';
    for (let k = b; a < z; k++) {
      out += this.blocks[k].slice(a - s[k], Math.min(z, s[k + 1]) - s[k]);
      a = s[k + 1];
    }
    return out;
  }

  indexOf(search: string, from = 0): number {
    if (this.flatText !== undefined) return this.flatText.indexOf(search, from);
    const n = this.length;
    from = Math.max(0, Math.min(from, n));
    if (!search.length) return from;
    if (from >= n) return -1;
    const s = this.starts;
    const w = search.length - 1;
    for (let k = this.blockOf(from); k < this.blocks.length; k++) {
      const i = this.blocks[k].indexOf(search, Math.max(0, from - s[k]));
      if (i >= 0) return s[k] + i;
      // A match across the block's end: the last characters with the next block's first.
      if (w && k + 1 < this.blocks.length) {
        const a = Math.max(from, s[k + 1] - w);
        const j = this.slice(a, Math.min(n, s[k + 1] + w)).indexOf(search);
        if (j >= 0) return a + j;
      }
    }
    return -1;
  }

  lastIndexOf(search: string, from = Infinity): number {
    if (this.flatText !== undefined) return this.flatText.lastIndexOf(search, from);
    const n = this.length;
    from = Math.max(0, Math.min(from === from ? from : Infinity, n - search.length));
    if (search.length > n) return -1;
    if (!search.length) return from;
    const s = this.starts;
    const w = search.length - 1;
    // The last block a match could start in.
    for (let k = this.blockOf(Math.min(from, n - 1)); k >= 0; k--) {
      if (w && k + 1 < this.blocks.length && s[k + 1] - w <= from) {
        const a = Math.max(0, s[k + 1] - w);
        const j = this.slice(a, Math.min(n, s[k + 1] + w)).lastIndexOf(search, from - a);
        if (j >= 0 && a + j >= s[k + 1] - w) return a + j;
      }
      const i = this.blocks[k].lastIndexOf(search, from - s[k]);
      if (i >= 0 && s[k] + i <= from) return s[k] + i;
    }
    return -1;
  }

  /** Whether a CR stands somewhere without an LF after it (old Mac line endings; normalizeLoneCr). */
  hasLoneCr(): boolean {
    if (this.loneCr === undefined) {
      let found = false;
      // Block by block: a block never ends between a CR and its LF (it ends with an LF).
      for (let k = 0; k < this.blocks.length && !found; k++) {
        const b = this.blocks[k];
        for (let i = b.indexOf('\r'); i >= 0; i = b.indexOf('\r', i + 2)) {
          if (b.charCodeAt(i + 1) !== 10) {
            found = true;
            break;
          }
        }
      }
      this.loneCr = found;
    }
    return this.loneCr;
  }

  /**
   * This text with `[start, end)` replaced by `inserted`: the blocks the edit touches are
   * made anew (and cut again when they grew past two blocks), every other block is shared.
   */
  edit(start: number, end: number, inserted: string): BlockText {
    const n = this.length;
    start = Math.max(0, Math.min(start, n));
    end = Math.max(start, Math.min(end, n));
    const s = this.starts;
    const count = this.blocks.length;
    // The block `start` lies in, and the one `end` lies in (at a block's start: that block,
    // so the new block still ends with the line break the last one ended with).
    const first = count && start < n ? this.blockOf(start) : count - 1;
    const last = count && end < n ? this.blockOf(end) : count - 1;
    if (first < 0) return BlockText.of(inserted);
    const head = this.blocks[first].slice(0, start - s[first]);
    const tail = this.blocks[last].slice(end - s[last]);
    const made = head + inserted + tail;
    const fresh: string[] = [];
    if (made.length > 2 * BLOCK) cutBlocks(made, fresh);
    else if (made.length) fresh.push(made);
    const blocks = [...this.blocks.slice(0, first), ...fresh, ...this.blocks.slice(last + 1)];
    const starts = s.slice(0, first + 1);
    for (let k = first; k < blocks.length; k++) starts.push(starts[k] + blocks[k].length);
    // No lone CR came in when none was there, no CR was typed, and no CR stood before the edit.
    const loneCr = this.loneCr === false && inserted.indexOf('\r') < 0 && this.charCodeAt(start - 1) !== 13 ? false : undefined;
    return new BlockText(blocks, starts, undefined, loneCr);
  }
}

/** Cuts a text into blocks at the first LF after every `BLOCK` characters. */
/** A flat copy of `s` of its own (joined to one character, flattened, sliced off again). */
function ownCopy(s: string): string {
  const c = ' ' + s;
  c.charCodeAt(1); // V8 flattens the pair into a new string here
  return c.slice(1);
}

function cutBlocks(text: string, into: string[]): void {
  let a = 0;
  while (a < text.length) {
    const nl = text.length - a > BLOCK ? text.indexOf('\n', a + BLOCK - 1) : -1;
    const z = nl < 0 ? text.length : nl + 1;
    into.push(text.slice(a, z));
    a = z;
  }
}

/** The text as one string (a `BlockText` joined, once). */
export function flat(text: DocText): string {
  return typeof text === 'string' ? text : text.toString();
}

/**
 * Whether two texts are the same reading's text, without comparing their characters: the
 * same object, or a `BlockText` and the string it was joined into (or made from).
 */
export function sameText(a: DocText | undefined, b: DocText | undefined): boolean {
  if (a === b) return a !== undefined;
  if (a === undefined || b === undefined) return false;
  const fa = typeof a === 'string' ? a : a.flatIfMade;
  const fb = typeof b === 'string' ? b : b.flatIfMade;
  return fa !== undefined && fa === fb;
}

const NO_MOVES: readonly (readonly [number, number])[] = [];
/** Moves kept in a line index before they are made true (each costs a step in every `lineStart`). */
const MAX_MOVES = 16;

/** Maps offsets to positions and back for one text. Built once per text. */
export class LineIndex {
  /**
   * The line starts as stored, and the moves not yet made in them: each `[from, by]` says
   * that the starts from line `from` on are `by` further (keystrokes that added or removed
   * no line break, see `edited`). `lineStart` reads one; `lineStarts` gives them all, made
   * true (in a copy) the first time it is read.
   */
  private starts: number[];
  private moves: readonly (readonly [number, number])[];
  /**
   * The text as given (a `BlockText` after a keystroke in the server: read through, never
   * joined here); `text` is it as a string.
   */
  readonly source: DocText;
  /** `starts`: the line starts of `text` when the caller knows them (see `edited`); `moves`: as above. */
  constructor(source: DocText, starts?: number[], moves: readonly (readonly [number, number])[] = NO_MOVES) {
    this.source = source;
    this.moves = moves;
    if (starts) {
      this.starts = starts;
      return;
    }
    const text = flat(source);
    starts = [0];
    if (text.indexOf('\r') < 0) {
      // Only LF breaks (the common case): let indexOf find them.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  /** The text as one string (a `BlockText` source is joined the first time this is read). */
  get text(): string {
    return flat(this.source);
  }

  /** Every line start (offset of each line's first character). */
  get lineStarts(): number[] {
    if (this.moves.length) {
      // Made true once, in a copy: the indexes edited from this one share the array.
      const s = this.starts.slice();
      for (const [from, by] of this.moves) for (let i = from; i < s.length; i++) s[i] += by;
      this.starts = s;
      this.moves = NO_MOVES;
    }
    return this.starts;
  }

  /** The offset a line starts at (the text's length past the last line). */
  lineStart(line: number): number {
    if (line >= this.starts.length) return this.source.length;
    let p = this.starts[line];
    for (const m of this.moves) if (line >= m[0]) p += m[1];
    return p;
  }

  /**
   * The index of `next`: this index's text with `[start, end)` replaced by `inserted`. It
   * costs the edit, not the text (docs/decisions.md "State and its invalidation"): the
   * line starts before the edit are kept and only the inserted text is scanned. An edit
   * that adds or removes no line break (a keystroke) shares this index's array and only
   * notes that the starts after the edit moved (`moves`): no copy of the array for 16
   * keystrokes. Else the array is copied and those after the edit shifted. A CR
   * on either side of the edit could join with an LF into one break or come apart from
   * it; there the text is scanned anew.
   */
  edited(next: DocText, start: number, end: number, inserted: string): LineIndex {
    const text = this.source;
    if ((start > 0 && text.charCodeAt(start - 1) === 13) || (end > start && text.charCodeAt(end - 1) === 13)) return new LineIndex(next);
    const n = this.starts.length;
    // Line starts p <= start (their break lies before the edit) stay; those in (start, end] went with the text.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.lineStart(mid) <= start) lo = mid + 1;
      else hi = mid;
    }
    const keep = lo;
    let after = keep;
    while (after < n && this.lineStart(after) <= end) after++;
    // A paste of very many lines: scanned whole (the spread below has a bound).
    if (inserted.length > 100000) return new LineIndex(next);
    const added: number[] = [];
    const at = start + inserted.length;
    for (let i = 0; i < inserted.length; i++) {
      const c = inserted.charCodeAt(i);
      if (c === 10) added.push(start + i + 1);
      else if (c === 13 && (i + 1 < inserted.length ? inserted.charCodeAt(i + 1) : next.charCodeAt(at)) !== 10) added.push(start + i + 1);
    }
    const delta = inserted.length - (end - start);
    if (!added.length && after === keep) {
      // No line break came or went: the same array, and one move more (a few dozen at
      // most: then they are made true, once per so many keystrokes).
      if (!delta || keep >= this.starts.length) return new LineIndex(next, this.starts, this.moves);
      if (this.moves.length < MAX_MOVES) return new LineIndex(next, this.starts, [...this.moves, [keep, delta]]);
      return new LineIndex(next, this.lineStarts, [[keep, delta]]);
    }
    // A copy (the last reading keeps its index), then the starts after the edit moved: a
    // copy of a packed array is a block copy, far cheaper than pushing element by element.
    const starts = this.lineStarts.slice();
    starts.splice(keep, after - keep, ...added);
    if (delta) for (let i = keep + added.length; i < starts.length; i++) starts[i] += delta;
    return new LineIndex(next, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const line = this.lineAt(offset);
    return { line, character: this.characterAt(line, offset) };
  }

  /** The line an offset stands on. */
  private lineAt(offset: number): number {
    offset = Math.max(0, Math.min(offset, this.source.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStart(mid) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The column of an offset on its line (`lineAt(offset)`). */
  private characterAt(line: number, offset: number): number {
    offset = Math.max(0, Math.min(offset, this.source.length));
    // An offset inside a line break (on the '\r' or '\n' of a CRLF) is the end of its line, not beyond it.
    const character = offset - this.lineStart(line);
    if (line + 1 < this.starts.length && character > 0) {
      const c = this.source.charCodeAt(offset);
      if (c === 13 || (c === 10 && this.source.charCodeAt(offset - 1) === 13)) return this.lineEnd(line) - this.lineStart(line);
    }
    return character;
  }

  offsetAt(p: Position): number {
    if (p.line < 0) return 0;
    if (p.line >= this.starts.length) return this.source.length;
    const start = this.lineStart(p.line);
    const end = this.lineEnd(p.line);
    return Math.min(start + Math.max(0, p.character), end);
  }

  /** Offset of the end of a line, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 < this.starts.length) {
      const s = this.lineStart(line);
      let e = this.lineStart(line + 1) - 1;
      const t = this.source;
      if (e > s && t.charCodeAt(e - 1) === 13 && t.charCodeAt(e) === 10) e--;
      else if (t.charCodeAt(e) !== 10 && t.charCodeAt(e) !== 13) e++;
      return e;
    }
    return this.source.length;
  }

  lineText(line: number): string {
    if (line < 0 || line >= this.starts.length) return '';
    return this.source.slice(this.lineStart(line), this.lineEnd(line));
  }

  rangeOf(start: number, end: number): Range {
    const sl = this.lineAt(start);
    const el = end === start ? sl : this.lineAt(end);
    return packRange(sl, this.characterAt(sl, start), el, this.characterAt(el, end));
  }

  /** `rangeOf(start, end)` for offsets known to stand on `line` (from its start to its end): without looking for the line. */
  rangeOnLine(line: number, start: number, end: number): Range {
    return packRange(line, this.characterAt(line, start), line, this.characterAt(line, end));
  }

  /** The whole range of a line, without its break. */
  lineRange(line: number): Range {
    return packRange(line, 0, line, this.lineEnd(line) - this.lineStart(line));
  }
}
