/**
 * The fast path of the Markdown reader (docs/performance.md "Reading plans at disk
 * speed", docs/decisions.md "Reading at disk speed"): the pipe tables of plans and
 * strategies are read by a row reader that gives the same table, rows and cells (with the
 * same positions and alignment) as remark-gfm; ATX headings and plain paragraphs are
 * read as blocks; everything else in a chunk goes to remark, in groups cut at blank lines
 * where any block before has ended. Cells, paragraphs and headings of the fast path carry
 * no inline children: the readers take their text from their position in the source
 * (markdown-blocks.ts `cell`, `src`; markdown.ts `setTitle`), never from them.
 *
 * The reader only takes what it is sure of: a table that starts in the first column after
 * a blank line or an ATX heading (or at the start of the chunk) outside a fence or an HTML
 * block, whose rows are all lines that can start nothing but a table row, and that ends at
 * a blank line, an ATX heading or the end of the chunk; a paragraph of lines that start in
 * the first column with a letter or a digit that begins no list item, or with a pipe but
 * are no delimiter row (table rows a blank line cut off their table), ending at a blank
 * line or a heading. A tab, a line that might start a list, quote, fence, HTML block or
 * definition, a delimiter row that does not match the header: remark decides, for the
 * whole chunk when a table is in doubt. test/core/mdtable.test.ts compares both paths.
 */
import type { Root, RootContent, Table, TableRow, TableCell, AlignType, ListItem } from 'mdast';
import type { Position } from 'unist';

interface Pos {
  line: number;
  column: number;
  offset: number;
}

