/** Entry point of the readers: decides whether a file is a stratdoc document and reads it. */
import type { ParsedDocument, DocKind } from '../model';
import { LineIndex, t } from '../text';
import { parseMarkdown, type ChunkCache } from './markdown';
import { parseYaml } from './yaml';
import { formatOf, guessKind, kindOfFileName, kindOfMarker, readMarker } from './common';
import { emptySuppressions } from './common';

export interface DetectOptions {
  /** Whether the configuration's `include` globs match this file. */
  included?: boolean;
}

export interface Detected {
  kind: DocKind;
  format: 'markdown' | 'yaml';
  detectedBy: ParsedDocument['detectedBy'];
  /** A marker whose value is neither strategy nor plan. */
  badMarker?: { value: string; offset: number };
}

/**
 * Is this file a stratdoc document (FORMAT.md: marker, file name, or `include`)? Every
 * other file is left alone: no diagnostic is ever shown on an ordinary Markdown or YAML file.
 */
export function detect(uri: string, text: string, opts: DetectOptions = {}): Detected | undefined {
  const format = formatOf(uri);
  if (!format) return undefined;
  const marker = readMarker(text, format);
  if (marker) {
    const kind = kindOfMarker(marker.value);
    if (kind) return { kind, format, detectedBy: 'marker' };
    const byName = kindOfFileName(uri);
    return { kind: byName ?? guessKind(text, format), format, detectedBy: 'marker', badMarker: marker };
  }
  const byName = kindOfFileName(uri);
  if (byName) return { kind: byName, format, detectedBy: 'filename' };
  if (opts.included) return { kind: guessKind(text, format), format, detectedBy: 'include' };
  return undefined;
}

export interface ParseOptions extends DetectOptions {
  cache?: ChunkCache;
}

/** Reads a document; undefined when the file is not a stratdoc document. Never throws. */
export function parseDocument(uri: string, text: string, opts: ParseOptions = {}): ParsedDocument | undefined {
  let d: Detected | undefined;
  try {
    d = detect(uri, text, opts);
  } catch {
    d = undefined;
  }
  if (!d) return undefined;
  return readDetected(uri, text, d, opts);
}

export function readDetected(uri: string, text: string, d: Detected, opts: ParseOptions = {}): ParsedDocument {
  try {
    const doc = d.format === 'markdown' ? parseMarkdown(uri, text, d.kind, d.detectedBy, { cache: opts.cache }) : parseYaml(uri, text, d.kind, d.detectedBy, { cache: opts.cache });
    if (d.badMarker) {
      doc.problems.push({
        rule: 'schema',
        range: doc.lines.rangeOf(d.badMarker.offset, d.badMarker.offset + d.badMarker.value.length),
        message: t(
          `'stratdoc: ${d.badMarker.value}' names no kind of document: write 'strategy' or 'plan'. Read as a ${d.kind}.`,
          `'stratdoc: ${d.badMarker.value}' nennt keine Dokumentart: schreiben Sie 'strategy' oder 'plan'. Gelesen als ${d.kind === 'plan' ? 'Plan' : 'Strategie'}.`,
        ),
        fixes: [{ title: t(`Change to '${d.kind}'`, `Ändern in '${d.kind}'`), edits: [{ uri, edits: [{ range: doc.lines.rangeOf(d.badMarker.offset, d.badMarker.offset + d.badMarker.value.length), newText: d.kind }] }], preferred: true, safe: true }],
      });
    }
    return doc;
  } catch (e) {
    // The readers must not throw; if one does, the document is still reported, not lost.
    const lines = new LineIndex(text);
    return {
      uri, kind: d.kind, format: d.format, text, lines, detectedBy: d.detectedBy,
      titleRange: lines.lineRange(0),
      problems: [{
        rule: 'syntax',
        range: lines.lineRange(0),
        message: t(`stratdoc could not read this document (internal error: ${String(e)}). Please report it.`, `stratdoc konnte dieses Dokument nicht lesen (interner Fehler: ${String(e)}). Bitte melden Sie das.`),
      }],
      suppressions: emptySuppressions(),
      strategy: d.kind === 'strategy' ? { sections: [], people: [], goals: [], kpis: [], audiences: [], channels: [] } : undefined,
      plan: d.kind === 'plan' ? { entries: [] } : undefined,
    };
  }
}

export { ChunkCache } from './markdown';

/** Decodes a file's bytes as UTF-8; an error message when it is not UTF-8 text. */
export function decodeText(bytes: Uint8Array): { text: string } | { error: 'binary' | 'encoding' } {
  const n = Math.min(bytes.length, 8000);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return { error: 'binary' };
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    return { error: 'encoding' };
  }
}
