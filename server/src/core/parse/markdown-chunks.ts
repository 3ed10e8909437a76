/**
 * How a Markdown document is cut into chunks that parse independently (docs/performance.md
 * "What an edit costs"): level-2 sections, long tables in slices that repeat the header,
 * and in the server's fine cut, sections cut again at safe blank lines. `Mapper` maps a
 * chunk's positions back to the document. Read by ./markdown.ts.
 */
import { LineIndex, type Range } from '../text';

/** Rows of a table slice; tables longer than this are parsed in slices. */
export const TABLE_SLICE_ROWS = 64;
/**
 * The server's finer cut (`fine`): shorter table slices, and sections cut between blocks
 * as well, so that a keystroke re-parses a few rows or paragraphs. A whole parse (the CLI)
 * keeps the coarse cut: fewer chunks parse faster when every chunk is parsed anyway.
 */
export const FINE_TABLE_SLICE_ROWS = 8;
/** In the fine cut, a chunk is cut between blocks once it has this many lines. */
export const FINE_MIN_LINES = 6;

export interface Chunk {
  text: string;
  /** Chunk line (0-based) → document line. */
  lineMap: number[];
}

/**
 * How much two texts share at their start and, after that, at their end: everything
 * outside `[prefix, length - suffix)` is the same text. Compared in blocks, which the
 * engine compares natively, so a keystroke in a long document costs microseconds.
 */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const n = Math.min(a.length, b.length);
  const B = 2048;
  let p = 0;
  while (p + B <= n && a.slice(p, p + B) === b.slice(p, p + B)) p += B;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let q = 0;
  const m = n - p;
  while (q + B <= m && a.slice(a.length - q - B, a.length - q) === b.slice(b.length - q - B, b.length - q)) q += B;
  while (q < m && a.charCodeAt(a.length - q - 1) === b.charCodeAt(b.length - q - 1)) q++;
  return { prefix: p, suffix: q };
}

/** The cache key of what was built from a chunk: its document, place and text. */
export function chunkKey(uri: string, firstLine: number, lastLine: number, index: number, text: string): string {
  return `${uri}\n${firstLine}\n${lastLine}\n${index}\n${text}`;
}

