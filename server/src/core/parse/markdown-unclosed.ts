/**
 * A code fence or an HTML comment left open at the end of a Markdown strategy or plan
 * (docs/rules/syntax.md): CommonMark runs it to the end of the document, so every heading
 * and table below it is code or comment text, and stratdoc reads none of it. The writer sees
 * `## 4. Kennzahlen` in the editor and is told the step is missing; this says why, where
 * the block opens, and offers to close it before the first heading it hides.
 */
import type { RootContent } from 'mdast';
import type { ParsedDocument, ParseProblem } from '../model';
import { t, type TextSource } from '../text';
import type { Mapper } from './markdown-chunks';

const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})/;
const COMMENT_OPEN = /^ {0,3}<!--/;
/**
 * Lines below the opening that stratdoc would have read: section headings (`##` and
 * deeper: a `# comment` is as likely code) and a table's header row (the line above a
 * delimiter row).
 */
const HIDDEN = /^ {0,3}#{2,6}[ \t].*$|^.*\|.*\n {0,3}\|? *:?-{3,}.*$/gm;

/**
 * A fenced code block's opening marker (```` ``` ````, `~~~~`) and whether a closing fence
 * ends it, from the block's span `[a, b)`; none for an indented code block.
 */
export function fenceOf(text: TextSource, a: number, b: number): { marker: string; closed: boolean } | undefined {
  const open = FENCE_OPEN.exec(text.slice(a, a + 64));
  if (!open) return undefined;
  const marker = open[1];
  const last = text.slice(text.lastIndexOf('\n', b - 1) + 1, b).trim();
  return { marker, closed: b > a + open[0].length && last.length >= marker.length && [...last].every((c) => c === marker[0]) };
}

/** The problem of the document's last top-level block, when it is a fence or comment never closed and hides structure. */
export function unclosedBlock(node: RootContent | undefined, map: Mapper | undefined, text: TextSource, out: ParsedDocument): ParseProblem | undefined {
  if (!node || !map || (node.type !== 'code' && node.type !== 'html')) return undefined;
  const [a, b] = map.span(node);
  // A block that ends before the document does was closed (or ended by what CommonMark ends it with).
  if (text.slice(b).trim()) return undefined;
  const head = text.slice(a, a + 64);
  let marker: string;
  let closed: boolean;
  if (node.type === 'code') {
    const fence = fenceOf(text, a, b);
    if (!fence) return undefined;
    ({ marker, closed } = fence);
  } else {
    if (!COMMENT_OPEN.test(head)) return undefined;
    marker = '-->';
    closed = text.slice(a + head.indexOf('<!--') + 4, b).includes('-->');
  }
  if (closed) return undefined;
  const lineEnd = text.indexOf('\n', a);
  const body = lineEnd < 0 ? '' : text.slice(lineEnd + 1, b);
  const hidden = [...body.matchAll(HIDDEN)];
  if (!hidden.length) return undefined;
  const shown = hidden[0][0].split('\n')[0].trim();
  const quoted = shown.length > 60 ? `${shown.slice(0, 57)}…` : shown;
  const more = hidden.length - 1;
  const at = lineEnd + 1 + hidden[0].index;
  const open = out.lines.rangeOf(a + (head.length - head.trimStart().length), lineEnd < 0 ? text.length : lineEnd);
  const fence = node.type === 'code';
  return {
    rule: 'syntax',
    range: open,
    message: t(
      `This ${fence ? 'code block' : 'HTML comment'} is never closed, so everything after it to the end of the file is ${fence ? 'code' : 'comment'}: '${quoted}'${more ? ` and ${more} more heading${more === 1 ? '' : 's'} or table${more === 1 ? '' : 's'}` : ''} ${more ? 'are' : 'is'} not read. Close it with ${marker} where it ends.`,
      `${fence ? 'Dieser Codeblock' : 'Dieser HTML-Kommentar'} wird nie geschlossen, daher ist alles danach bis zum Dateiende ${fence ? 'Code' : 'Kommentar'}: '${quoted}'${more ? ` und ${more} weitere Überschrift${more === 1 ? '' : 'en'} oder Tabelle${more === 1 ? '' : 'n'}` : ''} ${more ? 'werden' : 'wird'} nicht gelesen. Schließen Sie ihn mit ${marker} dort, wo er endet.`,
    ),
    fixes: [
      {
        title: t(`Close it before '${quoted}'`, `Vor '${quoted}' schließen`),
        edits: [{ uri: out.uri, edits: [{ range: out.lines.rangeOf(at, at), newText: `${marker}\n\n` }] }],
      },
    ],
  };
}
