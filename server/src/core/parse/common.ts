/** Pieces both readers share: suppression comments, language, document detection. */
import type { Suppressions, DocKind, DocFormat } from '../model';
import type { Lang, LineIndex, Text, TextSource } from '../text';
import { movedRange, t } from '../text';
import { words } from '../vocab';

export function emptySuppressions(): Suppressions {
  return { file: new Set(), lines: new Map(), ranges: [], names: [] };
}

const NAME_RE = /[^\s,]+/g;

/**
 * Finds the suppression comments (docs/format.md "Switching rules off in a file"):
 * `stratdoc-disable` / `stratdoc-enable` (from this line on, until enabled again or the
 * end of the file), `-next-line`, `-line` and `-file`, as `<!-- … -->` in Markdown and
 * `# …` in YAML. Without a rule, every rule is meant. Rule names are recorded with their
 * ranges so that unknown ones can be reported (the `schema` rule).
 */
export function scanSuppressions(text: string, lines: LineIndex, format: DocFormat, into: Suppressions, spans?: number[]): void {
  if (format === 'csv' || !text.includes('stratdoc-')) return;
  const re =
    format === 'markdown'
      ? /<!--\s*stratdoc-(disable|enable)(-next-line|-line|-file)?(?![\w-])([^]*?)-->/g
      : /#\s*stratdoc-(disable|enable)(-next-line|-line|-file)?(?![\w-])([^\n\r]*)/g;
  let all = false;
  let except = new Set<string>();
  let off = new Set<string>();
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const listAt = m.index + m[0].length - m[3].length - (format === 'markdown' ? 3 : 0);
    // The lines each comment spans, when the caller keeps them (markdown.ts: a Markdown comment may span lines).
    spans?.push(lines.positionAt(m.index).line, lines.positionAt(m.index + m[0].length).line);
    const rules: string[] = [];
    // ` -- why` after the rules is a description, as in ESLint.
    const dash = /(?:^|\s)--(?:\s|$)/.exec(m[3]);
    const list = dash ? m[3].slice(0, dash.index) : m[3];
    NAME_RE.lastIndex = 0;
    for (let n = NAME_RE.exec(list); n; n = NAME_RE.exec(list)) {
      rules.push(n[0]);
      into.names.push({ name: n[0], range: lines.rangeOf(listAt + n.index, listAt + n.index + n[0].length) });
    }
    const enable = m[1] === 'enable';
    const line = lines.positionAt(m.index).line;
    if (!m[2]) {
      // A range: the state from this line on.
      if (!rules.length) {
        all = !enable;
        except = new Set();
        off = new Set();
      } else {
        for (const r of rules) {
          if (all) enable ? except.add(r) : except.delete(r);
          else enable ? off.delete(r) : off.add(r);
        }
      }
      const state = { line, all, except: new Set(except), rules: new Set(off) };
      const last = into.ranges[into.ranges.length - 1];
      if (last?.line === line) into.ranges[into.ranges.length - 1] = state;
      else into.ranges.push(state);
      continue;
    }
    if (enable) continue; // `stratdoc-enable-line` and the like mean nothing
    const named = rules.length ? rules : ['*'];
    if (m[2] === '-file') {
      for (const r of named) into.file.add(r);
      continue;
    }
    const endLine = lines.positionAt(m.index + m[0].length).line;
    const target = m[2] === '-next-line' ? endLine + 1 : line;
    let set = into.lines.get(target);
    if (!set) into.lines.set(target, (set = new Set()));
    for (const r of named) set.add(r);
  }
}

/**
 * The suppressions of a YAML text after an edit, from those of the text before it (the
 * server's keystrokes), without scanning the whole text: a comment is one line (`#`, blanks,
 * `stratdoc-…` to the end of its line), so when neither the old nor the new text has
 * `stratdoc-` on the edited lines (widened over blanks on either side, which `#\s*` may
 * span), every comment lies wholly before the edit and keeps its lines, or wholly after
 * it and moves by the lines the edit added or removed. Returns false when a comment may be
 * touched (then the caller scans the whole text). `before`: the old text and its index.
 */
export function shiftSuppressions(
  prev: Suppressions,
  before: { text: TextSource; lines: LineIndex },
  edit: { prefix: number; suffix: number },
  text: TextSource,
  lines: LineIndex,
  into: Suppressions,
): boolean {
  const touched = (t: TextSource, li: LineIndex, a: number, b: number): boolean => {
    const { first, last } = editedLines(t, li, a, b);
    // Bounded: the window's text only (indexOf would run on to the end of the text).
    return t.slice(li.lineStart(first), li.lineEnd(last)).includes('stratdoc-');
  };
  if (touched(before.text, before.lines, edit.prefix, before.text.length - edit.suffix) || touched(text, lines, edit.prefix, text.length - edit.suffix))
    return false;
  const { first, dl, at } = lineAfterEdit(before.lines, edit, lines);
  for (const r of prev.file) into.file.add(r);
  for (const [l, set] of prev.lines) into.lines.set(at(l), set);
  for (const st of prev.ranges) into.ranges.push(st.line <= first || !dl ? st : { ...st, line: st.line + dl });
  for (const n of prev.names) into.names.push(n.range.start.line <= first || !dl ? n : { name: n.name, range: movedRange(n.range, dl) });
  return true;
}

/** The lines of `[a, b)` (an edit's span in `text`), widened over the blanks on either side. */
export function editedLines(text: TextSource, lines: LineIndex, a: number, b: number): { first: number; last: number } {
  while (a > 0 && /\s/.test(text.charAt(a - 1))) a--;
  while (b < text.length && /\s/.test(text.charAt(b))) b++;
  return { first: lines.positionAt(a).line, last: lines.positionAt(b).line };
}

