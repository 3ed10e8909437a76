/** Pieces both readers share: suppression comments, language, document detection. */
import type { Suppressions, DocKind, DocFormat } from '../model';
import type { Lang, LineIndex, Text } from '../text';
import { t } from '../text';
import { words } from '../vocab';

export function emptySuppressions(): Suppressions {
  return { file: new Set(), lines: new Map() };
}

function ruleList(s: string): string[] {
  const list = s.replace(/-->.*$/, '').split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);
  return list.length ? list : ['*'];
}

/**
 * Finds `<!-- stratdoc-disable RULE -->` and `<!-- stratdoc-disable-next-line RULE -->`
 * in Markdown, `# stratdoc-disable RULE` and `# stratdoc-disable-next-line RULE` in YAML.
 * Without a rule, every rule is meant.
 */
export function scanSuppressions(text: string, lines: LineIndex, format: DocFormat, into: Suppressions): void {
  if (!text.includes('stratdoc-disable')) return;
  const re = format === 'markdown'
    ? /<!--\s*stratdoc-disable(-next-line|-line)?\b([^]*?)-->/g
    : /#\s*stratdoc-disable(-next-line|-line)?\b([^\n\r]*)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const rules = ruleList(m[2]);
    if (!m[1]) {
      for (const r of rules) into.file.add(r);
      continue;
    }
    const endLine = lines.positionAt(m.index + m[0].length).line;
    const line = m[1] === '-next-line' ? endLine + 1 : lines.positionAt(m.index).line;
    let set = into.lines.get(line);
    if (!set) into.lines.set(line, (set = new Set()));
    for (const r of rules) set.add(r);
  }
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
  return undefined;
}

export function kindOfFileName(uri: string): DocKind | undefined {
  const p = uri.split(/[?#]/)[0].toLowerCase();
  if (/\.strategy\.(md|ya?ml)$/.test(p)) return 'strategy';
  if (/\.plan\.(md|ya?ml)$/.test(p)) return 'plan';
  return undefined;
}

/** The kind a `stratdoc:` marker value names (German words accepted). */
export function kindOfMarker(v: string): DocKind | undefined {
  const w = words(v).join(' ');
  if (['strategy', 'strategie', 'social media strategy', 'social media strategie'].includes(w)) return 'strategy';
  if (['plan', 'redaktionsplan', 'editorial plan', 'content plan', 'themenplan'].includes(w)) return 'plan';
  return undefined;
}

/** The marker of a document, read cheaply without a full parse; undefined when none. */
export function readMarker(text: string, format: DocFormat): { value: string; offset: number } | undefined {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shift = text.length - t.length;
  let region = t;
  let base = shift;
  if (format === 'markdown') {
    const m = /^---[ \t]*\r?\n([\s\S]*?)(?:^|\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(t);
    if (!m) return undefined;
    region = m[1];
    base = shift + m[0].indexOf(m[1]);
  }
  const re = /^stratdoc[ \t]*:[ \t]*["']?([^"'\r\n#]*?)["']?[ \t]*(?:#.*)?$/m;
  const mm = re.exec(region);
  if (!mm) return undefined;
  return { value: mm[1], offset: base + mm.index + mm[0].indexOf(mm[1], 'stratdoc'.length) };
}

/** Guesses the kind of a document that only the `include` globs made one. */
export function guessKind(text: string, format: DocFormat): DocKind {
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
