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
import remarkFrontmatter, { type Options as RemarkFrontmatterOptions } from 'remark-frontmatter';
import type { Root, RootContent, Heading } from 'mdast';
import { LineCounter, parseDocument as parseYamlDocument, isMap, isScalar, Scalar } from 'yaml';
import type { EditSpan, ParsedDocument, PlanEntry, StrategyModel, Suppressions, TableHead } from '../model';
import { LineIndex, flat, sameText, t, type DocText, type Range, type TextSource } from '../text';
import { words } from '../vocab';
import { clean, periodField, yearKey, yearOfTitle, type BuildContext } from './build';
import { detectLanguage, editedLines, emptySuppressions, lineAfterEdit, scanSuppressions, shiftSuppressions, yamlErrorText } from './common';
import { detach, type DocumentCache } from './cache';
import { readChunk } from './mdtable';
import { DEFINITION_RE, Mapper, chunkKey, chunkMarkdown, type Chunk } from './markdown-chunks';
import { StrategyWalker, readPlanTable, readTableHead } from './markdown-blocks';
import { fenceOf, unclosedBlock } from './markdown-unclosed';
import { RowMemo, RowNotes, type RowEnds } from './markdown-rows';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();
/**
 * Front matter ends at the first `---` or `...` line after the opening `---` (YAML's
 * document end; Pandoc writes it), as every other reader of the project has it. remark's
 * construct closes at one fence only, so a text whose front matter ends at `...` first
 * is parsed by a processor whose front matter closes there.
 */
const DOTS_CLOSE: RemarkFrontmatterOptions = [{ type: 'yaml', fence: { open: '---', close: '...' } }];
const dotsProcessor = unified().use(remarkParse).use(remarkFrontmatter, DOTS_CLOSE).use(remarkGfm).freeze();
const DOTS_FIRST = /^\uFEFF?---[ \t]*\r?\n(?:(?!(?:---|\.\.\.)[ \t]*\r?\n)[^\n]*\n)*\.\.\.[ \t]*(?:\r?\n|$)/;

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

const remark = (text: string): Root => (DOTS_FIRST.test(text) ? dotsProcessor : processor).parse(text);

/**
 * `re.exec` of a regular expression that matches within one line (no line break in what it
 * matches; `^` and `$` with the `m` flag) on a text in blocks: block by block, since every
 * block is whole lines, without joining them. Only what it captured is read (`index` is the
 * block's).
 */
function execLines(re: RegExp, text: DocText): RegExpExecArray | null {
  if (typeof text === 'string' || text.flatIfMade !== undefined) return re.exec(flat(text));
  for (const b of text.blocks) {
    const m = re.exec(b);
    if (m) return m;
  }
  return null;
}

const testLines = (re: RegExp, text: DocText): boolean => execLines(re, text) !== null;

/**
 * The document's suppression comments (common.ts `scanSuppressions`). After a keystroke the
 * last reading's are moved by the edit (`shiftSuppressions`) when the edit cannot have
 * touched one; a Markdown comment may span lines, so besides `stratdoc-` on neither side of
 * the edited lines, no comment of the last reading may span them, and a `-->` on them now
 * (which could close a comment opened above) only when another followed them. Else the
 * text is scanned, and joined for that only when it holds `stratdoc-` at all. The lines
 * each comment spans are kept with them for the next keystroke.
 */
function suppressionsOf(given: DocText, lines: LineIndex, opts: MarkdownOptions, into: Suppressions): void {
  const kept = opts.cache?.suppressions();
  const e = opts.edit;
  let spans: number[] | undefined;
  if (kept?.spans && e && sameText(e.before, kept.text) && e.prefix + e.suffix <= Math.min(kept.text.length, given.length)) {
    spans = shiftedSpans(kept.spans, kept, e, given, lines);
    if (spans && !shiftSuppressions(kept.sup, kept, e, given, lines, into)) spans = undefined;
  }
  if (!spans) {
    spans = [];
    if (given.indexOf('stratdoc-') >= 0) scanSuppressions(flat(given), lines, 'markdown', into, spans);
  }
  opts.cache?.setSuppressions({ text: given, lines, sup: into, spans });
}

