/**
 * Words typed without their colon in YAML (docs/decisions.md "Positions from the model"):
 * left out of the parse so the lines after them read as written, each a `syntax` problem
 * at the word and an `incomplete` line of the model with the entry or item it belongs to.
 */
import { parseDocument, type Document } from 'yaml';
import type { ParsedDocument } from '../model';
import { comparePos, t, type LineIndex, type Range, type TextSource } from '../text';

/** How every YAML document is parsed (here and in yaml.ts). */
export const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false } as const;

/**
 * A line that holds nothing but a word typed without its colon (after its indentation and
 * any `- `): no colon, comment, quote, bracket or other mark YAML reads.
 */
const HALF_LINE = /^[ \t]*(?:-[ \t]+)*([^\s#:,[\]{}&*!|>'"%@`?-][^:#\n\r]*?)[ \t]*\r?$/;
/** YAML's errors for such a word: it runs into the next key, is a key without value, or an item without its dash. */
const HALF_ERROR =
  /^Implicit keys need to be on a single line|^Implicit map keys need to be followed by map values|^Unexpected scalar|^Sequence item without - indicator/;

/**
 * Parses YAML with every word typed without its colon left out (docs/decisions.md "Positions
 * from the model"; `kpi` above `entries:` is the key `kpi entries` to YAML). A line YAML
 * reports an error on (`HALF_ERROR`) that is nothing but the word (`HALF_LINE`) is blanked
 * and the text parsed again while each round leaves fewer errors, at most four rounds (a
 * parse each: hostile input gets no more). Without an error: parsed once. Returns the words.
 */
export function parseReadable(text: TextSource, from: number, to: number, kind: 'strategy' | 'plan'): { doc: Document.Parsed; half: [number, number][] } {
  const src = from === 0 && to === text.length && typeof text === 'string' ? text : text.slice(from, to);
  let doc = parseDocument(src, PARSE_OPTIONS);
  const half: [number, number][] = [];
  let masked = src;
  for (let round = 0; round < 4 && doc.errors.length; round++) {
    const found: [number, number][] = [];
    for (const err of doc.errors) {
      if (!HALF_ERROR.test(err.message)) continue;
      const [x, y] = err.pos;
      // From the line the error starts on (not above it: a plain scalar's next line is its own).
      let ls = masked.lastIndexOf('\n', x - 1) + 1;
      while (ls <= y && ls < masked.length) {
        let le = masked.indexOf('\n', ls);
        if (le < 0) le = masked.length;
        const m = HALF_LINE.exec(masked.slice(ls, le));
        if (m) {
          const lead = /^[ \t]*(?:-[ \t]+)*/.exec(m[0])![0];
          const a = ls + lead.length;
          const b = a + m[1].length;
          // `- K2` is an item YAML reads: after a dash only a word the error starts at.
          if ((!lead.includes('-') || a === x) && !valueBelow(text, le + from, a - ls, kind) && !found.some(([p]) => p === a)) found.push([a, b]);
        }
        ls = le + 1;
      }
    }
    if (!found.length) break;
    found.sort((p, q) => p[0] - q[0]);
    const next = blankWords(masked, found);
    const again = parseDocument(next, PARSE_OPTIONS);
    // Blanked, the word must leave YAML fewer errors: a word with its value on the lines
    // below it (`entr` above the entries) would hand them to the key above it instead.
    if (again.errors.length >= doc.errors.length) break;
    masked = next;
    doc = again;
    half.push(...found);
  }
  half.sort((p, q) => p[0] - q[0]);
  return { doc, half };
}

/**
 * Whether the word at column `indent` (line ending at `le`) is a key typed above its value: the next
 * non-blank, non-comment line (in the whole text) is deeper. Blanked, those lines would continue the
 * key above it, so YAML's reading is kept; in a plan a word at column 0 stands among the entries.
 */
function valueBelow(text: TextSource, le: number, indent: number, kind: 'strategy' | 'plan'): boolean {
  if (kind === 'plan' && indent === 0) return false;
  let at = le + 1;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end);
    const body = line.trimStart();
    if (body && !body.startsWith('#')) return line.length - body.length > indent;
    at = end + 1;
  }
  return false;
}

/** `text` with the words at these offsets (in order) turned into blanks, as parseReadable parsed them. */
export function blankWords(text: string, words: readonly [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [a, b] of words) {
    out += text.slice(at, a) + ' '.repeat(b - a);
    at = b;
  }
  return out + text.slice(at);
}

/** What fields are read from: the text, or it with a piece's half-typed words blanked. */
export type Source = Pick<string, 'slice' | 'length'>;

/** The text as a piece (`words` from its start) was parsed: a blanked copy of the piece only; one of the whole text per piece was quadratic. */
export function blankedPiece(text: TextSource, from: number, to: number, words: readonly [number, number][]): Source {
  const piece = blankWords(text.slice(from, to), words);
  return { length: text.length, slice: (a = 0, b = text.length) => (a >= from && b <= to ? piece.slice(a - from, b - from) : text.slice(a, b)) };
}

/** A `syntax` problem at each word left out by parseReadable (offsets from `base`). */
export function halfProblems(
  half: [number, number][],
  base: number,
  text: TextSource,
  r: (a: number, b: number) => Range,
  into: ParsedDocument['problems'],
): void {
  for (const [x, y] of half) {
    const w = text.slice(x + base, y + base);
    into.push({
      rule: 'syntax',
      halfTyped: true,
      range: r(x + base, y + base),
      message: t(
        `'${w}' has no colon: a key is written '${w}: …'. The line is read as if it were not there until it has one.`,
        `'${w}' hat keinen Doppelpunkt: Ein Schlüssel wird '${w}: …' geschrieben. Bis dahin wird die Zeile übergangen.`,
      ),
    });
  }
}

/** A word left out of a piece's parse, where, and the index of its entry among the piece's (-1: none). */
export type HalfWord = { text: string; range: Range; entry: number };

/** The entry or item (`list` in document order) a half-typed word belongs to by indentation (ownerIndex). */
export function ownerOf<T extends { range: Range }>(at: Range, list: readonly T[], src: Source, lines: LineIndex): T | undefined {
  const k = ownerIndex(at, list, src, lines);
  return k >= 0 ? list[k] : undefined;
}

/**
 * A word after `- ` begins an item: the one whose first key follows it with only blanks
 * between (in `src`, the text as parsed). Any other word is a line of the last one starting
 * before it, at its keys' column or right of it. -1: none.
 */
export function ownerIndex(at: Range, list: readonly { range: Range }[], src: Source, lines: LineIndex): number {
  let lo = 0;
  let hi = list.length - 1;
  let k = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (comparePos(list[mid].range.start, at.start) <= 0) {
      k = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const from = lines.offsetAt(at.start);
  const lineStart = lines.lineStart(at.start.line);
  if (/^[ \t]*-[ \t]/.test(src.slice(lineStart, from))) {
    const next = k + 1 < list.length ? list[k + 1] : undefined;
    return next && /^\s*$/.test(src.slice(lines.offsetAt(at.end), lines.offsetAt(next.range.start))) ? k + 1 : -1;
  }
  // One row naming two channels is two entries with the same range: the first of them.
  while (k > 0 && comparePos(list[k - 1].range.start, list[k].range.start) === 0) k--;
  return k >= 0 && list[k].range.start.character <= at.start.character ? k : -1;
}
