/**
 * The fast path of the Markdown reader (docs/performance.md "Markdown at disk speed"):
 * the pipe tables of plans and strategies are read by a row reader that gives the same
 * table, rows and cells (with the same positions and alignment) as remark-gfm, and
 * everything else in a chunk by remark. Cells carry no inline children: the reader takes
 * a cell's text from its position in the source (markdown.ts `cell`), never from them.
 *
 * The reader only takes a table it is sure of: one that starts in the first column after
 * a blank line (or at the start of the chunk) outside a fence or an HTML block, whose rows
 * are all lines that can start nothing but a table row, and that ends at a blank line, an
 * ATX heading or the end of the chunk. A tab, a line that might start a list, quote,
 * fence, HTML block or definition, or a delimiter row that does not match the header:
 * the whole chunk goes to remark, as before. test/core/mdtable.test.ts compares both
 * paths on every fixture, every example, the GFM spec's table examples and generated
 * tables.
 */
import type { Root, RootContent, Table, TableRow, TableCell, AlignType } from 'mdast';
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
  if (!text.includes('|') || DEFINITION_RE.test(text)) return parse(text);
  const lines = text.split('\n');
  const n = lines.length;
  const starts = new Array<number>(n);
  for (let i = 0, o = 0; i < n; i++) {
    starts[i] = o;
    o += lines[i].length + 1;
  }
  const at = (line: number, col: number): Pos => ({ line: line + 1, column: col + 1, offset: starts[line] + col });
  const children: RootContent[] = [];
  let tables = 0;
  let mdFrom = 0;
  /**
   * Parses lines [mdFrom, to) with remark and appends their blocks, shifted to the chunk.
   * Before a table (`beforeTable`), the last line is blank or an ATX heading.
   */
  const prose = (to: number, beforeTable: boolean): boolean => {
    if (to <= mdFrom) return true;
    const root = parse(lines.slice(mdFrom, to).join('\n'));
    const last = root.children[root.children.length - 1];
    // A block still open at the line before the table (an unclosed fence, say) would have
    // taken the table: remark decides.
    if (beforeTable && last) {
      const lastLine = to - mdFrom;
      if (lines[to - 1].trim() ? last.type !== 'heading' || last.position!.start.line !== lastLine : last.position!.end.line >= lastLine) return false;
    }
    for (const node of root.children) {
      if (mdFrom) shift(node, mdFrom, starts[mdFrom]);
      children.push(node);
    }
    return true;
  };
  let i = 0;
  // Front matter is remark's.
  if (/^\uFEFF?---\s*$/.test(lines[0])) {
    let j = 1;
    while (j < n && !/^(---|\.\.\.)\s*$/.test(lines[j])) j++;
    i = j + 1;
  }
  let fence: string | undefined;
  let rawEnd: RegExp | undefined;
  while (i < n) {
    const line = lines[i];
    if (fence) {
      const m = FENCE_RE.exec(line);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = undefined;
      i++;
      continue;
    }
    if (rawEnd) {
      if (rawEnd.test(line)) rawEnd = undefined;
      i++;
      continue;
    }
    const fm = FENCE_RE.exec(line);
    if (fm) {
      if (!(fm[1][0] === '`' && line.slice(line.indexOf(fm[1]) + fm[1].length).includes('`'))) fence = fm[1];
      i++;
      continue;
    }
    const html = RAW_HTML_RE.exec(line);
    if (html) {
      const end = html[1] ? new RegExp(`</${html[1]}>`, 'i') : html[2] ? /-->/ : html[3] ? /\?>/ : html[4] ? />/ : /\]\]>/;
      if (!end.test(line.slice(html[0].length))) rawEnd = end;
      i++;
      continue;
    }
    if (i + 1 < n && line.charCodeAt(0) !== 32 && line.includes('|') && (i === 0 || !lines[i - 1].trim() || ATX_RE.test(lines[i - 1])) && DELIM_RE.test(lines[i + 1]) && lines[i + 1].includes('|')) {
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
  if (!tables) return parse(text);
  prose(n, false);
  return { type: 'root', children, position: { start: at(0, 0), end: at(n - 1, lines[n - 1].length) } };
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