/** The comments' line spans after the edit (see suppressionsOf), or undefined when the edit may have touched a comment. */
function shiftedSpans(
  spans: number[],
  before: { text: TextSource; lines: LineIndex },
  edit: { prefix: number; suffix: number },
  text: TextSource,
  lines: LineIndex,
): number[] | undefined {
  const old = editedLines(before.text, before.lines, edit.prefix, before.text.length - edit.suffix);
  for (let i = 0; i < spans.length; i += 2) if (spans[i] <= old.last && spans[i + 1] >= old.first) return undefined;
  const now = editedLines(text, lines, edit.prefix, text.length - edit.suffix);
  // A `-->` on them now could close a comment opened above that nothing closed; there is
  // none when a `-->` stood after them (that comment would have closed there).
  if (text.slice(lines.lineStart(now.first), lines.lineEnd(now.last)).includes('-->') && before.text.indexOf('-->', before.lines.lineEnd(old.last)) < 0)
    return undefined;
  if (!spans.length) return spans;
  const { dl, at } = lineAfterEdit(before.lines, edit, lines);
  return dl ? spans.map(at) : spans;
}

/** What was built from one chunk of a plan: its entries, problems and table headers, for this context and first entry index. */
interface PlanBuilt {
  ctxKey: string;
  first: number;
  entries: PlanEntry[];
  problems: ParsedDocument['problems'];
  tables: TableHead[];
  /** Each table row's line and where its entries and problems are (./markdown-rows.ts), for the next reading's rows. */
  rows?: RowEnds;
}

/**
 * What was built from a chunk, for the same chunk with its first entry at `first`: the
 * entries copied with their new index (nothing else of an entry depends on where it stands
 * in the list), each noted in `of` as the copy of the entry it was made from.
 */
function renumbered(b: PlanBuilt, first: number, of: Map<PlanEntry, PlanEntry>): PlanBuilt {
  const entries = b.entries.map((e, i) => {
    const copy = { ...e, index: first + i };
    of.set(copy, e);
    return copy;
  });
  return { ...b, first, entries };
}

/** A Markdown document's last cut, kept in the chunk cache for the next keystroke. */
interface MdCut {
  /** The text as given (the server's text in blocks: kept as it is, compared by identity). */
  text: DocText;
  lineCount: number;
  chunks: Chunk[];
  built?: Map<Chunk, PlanBuilt>;
}

const cutKey = (uri: string, fine: boolean) => `${uri}|md|${fine ? 'fine' : 'coarse'}`;

/**
 * Cuts the document into chunks; with the server's cache and an edit span made to the last
 * reading's text, only around the edit (chunkMarkdown `prev`).
 */
