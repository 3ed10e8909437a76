/**
 * The CSV reader (docs/format.md "CSV plans"): an editorial plan kept as a spreadsheet
 * export becomes a plan like a Markdown table, row by row, with the exact range of every
 * cell. The header row names the columns through the one plan column mapping (vocab
 * PLAN_FIELDS); each later row is an entry.
 *
 * A small RFC 4180 reader rather than a library: every finding must land on its cell, so
 * the reader must know where each field starts and ends in the text, quotes included.
 * The npm parsers report positions per record at best (csv-parse's `info`), not per field.
 */
import type { FixSpec, ParsedDocument, TextEdit } from '../model';
import { LineIndex, t, type Range } from '../text';
import { buildEntries, yearOfTitle, type BuildContext, type RawField } from './build';
import { emptySuppressions } from './common';

export interface CsvCell {
  /** The value, quotes removed and `""` read as `"`. */
  value: string;
  /** Offsets of the cell in the text, quotes included. */
  start: number;
  end: number;
  quoted: boolean;
}

export interface CsvTable {
  delimiter: string;
  rows: CsvCell[][];
  /** An unbalanced quote: the offset of the quote that opens a cell never closed. */
  unclosedAt?: number;
}

const DELIMITERS = [';', ',', '\t'];

/** The delimiter of a CSV: the one of `;`, `,`, tab the header line holds most often outside quotes. */
export function detectDelimiter(text: string, from = 0): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    if (counts.get(d)! > most) {
      best = d;
      most = counts.get(d)!;
    }
  }
  return best;
}

/** Reads CSV text into rows of cells with their offsets. Never throws. */
export function readCsv(text: string): CsvTable {
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const delimiter = detectDelimiter(text, from);
  const rows: CsvCell[][] = [];
  let row: CsvCell[] = [];
  let i = from;
  const n = text.length;
  while (i <= n) {
    const start = i;
    let value = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      let closed = false;
      while (i < n) {
        const q = text.indexOf('"', i);
        if (q < 0) break;
        value += text.slice(i, q);
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        closed = true;
        break;
      }
      if (!closed) {
        row.push({ value: text.slice(start + 1), start, end: n, quoted });
        rows.push(row);
        return { delimiter, rows, unclosedAt: start };
      }
      // Text after the closing quote up to the delimiter belongs to the cell (as Excel reads it).
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
    } else {
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') i++;
      value = text.slice(start, i);
    }
    row.push({ value, start, end: i, quoted });
    if (i < n && text[i] === delimiter) {
      i++;
      continue;
    }
    rows.push(row);
    row = [];
    if (i >= n) break;
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    if (i >= n) break;
  }
  return { delimiter, rows };
}

const GERMAN_HEADERS =
  /^(datum|thema|titel|plattform|kanal|netzwerk|verantwortlich|zuständig|ziel|kampagne|freigabe|termin|veröffentlichung|beitrag|uhrzeit|zeit)$/i;

function isBlank(row: CsvCell[]): boolean {
  return row.every((c) => !c.value.trim());
}

/** The file's name without folders and extensions, as the plan's title (`redaktionsplan-q1-2027`). */
function titleOf(uri: string): string {
  const base = decodeURIComponent(uri.split(/[?#]/)[0].split('/').pop() ?? '');
  return base.replace(/\.plan\.csv$/i, '').replace(/\.csv$/i, '');
}

export function parseCsv(uri: string, text: string, detectedBy: ParsedDocument['detectedBy']): ParsedDocument {
  const lines = new LineIndex(text);
  const table = readCsv(text);
  const header = table.rows.find((r) => !isBlank(r));
  const r = (a: number, b: number): Range => lines.rangeOf(a, b);
  const headerRange = header ? r(header[0].start, header[header.length - 1].end) : r(0, 0);
  const title = titleOf(uri);
  const out: ParsedDocument = {
    uri,
    kind: 'plan',
    format: 'csv',
    text,
    lines,
    detectedBy,
    title,
    titleRange: headerRange,
    problems: [],
    suppressions: emptySuppressions(),
    plan: { entries: [] },
  };
  const keys = header?.map((c) => c.value.trim()) ?? [];
  const german = keys.some((k) => GERMAN_HEADERS.test(k));
  if (german) out.language = 'de';
  const ctx: BuildContext = { uri, lines, problems: out.problems, lang: german ? 'de' : 'en', years: { year: yearOfTitle(title) } };
  if (table.unclosedAt !== undefined) {
    const at = table.unclosedAt;
    out.problems.push({
      rule: 'syntax',
      range: r(at, at + 1),
      message: t(
        'This quote opens a cell that is never closed: every row from here on is one cell. Close it with a second " (a quote inside a cell is written "").',
        'Dieses Anführungszeichen öffnet eine Zelle, die nie geschlossen wird: Alle Zeilen ab hier sind eine Zelle. Schließen Sie sie mit einem zweiten " (ein Anführungszeichen in einer Zelle schreibt man "").',
      ),
    });
    // The rows before the broken cell are still read; the broken one is not.
    table.rows.pop();
  }
  if (!header) return out;
  // One key range per column, shared by the column's cells.
  const keyRanges = header.map((h) => r(h.start, h.end));
  for (const row of table.rows.slice(table.rows.indexOf(header) + 1)) {
    if (isBlank(row)) continue;
    const fields: RawField[] = [];
    row.forEach((cell, i) => {
      // Empty trailing columns (no header) are what spreadsheets export past the data: not fields.
      if (i >= header.length || !keys[i]) return;
      const range = r(cell.start, cell.end);
      // Inside quotes the value stands in the text at start + 1 only when it holds no `""`.
      const verbatim = !cell.quoted ? cell.start : text.slice(cell.start + 1, cell.start + 1 + cell.value.length) === cell.value ? cell.start + 1 : undefined;
      const valueRange = verbatim !== undefined && cell.quoted ? r(verbatim, verbatim + cell.value.length) : range;
      fields.push({ key: keys[i], keyRange: keyRanges[i], name: undefined, raw: cell.value, range: valueRange, offset: verbatim });
    });
    if (!fields.some((f) => f.raw.trim())) continue;
    out.plan!.entries.push(...buildEntries(fields, r(row[0].start, row[row.length - 1].end), out.plan!.entries.length, ctx, undefined));
  }
  return out;
}

/**
 * The fixes that may be offered where they touch a CSV plan: only those that replace text
 * inside one cell by plain text (no delimiter, quote, line break or comment mark), so the
 * file stays the same spreadsheet. Anything that inserts lines, keys or comments is the
 * syntax of Markdown or YAML and is dropped (docs/format.md "CSV plans").
 */
export function csvSafeFixes(fixes: FixSpec[] | undefined, docs: ReadonlyMap<string, Pick<ParsedDocument, 'format'>>): FixSpec[] | undefined {
  if (!fixes?.length) return fixes;
  const kept = fixes.filter((fix) => fix.edits.every((de) => docs.get(de.uri)?.format !== 'csv' || de.edits.every(plainCellEdit)));
  return kept.length ? kept : undefined;
}

function plainCellEdit(e: TextEdit): boolean {
  const { start, end } = e.range;
  if (start.line !== end.line || start.character === end.character) return false;
  return !/[";,\t\r\n]|<!--|^#/.test(e.newText);
}