const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;
const RAW_HTML_RE = /^ {0,3}<(?:(script|pre|style|textarea)(?:[\s>]|$)|(!--)|(\?)|(![A-Za-z])|(!\[CDATA\[))/i;
const DEFINITION_RE = /^ {0,3}\[[^\]\n]+\]:/m;
const DELIM_RE = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const DELIM_CELL_RE = /^ *(:?)-+(:?) *$/;
const ATX_RE = /^ {0,3}#{1,6}(?: |$)/;

/** What a line inside a table is: a row, the end of the table, or something the reader leaves to remark. */
function rowKind(line: string): 'row' | 'end' | 'unsure' {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  if (i === line.length) return 'end';
  if (i > 3 || /[\t\r\0\uFEFF]/.test(line)) return 'unsure';
  const rest = i ? line.slice(i) : line;
  const c = rest[0];
  if (c === '|') return 'row';
  if (c === '#') return ATX_RE.test(rest) ? 'end' : 'unsure';
  if (c >= '0' && c <= '9') return /^\d{1,9}[.)](?: |$)/.test(rest) ? 'unsure' : 'row';
  if (c === '-' || c === '+' || c === '*' || c === '_' || c === '=') return /^[-+*](?: |$)/.test(rest) || /^[-+*_= ]*$/.test(rest) ? 'unsure' : 'row';
  if (c === '`' || c === '~') return /^(?:`{3,}|~{3,})/.test(rest) ? 'unsure' : 'row';
  if (c === '>' || c === '<' || c === '[') return 'unsure';
  return 'row';
}

/** Cells of a row as remark-gfm cuts them: [start, end) in the line, from `from` (after the indent). */
function cutCells(line: string, from: number): [number, number][] {
  const cells: [number, number][] = [];
  let start = from;
  let data = false;
  let k = line.charCodeAt(from) === 124 ? from + 1 : from;
  while (k < line.length) {
    const c = line.charCodeAt(k);
    if (c === 92 && (line.charCodeAt(k + 1) === 92 || line.charCodeAt(k + 1) === 124)) {
      data = true;
      k += 2;
      continue;
    }
    if (c === 124) {
      cells.push([start, k]);
      start = k;
      data = false;
    } else if (c !== 32) data = true;
    k++;
  }
  // What follows the last pipe belongs to the cell before it unless it holds data.
  if (data || !cells.length) cells.push([start, line.length]);
  else cells[cells.length - 1][1] = line.length;
  return cells;
}

/** Reads the pipe tables of a chunk fast and the rest with `parse` (remark); see the module comment. */
export function readChunk(text: string, parse: (text: string) => Root): Root {
  if (DEFINITION_RE.test(text)) return parse(text);
  const lines = text.split('\n');
  const n = lines.length;
  const starts = new Array<number>(n);
  for (let i = 0, o = 0; i < n; i++) {
    starts[i] = o;
    o += lines[i].length + 1;
  }
  const at = (line: number, col: number): Pos => ({ line: line + 1, column: col + 1, offset: starts[line] + col });
  /** Lines inside front matter, a fence or an HTML block that may hold blank lines (opening and closing lines included). */
  const open = new Uint8Array(n);
  const children: RootContent[] = [];
  let fastBlocks = 0;
  let mdFrom = 0;
  /** Parses lines [a, b) with remark and appends their blocks, shifted; false when the last block runs into line b - 1 but must not (see `prose`). */
  const byRemark = (a: number, b: number, lastMustEndBefore: number): boolean => {
    // `---` first in a group would read as front matter, which only the chunk's first line opens.
    if (a > 0 && /^---\s*$/.test(lines[a])) return false;
    const root = parse(lines.slice(a, b).join('\n'));
    const last = root.children[root.children.length - 1];
    if (last && last.position!.end.line > lastMustEndBefore - a) return false;
    for (const node of root.children) {
      if (a) shift(node, a, starts[a]);
      children.push(node);
    }
    return true;
  };
  /**
   * Lines [mdFrom, to): runs of ATX headings and plain paragraphs are read here, the rest
   * by remark in groups cut at blank lines before such a run (where any block before has
   * ended). Before a table (`beforeTable`), the last line is blank or an ATX heading, and
   * no block may run into it (an unclosed fence, say, would have taken the table).
   */
  const prose = (to: number, beforeTable: boolean): boolean => {
    let k = mdFrom;
    while (k < to) {
      if (!lines[k].trim()) {
        k++;
        continue;
      }
      if (!open[k]) {
        const run = simpleRun(lines, k, to);
        if (run.end > k) {
          for (const b of run.blocks) children.push(simpleNode(b, lines, at));
          fastBlocks += run.blocks.length;
          k = run.end;
          continue;
        }
      }
      // A group for remark: up to a blank line (outside any open block) before a run.
      let e = k + 1;
      while (e < to && !(!lines[e - 1].trim() && lines[e].trim() && !open[e - 1] && !open[e] && startsRun(lines, e, to))) e++;
      const endsAtTo = e >= to;
      // The group ends at a blank line; before a table its last line is the table's blank or heading line.
      const limit = endsAtTo ? (beforeTable ? (lines[to - 1].trim() ? to : to - 1) : to) : e - 1;
      if (!byRemark(k, e, limit)) return false;
      if (endsAtTo && beforeTable && lines[to - 1].trim()) {
        const last = children[children.length - 1];
        if (!last || last.type !== 'heading' || last.position!.start.line !== to) return false;
      }
      k = e;
    }
    return true;
  };
  let i = 0;
  // Front matter is remark's.
  if (/^\uFEFF?---\s*$/.test(lines[0])) {
    let j = 1;
    while (j < n && !/^(---|\.\.\.)\s*$/.test(lines[j])) j++;
    for (let x = 0; x <= j && x < n; x++) open[x] = 1;
    i = j + 1;
  }
  let fence: string | undefined;
  let rawEnd: RegExp | undefined;
  let tables = 0;
  while (i < n) {
    const line = lines[i];
    if (fence) {
      open[i] = 1;
      const m = FENCE_RE.exec(line);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = undefined;
      i++;
      continue;
    }
    if (rawEnd) {
      open[i] = 1;
      if (rawEnd.test(line)) rawEnd = undefined;
      i++;
      continue;
    }
    const fm = FENCE_RE.exec(line);
    if (fm) {
      if (!(fm[1][0] === '`' && line.slice(line.indexOf(fm[1]) + fm[1].length).includes('`'))) {
        fence = fm[1];
        open[i] = 1;
      }
      i++;
      continue;
    }
    const html = RAW_HTML_RE.exec(line);
    if (html) {
      const end = html[1] ? new RegExp(`</${html[1]}>`, 'i') : html[2] ? /-->/ : html[3] ? /\?>/ : html[4] ? />/ : /\]\]>/;
      if (!end.test(line.slice(html[0].length))) {
        rawEnd = end;
        open[i] = 1;
      }
      i++;
      continue;
    }
    if (
      i + 1 < n &&
      line.charCodeAt(0) !== 32 &&
      line.includes('|') &&
      (i === 0 || !lines[i - 1].trim() || ATX_RE.test(lines[i - 1])) &&
      DELIM_RE.test(lines[i + 1]) &&
      lines[i + 1].includes('|')
    ) {
      const table = readTable(lines, i, at);
      if (table === 'unsure') return parse(text);
      if (table) {
        if (!prose(i, true)) return parse(text);
        children.push(table.node);
        tables++;
        i = mdFrom = table.end;
        continue;
      }
    }
    i++;
  }
  // An unclosed fence or HTML block runs to the end: remark decides what it holds.
  if (fence || rawEnd) return parse(text);
  if (!prose(n, false)) return parse(text);
  if (!tables && !fastBlocks) return parse(text);
  return { type: 'root', children, position: { start: at(0, 0), end: at(n - 1, lines[n - 1].length) } };
}

/** Whether a plain heading or paragraph starts at line e (not a list: one before might continue into it). */
function startsRun(lines: string[], e: number, to: number): boolean {
  const b = simpleRun(lines, e, to).blocks[0];
  return !!b && b.from === e && b.depth >= 0;
}

function simpleNode(b: SimpleBlock, lines: string[], at: (line: number, col: number) => Pos): RootContent {
  const last = b.to - 1;
  const pos = { start: at(b.from, 0), end: at(last, lines[last].length) };
  if (b.depth > 0) return { type: 'heading', depth: b.depth as 1, children: [], position: pos };
  if (b.depth === 0) return { type: 'paragraph', children: [], position: pos };
  const items: ListItem[] = [];
  for (let l = b.from; l < b.to; l++) {
    const end = at(l, lines[l].length);
    items.push({
      type: 'listItem',
      spread: false,
      checked: null,
      children: [{ type: 'paragraph', children: [], position: { start: at(l, 2), end } }],
      position: { start: at(l, 0), end },
    });
  }
  return { type: 'list', ordered: false, start: null, spread: false, children: items, position: pos };
}

/** A line of a plain paragraph: it starts in the first column with a letter or a digit that begins no list item, and has no tab. */
function plainLine(line: string): boolean {
  const c = line.charCodeAt(0);
  if (!(c >= 48 && c <= 57) && !/^\p{L}/u.test(line)) return false;
  if (c >= 48 && c <= 57 && /^\d{1,9}[.)](?: |$)/.test(line)) return false;
  return !line.includes('\t');
}

/**
 * A line of a paragraph that starts with a pipe but is in no table (no delimiter row
 * under its first line): the rows of a plan table after a blank line that cut it, while a
 * writer adds a row. Not a delimiter row itself (with the line before, that starts a table).
 */
function pipeLine(line: string): boolean {
  return line.charCodeAt(0) === 124 && !/[\t\r\0]/.test(line) && !DELIM_RE.test(line);
}

const ATX0_RE = /^#{1,6}(?: |$)/;
/** A bullet list item of one plain line: `- Art: Abverkauf`. */
const ITEM_RE = /^([-*+]) (?=[^ ])/;
const ANY_ITEM_RE = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

const isItem = (line: string, marker?: string): boolean => {
  const m = ITEM_RE.exec(line);
  return !!m && (!marker || m[1] === marker) && plainLine(line.slice(2));
};

export interface SimpleBlock {
  from: number;
  to: number;
  /** A heading's depth; 0 for a paragraph, -1 for a tight list of one-line items. */
  depth: number;
}

/**
 * ATX headings (in the first column), plain paragraphs and tight bullet lists of one-line
 * plain items from line k on; the run ends before anything else, before a paragraph that
 * does not end at a blank line, a heading or a list item, and before a list that
 * something might continue (an indented line, another item after a blank line).
 */
function simpleRun(lines: string[], k: number, to: number): { blocks: SimpleBlock[]; end: number } {
  const blocks: SimpleBlock[] = [];
  let end = k;
  let i = k;
  while (i < to) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      end = i;
      continue;
    }
    if (line.includes('\t')) break;
    const h = ATX0_RE.exec(line);
    if (h) {
      blocks.push({ from: i, to: i + 1, depth: h[0].trim().length });
      i++;
      end = i;
      continue;
    }
    if (isItem(line)) {
      const marker = line[0];
      let j = i + 1;
      while (j < to && isItem(lines[j], marker)) j++;
      // After the list: the end, a heading, or blank lines and then a block in the first
      // column that is no list item (an item or an indented line would continue the list).
      if (j < to && !ATX0_RE.test(lines[j])) {
        if (lines[j].trim()) break;
        let b = j;
        while (b < to && !lines[b].trim()) b++;
        if (b < to && (lines[b].charCodeAt(0) === 32 || lines[b].includes('\t') || ANY_ITEM_RE.test(lines[b]))) break;
      }
      blocks.push({ from: i, to: j, depth: -1 });
      i = j;
      end = i;
      continue;
    }
    if (!plainLine(line) && !pipeLine(line)) break;
    let j = i + 1;
    while (j < to && lines[j].trim() && (plainLine(lines[j]) || pipeLine(lines[j])) && !ATX0_RE.test(lines[j])) j++;
    // The paragraph must end at a blank line, a heading, a list item or the end of the lines given.
    if (j < to && lines[j].trim() && !ATX0_RE.test(lines[j]) && !isItem(lines[j])) break;
    blocks.push({ from: i, to: j, depth: 0 });
    i = j;
    end = i;
  }
  return { blocks, end };
}

/**
 * The table whose header is line `h`: undefined when the lines are no table, 'unsure'
 * when remark must decide.
 */
function readTable(lines: string[], h: number, at: (line: number, col: number) => Pos): { node: Table; end: number } | 'unsure' | undefined {
  const header = lines[h];
  const delim = lines[h + 1];
  if (rowKind(header) !== 'row' || /[\t\r\0\uFEFF]/.test(delim)) return 'unsure';
  let d = 0;
  while (delim.charCodeAt(d) === 32) d++;
  // `- |` starts a list item, not a delimiter row.
  if (d > 3 || /^[-+*](?: |$)/.test(delim.slice(d))) return 'unsure';
  const delimCells = cutCells(delim, d).map(([a, b]) => DELIM_CELL_RE.exec(delim.slice(delim.charCodeAt(a) === 124 ? a + 1 : a, b).replace(/\|? *$/, '')));
  if (delimCells.some((m) => !m)) return 'unsure';
  const headCells = cutCells(header, 0);
  if (headCells.length !== delimCells.length || !/[^| ]/.test(header)) return 'unsure';
  const align: AlignType[] = delimCells.map((m) => (m![1] ? (m![2] ? 'center' : 'left') : m![2] ? 'right' : null));
  const row = (l: number, from: number): TableRow => ({
    type: 'tableRow',
    children: cutCells(lines[l], from).map(([a, b]): TableCell => ({ type: 'tableCell', children: [], position: { start: at(l, a), end: at(l, b) } })),
    position: { start: at(l, from), end: at(l, lines[l].length) },
  });
  const rows = [row(h, 0)];
  let i = h + 2;
  for (; i < lines.length; i++) {
    const kind = rowKind(lines[i]);
    if (kind === 'end') break;
    if (kind === 'unsure') return 'unsure';
    let from = 0;
    while (lines[i].charCodeAt(from) === 32) from++;
    rows.push(row(i, from));
  }
  // A table without body rows ends with its delimiter row.
  const end = rows.length > 1 ? rows[rows.length - 1].position!.end : at(h + 1, delim.length);
  const node: Table = { type: 'table', align, children: rows, position: { start: rows[0].position!.start, end } };
  return { node, end: i };
}

function shift(node: { position?: Position; children?: unknown[] }, lines: number, offset: number): void {
  const p = node.position;
  if (p) {
    p.start = { line: p.start.line + lines, column: p.start.column, offset: (p.start.offset ?? 0) + offset };
    p.end = { line: p.end.line + lines, column: p.end.column, offset: (p.end.offset ?? 0) + offset };
  }
  if (node.children) for (const c of node.children) shift(c as typeof node, lines, offset);
}
