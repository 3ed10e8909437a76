/**
 * The plan entries of a Markdown table row kept across keystrokes (docs/decisions.md "What
 * a keystroke costs"). The server's fine cut reads a long plan table in slices of a few
 * rows (./markdown-chunks.ts), and what a slice built is reused while the slice is the
 * same text on the same lines (./markdown.ts `PlanBuilt`). One letter typed into a row
 * changes its slice, so without this every row of the slice would be built again: new
 * entry objects that the entry-scoped rules check again and the aggregate tallies take out
 * and put in again. Here a row of the edited slice takes the entries and problems the last
 * reading built from it when nothing an entry is built from has changed:
 *
 * - the row's line stands on the same line number with the same text (wholly before the
 *   edit, or wholly after it when the edit added or removed no line);
 * - so does its table's header line (the columns, their names and ranges);
 * - the reading's context is the same (document, language, the year a date without one
 *   takes: `PlanBuilt.ctxKey`), and the row's first entry has the same index.
 *
 * A row's cells are its own line's text split by the header's columns (GFM tables), so a
 * row that meets all of this builds the same entries again. test/core/md-rows.test.ts
 * asserts that the rows around an edit keep their objects and that the reading means what
 * a fresh reading means; test/core/keystroke-read.test.ts compares every keystroke of the
 * server's path with a fresh reading.
 */
import type { ParseProblem, PlanEntry } from '../model';
import { flat, sameText, type DocText, type LineIndex } from '../text';
import type { Chunk } from './markdown-chunks';
import { commonEnds } from './markdown-chunks';

/**
 * What a chunk's table rows built, six numbers a row in reading order: the row's document
 * line, its header's line, and where its entries and its problems start and end in the
 * chunk's lists (from the chunk's first).
 */
export type RowEnds = number[];

/** What the last reading built from one chunk, as ./markdown.ts keeps it. */
export interface RowsBuilt {
  ctxKey: string;
  first: number;
  entries: PlanEntry[];
  problems: ParseProblem[];
  rows?: RowEnds;
}

/** The last reading of the document: its text, its cut and what it built from each chunk. */
export interface LastReading {
  text: DocText;
  lineCount: number;
  chunks: Chunk[];
  built?: Map<Chunk, RowsBuilt>;
}

/** A chunk's first line that is its own (after a slice's repeated header and delimiter rows). */
const ownStart = (c: Chunk): number => (c.lineMap.length > 2 && c.lineMap[2] !== c.lineMap[1] + 1 ? c.lineMap[2] : c.lineMap[0]);

/**
 * Rows of the last reading by line, for one reading. `take` gives a row's entries and
 * problems when it may be reused; `note` records the rows this reading read, for the next.
 */
export class RowMemo {
  /** Lines before this one are unchanged text on the same line numbers. */
  private readonly firstEdited: number;
  /** Lines after this one are unchanged text on the same line numbers (when no line was added or removed). */
  private readonly lastEdited: number;
  /** A cursor into the last reading's chunks (rows are asked for in document order). */
  private at = 0;

  private constructor(
    private readonly last: LastReading & { built: Map<Chunk, RowsBuilt> },
    private readonly ctxKey: string,
    lines: LineIndex,
    span: { prefix: number; suffix: number },
  ) {
    this.firstEdited = lines.positionAt(span.prefix).line;
    this.lastEdited = lines.lineCount === last.lineCount ? lines.positionAt(lines.source.length - span.suffix).line : Infinity;
  }

  /**
   * A memo over the last reading, or none when there is nothing to take from: `span` is
   * the edit made to the last reading's text when the caller knows it (else it is found).
   */
  static over(
    last: LastReading | undefined,
    ctxKey: string,
    text: DocText,
    lines: LineIndex,
    span?: { before: DocText; prefix: number; suffix: number },
  ): RowMemo | undefined {
    if (!last?.built || !last.chunks.length) return undefined;
    const given = span && sameText(span.before, last.text) && span.prefix + span.suffix <= Math.min(last.text.length, text.length);
    const ends = given ? span : commonEnds(flat(last.text), flat(text));
    return new RowMemo(last as LastReading & { built: Map<Chunk, RowsBuilt> }, ctxKey, lines, ends);
  }

  private unchanged(line: number): boolean {
    return line < this.firstEdited || line > this.lastEdited;
  }

  /**
   * Pushes what the last reading built from the row on `line` (under the header on `head`)
   * onto `entries` and `problems` and returns true, when that may be reused (see the module
   * comment); else returns false and pushes nothing.
   */
  take(line: number, head: number, entries: PlanEntry[], problems: ParseProblem[]): boolean {
    if (!this.unchanged(line) || !this.unchanged(head)) return false;
    const b = this.builtAt(line);
    const rows = b?.rows;
    if (!b || !rows || b.ctxKey !== this.ctxKey) return false;
    for (let i = 0; i < rows.length; i += 6) {
      if (rows[i] !== line) continue;
      if (rows[i + 1] !== head || b.first + rows[i + 2] !== entries.length) return false;
      for (let k = rows[i + 2]; k < rows[i + 3]; k++) entries.push(b.entries[k]);
      for (let k = rows[i + 4]; k < rows[i + 5]; k++) problems.push(b.problems[k]);
      return true;
    }
    return false;
  }

  /** What the last reading built from the chunk that held `line` (its own lines, not a repeated header). */
  private builtAt(line: number): RowsBuilt | undefined {
    const chunks = this.last.chunks;
    // Rows are asked for in order: move the cursor forward, or search again from the start.
    if (this.at >= chunks.length || ownStart(chunks[this.at]) > line) this.at = 0;
    let lo = this.at;
    let hi = chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ownStart(chunks[mid]) <= line) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return undefined;
    this.at = lo - 1;
    return this.last.built.get(chunks[lo - 1]);
  }
}

/** Records the rows a chunk's reading read, as `RowEnds`, relative to where the chunk's entries and problems start. */
export class RowNotes {
  readonly rows: RowEnds = [];
  /** The entries and problems taken from the last reading (detached then: not walked again, cache.ts `detach`). */
  readonly kept = new Set<object>();
  constructor(
    private readonly entries: PlanEntry[],
    private readonly problems: ParseProblem[],
    private readonly entries0: number,
    private readonly problems0: number,
  ) {}
  /**
   * The row on `line` under the header on `head` has been read: its entries and problems
   * are the lists' from `e0` and `p0` on; `taken` when they are the last reading's.
   */
  note(line: number, head: number, e0: number, p0: number, taken: boolean): void {
    if (taken) {
      for (let i = e0; i < this.entries.length; i++) this.kept.add(this.entries[i]);
      for (let i = p0; i < this.problems.length; i++) this.kept.add(this.problems[i]);
    }
    const e = this.entries0;
    const p = this.problems0;
    this.rows.push(line, head, e0 - e, this.entries.length - e, p0 - p, this.problems.length - p);
  }
}
