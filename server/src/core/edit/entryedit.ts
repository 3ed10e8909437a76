/**
 * Edits that set one field of a plan entry, for quick fixes (entry-without-goal,
 * mode-inferred, …) and for the server's code actions. Pure text edits on the document
 * as it stands: nothing else of the entry or the document changes.
 *
 * - YAML: an existing field's value is replaced (an empty value too); a missing field is
 *   a new `key: value` line after the entry's last field, indented like its other keys,
 *   or `, key: value` before the closing brace of a flow mapping `{…}`.
 * - Markdown tables: the cell of the field's column is replaced (an empty cell too,
 *   padding kept tidy). Without such a column there is no edit: adding a column to every
 *   row of a table is not a quick fix.
 */
import type { ParsedDocument, PlanEntry, TextEdit } from '../model';
import type { Range, TextSource } from '../text';
import { words, type FieldName } from '../vocab';
import { readingOf, type Derived } from '../derived';

/** The key a new field is written with in YAML: English (docs/format.md's plan fields) and German. */
const ENTRY_KEYS: Partial<Record<FieldName, { en: string; de: string }>> = {
  id: { en: 'id', de: 'id' },
  date: { en: 'date', de: 'datum' },
  time: { en: 'time', de: 'uhrzeit' },
  channel: { en: 'channel', de: 'kanal' },
  format: { en: 'format', de: 'format' },
  title: { en: 'title', de: 'titel' },
  mode: { en: 'mode', de: 'modus' },
  goals: { en: 'goal', de: 'ziel' },
  kpis: { en: 'kpi', de: 'kennzahl' },
  audiences: { en: 'audience', de: 'zielgruppe' },
  owner: { en: 'owner', de: 'verantwortlich' },
  reviewer: { en: 'reviewer', de: 'freigabe' },
  status: { en: 'status', de: 'status' },
  link: { en: 'link', de: 'link' },
  campaign: { en: 'campaign', de: 'kampagne' },
};

/** Keys that only a German-keyed plan uses (folded). */
const GERMAN_KEYS = new Set([
  'datum',
  'veroeffentlichung',
  'uhrzeit',
  'zeit',
  'kanal',
  'plattform',
  'titel',
  'thema',
  'arbeitstitel',
  'modus',
  'kommunikationsart',
  'ziel',
  'ziele',
  'zielbezug',
  'kennzahl',
  'kennzahlen',
  'zielgruppe',
  'zielgruppen',
  'verantwortlich',
  'autor',
  'autorin',
  'freigabe',
  'pruefer',
  'prueferin',
  'kampagne',
]);

/**
 * The edits that set `field` of `entry` to `value`, or undefined when the document has no
 * place to write it (a Markdown table without a column for the field).
 */
export function setEntryField(doc: ParsedDocument, entry: PlanEntry, field: FieldName, value: string, derived?: Derived): TextEdit[] | undefined {
  // A CSV cell is not written: a fix there could break the spreadsheet's quoting (docs/format.md "CSV plans").
  if (doc.format === 'csv') return undefined;
  return doc.format === 'yaml' ? setYamlField(doc, entry, field, value, derived) : setTableCell(doc, entry, field, value);
}

/** Whether `setEntryField` can write this field of this entry. */
export function canSetEntryField(doc: ParsedDocument, entry: PlanEntry, field: FieldName): boolean {
  if (doc.format === 'yaml') return true;
  if (doc.format === 'csv') return false;
  return !!entry.table && entry.table.columns.includes(field);
}

// ------------------------------------------------------------------ YAML

