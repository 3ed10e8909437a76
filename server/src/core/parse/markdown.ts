/**
 * Reads strategies and plans written in Markdown (docs/format.md "Strategy in Markdown",
 * "Editorial plan"). The document is cut into chunks that parse independently: one per
 * level-2 section, and long tables in slices that each repeat the table's header. Each
 * chunk is parsed (cached by its text when a cache is given) by ./mdtable.ts: tables,
 * headings, plain paragraphs and simple lists by its block reader, the rest by remark,
 * giving remark's tree (docs/decisions.md "Reading at disk speed"). An edit re-parses
 * only the chunk it touched. The walk over the chunks' blocks is the same as
 * over one tree: a section or a table slice never changes what the blocks mean.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, RootContent, List, ListItem, Table, TableRow, Heading } from 'mdast';
import { LineCounter, parseDocument as parseYamlDocument, isMap, isScalar, Scalar } from 'yaml';
import type { EditSpan, Goal, Item, ItemKind, Kpi, ParsedDocument, PlanEntry, Section, StrategyModel } from '../model';
import { LineIndex, t, type Range } from '../text';
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
  channelSlug,
  chooseKind,
  clean,
  kpiValueFields,
  nameFields,
  numberImplicit,
  periodField,
  yearKey,
  yearOfTitle,
  type BuildContext,
  type RawField,
} from './build';
import { detectLanguage, emptySuppressions, scanSuppressions, yamlErrorText } from './common';
import { detach, type DocumentCache } from './cache';
import { readChunk } from './mdtable';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

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
const DEFINITION_RE = /^ {0,3}\[[^\]\n]+\]:/m;
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

interface Point {
  line: number;
  column: number;
}

/** Where things stand: maps chunk positions to document offsets and ranges. */
class Mapper {
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

export interface MarkdownOptions {
  /** The server's cache (./cache.ts): this reading's view of it. */
  cache?: DocumentCache;
  /** The fine cut (see chunkMarkdown); the default when a cache is given. */
  fine?: boolean;
  /** Every block by remark, not the block reader of ./mdtable.ts: the differential test's reference. */
  remarkOnly?: boolean;
  /** What changed since the last reading (the server's incremental edits). */
  edit?: EditSpan;
  /** The text's line index when the caller has it (the server's, updated from the edit). */
  lines?: LineIndex;
}

const remark = (text: string): Root => processor.parse(text);

/** What was built from one chunk of a plan: its entries and problems, for this context and first entry index. */
interface PlanBuilt {
  ctxKey: string;
  first: number;
  entries: PlanEntry[];
  problems: ParsedDocument['problems'];
}

/** A Markdown document's last cut, kept in the chunk cache for the next keystroke. */
interface MdCut {
  text: string;
  lineCount: number;
  chunks: Chunk[];
  built?: Map<Chunk, PlanBuilt>;
}

const cutKey = (uri: string, fine: boolean) => `${uri}|md|${fine ? 'fine' : 'coarse'}`;

/**
 * Cuts the document into chunks; with the server's cache and an edit span made to the last
 * reading's text, only around the edit (chunkMarkdown `prev`).
 */
function cut(uri: string, text: string, lines: LineIndex, opts: MarkdownOptions): Chunk[] & { fine: boolean } {
  const wantFine = opts.fine ?? !!opts.cache;
  const edit = opts.edit;
  const last = wantFine && edit ? opts.cache?.cut<MdCut>(cutKey(uri, true)) : undefined;
  if (last && edit && edit.before === last.text && edit.prefix + edit.suffix <= Math.min(last.text.length, text.length)) {
    const first = lines.positionAt(edit.prefix).line;
    const lastNew = lines.positionAt(text.length - edit.suffix).line;
    const lastOld = lastNew - (lines.lineCount - last.lineCount);
    // The last cut was fine, so the text had no definition; only the edited lines can hold one now.
    const definitions = DEFINITION_RE.test(text.slice(lines.lineStart(first), lines.lineEnd(lastNew)));
    if (!definitions && lastOld >= first) {
      const chunks = chunkMarkdown(lines, { fine: true, definitions: false, prev: { chunks: last.chunks, first, lastOld, lastNew } });
      return Object.assign(chunks, { fine: true });
    }
  }
  const fine = wantFine && !DEFINITION_RE.test(text);
  return Object.assign(chunkMarkdown(lines, { fine, definitions: false }), { fine });
}

export function parseMarkdown(
  uri: string,
  text: string,
  kind: 'strategy' | 'plan',
  detectedBy: ParsedDocument['detectedBy'],
  opts: MarkdownOptions = {},
): ParsedDocument {
  const lines = opts.lines ?? new LineIndex(text);
  const out: ParsedDocument = {
    uri,
    kind,
    format: 'markdown',
    text,
    lines,
    detectedBy,
    titleRange: lines.lineRange(0),
    problems: [],
    suppressions: emptySuppressions(),
  };
  scanSuppressions(text, lines, 'markdown', out.suppressions);
  const ctx: BuildContext = { uri, lines, problems: out.problems, lang: 'en' };
  const chunks = cut(uri, text, lines, opts);
  // Chunks are parsed one at a time as the walk reaches them, so that (without a cache)
  // the tree of one is garbage before the next is parsed: the CLI's peak memory on a long
  // plan is its model, not every chunk's tree (docs/performance.md).
  const parseAt = (chunk: Chunk): { chunk: Chunk; root: Root; map: Mapper } => {
    let root = opts.cache?.get(chunk.text);
    if (!root) {
      root = opts.remarkOnly ? remark(chunk.text) : readChunk(chunk.text, remark);
      opts.cache?.set(chunk.text, root);
    }
    return { chunk, root, map: new Mapper(lines, chunk) };
  };
  const first = chunks.length ? parseAt(chunks[0]) : undefined;
  function* parsed(): Generator<{ chunk: Chunk; root: Root; map: Mapper }> {
    for (let i = 0; i < chunks.length; i++) yield i === 0 ? first! : parseAt(chunks[i]);
  }

  const fm = readFrontMatter(first, out, ctx, opts.cache);
  ctx.lang = out.language ?? 'en';

  if (kind === 'plan') {
    // A date without a year takes it from the period, else from the title (front matter
    // or the first `#` heading).
    ctx.years = { period: out.period?.value, year: yearOfTitle(out.title ?? /^ {0,3}#[ \t]+(.*)$/m.exec(text)?.[1]) };
    const entries: PlanEntry[] = [];
    let h1 = false;
    // What the last reading built from a chunk it cut the same (the same object: the same
    // text on the same lines) is taken without building its key (docs/decisions.md
    // "State and its invalidation"); other chunks are looked up by text and place.
    const ctxKey = `${uri}|${ctx.lang}|${yearKey(ctx.years)}`;
    const lastBuilt = opts.cache?.cut<MdCut>(cutKey(uri, chunks.fine))?.built;
    const built = opts.cache && new Map<Chunk, PlanBuilt>();
    for (const p of parsed()) {
      const lm = p.chunk.lineMap;
      const same = lastBuilt?.get(p.chunk);
      const key =
        opts.cache && !(same && same.ctxKey === ctxKey && same.first === entries.length)
          ? chunkKey(ctxKey, lm[0], lm[lm.length - 1], entries.length, p.chunk.text)
          : undefined;
      const hit = key ? opts.cache!.getBuilt<PlanBuilt>(key) : same;
      if (built && hit) built.set(p.chunk, hit);
      const first = entries.length;
      const problemsBefore = out.problems.length;
      for (const node of p.root.children) {
        if (node.type === 'heading' && node.depth === 1 && !h1) {
          h1 = true;
          setTitle(out, node, p.map, text);
        }
        if (node.type === 'table' && !hit) readPlanTable(node, p.map, text, entries, ctx);
        else if (node.type === 'code' || node.type === 'list' || node.type === 'blockquote') noteFences(node, p.map, out);
      }
      if (hit) {
        entries.push(...hit.entries);
        out.problems.push(...hit.problems);
      } else if (key) {
        const b: PlanBuilt = { ctxKey, first, entries: entries.slice(first), problems: out.problems.slice(problemsBefore) };
        opts.cache!.setBuilt(key, b);
        built!.set(p.chunk, b);
      }
    }
    if (built) opts.cache!.setCut<MdCut>(cutKey(uri, chunks.fine), { text, lineCount: lines.lineCount, chunks, built });
    out.plan = { entries, strategyPath: fm.strategy };
    return out;
  }

  const model: StrategyModel = { sections: [], people: [], goals: [], kpis: [], audiences: [], channels: [] };
  const w = new StrategyWalker(model, ctx, text, lines, opts.cache);
  let h1 = false;
  for (const p of parsed()) {
    const children = p.root.children;
    for (let i = 0; i < children.length; i++) {
      const node = children[i];
      if (node.type === 'code' || node.type === 'list' || node.type === 'blockquote') noteFences(node, p.map, out);
      if (node.type === 'heading' && node.depth === 1 && !h1 && !w.section) {
        h1 = true;
        setTitle(out, node, p.map, text);
        continue;
      }
      w.visit(node, p.map, children[i + 1]);
    }
  }
  w.finish(text.length);
  opts.cache?.setCut<MdCut>(cutKey(uri, chunks.fine), { text, lineCount: lines.lineCount, chunks });
  out.strategy = model;
  return out;
}

/**
 * Notes a fenced code block in `out.fences` (docs/decisions.md "Positions from the model"):
 * at the top level, or in a list or quote (whose children are walked only down to blocks).
 */
function noteFences(node: RootContent, map: Mapper, out: ParsedDocument, top = true): void {
  if (node.type === 'code') {
    const [a, b] = map.span(node);
    const open = /^[ \t]*(`{3,}|~{3,})/.exec(out.text.slice(a, a + 64));
    // An indented code block is no fence.
    if (!open) return;
    // Unclosed, a fence at the top level runs to the end of the document (CommonMark).
    const last = out.text.slice(out.text.lastIndexOf('\n', b - 1) + 1, b).trim();
    const closed = b > a + open[0].length && last.length >= open[1].length && [...last].every((c) => c === open[1][0]);
    (out.fences ??= []).push(out.lines.rangeOf(a, closed || !top ? b : out.text.length));
    return;
  }
  if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote')
    for (const c of node.children)
      if (c.type === 'code' || c.type === 'list' || c.type === 'listItem' || c.type === 'blockquote') noteFences(c, map, out, false);
}

function setTitle(out: ParsedDocument, node: Heading, map: Mapper, text: string): void {
  const [a, b] = map.span(node);
  const src = text.slice(a, b);
  const m = /^(\s*#+\s*)(.*?)\s*#*\s*$/.exec(src);
  const start = a + (m ? m[1].length : 0);
  const title = m ? m[2] : src;
  out.title = title;
  out.titleRange = out.lines.rangeOf(start, start + title.length);
}

interface FrontMatter {
  strategy?: { value: string; raw: string; range: Range };
}

/** What reading a front matter node gave, kept under the node (its chunk's text is the same, so are its lines). */
interface FrontMatterMemo {
  uri: string;
  fm: FrontMatter;
  problems: ParsedDocument['problems'];
  title?: string;
  titleRange: Range;
  language?: ParsedDocument['language'];
  period?: ParsedDocument['period'];
  frontMatter?: ParsedDocument['frontMatter'];
  incomplete?: ParsedDocument['incomplete'];
}

/**
 * Reads the front matter into `out`; with the server's cache, once per parsed front
 * matter node: a keystroke below it takes what the last reading read.
 */
function readFrontMatter(first: { root: Root; map: Mapper } | undefined, out: ParsedDocument, ctx: BuildContext, cache?: DocumentCache): FrontMatter {
  const node = first?.root.children[0];
  if (!cache || !node || node.type !== 'yaml') return readFrontMatterOnce(first, out, ctx);
  const hit = cache.perNode<FrontMatterMemo>(node);
  if (hit && hit.uri === out.uri) {
    for (const p of hit.problems) out.problems.push(p);
    // The same properties as the reading set them (a period that read as nothing is set, to undefined).
    if ('title' in hit) out.title = hit.title;
    out.titleRange = hit.titleRange;
    if ('language' in hit) out.language = hit.language;
    if ('period' in hit) out.period = hit.period;
    if (hit.frontMatter) out.frontMatter = hit.frontMatter;
    if (hit.incomplete) out.incomplete = hit.incomplete.slice();
    return hit.fm;
  }
  const before = out.problems.length;
  const fm = readFrontMatterOnce(first, out, ctx);
  const memo: FrontMatterMemo = { uri: out.uri, fm, problems: out.problems.slice(before), titleRange: out.titleRange };
  if ('title' in out) memo.title = out.title;
  if ('language' in out) memo.language = out.language;
  if ('period' in out) memo.period = out.period;
  if (out.frontMatter) memo.frontMatter = out.frontMatter;
  // The front matter is read first: every half-typed line so far is its own.
  if (out.incomplete) memo.incomplete = out.incomplete.slice();
  cache.setPerNode(node, detach(memo));
  return fm;
}

function readFrontMatterOnce(first: { root: Root; map: Mapper } | undefined, out: ParsedDocument, ctx: BuildContext): FrontMatter {
  const fm: FrontMatter = {};
  const node = first?.root.children[0];
  if (!first || !node || node.type !== 'yaml') return fm;
  const [a] = first.map.span(node);
  const text = out.text;
  const value = node.value;
  const lc = new LineCounter();
  const doc = parseYamlDocument(value, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  // Offsets in the value map line by line to the document (whose breaks may be CRLF).
  const firstLine = out.lines.positionAt(a).line + 1;
  const valueLines = new LineIndex(value);
  const at = (x: number): number => {
    const p = valueLines.positionAt(x);
    return p.line + firstLine < out.lines.lineCount ? out.lines.offsetAt({ line: p.line + firstLine, character: p.character }) : text.length;
  };
  const r = (x: number, y: number) => out.lines.rangeOf(at(x), at(y));
  for (const err of doc.errors) {
    const [x, y] = err.pos;
    const isAt = err.code === 'BAD_SCALAR_START' && value[x] === '@';
    out.problems.push({
      rule: 'syntax',
      range: r(x, Math.max(x, y)),
      message: isAt
        ? t(
            `A value that starts with @ must be quoted in front matter: quote it.`,
            `Ein Wert, der mit @ beginnt, muss im Front Matter in Anführungszeichen stehen: setzen Sie ihn in Anführungszeichen.`,
          )
        : (yamlErrorText(err.message) ??
          t(`Front matter is not valid YAML: ${err.message.split('\n')[0]}`, `Das Front Matter ist kein gültiges YAML: ${err.message.split('\n')[0]}`)),
    });
  }
  const root = doc.contents;
  const [, b] = first.map.span(node);
  const keys: NonNullable<ParsedDocument['frontMatter']>['keys'] = [];
  out.frontMatter = { range: out.lines.rangeOf(a, b), keys };
  if (!isMap(root)) return fm;
  for (const pair of root.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    // A word typed without its colon runs into the next line's key (`langua` above
    // `period:` reads as the key `langua period`): the key is the last line's words,
    // the lines before it are half-typed (ParsedDocument.incomplete).
    const [ka, kb] = [at(pair.key.range[0]), at(pair.key.range[1])];
    const ks = text.slice(ka, kb);
    const nl = ks.lastIndexOf('\n');
    if (nl >= 0 && pair.key.type === Scalar.PLAIN) {
      let o = ka;
      for (const part of ks.slice(0, nl).split('\n')) {
        const lead = part.length - part.trimStart().length;
        const word = part.trim();
        if (word) (out.incomplete ??= []).push({ text: word, range: out.lines.rangeOf(o + lead, o + lead + word.length), owner: 'front matter' });
        o += part.length + 1;
      }
      keys.push({ key: ks.slice(nl + 1).trim(), keyRange: out.lines.rangeOf(ka + nl + 1, kb) });
    } else keys.push({ key: String(pair.key.value), keyRange: out.lines.rangeOf(ka, kb) });
    const k = words(String(pair.key.value)).join(' ');
    const v = pair.value;
    if (!isScalar(v) || v.value === null || !v.range) {
      if (k === 'stratdoc') out.titleRange = r(pair.key.range[0], pair.key.range[1]);
      continue;
    }
    const raw = String(v.value);
    const range = r(v.range[0], v.range[1]);
    const offset = v.type === Scalar.PLAIN ? at(v.range[0]) : undefined;
    if (k === 'title' || k === 'titel') {
      out.title = raw;
      out.titleRange = range;
    } else if (k === 'stratdoc' && out.title === undefined) out.titleRange = range;
    else if (k === 'language' || k === 'sprache') out.language = detectLanguage(raw) ?? out.language;
    else if (k === 'period' || k === 'zeitraum') out.period = periodField({ key: String(pair.key.value), keyRange: range, raw, range, offset }, ctx);
    else if (k === 'strategy' || k === 'strategie') fm.strategy = { value: clean(raw), raw, range };
  }
  return fm;
}

// ------------------------------------------------------------------ text helpers

/** One to three capitalised words: a person's name (`Anna`, `Anna Berg`, `Jan-Ole Meier`). */
function isPersonName(s: string): boolean {
  return /^\p{Lu}[\p{Ll}'’-]+(?:[ -]\p{Lu}[\p{Ll}'’.-]*){0,2}$/u.test(s) && !fieldOf(s);
}

/** The source text of a node, and where it starts. */
function src(node: { position?: { start: Point; end: Point } }, map: Mapper, text: string): { s: string; at: number } {
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

/** A table cell's text and range without its pipes and padding. */
function cell(c: TableRow['children'][number] | undefined, map: Mapper, text: string, fallback: number): { raw: string; range: Range; offset: number } {
  const lines = map.lines;
  if (!c || !c.position) return { raw: '', range: lines.rangeOf(fallback, fallback), offset: fallback };
  let [a, b] = map.span(c);
  if (text.charCodeAt(a) === 124) a++;
  if (text.charCodeAt(b - 1) === 124 && text.charCodeAt(b - 2) !== 92) b--;
  const a0 = a;
  for (let k = a; k + 4 <= b; k++) {
    if (text.charCodeAt(k) === 60 && text.startsWith('<!--', k)) {
      b = k;
      break;
    }
  }
  while (a < b && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a++;
  while (b > a && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 9)) b--;
  if (a === b) a = b = Math.min(a0 + 1, b + 1 > text.length ? b : a0 + 1);
  const raw = text.slice(a, b);
  return { raw: raw.includes('\\|') ? raw.replace(/\\\|/g, '|') : raw, range: lines.rangeOf(a, b), offset: a };
}

function tableColumns(table: Table, map: Mapper, text: string): { key: string; keyRange: Range }[] {
  const head = table.children[0];
  return (head?.children ?? []).map((c) => {
    const x = cell(c, map, text, map.offset(head.position!.start));
    return { key: x.raw, keyRange: x.range };
  });
}

function rowFields(row: TableRow, cols: { key: string; keyRange: Range }[], map: Mapper, text: string): RawField[] {
  const rowEnd = map.offset(row.position!.end);
  return cols.map((col, i) => {
    const x = cell(row.children[i], map, text, rowEnd);
    // `name` in the literal: naming the field later adds no property store (yaml.ts fieldOf).
    return { key: col.key, keyRange: col.keyRange, name: undefined, raw: x.raw, range: x.range, offset: x.offset };
  });
}

// ------------------------------------------------------------------ plans

const PLAN_COLUMNS: FieldName[] = ['date', 'channel', 'title', 'format', 'mode', 'goals', 'pillar', 'owner', 'status'];

function readPlanTable(table: Table, map: Mapper, text: string, entries: PlanEntry[], ctx: BuildContext): void {
  const cols = tableColumns(table, map, text);
  const names = cols.map((c) => planFieldOf(c.key));
  // "Kennzahl" is a title in a KPI table, but beside a Thema/Titel column in a plan it is the KPI.
  if (names.filter((n) => n === 'title').length > 1) {
    cols.forEach((c, i) => {
      if (names[i] === 'title' && words(c.key).join(' ') === 'kennzahl') names[i] = 'kpis';
    });
  }
  const known = names.filter((n) => n && PLAN_COLUMNS.includes(n));
  if (known.length < 2 || !names.some((n) => n === 'date' || n === 'title' || n === 'channel')) return;
  const head = table.children[0];
  const headerRange = map.range(head);
  for (const row of table.children.slice(1)) {
    const fields = rowFields(row, cols, map, text);
    fields.forEach((f, i) => (f.name = names[i]));
    if (fields.every((f) => !clean(f.raw))) continue;
    entries.push(...buildEntries(fields, map.range(row), entries.length, ctx, { headerRange, columns: names }));
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

class StrategyWalker {
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
      }
    | undefined;

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

  visit(node: RootContent, map: Mapper, next: RootContent | undefined): void {
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
        return;
      }
      if (this.section && this.kinds.length) this.listItems(node, map);
      return;
    }
    if (node.type === 'table') {
      if (this.section && this.kinds.length) this.tableItems(node, map);
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
      this.model.goals = this.model.goals.filter((g) => !drop.has(g));
      this.model.kpis = this.model.kpis.filter((k) => !drop.has(k));
      for (let i = this.implicit.length - 1; i >= 0; i--) if (drop.has(this.implicit[i].item)) this.implicit.splice(i, 1);
    }
    this.sectionExplicit = 0;
    this.sectionImplicit = [];
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
      const first = /^[\s*_`]*(?:\d+[.)]\s*)?([^\s(,;:/*_`]+)/.exec(body);
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
    if (!kind || !id || !idRange) return;
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

  private tableItems(table: Table, map: Mapper): void {
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
    this.readTableItems(table, map);
    if (key) this.cache!.setPerNode(table, detach<TableItems>({ key, items: this.itemsAdded.slice(items0), problems: this.ctx.problems.slice(problems0) }));
  }

  private readTableItems(table: Table, map: Mapper): void {
    const cols = tableColumns(table, map, this.text);
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
