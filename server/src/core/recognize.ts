/**
 * Recognition of documents WITHOUT a marker that look like an editorial plan or a strategy
 * (docs/format.md "Documents without a marker", rule unmarked-document). Such a file is not
 * read or checked; the recogniser only says what it looks like, so that the user can add
 * the marker. It is cheap (one pass over the first 64 KB, no parser) and pure: no LSP, no
 * VS Code, no Markdown or YAML library, so that the extension bundles it to decide,
 * without starting the server, whether to offer the marker (docs/decisions.md).
 */
import { CONFIG_FILES } from '../../../shared/protocol';
import type { DocFormat, DocKind } from './model';
import { formatOf, kindOfFileName, readMarker } from './parse/common';
import { phrases as table, sectionsOfHeading, stripNumbering, words, type Phrase } from './vocab';
import { PLAN_COLUMNS, PLAN_TITLES, PLATFORMS, SOCIAL_WORDS, STRATEGY_SECTIONS, STRATEGY_TITLES, type PlanRole } from './recognition-vocab';

export interface Recognition {
  kind: DocKind;
  format: DocFormat;
  /** What made it look like one, as written: column headers or keys (plan), headings or keys (strategy). */
  evidence: string[];
}

/** How much of a file is read to recognise it. */
export const RECOGNITION_PROBE = 64 * 1024;
/** A plan-shaped table or list needs this many dated rows, unless its title says it is a plan. */
export const MIN_DATED_ROWS = 4;

const MARKER_LINE_RE = /^stratdoc[ \t]*:/m;

// ---------------------------------------------------------------- phrase tables (built once)

const COLUMN_PHRASES = table(Object.entries(PLAN_COLUMNS) as [PlanRole, string[]][]);
const SECTION_PHRASES = table(Object.entries(STRATEGY_SECTIONS));
const PLAN_TITLE_PHRASES = table(PLAN_TITLES.map((p) => ['plan', [p]] as [string, string[]]));
const STRATEGY_TITLE_PHRASES = table(STRATEGY_TITLES.map((p) => ['strategy', [p]] as [string, string[]]));
const SOCIAL_KEYS = new Set(SOCIAL_WORDS.map((w) => words(w).join(' ')));
const PLATFORM_RE = new RegExp(`\\b(${PLATFORMS.join('|')})\\b`, 'gi');
const SOCIAL_MEDIA_RE = /\bsocial[\s-]?media\b/i;

/** Where the words of a phrase stand contiguously in `ws`. */
function hasPhrase(ws: string[], p: string[]): boolean {
  for (let i = 0; i + p.length <= ws.length; i++) {
    let ok = true;
    for (let j = 0; j < p.length && ok; j++) ok = ws[i + j] === p[j];
    if (ok) return true;
  }
  return false;
}

/** The key of the longest phrase standing in a text, if any. */
function firstMatch<K>(text: string, phrases: Phrase<K>[]): K | undefined {
  const ws = words(text);
  if (!ws.length) return undefined;
  for (const p of phrases) if (hasPhrase(ws, p.words)) return p.key;
  return undefined;
}