function cut(uri: string, text: DocText, lines: LineIndex, opts: MarkdownOptions): Chunk[] & { fine: boolean } {
  const wantFine = opts.fine ?? !!opts.cache;
  const edit = opts.edit;
  const last = wantFine && edit ? opts.cache?.cut<MdCut>(cutKey(uri, true)) : undefined;
  if (last && edit && sameText(edit.before, last.text) && edit.prefix + edit.suffix <= Math.min(last.text.length, text.length)) {
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
  const fine = wantFine && !testLines(DEFINITION_RE, text);
  return Object.assign(chunkMarkdown(lines, { fine, definitions: false }), { fine });
}

export function parseMarkdown(
  uri: string,
  given: DocText,
  kind: 'strategy' | 'plan',
  detectedBy: ParsedDocument['detectedBy'],
  opts: MarkdownOptions = {},
): ParsedDocument {
  const lines = opts.lines ?? new LineIndex(given);
  // A plan is read from the text as given: the server's text in blocks is read through,
  // never joined (docs/decisions.md "What a keystroke costs"): the cut resumes around the
  // edit from the line index, the chunks are cut from lines, and the rows, headings and
  // fences read their few characters. A strategy's walk reads every section's text on
  // every reading, so it reads one string.
  const text: TextSource = kind === 'plan' ? given : flat(given);
  const out: ParsedDocument = {
    uri,
    kind,
    format: 'markdown',
    text: typeof text === 'string' ? text : '',
    lines,
    detectedBy,
    titleRange: lines.lineRange(0),
    problems: [],
    suppressions: emptySuppressions(),
  };
  // The document's text as a string for everyone else (rules, services, preview): joined
  // when first read, never on the keystroke path.
  if (typeof text !== 'string') Object.defineProperty(out, 'text', { get: () => flat(given), enumerable: true, configurable: true });
  suppressionsOf(given, lines, opts, out.suppressions);
  const ctx: BuildContext = { uri, lines, problems: out.problems, lang: 'en' };
  const chunks = cut(uri, given, lines, opts);
  // Chunks are parsed one at a time as the walk reaches them, so that (without a cache)
  // the tree of one is garbage before the next is parsed: the CLI's peak memory on a long
  // plan is its model, not every chunk's tree (docs/performance.md).
  const parseOne = (chunk: Chunk): Root => (opts.remarkOnly ? remark(chunk.text) : readChunk(chunk.text, remark));
  const parseAt = (chunk: Chunk): { chunk: Chunk; root: Root; map: Mapper } => {
    let root = opts.cache?.get(chunk.text);
    // A chunk a plan's reading kept without its tables serves no other kind of document.
    if (root && kind !== 'plan' && untabled(root)) root = undefined;
    if (!root) {
      root = parseOne(chunk);
      // A plan keeps its chunk without its tables once their entries are built (below).
      if (kind !== 'plan') opts.cache?.set(chunk.text, root);
    }
    return { chunk, root, map: new Mapper(lines, chunk) };
  };
  const first = chunks.length ? parseAt(chunks[0]) : undefined;
  /** The last chunk walked: its last block may be a fence or comment left open (markdown-unclosed.ts). */
  let last: { root: Root; map: Mapper } | undefined;
  function* parsed(): Generator<{ chunk: Chunk; root: Root; map: Mapper }> {
    for (let i = 0; i < chunks.length; i++) yield (last = i === 0 ? first! : parseAt(chunks[i]));
  }
  const noteUnclosed = () => {
    const p = last && unclosedBlock(last.root.children[last.root.children.length - 1], last.map, text, out);
    if (p) out.problems.push(p);
  };

  const fm = readFrontMatter(first, text, out, ctx, opts.cache);
  ctx.lang = out.language ?? 'en';

  if (kind === 'plan') {
    // A date without a year takes it from the period, else from the title (front matter
    // or the first `#` heading).
    ctx.years = { period: out.period?.value, year: yearOfTitle(out.title ?? execLines(/^ {0,3}#[ \t]+(.*)$/m, given)?.[1]) };
    const entries: PlanEntry[] = [];
    let h1 = false;
    // What the last reading built from a chunk it cut the same (the same object: the same
    // text on the same lines) is taken without building its key (docs/decisions.md
    // "State and its invalidation"); other chunks are looked up by text and place.
    const ctxKey = `${uri}|${ctx.lang}|${yearKey(ctx.years)}`;
    const lastCut = opts.cache?.cut<MdCut>(cutKey(uri, chunks.fine));
    const lastBuilt = lastCut?.built;
    const built = opts.cache && new Map<Chunk, PlanBuilt>();
    // A chunk built anew takes the entries of its rows that did not change (./markdown-rows.ts).
    let memo: RowMemo | null | undefined = lastCut ? undefined : null;
    let moved: Map<PlanEntry, PlanEntry> | undefined;
    for (const p of parsed()) {
      const lm = p.chunk.lineMap;
      const same = lastBuilt?.get(p.chunk);
      const key =
        opts.cache && !(same && same.ctxKey === ctxKey && same.first === entries.length)
          ? chunkKey(ctxKey, lm[0], lm[lm.length - 1], entries.length, p.chunk.text)
          : undefined;
      let hit = key ? opts.cache!.getBuilt<PlanBuilt>(key) : same;
      // The same chunk (the same text on the same lines) whose first entry's index moved (an
      // entry made or lost before it): its entries again, copies numbered anew, each noted
      // as the copy it is (PlanModel.moved), so the engine keeps what it found in them.
      if (!hit && same && same.ctxKey === ctxKey && same.entries.length) hit = renumbered(same, entries.length, (moved ??= new Map<PlanEntry, PlanEntry>()));
      if (built && hit) built.set(p.chunk, hit);
      // A chunk kept without its tables whose entries must be built again (for another
      // place or context) is parsed again.
      if (!hit && untabled(p.root)) p.root = parseOne(p.chunk);
      const first = entries.length;
      const problemsBefore = out.problems.length;
      const tablesBefore = out.tables?.length ?? 0;
      let notes: RowNotes | undefined;
      for (const node of p.root.children) {
        if (node.type === 'heading' && node.depth === 1 && !h1) {
          h1 = true;
          setTitle(out, node, p.map, text);
        }
        // A chunk built before gives its tables' headers from what it kept (its tree may have none).
        if (node.type === 'table') {
          if (!hit) {
            if (memo === undefined) memo = RowMemo.over(lastCut, ctxKey, given, lines, opts.edit) ?? null;
            notes ??= key ? new RowNotes(entries, out.problems, first, problemsBefore) : undefined;
            readPlanTable(node, p.map, text, entries, ctx, readTableHead(node, p.map, text, 'plan', out), memo ?? undefined, notes);
          }
        } else if (node.type === 'code' || node.type === 'list' || node.type === 'blockquote') noteFences(node, p.map, text, out);
      }
      if (hit) {
        entries.push(...hit.entries);
        out.problems.push(...hit.problems);
        if (hit.tables.length) (out.tables ??= []).push(...hit.tables);
      } else if (key) {
        const tables = out.tables?.slice(tablesBefore) ?? [];
        const b: PlanBuilt = { ctxKey, first, entries: entries.slice(first), problems: out.problems.slice(problemsBefore), tables };
        if (notes?.rows.length) b.rows = notes.rows;
        opts.cache!.setBuilt(key, b, notes?.kept);
        built!.set(p.chunk, b);
      }
      if (opts.cache && !untabled(p.root)) opts.cache.set(p.chunk.text, withoutTables(p.root));
    }
    if (built) opts.cache!.setCut<MdCut>(cutKey(uri, chunks.fine), { text: given, lineCount: lines.lineCount, chunks, built });
    noteUnclosed();
    out.plan = { entries, strategyPath: fm.strategy };
    if (moved?.size) Object.defineProperty(out.plan, 'moved', { value: { dl: 0, of: moved }, enumerable: false });
    return out;
  }

  const model: StrategyModel = { sections: [], people: [], goals: [], kpis: [], audiences: [], channels: [] };
  const strategyText = flat(given);
  const w = new StrategyWalker(model, ctx, strategyText, lines, opts.cache);
  let h1 = false;
  for (const p of parsed()) {
    const children = p.root.children;
    for (let i = 0; i < children.length; i++) {
      const node = children[i];
      if (node.type === 'code' || node.type === 'list' || node.type === 'blockquote') noteFences(node, p.map, text, out);
      if (node.type === 'heading' && node.depth === 1 && !h1 && !w.section) {
        h1 = true;
        setTitle(out, node, p.map, text);
        continue;
      }
      w.visit(node, p.map, children[i + 1], node.type === 'table' ? readTableHead(node, p.map, text, 'strategy', out) : undefined);
    }
  }
  w.finish(strategyText.length);
  noteUnclosed();
  if (w.incomplete.length) (out.incomplete ??= []).push(...w.incomplete);
  opts.cache?.setCut<MdCut>(cutKey(uri, chunks.fine), { text: given, lineCount: lines.lineCount, chunks });
  out.strategy = model;
  return out;
}

/**
 * The chunks of a plan kept for the next keystroke without their tables (docs/decisions.md
 * "Memory"): what was built from a chunk's tables is kept with its entries (`PlanBuilt`),
 * and the next reading that takes those walks only the chunk's other blocks (its title,
 * fences, front matter). A table slice's tree, its rows and cells with their positions,
 * was most of what an open Markdown plan kept. A chunk whose entries must be built anew is
 * parsed again.
 */
interface UntabledRoot extends Root {
  tablesDropped: true;
}

function withoutTables(root: Root): Root {
  if (!root.children.some((n) => n.type === 'table')) return root;
  const slim: UntabledRoot = { type: 'root', children: root.children.filter((n) => n.type !== 'table'), tablesDropped: true };
  return slim;
}

const untabled = (root: Root): boolean => (root as Partial<UntabledRoot>).tablesDropped === true;

/**
 * Notes a fenced code block in `out.fences` (docs/decisions.md "Positions from the model"):
 * at the top level, or in a list or quote (whose children are walked only down to blocks).
 */
function noteFences(node: RootContent, map: Mapper, text: TextSource, out: ParsedDocument, top = true): void {
  if (node.type === 'code') {
    const [a, b] = map.span(node);
    const fence = fenceOf(text, a, b);
    // An indented code block is no fence.
    if (!fence) return;
    // Unclosed, a fence at the top level runs to the end of the document (CommonMark).
    (out.fences ??= []).push(out.lines.rangeOf(a, fence.closed || !top ? b : text.length));
    return;
  }
  if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote')
    for (const c of node.children)
      if (c.type === 'code' || c.type === 'list' || c.type === 'listItem' || c.type === 'blockquote') noteFences(c, map, text, out, false);
}

function setTitle(out: ParsedDocument, node: Heading, map: Mapper, text: TextSource): void {
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
function readFrontMatter(
  first: { root: Root; map: Mapper } | undefined,
  text: TextSource,
  out: ParsedDocument,
  ctx: BuildContext,
  cache?: DocumentCache,
): FrontMatter {
  const node = first?.root.children[0];
  if (!cache || !node || node.type !== 'yaml') return readFrontMatterOnce(first, text, out, ctx);
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
  const fm = readFrontMatterOnce(first, text, out, ctx);
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

function readFrontMatterOnce(first: { root: Root; map: Mapper } | undefined, text: TextSource, out: ParsedDocument, ctx: BuildContext): FrontMatter {
  const fm: FrontMatter = {};
  const node = first?.root.children[0];
  if (!first || !node || node.type !== 'yaml') return fm;
  const [a] = first.map.span(node);
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