const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;
/** HTML blocks that may hold blank lines (CommonMark kinds 1–5), and what ends each. */
const RAW_HTML_RE = /^ {0,3}<(?:(script|pre|style|textarea)(?:[\s>]|$)|(!--)|(\?)|(![A-Za-z])|(!\[CDATA\[))/i;
export const DEFINITION_RE = /^ {0,3}\[[^\]\n]+\]:/m;
const LIST_START_RE = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const H2_RE = /^##(?!#)(?:[ \t]|$)/;
const DELIM_RE = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * The last reading's cut and where the edit since lies, in lines: lines before `first`
 * are the same text as before, and so are the lines after `lastNew` (after `lastOld` in
 * the last reading). With it, chunkMarkdown cuts again only from the chunk before the edit
 * to the first cut after it that the last reading made too (see there).
 */
export interface PrevCut {
  chunks: Chunk[];
  first: number;
  lastOld: number;
  lastNew: number;
}

/** A slice of a long table after its first: it repeats the header and delimiter rows. */
const isSlice = (c: Chunk): boolean => c.lineMap.length > 2 && c.lineMap[2] !== c.lineMap[1] + 1;
/** The first line of a chunk that is its own (after a slice's repeated header). */
const startOf = (c: Chunk): number => (isSlice(c) ? c.lineMap[2] : c.lineMap[0]);

/**
 * Cuts a document into independently parseable chunks (see the module comment). With
 * `fine`, tables are sliced shorter and a chunk is also cut at a blank line before a
 * block that starts in the first column and cannot belong to the block before it (not a
 * list item, not inside a fence or an HTML block that may hold blank lines): there the
 * block before has ended whatever it was, so the cut changes nothing.
 *
 * With `prev` (the server's keystrokes), the chunks wholly before the edit are the last
 * reading's, the cut starts again at the last chunk that starts before the edit (at a
 * table slice, inside its table), and once it cuts after the edit where the last reading
 * cut too, in the same state (outside any block, or slicing the same table), the rest is
 * the last reading's chunks, the same objects when no line was added or removed. Every
 * state of the cut is known at a cut (nothing open, or the table's header), so the result
 * is the cut of the whole text (test/core/incremental.test.ts compares them).
 */
export function chunkMarkdown(lines: LineIndex, opts: { fine?: boolean; definitions?: boolean; prev?: PrevCut } = {}): Chunk[] {
  // A link reference or footnote definition applies to the whole document; between blocks
  // of one section the cut would separate it from its uses, so such documents keep the
  // coarse cut. (`definitions`: whether there are any, when the caller knows.)
  const fine = !!opts.fine && !(opts.definitions ?? DEFINITION_RE.test(lines.text));
  const sliceRows = fine ? FINE_TABLE_SLICE_ROWS : TABLE_SLICE_ROWS;
  const n = lines.lineCount;
  const chunks: Chunk[] = [];
  let cur: number[] = [];
  const flush = () => {
    if (cur.length) chunks.push(makeChunk(lines, cur));
    cur = [];
  };
  const prev = opts.prev;
  const delta = prev ? prev.lastNew - prev.lastOld : 0;
  let j = 0;
  /** A chunk starts at line y (a table slice of `header`): the rest is the last reading's when it cut there too. */
  const resync = (y: number, header?: number): boolean => {
    if (!prev || y <= prev.lastNew) return false;
    const yOld = y - delta;
    while (j < prev.chunks.length && startOf(prev.chunks[j]) < yOld) j++;
    const old = prev.chunks[j];
    if (!old || startOf(old) !== yOld) return false;
    const oldHeader = isSlice(old) ? old.lineMap[0] : undefined;
    const header0 = header === undefined ? undefined : header < prev.first ? header : header > prev.lastNew ? header - delta : -1;
    if (oldHeader !== header0) return false;
    for (let x = j; x < prev.chunks.length; x++) {
      const c = prev.chunks[x];
      chunks.push(delta === 0 ? c : { text: c.text, lineMap: c.lineMap.map((l) => (l < prev.first ? l : l + delta)) });
    }
    return true;
  };
  let i = 0;
  let fence: string | undefined;
  /** The end of an open HTML block that may hold blank lines. */
  let rawEnd: RegExp | undefined;
  let prevBlank = false;
  /** The rows of a table from line i on (its header and delimiter rows are in `cur`); true when the rest of the cut was taken over. */
  const tableRows = (header: number): boolean => {
    let rows = 0;
    // Cut only while every line so far is surely a row: one that starts with a pipe or a
    // letter, which cannot start another block. Any other line may have ended the table
    // (a thematic break, a quote, a list…), and after it a cut would turn paragraph text
    // back into rows.
    let sliceable = true;
    while (i < n) {
      const row = lines.lineText(i);
      if (!row.trim() || FENCE_RE.test(row) || H2_RE.test(row) || /^ {0,3}#/.test(row)) break;
      if (!/^ {0,3}[|\p{L}]/u.test(row)) sliceable = false;
      if (sliceable && rows >= sliceRows) {
        flush();
        if (resync(i, header)) return true;
        cur.push(header, header + 1);
        rows = 0;
      }
      cur.push(i);
      rows++;
      i++;
    }
    prevBlank = false;
    return false;
  };
  // Front matter: from a first line `---` to the first `---` or `...` after it.
  let fmEnd = -1;
  if (
    lines
      .lineText(0)
      .replace(/^\uFEFF/, '')
      .trimEnd() === '---'
  ) {
    let x = 1;
    while (x < n && !/^(---|\.\.\.)\s*$/.test(lines.lineText(x))) x++;
    fmEnd = x < n ? x : n;
  }
  // Where the cut starts again: the last chunk that starts before the edit; at the start
  // when the edit may have moved the end of front matter.
  let k = 0;
  if (prev && fmEnd < prev.first) {
    let lo = 0;
    let hi = prev.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (startOf(prev.chunks[mid]) < prev.first) lo = mid + 1;
      else hi = mid;
    }
    k = Math.max(0, lo - 1);
  }
  if (prev && k > 0) {
    for (let x = 0; x < k; x++) chunks.push(prev.chunks[x]);
    const c = prev.chunks[k];
    i = startOf(c);
    j = k;
    if (isSlice(c)) {
      cur.push(c.lineMap[0], c.lineMap[0] + 1);
      if (tableRows(c.lineMap[0])) return chunks;
    }
  } else if (fmEnd >= 0 && fmEnd < n) {
    // Front matter stays in the first chunk.
    for (let y = 0; y <= fmEnd; y++) cur.push(y);
    i = fmEnd + 1;
  }
  while (i < n) {
    const line = lines.lineText(i);
    if (fence) {
      cur.push(i);
      const m = FENCE_RE.exec(line);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = undefined;
      i++;
      continue;
    }
    if (rawEnd) {
      cur.push(i);
      if (rawEnd.test(line)) rawEnd = undefined;
      prevBlank = false;
      i++;
      continue;
    }
    // (Not before a `-` line: at the start of a chunk `---` would read as front matter.)
    if (fine && prevBlank && cur.length >= FINE_MIN_LINES && /^[^\s-]/.test(line) && !LIST_START_RE.test(line)) {
      flush();
      if (resync(i)) return chunks;
    }
    const fm = FENCE_RE.exec(line);
    if (fm && !(fm[1][0] === '`' && line.slice(line.indexOf(fm[1]) + fm[1].length).includes('`'))) {
      fence = fm[1];
      cur.push(i);
      prevBlank = false;
      i++;
      continue;
    }
    if (H2_RE.test(line)) {
      flush();
      if (resync(i)) return chunks;
      cur.push(i);
      prevBlank = false;
      i++;
      continue;
    }
    const html = RAW_HTML_RE.exec(line);
    if (html) {
      const end = html[1] ? new RegExp(`</${html[1]}>`, 'i') : html[2] ? /-->/ : html[3] ? /\?>/ : html[4] ? />/ : /\]\]>/;
      // The end may be on the opening line itself (after the opening).
      if (!end.test(line.slice(html[0].length))) rawEnd = end;
      cur.push(i);
      prevBlank = false;
      i++;
      continue;
    }
    // A table: header row, delimiter row, then rows; long ones are sliced.
    if (line.includes('|') && i + 1 < n && DELIM_RE.test(lines.lineText(i + 1)) && lines.lineText(i + 1).includes('-')) {
      const header = i;
      cur.push(i, i + 1);
      i += 2;
      if (tableRows(header)) return chunks;
      continue;
    }
    cur.push(i);
    prevBlank = !line.trim();
    i++;
  }
  flush();
  return chunks;
}

function makeChunk(lines: LineIndex, lineNos: number[]): Chunk {
  return { text: lineNos.map((l) => lines.lineText(l)).join('\n'), lineMap: lineNos };
}

export interface Point {
  line: number;
  column: number;
}

/** Where things stand: maps chunk positions to document offsets and ranges. */
export class Mapper {
  constructor(
    readonly lines: LineIndex,
    private chunk: Chunk,
  ) {}
  offset(p: Point): number {
    const docLine = this.chunk.lineMap[Math.min(p.line - 1, this.chunk.lineMap.length - 1)];
    return this.lines.lineStart(docLine) + p.column - 1;
  }
  /** The document line of a line of the chunk (1-based, as remark counts). */
  docLine(line: number): number | undefined {
    return this.chunk.lineMap[line - 1];
  }
  range(node: { position?: { start: Point; end: Point } }): Range {
    return this.lines.rangeOf(this.offset(node.position!.start), this.offset(node.position!.end));
  }
  /** Start and end offsets of a node in the document. */
  span(node: { position?: { start: Point; end: Point } }): [number, number] {
    return [this.offset(node.position!.start), this.offset(node.position!.end)];
  }
}