/** A YAML scalar for a value: plain where YAML reads it back as the same string, else double-quoted. */
export function yamlScalar(value: string): string {
  const plain =
    value.length > 0 &&
    value === value.trim() &&
    !/^[-?:,[\]{}#&*!|>'"%@`~]/.test(value) &&
    !/[:#,[\]{}"'\n\r\t@]/.test(value) &&
    !/^(?:true|false|yes|no|on|off|null|y|n)$/i.test(value) &&
    !/^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

function setYamlField(doc: ParsedDocument, entry: PlanEntry, field: FieldName, value: string, derived?: Derived): TextEdit[] | undefined {
  // Read through the reading's source: a text in blocks is not joined for a fix (ParsedDocument.text).
  const text: TextSource = doc.lines.source;
  const lines = doc.lines;
  const scalar = yamlScalar(value);
  const existing = entry.fields.find((f) => f.name === field);
  if (existing) {
    const a = lines.offsetAt(existing.range.start);
    let b = lines.offsetAt(existing.range.end);
    while (b > a && /\s/.test(text.charAt(b - 1))) b--;
    const multiline = text.slice(a, b).includes('\n') || text.slice(a, b).includes('\r');
    if (b > a && !multiline) return [{ range: lines.rangeOf(a, b), newText: scalar }];
    // An empty value: write after the colon, replacing the blanks (and a `~`/`null`) there.
    // A block list or mapping under the key: replace it, from the colon to its last character.
    const keyEnd = lines.offsetAt(existing.keyRange.end);
    let colon = keyEnd;
    while (colon < text.length && text.charAt(colon) !== ':' && text.charAt(colon) !== '\n') colon++;
    if (text.charAt(colon) !== ':') return undefined;
    if (multiline) return [{ range: lines.rangeOf(colon + 1, b), newText: ` ${scalar}` }];
    let end = colon + 1;
    while (end < text.length && (text.charAt(end) === ' ' || text.charAt(end) === '\t')) end++;
    const nul = /^(?:~|null|Null|NULL)(?=[\s,}\]#]|$)/.exec(text.slice(end, end + 5));
    if (nul) end += nul[0].length;
    const after = text.charAt(end);
    // Keep a blank before a comment or a closing bracket (`goal: }` → `goal: G1 }`).
    const trailing = after === '#' || after === '}' || after === ']' ? ' ' : '';
    return [{ range: lines.rangeOf(colon + 1, end), newText: ` ${scalar}${trailing}` }];
  }
  const key = keyFor(doc, field, derived);
  const start = lines.offsetAt(entry.range.start);
  const end = lines.offsetAt(entry.range.end);
  if (text.charAt(start) === '{') {
    // A flow mapping: `, key: value` before the closing brace.
    let close = end - 1;
    while (close > start && text.charAt(close) !== '}') close--;
    if (text.charAt(close) !== '}') return undefined;
    let at = close;
    while (at > start + 1 && /\s/.test(text.charAt(at - 1))) at--;
    const empty = at === start + 1;
    const newText = empty ? ` ${key}: ${scalar} ` : `, ${key}: ${scalar}`;
    return [{ range: lines.rangeOf(at, at), newText }];
  }
  // A block mapping: a new line after the last field, at the column of the entry's keys.
  if (!entry.fields.length) return undefined;
  let last = entry.fields[0];
  let lastEnd = -1;
  for (const f of entry.fields) {
    const e = Math.max(lines.offsetAt(f.range.end), lines.offsetAt(f.keyRange.end));
    if (e > lastEnd) {
      lastEnd = e;
      last = f;
    }
  }
  let line = lines.positionAt(lastEnd).line;
  if (lines.positionAt(lastEnd).character === 0 && line > last.keyRange.start.line) line--;
  while (line > last.keyRange.start.line && !lines.lineText(line).trim()) line--;
  const indent = ' '.repeat(last.keyRange.start.character);
  // The document's line break, found once per reading: a search of the whole text for each
  // of thousands of fixes made a 50,000-entry plan's check quadratic (docs/performance.md "Many files (the CLI)").
  const eol = derived ? derived.of(readingOf(doc), 'line break', () => lineBreakOf(text)) : lineBreakOf(text);
  const at = lines.lineEnd(line);
  return [{ range: lines.rangeOf(at, at), newText: `${eol}${indent}${key}: ${scalar}` }];
}

/** The line break a document uses: CRLF where any line ends with one. */
function lineBreakOf(text: TextSource): string {
  return text.indexOf('\r\n') >= 0 ? '\r\n' : '\n';
}

/** What an entry's keys say about how its plan writes keys (keyStyle): bits. */
const GERMAN = 1;
const CAPITAL = 2;
const ANY = 4;

/**
 * How a plan writes its keys: read from the whole plan (not a view of some entries), once
 * per reading when the Workspace's store is given (a plan may have thousands of entries).
 */
function keyStyle(view: ParsedDocument, derived?: Derived): { german: boolean; capital: boolean } {
  const doc = readingOf(view);
  // What each entry says about it is kept per entry (an edit makes few entries anew);
  // the plan's style is then a pass over those (docs/decisions.md "What a keystroke costs").
  // Kept as bits (GERMAN, CAPITAL, ANY), a small integer: an object per entry held 0.23 MB
  // of a 5,000-entry plan (docs/decisions.md "Memory").
  const ofEntry = (e: PlanEntry): number => {
    let german = false;
    let capital = true;
    for (const f of e.fields) {
      if (!german && GERMAN_KEYS.has(words(f.key).join(' '))) german = true;
      if (capital && !/^[A-ZÄÖÜ]/.test(f.key)) capital = false;
    }
    return (german ? GERMAN : 0) | (capital ? CAPITAL : 0) | (e.fields.length > 0 ? ANY : 0);
  };
  const read = () => {
    let german = false;
    let capital = true;
    let any = false;
    // The entries' table at hand: no closure made per entry on each reading of a plan.
    const kept = derived?.table<number>('entry key style');
    // An entry copied with its lines moved (PlanModel.moved) writes its keys as its original.
    const copies = doc.plan?.moved?.of;
    for (const e of doc.plan?.entries ?? []) {
      let s = kept?.get(e);
      if (s === undefined) {
        const of = copies?.get(e);
        s = (of && kept?.get(of)) ?? ofEntry(e);
        kept?.set(e, s);
      }
      if (s & ANY) any = true;
      if (s & GERMAN) german = true;
      if (!(s & CAPITAL)) capital = false;
      if (german && !capital) break;
    }
    return { german, capital: any && capital };
  };
  return derived ? derived.of(doc, 'key style', read) : read();
}

/** The key a new field gets: German where the plan's entries use German keys, capitalised where they are. */
function keyFor(doc: ParsedDocument, field: FieldName, derived?: Derived): string {
  const names = ENTRY_KEYS[field] ?? { en: field, de: field };
  const style = keyStyle(doc, derived);
  const key = style.german ? names.de : names.en;
  return style.capital ? key[0].toUpperCase() + key.slice(1) : key;
}

// ------------------------------------------------------------------ Markdown tables

/** The cells of a table row line: [start, end) offsets within the line, between pipes. */
export function rowCells(line: string): { cells: [number, number][]; closed: boolean } {
  const pipes: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') {
      i++;
      continue;
    }
    if (line[i] === '|') pipes.push(i);
  }
  const first = line.search(/\S/);
  const leading = first >= 0 && line[first] === '|';
  const lastNonSpace = line.trimEnd().length - 1;
  const closed = pipes.length > 0 && pipes[pipes.length - 1] === lastNonSpace && (!leading || pipes.length > 1);
  const bounds = leading ? pipes : [-1, ...pipes];
  const cells: [number, number][] = [];
  for (let i = 0; i < bounds.length; i++) {
    const s = bounds[i] + 1;
    const e = i + 1 < bounds.length ? bounds[i + 1] : closed ? -1 : line.trimEnd().length;
    if (e < 0) break;
    cells.push([s, e]);
  }
  return { cells, closed };
}

function escapeCell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

function setTableCell(doc: ParsedDocument, entry: PlanEntry, field: FieldName, value: string): TextEdit[] | undefined {
  const col = entry.table?.columns.indexOf(field) ?? -1;
  if (col < 0) return undefined;
  const lineNo = entry.range.start.line;
  const line = doc.lines.lineText(lineNo);
  const { cells, closed } = rowCells(line);
  const v = escapeCell(value);
  const at = (c: number, e = c): Range => ({ start: { line: lineNo, character: c }, end: { line: lineNo, character: e } });
  if (col < cells.length) {
    const [s, e] = cells[col];
    const content = line.slice(s, e);
    const lead = /^\s*/.exec(content)![0];
    const trimmed = content.trim();
    const width = e - s;
    // The last cell of a row without a closing pipe: nothing to pad towards.
    const isLastOpen = !closed && col === cells.length - 1;
    if (trimmed) {
      // Keep the cell as wide as it was when the new value fits (aligned tables stay aligned).
      const pad = Math.max(1, width - lead.length - v.length);
      const tail = isLastOpen ? '' : ' '.repeat(pad);
      return [{ range: at(s + lead.length, e), newText: v + tail }];
    }
    const pad = Math.max(1, width - 1 - v.length);
    return [{ range: at(s, e), newText: ` ${v}${isLastOpen ? '' : ' '.repeat(pad)}` }];
  }
  // The row has fewer cells than the header: add the missing ones.
  const end = line.trimEnd().length;
  let add = closed ? '' : ' |';
  for (let i = cells.length; i < col; i++) add += '  |';
  add += ` ${v} |`;
  return [{ range: at(end), newText: add }];
}
