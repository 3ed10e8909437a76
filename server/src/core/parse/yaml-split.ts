/**
 * How a long YAML plan is cut into head, entries and tail (docs/decisions.md "Many files",
 * "What a keystroke costs"): `splitPlan` over the whole text, and, on a keystroke, the split
 * derived from the edited lines (`splitLinesAgain`) and kept or spliced (`keptSplit`).
 * core/parse/yaml.ts reads the pieces.
 */
import { LineIndex, lowerBound, sameText, type DocText, type TextSource } from '../text';
import type { YamlOptions } from './yaml';

export const ENTRIES_LINE = /^(?:entries|eintr(?:ä|ae)ge|beitr(?:ä|ae)ge|posts|redaktionsplan|plan|items|content|inhalte)[ \t]*:[ \t]*(?:#.*)?$/i;
/** Plans smaller than this are parsed whole: one parse is as fast as the pieces. */
export const SPLIT_MIN_LENGTH = 16 * 1024;

/** What a split of a plan is in lines: all a kept or spliced split holds (keptSplit). */
export interface SplitLines {
  /** The line of the first entry, the entries' indent, and the line each entry starts on. */
  firstEntryLine: number;
  indent: number;
  starts: number[];
  /** The line the keys after the entries start on (the line count when there are none). */
  tailLine: number;
}

export interface PlanSplit extends SplitLines {
  /** End of the head (everything before the first entry, `entries:` included). */
  headEnd: number;
  chunks: { start: number; end: number; startLine: number; endLine: number }[];
  /** Start of the keys after the entries (the text's length when there are none). */
  tailStart: number;
}

/** The last reading's split and where the edit since lies, in lines (as markdown-chunks.ts `PrevCut`). */
export interface PrevSplit {
  split: SplitLines;
  first: number;
  lastOld: number;
  lastNew: number;
}

/**
 * Cuts a YAML plan into head, entries and tail when that cannot change what it means:
 * a block list under `entries:` at column 0, and no anchors, aliases, tags, directives
 * or document markers anywhere. A line inside the list that does not start an entry
 * stays with the entry before it (a stray character while typing is that entry's
 * syntax error, not the end of the list). So a syntax error inside an entry (a
 * tab-indented line, a key at column 0) is that entry's one finding, in the server and
 * in `stratdoc check` alike, where the whole text read at once would report errors to
 * the end of the file; only a quote or bracket left open reads the whole (docs/decisions.md
 * "Many files").
 */
/** splitPlan with the last reading's split when the edit span was made to its text; keeps this one for the next. */
export function splitAgain(uri: string, text: string, lines: LineIndex, opts: YamlOptions): PlanSplit | undefined {
  const cache = opts.cache!;
  const key = `${uri}|yaml-split`;
  const last = cache.cut<SplitRecord>(key);
  const edit = opts.edit;
  let prev: PrevSplit | undefined;
  if (last && edit && sameText(edit.before, last.text) && edit.prefix + edit.suffix <= Math.min(last.text.length, text.length)) {
    const first = lines.positionAt(edit.prefix).line;
    const lastNew = lines.positionAt(text.length - edit.suffix).line;
    const lastOld = lastNew - (lines.lineCount - last.lineCount);
    if (lastOld >= first) prev = { split: last.split, first, lastOld, lastNew };
  }
  const split = splitPlan(text, lines, prev);
  if (split) cache.setCut(key, { text, lineCount: lines.lineCount, split });
  return split;
}

export function splitPlan(text: string, lines: LineIndex, prev?: PrevSplit): PlanSplit | undefined {
  if (text.length < SPLIT_MIN_LENGTH) return undefined;
  const n = lines.lineCount;
  // With the last reading's split (the server's keystrokes): the tests below are line by
  // line, and the last text passed them, so only the edited lines are tested again.
  if (prev) {
    const again = splitLinesAgain(text, lines, prev);
    if (again !== WHOLE) return again && finishSplit(text, lines, again.firstEntryLine, again.indent, again.starts, again.tailLine);
  }
  if (/(^|[\s[{,:])[&*!][^\s]/.test(text) || /^%/m.test(text)) return undefined;
  let k = 0;
  while (k < n && !ENTRIES_LINE.test(lines.lineText(k))) k++;
  if (k >= n) return undefined;
  // (Scanned with regular expressions over the whole text rather than line by line: this
  // runs on every keystroke in the server.)
  const marker = /^(?:---|\.\.\.)(?:[ \t]|\r?$)/gm;
  marker.lastIndex = n > 1 ? lines.lineStart(1) : text.length;
  if (marker.exec(text)) return undefined;
  let j = k + 1;
  while (j < n && /^\s*(#.*)?$/.test(lines.lineText(j))) j++;
  const m = j < n ? /^( *)-( |$)/.exec(lines.lineText(j)) : null;
  if (!m) return undefined;
  const indent = m[1].length;
  const dash = new RegExp(`^ {${indent}}-(?: |\\r?$)`, 'gm');
  const starts: number[] = [];
  dash.lastIndex = lines.lineStart(j);
  let line = j;
  for (let m2 = dash.exec(text); m2; m2 = dash.exec(text)) {
    while (line + 1 < n && lines.lineStart(line + 1) <= m2.index) line++;
    // `^` also matches after separators that do not break lines here (U+2028…).
    if (lines.lineStart(line) === m2.index) starts.push(line);
  }
  return finishSplit(text, lines, j, indent, starts);
}

/** splitLinesAgain's answer when the edited lines alone cannot tell: the whole text is tested. */
export const WHOLE = 'whole';

/**
 * The split of the edited text from the last one (`prev`), testing only the edited lines
 * as splitPlan tests every line: `undefined` when the text is not to be split (something
 * ties entries together, or the first entry's line is none any more), `WHOLE` when the
 * edited lines cannot tell (an edit across the first entry's line, or one in the head
 * that moves the entries' key or the first entry; then the whole text is tested).
 * - After the first entry's line (or on it, when it stays the first entry's at the same
 *   indent): the starts before the edit stay, those after it move by the lines it added
 *   or removed, and each edited line starts an entry when it reads as one. The tail moves
 *   with the lines when the last entry starts after the edit; else it is looked for after
 *   the last entry's start, as finishSplit does.
 * - In the head (the edited lines end before the first entry's): the head is tested again
 *   (a few lines: the entries' key, blank lines and comments, the first entry's line) and
 *   must find the first entry where the lines moved it; every start moves with it.
 */
export function splitLinesAgain(text: TextSource, lines: LineIndex, prev: PrevSplit): SplitLines | undefined | typeof WHOLE {
  const { split: old, first, lastOld, lastNew } = prev;
  const { indent, firstEntryLine: j } = old;
  const delta = lastNew - lastOld;
  if (lastNew < j + delta) {
    // In the head (lastOld < j): whatever the edited lines hold is decided by the whole test.
    if (tiesEntries(text, lines, first, lastNew)) return WHOLE;
    const n = lines.lineCount;
    const to = Math.min(n, j + delta);
    let k = 0;
    while (k < to && !ENTRIES_LINE.test(lines.lineText(k))) k++;
    let jn = k + 1;
    while (jn < to && /^\s*(#.*)?$/.test(lines.lineText(jn))) jn++;
    if (k >= to || jn !== j + delta) return WHOLE;
    return delta ? { firstEntryLine: jn, indent, starts: old.starts.map((s) => s + delta), tailLine: old.tailLine + delta } : old;
  }
  if (first < j) return WHOLE;
  if (first === j) {
    // The first entry's line edited: it must stay one, at the same indent.
    const m = /^( *)-( |$)/.exec(lines.lineText(j));
    if (!m || m[1].length !== indent) return WHOLE;
  }
  if (tiesEntries(text, lines, first, lastNew)) return undefined;
  const dash = entryDash(indent);
  const was = old.starts;
  if (!delta && first > j) {
    // No line added or removed (a keystroke): when every edited line starts an entry as it
    // did, and the tail is where it was, the split is the same one.
    let x = lowerBound(was, first);
    let same = true;
    for (let l = first; l <= lastNew && same; l++) {
      const was1 = x < was.length && was[x] === l;
      if (was1) x++;
      same = dash.test(lines.lineText(l)) === was1;
    }
    if (same && (x < was.length || tailAfter(lines, was[was.length - 1], indent) === old.tailLine)) return old;
  }
  const starts: number[] = [];
  let x = 0;
  while (x < was.length && was[x] < first) starts.push(was[x++]);
  for (let l = first; l <= lastNew; l++) if (dash.test(lines.lineText(l))) starts.push(l);
  while (x < was.length && was[x] <= lastOld) x++;
  const moved = x < was.length;
  while (x < was.length) starts.push(was[x++] + delta);
  if (!starts.length || starts[0] !== j) return undefined;
  return { firstEntryLine: j, indent, starts, tailLine: moved ? old.tailLine + delta : tailAfter(lines, starts[starts.length - 1], indent) };
}

/** Whether lines `a`..`b` hold what could tie entries together (an anchor, alias or tag, a directive, a document marker). */
export function tiesEntries(text: TextSource, lines: LineIndex, a: number, b: number): boolean {
  const edited = text.slice(lines.lineStart(a), lines.lineEnd(b));
  return /(^|[\s[{,:])[&*!][^\s]/.test(edited) || /^%/m.test(edited) || /^(?:---|\.\.\.)(?:[ \t]|\r?$)/m.test(edited);
}

/** A line that starts an entry of a list at `indent`. */
export function entryDash(indent: number): RegExp {
  return new RegExp(`^ {${indent}}-(?: |\\r?$)`);
}

/** The line the tail starts on: the first after the last entry's start at column 0 that is no comment (nor, at indent 0, a `-` line); the line count when there is none. */
export function tailAfter(lines: LineIndex, last: number, indent: number): number {
  const n = lines.lineCount;
  for (let i = last + 1; i < n; i++) {
    const l = lines.lineText(i);
    if (l && !/^[\s#]/.test(l) && !(indent === 0 && l.startsWith('-'))) return i;
  }
  return n;
}

export type SplitRecord = { text: DocText; lineCount: number; split: SplitLines };

/** A split spliced by keptSplit: the old pieces `[lo, oldHi)` (of `oldCount`) are the new `[lo, newHi)`; the lines after moved by `delta`. */
export interface Spliced {
  split: SplitLines;
  oldCount: number;
  lo: number;
  oldHi: number;
  newHi: number;
  delta: number;
}

/** At most this many pieces are read again by a splice (a paste of many entries takes the slow path). */
export const MAX_SPLICED = 256;

/**
 * The last reading's split, spliced where the edit since (made to its text) lies, when
 * the edited lines tell what splitPlan would make of the whole text (splitLinesAgain):
 * the edited lines and the pieces they lie in (with the piece before when a start line
 * was lost or made, the last when the tail moved) are read again, the rest kept. The
 * spliced split holds lines only: its pieces' offsets are read from the line index.
 */
export function keptSplit(uri: string, text: DocText, lines: LineIndex, opts: YamlOptions): Spliced | undefined {
  const edit = opts.edit;
  const key = `${uri}|yaml-split`;
  const last = opts.cache!.cut<SplitRecord>(key);
  if (!edit || !last || !sameText(edit.before, last.text) || text.length < SPLIT_MIN_LENGTH) return undefined;
  if (edit.prefix + edit.suffix > Math.min(last.text.length, text.length)) return undefined;
  const first = lines.positionAt(edit.prefix).line;
  const lastNew = lines.positionAt(text.length - edit.suffix).line;
  const delta = lines.lineCount - last.lineCount;
  const lastOld = lastNew - delta;
  if (lastOld < first) return undefined;
  const split = splitLinesAgain(text, lines, { split: last.split, first, lastOld, lastNew });
  if (!split || split === WHOLE) return undefined;
  const was = last.split.starts;
  const now = split.starts;
  // The starts before the edit are the same in both: the pieces before the one they end in are kept.
  const c = lowerBound(was, first);
  let lo = Math.max(0, c - 1);
  if (c > 0) {
    // The piece the edit follows is kept when it ends where it ended, before the edited lines.
    const oldEnd = (c < was.length ? was[c] : last.split.tailLine) - 1;
    const newEnd = (c < now.length ? now[c] : split.tailLine) - 1;
    if (oldEnd === newEnd && newEnd < first) lo = c;
  }
  // The starts after the edit are the same in both, moved: the pieces from there on are kept.
  const oldHi = lowerBound(was, lastOld + 1);
  const newHi = lowerBound(now, lastNew + 1);
  if (was.length - oldHi !== now.length - newHi || newHi - lo > MAX_SPLICED) return undefined;
  opts.cache!.setCut<SplitRecord>(key, { text, lineCount: lines.lineCount, split });
  return { split, oldCount: was.length, lo, oldHi, newHi, delta };
}

/** The pieces from the lines the entries start on: each entry up to the next, the tail after the last. */
export function finishSplit(text: string, lines: LineIndex, j: number, indent: number, starts: number[], tailLine?: number): PlanSplit | undefined {
  const n = lines.lineCount;
  // The first entry starts the list (an edit may have turned its line into something else).
  if (!starts.length || starts[0] !== j) return undefined;
  const tail = tailLine ?? tailAfter(lines, starts[starts.length - 1], indent);
  const at = (line: number) => (line >= n ? text.length : lines.lineStart(line));
  const chunks = starts.map((s, i) => {
    const endLine = (i + 1 < starts.length ? starts[i + 1] : tail) - 1;
    return { start: at(s), end: at(endLine + 1), startLine: s, endLine };
  });
  return { headEnd: at(j), chunks, tailStart: at(tail), tailLine: tail, firstEntryLine: j, indent, starts };
}
