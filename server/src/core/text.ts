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
    if (v instanceof SmallRange || v instanceof PackedRange) return range(v.start.line + dl, v.start.character, v.end.line + dl, v.end.character);
    if (Array.isArray(v)) return v.length ? v.map((x) => walk(x, depth + 1)) : v;
    if (v instanceof Set || v instanceof Map) return v;
    // A kept field holds its key's range as numbers: move it as a field, so it stays one.
    if (v instanceof KeptField)
      return keptField({ key: v.key, keyRange: walk(v.keyRange, depth + 1) as Range, name: v.name, raw: v.raw, range: walk(v.range, depth + 1) as Range });
    const o = v as Record<string, unknown>;
    if (typeof o.line === 'number' && typeof o.character === 'number' && Object.keys(o).length === 2) return { line: o.line + dl, character: o.character };
    const out: Record<string, unknown> = {};
    for (const k in o) out[k] = walk(o[k], depth + 1);
    return out;
  };
  return walk(value, 0) as T;
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
  return lines.text.slice(lines.offsetAt(r.start), lines.offsetAt(r.end));
}

export function containsPos(r: Range, p: Position): boolean {
  return comparePos(r.start, p) <= 0 && comparePos(p, r.end) <= 0;
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
  /** `starts`: the line starts of `text` when the caller knows them (see `edited`); `moves`: as above. */
  constructor(
    readonly text: string,
    starts?: number[],
    moves: readonly (readonly [number, number])[] = NO_MOVES,
  ) {
    this.moves = moves;
    if (starts) {
      this.starts = starts;
      return;
    }
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
    if (line >= this.starts.length) return this.text.length;
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
  edited(next: string, start: number, end: number, inserted: string): LineIndex {
    const text = this.text;
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
    offset = Math.max(0, Math.min(offset, this.text.length));
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
    offset = Math.max(0, Math.min(offset, this.text.length));
    // An offset inside a line break (on the '\r' or '\n' of a CRLF) is the end of its line, not beyond it.
    const character = offset - this.lineStart(line);
    if (line + 1 < this.starts.length && character > 0) {
      const c = this.text.charCodeAt(offset);
      if (c === 13 || (c === 10 && this.text.charCodeAt(offset - 1) === 13)) return this.lineEnd(line) - this.lineStart(line);
    }
    return character;
  }

  offsetAt(p: Position): number {
    if (p.line < 0) return 0;
    if (p.line >= this.starts.length) return this.text.length;
    const start = this.lineStart(p.line);
    const end = this.lineEnd(p.line);
    return Math.min(start + Math.max(0, p.character), end);
  }

  /** Offset of the end of a line, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 < this.starts.length) {
      const s = this.lineStart(line);
      let e = this.lineStart(line + 1) - 1;
      if (e > s && this.text.charCodeAt(e - 1) === 13 && this.text.charCodeAt(e) === 10) e--;
      else if (this.text.charCodeAt(e) !== 10 && this.text.charCodeAt(e) !== 13) e++;
      return e;
    }
    return this.text.length;
  }

  lineText(line: number): string {
    if (line < 0 || line >= this.starts.length) return '';
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
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