/**
 * Where a line of the text before an edit stands after it (`at`): lines up to the edit's
 * first keep their numbers, those after move by the lines it added or removed (`dl`).
 * Only for lines the edit did not touch.
 */
export function lineAfterEdit(before: LineIndex, edit: { prefix: number }, lines: LineIndex): { first: number; dl: number; at: (l: number) => number } {
  const first = lines.positionAt(edit.prefix).line;
  const dl = lines.lineCount - before.lineCount;
  return { first, dl, at: (l) => (l <= first ? l : l + dl) };
}

/** Whether a suppression comment switches a rule off on a line. */
export function isSuppressed(sup: Suppressions, rule: string, line: number): boolean {
  if (sup.file.has(rule) || sup.file.has('*')) return true;
  const l = sup.lines.get(line);
  if (l && (l.has(rule) || l.has('*'))) return true;
  const ranges = sup.ranges;
  if (!ranges.length || line < ranges[0].line) return false;
  // The last state at or before the line.
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ranges[mid].line <= line) lo = mid;
    else hi = mid - 1;
  }
  const s = ranges[lo];
  return s.all ? !s.except.has(rule) : s.rules.has(rule);
}

export function detectLanguage(s: string): Lang | undefined {
  const w = words(s).join(' ');
  if (['de', 'deutsch', 'german', 'de de', 'de at', 'de ch'].includes(w)) return 'de';
  if (['en', 'english', 'englisch', 'en us', 'en gb'].includes(w)) return 'en';
  return undefined;
}

export function formatOf(uri: string): DocFormat | undefined {
  const p = uri.split(/[?#]/)[0].toLowerCase();
  if (p.endsWith('.md') || p.endsWith('.markdown')) return 'markdown';
  if (p.endsWith('.yaml') || p.endsWith('.yml')) return 'yaml';
  if (p.endsWith('.csv')) return 'csv';
  return undefined;
}

export function kindOfFileName(uri: string): DocKind | undefined {
  const p = uri.split(/[?#]/)[0].toLowerCase();
  if (/\.strategy\.(md|ya?ml)$/.test(p)) return 'strategy';
  if (/\.plan\.(md|ya?ml|csv)$/.test(p)) return 'plan';
  return undefined;
}

/** The kind a `stratdoc:` marker value names (German words accepted). */
export function kindOfMarker(v: string): DocKind | undefined {
  const w = words(v).join(' ');
  if (['strategy', 'strategie', 'social media strategy', 'social media strategie'].includes(w)) return 'strategy';
  if (['plan', 'redaktionsplan', 'editorial plan', 'content plan', 'themenplan'].includes(w)) return 'plan';
  return undefined;
}

/** A Markdown text's front matter (after a byte order mark), as readMarker finds it. */
export const FRONT_MATTER_RE = /^---[ \t]*\r?\n([\s\S]*?)(?:^|\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** The marker of a document, read cheaply without a full parse; undefined when none. */
export function readMarker(text: string, format: DocFormat): { value: string; offset: number } | undefined {
  // A CSV has no place for a marker: it is a plan by its name or the configuration (docs/format.md "CSV plans").
  if (format === 'csv') return undefined;
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shift = text.length - t.length;
  let region = t;
  let base = shift;
  if (format === 'markdown') {
    const m = FRONT_MATTER_RE.exec(t);
    if (!m) return undefined;
    region = m[1];
    base = shift + m[0].indexOf(m[1]);
  }
  return markerIn(region, base);
}

/**
 * The first `stratdoc:` line of a region of lines starting at offset `base` (readMarker; a
 * text in blocks is searched block by block, each block being whole lines).
 */
export function markerIn(region: string, base: number): { value: string; offset: number } | undefined {
  const re = /^stratdoc[ \t]*:[ \t]*["']?([^"'\r\n#]*?)["']?[ \t]*(?:#.*)?$/m;
  const mm = re.exec(region);
  if (!mm) return undefined;
  return { value: mm[1], offset: base + mm.index + mm[0].indexOf(mm[1], 'stratdoc'.length) };
}

/** Guesses the kind of a document that only the `include` globs made one. */
export function guessKind(text: string, format: DocFormat): DocKind {
  if (format === 'csv') return 'plan';
  if (format === 'yaml') return /^(entries|eintr(ä|ae)ge|beitr(ä|ae)ge|posts|items|content)\s*:/im.test(text) ? 'plan' : 'strategy';
  return /^\s*\|?\s*(datum|date|veröffentlichung|publish date)\s*\|/im.test(text) ? 'plan' : 'strategy';
}

/** Whether an error is the JavaScript engine running out of stack (a document nested thousands of levels deep). */
export function isTooDeep(e: unknown): boolean {
  return e instanceof RangeError || /call stack/i.test(String((e as { message?: unknown })?.message ?? e));
}

/** What the user reads instead of "Maximum call stack size exceeded". */
export function tooDeepMessage(): Text {
  return t(
    'This document is nested too deeply to read (lists, quotes or brackets thousands of levels deep). Flatten it to have it checked.',
    'Dieses Dokument ist zu tief verschachtelt, um es zu lesen (Listen, Zitate oder Klammern tausende Ebenen tief). Flachen Sie es ab, damit es geprüft wird.',
  );
}

/** A YAML parser error for the user: the parser's first line, never a JavaScript error text. */
export function yamlErrorText(message: string): Text | undefined {
  return isTooDeep(message) ? tooDeepMessage() : undefined;
}
