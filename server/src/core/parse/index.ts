/** Entry point of the readers: decides whether a file is a stratdoc document and reads it. */
import type { ParsedDocument, DocKind, DocFormat, EditSpan } from '../model';
import { BlockText, LineIndex, flat, sameText, t, type DocText } from '../text';
import { parseMarkdown } from './markdown';
import { ChunkCache } from './cache';
import { parseYaml } from './yaml';
import { parseCsv } from './csv';
import { FRONT_MATTER_RE, formatOf, guessKind, kindOfFileName, kindOfMarker, markerIn, readMarker } from './common';
import { emptySuppressions, isTooDeep, tooDeepMessage } from './common';

export interface DetectOptions {
  /** Whether the configuration's `include` globs match this file. */
  included?: boolean;
  /**
   * The kind a file is read as when neither marker nor file name says: the configuration's
   * `plans:` globs (docs/format.md "Configuration"), or `stratdoc convert` reading a file
   * the recogniser took for a plan or strategy.
   */
  kind?: DocKind;
}

export interface Detected {
  kind: DocKind;
  format: DocFormat;
  detectedBy: ParsedDocument['detectedBy'];
  /** A marker whose value is neither strategy nor plan. */
  badMarker?: { value: string; offset: number };
}

/**
 * Is this file a stratdoc document (docs/format.md: marker, file name, or `include`)? Every
 * other file is left alone: no diagnostic is ever shown on an ordinary Markdown or YAML file.
 */
export function detect(uri: string, text: DocText, opts: DetectOptions = {}): Detected | undefined {
  const format = formatOf(uri);
  if (!format) return undefined;
  text = normalizeLoneCr(text);
  const marker = markerOf(text, format);
  if (marker) {
    const kind = kindOfMarker(marker.value);
    if (kind) return { kind, format, detectedBy: 'marker' };
    const byName = kindOfFileName(uri);
    return { kind: byName ?? guessKind(flat(text), format), format, detectedBy: 'marker', badMarker: marker };
  }
  const byName = kindOfFileName(uri);
  if (byName) return { kind: byName, format, detectedBy: 'filename' };
  if (opts.kind) return { kind: opts.kind, format, detectedBy: 'include' };
  if (opts.included) return { kind: guessKind(flat(text), format), format, detectedBy: 'include' };
  return undefined;
}

/** A line that may close a Markdown front matter (FRONT_MATTER_RE's closing line, and a few more). */
const CLOSE_RE = /^(?:---|\.\.\.)[ \t]*\r?$/gm;

/**
 * readMarker; a YAML text in blocks is searched block by block (each is whole lines), a
 * Markdown one in its first blocks, as many as its front matter takes: neither is joined.
 */
function markerOf(text: DocText, format: DocFormat): { value: string; offset: number } | undefined {
  if (typeof text === 'string' || text.flatIfMade !== undefined || format === 'csv') return readMarker(flat(text), format);
  const { blocks, starts } = text;
  if (format === 'markdown') {
    // The front matter (FRONT_MATTER_RE) ends at its first closing line from the third line
    // on; the blocks up to the first that holds a line like one (CLOSE_RE, which every
    // closing line matches) are joined, usually none but the first. A text whose front
    // matter is never closed is searched, not joined.
    if (!/^\uFEFF?---[ \t]*\r?\n/.test(blocks[0] ?? '')) return undefined;
    for (let k = 0; k < blocks.length; k++) {
      CLOSE_RE.lastIndex = 0;
      if (k === 0) {
        const third = blocks[0].indexOf('\n', blocks[0].indexOf('\n') + 1) + 1;
        if (!third) continue;
        CLOSE_RE.lastIndex = third;
      }
      if (!CLOSE_RE.test(blocks[k])) continue;
      const head = k ? blocks.slice(0, k + 1).join('') : blocks[0];
      // (FRONT_MATTER_RE cannot end a match at the head's end: it ends with a line break.)
      if (FRONT_MATTER_RE.test(head.replace(/^\uFEFF/, ''))) return readMarker(head, format);
    }
    return undefined;
  }
  // The first block as readMarker reads a text's start (a byte order mark before the marker).
  const found = blocks.length ? readMarker(blocks[0], format) : undefined;
  if (found) return found;
  for (let k = 1; k < blocks.length; k++) {
    const m = markerIn(blocks[k], starts[k]);
    if (m) return m;
  }
  return undefined;
}

export interface ParseOptions extends DetectOptions {
  cache?: ChunkCache;
  /** What changed since the last reading (the server's incremental edits). */
  edit?: EditSpan;
}

