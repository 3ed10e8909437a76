/**
 * Positions and ranges as the core uses them: 0-based lines, 0-based UTF-16 columns
 * (the same convention as LSP, so the server passes them through unchanged; the CLI
 * adds 1). Offsets are UTF-16 indexes into the document text.
 */
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
  // Concatenating and slicing again flattens into a new string of its own.
  return s.length < 13 ? s : (' ' + s).slice(1);
}

export function t(en: string, de: string): Text {
  return { en, de };
}

export function pos(line: number, character: number): Position {
  return { line, character };
}

export function range(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
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

/** Maps offsets to positions and back for one text. Built once per text. */
export class LineIndex {
  readonly lineStarts: number[];
  /** `starts`: the line starts of `text` when the caller knows them (see `edited`). */
  constructor(
    readonly text: string,
    starts?: number[],
  ) {
    if (starts) {
      this.lineStarts = starts;
      return;
    }
    starts = [0];
    if (text.indexOf('\r') < 0) {
      // Only LF breaks (the common case): let indexOf find them.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
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
    this.lineStarts = starts;
  }

  /**
   * The index of `next`: this index's text with `[start, end)` replaced by `inserted`. It
   * costs the edit, not the text: the line starts before the edit are kept, those after it
   * shifted, and only the inserted text is scanned (docs/decisions.md "State and its
   * invalidation"). A CR on either side of the edit could join with an LF into one break
   * or come apart from it; there the text is scanned anew.
   */
  edited(next: string, start: number, end: number, inserted: string): LineIndex {
    const text = this.text;
    if ((start > 0 && text.charCodeAt(start - 1) === 13) || (end > start && text.charCodeAt(end - 1) === 13)) return new LineIndex(next);
    const old = this.lineStarts;
    // Line starts p <= start (their break lies before the edit) stay; those in (start, end] went with the text.
    let lo = 0;
    let hi = old.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (old[mid] <= start) lo = mid + 1;
      else hi = mid;
    }
    const keep = lo;
    let after = keep;
    while (after < old.length && old[after] <= end) after++;
    // A paste of very many lines: scanned whole (the spread below has a bound).
    if (inserted.length > 100000) return new LineIndex(next);
    const added: number[] = [];
    const at = start + inserted.length;
    for (let i = 0; i < inserted.length; i++) {
      const c = inserted.charCodeAt(i);
      if (c === 10) added.push(start + i + 1);
      else if (c === 13 && (i + 1 < inserted.length ? inserted.charCodeAt(i + 1) : next.charCodeAt(at)) !== 10) added.push(start + i + 1);
    }
    // A copy (the last reading keeps its index), then the starts after the edit moved: a
    // copy of a packed array is a block copy, far cheaper than pushing element by element.
    const starts = old.slice();
    if (added.length || after > keep) starts.splice(keep, after - keep, ...added);
    const delta = inserted.length - (end - start);
    if (delta) for (let i = keep + added.length; i < starts.length; i++) starts[i] += delta;
    return new LineIndex(next, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    // An offset inside a line break (on the '\r' or '\n' of a CRLF) is the end of its line, not beyond it.
    const character = offset - this.lineStarts[lo];
    if (lo + 1 < this.lineStarts.length && character > 0) {
      const c = this.text.charCodeAt(offset);
      if (c === 13 || (c === 10 && this.text.charCodeAt(offset - 1) === 13)) return { line: lo, character: this.lineEnd(lo) - this.lineStarts[lo] };
    }
    return { line: lo, character };
  }

  offsetAt(p: Position): number {
    if (p.line < 0) return 0;
    if (p.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[p.line];
    const end = this.lineEnd(p.line);
    return Math.min(start + Math.max(0, p.character), end);
  }

  /** Offset of the end of a line, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 < this.lineStarts.length) {
      let e = this.lineStarts[line + 1] - 1;
      if (e > this.lineStarts[line] && this.text.charCodeAt(e - 1) === 13 && this.text.charCodeAt(e) === 10) e--;
      else if (this.text.charCodeAt(e) !== 10 && this.text.charCodeAt(e) !== 13) e++;
      return e;
    }
    return this.text.length;
  }

  lineText(line: number): string {
    if (line < 0 || line >= this.lineStarts.length) return '';
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The whole range of a line, without its break. */
  lineRange(line: number): Range {
    return { start: { line, character: 0 }, end: { line, character: this.lineEnd(line) - this.lineStarts[line] } };
  }
}