/** The role of a column header or key; a header of more than four words is prose, not a header. */
export function roleOfColumn(header: string): PlanRole | undefined {
  const ws = words(header.replace(/[*_`]/g, ' '));
  if (!ws.length || ws.length > 4) return undefined;
  for (const p of COLUMN_PHRASES) if (hasPhrase(ws, p.words)) return p.key;
  return undefined;
}

const MONTH =
  '(?:jan(?:uar|uary)?|feb(?:ruar|ruary)?|m(?:ä|ae)rz|mar(?:ch)?|apr(?:il)?|mai|may|jun[ei]?|jul[iy]?|aug(?:ust)?|sep(?:t(?:ember)?)?|o[ck]t(?:ober)?|nov(?:ember)?|de[zc](?:ember)?)';
const DATE_RE = new RegExp(
  [
    '\\b\\d{4}-\\d{1,2}-\\d{1,2}',
    '\\b\\d{1,2}\\.\\s?\\d{1,2}\\.(?:\\d{2,4})?',
    '\\b\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?\\b',
    `\\b\\d{1,2}\\.?\\s+${MONTH}\\b`,
    `\\b${MONTH}\\.?\\s+\\d{1,2}\\b`,
    // Week numbers: many German plans are kept by calendar week (`KW 12`).
    '\\b(?:kw|week|woche)\\s?\\d{1,2}\\b',
  ].join('|'),
  'i',
);

/** Whether a cell or value holds a date in one of the ways people write them. */
export function looksLikeDate(s: string): boolean {
  return DATE_RE.test(s);
}

function mentionsSocial(s: string): boolean {
  const ws = words(s);
  for (let i = 0; i < ws.length; i++) {
    if (SOCIAL_KEYS.has(ws[i])) return true;
    if (i + 1 < ws.length && SOCIAL_KEYS.has(`${ws[i]} ${ws[i + 1]}`)) return true;
  }
  return false;
}

/** Whether the document names at least two platforms or "social media". */
function socialText(text: string): boolean {
  if (SOCIAL_MEDIA_RE.test(text)) return true;
  const seen = new Set<string>();
  PLATFORM_RE.lastIndex = 0;
  for (let m = PLATFORM_RE.exec(text); m; m = PLATFORM_RE.exec(text)) {
    seen.add(m[1].toLowerCase());
    if (seen.size >= 2) return true;
  }
  return false;
}

// ---------------------------------------------------------------- rows (table rows or list items)

/** One table or list: its columns (keys) as written, and its rows as cells by column. */
interface Grid {
  columns: string[];
  rows: string[][];
}

interface PlanEvidence {
  datedRows: number;
  columns: string[];
}

/** Whether a table or list has a plan's shape; what it counts toward. */
function planShape(g: Grid): PlanEvidence | undefined {
  const roles = g.columns.map(roleOfColumn);
  const dateCol = roles.indexOf('date');
  if (dateCol < 0) return undefined;
  const others = new Set(roles.filter((r): r is PlanRole => !!r && r !== 'date' && r !== 'format'));
  if (others.size < 2) return undefined;
  const channelCol = roles.indexOf('channel');
  const filled = (i: number) => g.rows.filter((r) => (r[i] ?? '').trim()).length;
  // Without a channel column, more than half the rows must name a platform or a social format.
  const social = (channelCol >= 0 && filled(channelCol) > 0) || g.rows.filter((r) => r.some(mentionsSocial)).length * 2 > g.rows.length;
  if (!social) return undefined;
  const datedRows = g.rows.filter((r) => looksLikeDate(r[dateCol] ?? '')).length;
  if (!datedRows) return undefined;
  return { datedRows, columns: g.columns.filter((_, i) => roles[i]).map((c) => c.trim()) };
}

function fileTitle(uri: string): string {
  const base = decodeURIComponent(uri.split(/[?#]/)[0].split('/').pop() ?? '');
  return base.replace(/\.[^.]+$/, '').replace(/[_.]/g, ' ');
}

// ---------------------------------------------------------------- Markdown

const SEPARATOR_RE = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

function cells(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).map((c) => c.trim());
}

interface Scan {
  title: string;
  grids: Grid[];
  /** Headings (Markdown) or top-level keys (YAML), as written. */
  sections: string[];
}

function scanMarkdown(text: string): Scan {
  const lines = text.split(/\r?\n/);
  const out: Scan = { title: '', grids: [], sections: [] };
  let i = 0;
  if (/^---\s*$/.test(lines[0] ?? '')) {
    for (let j = 1; j < lines.length; j++) {
      if (/^(---|\.\.\.)\s*$/.test(lines[j])) {
        i = j + 1;
        break;
      }
      const m = /^(?:title|titel)\s*:\s*["']?(.*?)["']?\s*$/i.exec(lines[j]);
      if (m) out.title = m[1];
    }
  }
  let fence: string | undefined;
  for (; i < lines.length; i++) {
    const line = lines[i];
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1][0];
      else if (f[1][0] === fence) fence = undefined;
      continue;
    }
    if (fence) continue;
    const h = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) {
      if (h[1].length === 1 && !out.title) out.title = h[2];
      if (h[1].length <= 3) out.sections.push(h[2]);
      continue;
    }
    if (
      line.includes('|') &&
      i + 1 < lines.length &&
      lines[i + 1].includes('-') &&
      SEPARATOR_RE.test(lines[i + 1]) &&
      (lines[i + 1].includes('|') || line.trim().startsWith('|'))
    ) {
      const g: Grid = { columns: cells(line), rows: [] };
      i += 2;
      for (; i < lines.length && lines[i].includes('|') && lines[i].trim(); i++) g.rows.push(cells(lines[i]));
      i--;
      out.grids.push(g);
    }
  }
  return out;
}

// ---------------------------------------------------------------- YAML

function unquote(s: string): string {
  const v = s.trim();
  if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) return v.slice(1, -1);
  return v.replace(/\s+#.*$/, '');
}

const KEY = `("[^"]*"|'[^']*'|[^\\s#'"{\\[\\-][^:#]*?|-[^\\s:#][^:#]*?)`;
const ITEM_RE = new RegExp(`^(\\s*)-\\s+(?:\\{(.*)\\}\\s*$|${KEY}:(?:\\s+(.*))?$)`);
const PAIR_RE = new RegExp(`^(\\s*)${KEY}:(?:\\s+(.*))?$`);

function scanYaml(text: string): Scan {
  const lines = text.split(/\r?\n/);
  const out: Scan = { title: '', grids: [], sections: [] };
  // List items of mappings, grouped by the column their keys start at.
  const groups = new Map<number, Map<string, string>[]>();
  let item: Map<string, string> | undefined;
  let itemCol = -1;
  for (const line of lines) {
    if (!line.trim() || /^\s*#/.test(line)) continue;
    const it = ITEM_RE.exec(line);
    if (it) {
      item = new Map();
      if (it[2] !== undefined) {
        for (const part of it[2].split(',')) {
          const k = part.indexOf(':');
          if (k > 0) item.set(unquote(part.slice(0, k)), unquote(part.slice(k + 1)));
        }
        itemCol = -1;
      } else {
        item.set(unquote(it[3]), unquote(it[4] ?? ''));
        itemCol = it[1].length + line.slice(it[1].length).indexOf(it[3]);
      }
      const col = it[1].length;
      const l = groups.get(col);
      if (l) l.push(item);
      else groups.set(col, [item]);
      continue;
    }
    const p = PAIR_RE.exec(line);
    if (p) {
      if (p[1].length === 0) {
        item = undefined;
        const key = unquote(p[2]);
        out.sections.push(key);
        if (/^(title|titel|name)$/i.test(key) && p[3]) out.title = unquote(p[3]);
        continue;
      }
      if (item && p[1].length === itemCol) item.set(unquote(p[2]), unquote(p[3] ?? ''));
    }
  }
  for (const items of groups.values()) {
    const keys: string[] = [];
    for (const m of items) for (const k of m.keys()) if (!keys.includes(k)) keys.push(k);
    // A key counts as a column when at least half of the items have it.
    const columns = keys.filter((k) => items.filter((m) => m.has(k)).length * 2 >= items.length);
    out.grids.push({ columns, rows: items.map((m) => columns.map((c) => m.get(c) ?? '')) });
  }
  return out;
}

// ---------------------------------------------------------------- the decision

const CORE_SECTIONS = new Set(['goals', 'kpis', 'audiences', 'channels', 'listening', 'value', 'faces']);

function strategyEvidence(scan: Scan): { sections: Set<string>; core: number; shown: string[] } {
  const sections = new Set<string>();
  const shown: string[] = [];
  for (const raw of scan.sections) {
    const h = stripNumbering(raw.replace(/[*_`]/g, ''));
    if (words(h).length > 8) continue;
    const keys = new Set<string>(sectionsOfHeading(h));
    const extra = firstMatch(h, SECTION_PHRASES);
    if (extra) keys.add(extra);
    let added = false;
    for (const k of keys) {
      if (!sections.has(k)) {
        sections.add(k);
        added = true;
      }
    }
    if (added) shown.push(h.trim());
  }
  let core = 0;
  for (const k of sections) if (CORE_SECTIONS.has(k)) core++;
  return { sections, core, shown };
}

/**
 * What an unmarked Markdown or YAML file looks like: an editorial plan, a strategy, or
 * (undefined) an ordinary file. Documents with a marker or a stratdoc file name are not
 * recognised (they are read as what they say they are).
 */
export function recognize(uri: string, fullText: string): Recognition | undefined {
  const format = formatOf(uri);
  // Only `*.plan.csv` and the configuration's globs make a CSV a plan (docs/format.md "CSV plans").
  if (!format || format === 'csv') return undefined;
  if (kindOfFileName(uri) || CONFIG_FILES.some((f) => uri.endsWith('/' + f))) return undefined;
  let text = fullText.length > RECOGNITION_PROBE ? fullText.slice(0, RECOGNITION_PROBE) : fullText;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (readMarker(text, format)) return undefined;
  // A `stratdoc:` line near the top is a marker in a front matter being typed (or broken):
  // the file is meant as a document, and the reader's own findings speak for it then.
  if (MARKER_LINE_RE.test(text.slice(0, 4096))) return undefined;
  const scan = format === 'markdown' ? scanMarkdown(text) : scanYaml(text);
  const titles = `${scan.title} ${fileTitle(uri)}`;
  const social = socialText(text);

  const st = strategyEvidence(scan);
  const strategyTitle = firstMatch(titles, STRATEGY_TITLE_PHRASES) !== undefined;
  if (social && ((st.sections.size >= 4 && st.core >= 3) || (strategyTitle && st.core >= 2))) {
    return { kind: 'strategy', format, evidence: st.shown.slice(0, 6) };
  }

  let dated = 0;
  let columns: string[] | undefined;
  for (const g of scan.grids) {
    const e = planShape(g);
    if (!e) continue;
    dated += e.datedRows;
    columns ??= e.columns;
  }
  const planTitle = firstMatch(titles, PLAN_TITLE_PHRASES) !== undefined;
  if (columns && (dated >= MIN_DATED_ROWS || planTitle)) return { kind: 'plan', format, evidence: columns.slice(0, 8) };
  return undefined;
}

// ---------------------------------------------------------------- the marker edit

export interface MarkerEdit {
  /** 0-based line and UTF-16 column where the text goes (an insertion). */
  line: number;
  character: number;
  newText: string;
}

/**
 * The edit that marks a document (the quick fix of unmarked-document and the extension's
 * offer): in Markdown, `stratdoc: KIND` as the first line of the front matter (a front
 * matter is added when there is none); in YAML, `stratdoc: KIND` as the first line of the
 * document (after a `---` start), and for a file that is one top-level list, also the key
 * `entries:` the list then belongs to.
 */
export function markerEdit(text: string, format: DocFormat, kind: DocKind): MarkerEdit {
  const lines = text.split(/\r?\n/);
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const first = (lines[0] ?? '').slice(bom);
  const marker = `stratdoc: ${kind}`;
  if (format === 'markdown') {
    if (/^---\s*$/.test(first)) {
      for (let j = 1; j < lines.length; j++) {
        if (/^(---|\.\.\.)\s*$/.test(lines[j])) return { line: 1, character: 0, newText: marker + nl };
      }
    }
    return { line: 0, character: bom, newText: `---${nl}${marker}${nl}---${nl}` };
  }
  // YAML: after directives and the `---` that starts the document, if any.
  let at = 0;
  let atChar = bom;
  for (let j = 0; j < lines.length; j++) {
    const l = j === 0 ? first : lines[j];
    if (/^%/.test(l) || /^\s*(#.*)?$/.test(l)) continue;
    if (/^---(\s|$)/.test(l)) {
      at = j + 1;
      atChar = 0;
    }
    break;
  }
  let firstContent = '';
  for (let j = at; j < lines.length; j++) {
    if (/^\s*(#.*)?$/.test(lines[j])) continue;
    firstContent = lines[j];
    break;
  }
  const list = kind === 'plan' && /^-(\s|$)/.test(firstContent) ? `entries:${nl}` : '';
  return { line: at, character: atChar, newText: `${marker}${nl}${list}` };
}