/** Reads a document; undefined when the file is not a stratdoc document. Never throws. */
export function parseDocument(uri: string, text: DocText, opts: ParseOptions = {}): ParsedDocument | undefined {
  text = normalizeLoneCr(text);
  let d: Detected | undefined;
  try {
    d = detect(uri, text, opts);
  } catch {
    d = undefined;
  }
  if (!d) return undefined;
  return readDetected(uri, text, d, opts);
}

export function readDetected(uri: string, text: DocText, d: Detected, opts: ParseOptions = {}): ParsedDocument {
  try {
    const cache = opts.cache?.open(uri);
    // The line index the editor's changes gave (LineIndex.edited), when it is this text's.
    const lines = opts.edit?.lines && sameText(opts.edit.lines.source, text) ? opts.edit.lines : undefined;
    // The YAML and Markdown readers read a text in blocks (their keystroke paths); the CSV reader reads the string.
    const edit = d.format !== 'csv' || !opts.edit || typeof opts.edit.before === 'string' ? opts.edit : { ...opts.edit, before: flat(opts.edit.before) };
    const doc =
      d.format === 'csv'
        ? parseCsv(uri, flat(text), d.detectedBy)
        : d.format === 'markdown'
          ? parseMarkdown(uri, text, d.kind, d.detectedBy, { cache, edit, lines })
          : parseYaml(uri, text, d.kind, d.detectedBy, { cache, edit, lines });
    cache?.commit();
    if (d.badMarker) {
      doc.problems.push({
        rule: 'schema',
        range: doc.lines.rangeOf(d.badMarker.offset, d.badMarker.offset + d.badMarker.value.length),
        message: t(
          `'stratdoc: ${d.badMarker.value}' names no kind of document: write 'strategy' or 'plan'. Read as a ${d.kind}.`,
          `'stratdoc: ${d.badMarker.value}' nennt keine Dokumentart: schreiben Sie 'strategy' oder 'plan'. Gelesen als ${d.kind === 'plan' ? 'Plan' : 'Strategie'}.`,
        ),
        fixes: [
          {
            title: t(`Change to '${d.kind}'`, `Ändern in '${d.kind}'`),
            edits: [{ uri, edits: [{ range: doc.lines.rangeOf(d.badMarker.offset, d.badMarker.offset + d.badMarker.value.length), newText: d.kind }] }],
            preferred: true,
            safe: true,
          },
        ],
      });
    }
    return doc;
  } catch (e) {
    // The readers must not throw; if one does, the document is still reported, not lost.
    const lines = new LineIndex(text);
    return {
      uri,
      kind: d.kind,
      format: d.format,
      text: flat(text),
      lines,
      detectedBy: d.detectedBy,
      titleRange: lines.lineRange(0),
      problems: [
        {
          rule: 'syntax',
          range: lines.lineRange(0),
          // Never the JavaScript error text (docs/decisions.md "Configuration"): what it means for the user; the text goes to the log.
          message: isTooDeep(e)
            ? tooDeepMessage()
            : t(
                'stratdoc could not read this document (internal error). Please report it.',
                'stratdoc konnte dieses Dokument nicht lesen (interner Fehler). Bitte melden Sie das.',
              ),
          internal: e instanceof Error ? (e.stack ?? String(e)) : String(e),
        },
      ],
      suppressions: emptySuppressions(),
      strategy: d.kind === 'strategy' ? { sections: [], people: [], goals: [], kpis: [], audiences: [], channels: [] } : undefined,
      plan: d.kind === 'plan' ? { entries: [] } : undefined,
    };
  }
}

export { ChunkCache } from './cache';

/** The one decoder lives with the file policy (core/files). */
export { decodeText } from '../files/read';

/**
 * A lone CR (old Mac line endings) is a line break like LF and CRLF (docs/format.md).
 * Replacing each lone CR by LF keeps every offset, line and column as it is, so the
 * readers, which know LF and CRLF, read the file exactly like its LF twin.
 */
export function normalizeLoneCr(text: string): string;
export function normalizeLoneCr(text: DocText): DocText;
export function normalizeLoneCr(text: DocText): DocText {
  // A text in blocks knows whether it has one (BlockText.hasLoneCr: kept across keystrokes that type no CR).
  if (text instanceof BlockText) return text.hasLoneCr() ? normalizeLoneCr(text.toString()) : text;
  // A text without a lone CR (LF or CRLF breaks: nearly every file) is returned as it is,
  // found by jumping from CR to CR rather than by a regular expression over the whole text.
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 2)) {
    if (text.charCodeAt(i + 1) !== 10) return text.replace(/\r(?!\n)/g, '\n');
  }
  return text;
}
