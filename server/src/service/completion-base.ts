/**
 * What every part of completion (service/completion.ts) shares: the cursor's environment,
 * candidates and the slot they replace, the field a key means (the core's mapping), and
 * the document's language.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../core/model';
import type { Project } from '../core/project';
import { type Lang } from '../core/text';
import { fieldOf, planFieldOf, idKey, type FieldName } from '../core/vocab';
import { docLanguage } from '../core/edit/templates';
import { type ServiceContext } from './context';

// ------------------------------------------------------------------ plumbing

export interface Env {
  ctx: ServiceContext;
  doc: ParsedDocument;
  project: Project | undefined;
  line: number;
  ch: number;
  /** The text of the cursor's line. */
  text: string;
  /** The user's language (details, documentation). */
  ui: Lang;
  /** The document's language (values and keys inserted into it). */
  readonly lang: Lang;
}

/**
 * The field a key or column header stands for, as the core's reader decides it: in a plan
 * the one mapping of plan columns and entry keys (vocab.ts `planFieldOf`, so `assignee:`,
 * a `Zuständig` or `Zielbezug` column offer what `owner` and `goals` do), elsewhere the
 * fields of docs/format.md.
 */
export function keyField(env: Env, key: string): FieldName | undefined {
  return env.doc.kind === 'plan' ? planFieldOf(key) : fieldOf(key);
}

/** The document's own `language`, else its strategy's, else guessed from its headings and words. */
export function documentLanguage(env: Env): Lang {
  if (env.doc.language) return env.doc.language;
  const s = env.project?.strategy;
  if (env.doc.kind === 'plan' && s?.language) return s.language;
  return docLanguage(env.doc);
}

/** A value offered before it is fitted into the place where it goes. */
export interface Cand {
  label: string;
  /** The text inserted, when it differs from the label (unquoted). */
  insert?: string;
  detail?: string;
  doc?: string;
  kind: CompletionItemKind;
  /** A person's ID: written `@id` in Markdown; in YAML plain, or quoted `"@id"` where needed. */
  person?: string;
  /** Always quote in YAML (an `@handle` in resources). */
  quote?: boolean;
  command?: boolean;
}

/** Where a value goes: the range it replaces and how it is written there. */
interface Slot {
  range: Range;
  /** What was typed so far (from the range's start to the cursor). */
  typed: string;
  format: 'yaml' | 'markdown';
  /** The cursor stands right after a `:`: the value needs a space before it. */
  space?: boolean;
  /** Values already in the same list, not offered again (folded IDs). */
  taken?: Set<string>;
}

function pad(i: number): string {
  return String(i).padStart(4, '0');
}

function md(value: string): { kind: MarkupKind; value: string } {
  return { kind: MarkupKind.Markdown, value };
}

export function esc(s: string): string {
  return s.replace(/([\\`*_{}[\]()#+!|<>])/g, '\\$1');
}

export function rangeOn(line: number, a: number, b: number): Range {
  return { start: { line, character: a }, end: { line, character: b } };
}

/** Fits candidates into a slot: quoting, the leading space, the range, the order. */
export function fit(cands: Cand[], slot: Slot): CompletionItem[] {
  const typedQuote = /^["']/.exec(slot.typed)?.[0];
  const out: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const c of cands) {
    let bare = c.insert ?? c.label;
    let quoted = false;
    if (slot.format === 'yaml') {
      // An unquoted `@` is a YAML error: a handle is written plain, or quoted with its `@`.
      if (c.person !== undefined && (typedQuote || slot.typed.startsWith('@') || c.quote)) bare = '@' + c.person;
      quoted = !!typedQuote || bare.startsWith('@');
    }
    if (slot.taken?.has(idKey(bare))) continue;
    const key = bare.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    let text = bare;
    if (quoted) text = typedQuote === "'" ? `'${bare.replace(/'/g, "''")}'` : JSON.stringify(bare);
    const filter = typedQuote ? text : slot.typed.startsWith('@') ? (c.person !== undefined ? '@' + c.person : c.label) : c.label.replace(/^@/, '');
    if (slot.space) text = ' ' + text;
    const item: CompletionItem = {
      label: c.label,
      kind: c.kind,
      sortText: pad(out.length),
      textEdit: { range: slot.range, newText: text },
    };
    if (filter !== c.label) item.filterText = filter;
    if (c.detail) item.detail = c.detail;
    if (c.doc) item.documentation = md(c.doc);
    if (c.command) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
    out.push(item);
  }
  return out;
}

/** The word at the cursor: letters, digits, `_ . - @` (start and end columns). */
export function wordAt(text: string, ch: number): [number, number] {
  let a = ch;
  while (a > 0 && /[\p{L}\p{N}_.@-]/u.test(text[a - 1])) a--;
  let b = ch;
  while (b < text.length && /[\p{L}\p{N}_.-]/u.test(text[b])) b++;
  // A sentence's full stop after the word is not part of it.
  while (b > ch && /[.-]/.test(text[b - 1])) b--;
  return [a, b];
}

export const LIST_FIELDS = new Set<FieldName>(['goals', 'kpis', 'audiences', 'resources']);

/**
 * The slot of a value that starts at `start` and ends at `end` on the cursor's line:
 * in list fields the part between separators, else the whole value.
 */
export function valueSlot(env: Env, start: number, end: number, list: boolean, format: 'yaml' | 'markdown', seps = /[,;]/): Slot {
  const { text, ch, line } = env;
  let a = start;
  let b = end;
  if (list) {
    for (let i = ch - 1; i >= start; i--)
      if (seps.test(text[i])) {
        a = i + 1;
        break;
      }
    for (let i = ch; i < end; i++)
      if (seps.test(text[i])) {
        b = i;
        break;
      }
  }
  while (a < ch && /\s/.test(text[a])) a++;
  while (b > ch && /\s/.test(text[b - 1])) b--;
  if (b < ch) b = ch;
  const taken = new Set<string>();
  if (list) {
    let off = start;
    for (const part of text.slice(start, end).split(seps)) {
      const mine = off <= ch && ch <= off + part.length;
      off += part.length + 1;
      const id = part.trim().replace(/^["'[]+|["'\]]+$/g, '');
      if (id && !mine) taken.add(idKey(id));
    }
  }
  // Right after `:`, `,` or a table's `|` the value gets a space before it.
  const space = a === ch && a > 0 && /[:,|]/.test(text[a - 1]);
  return { range: rangeOn(line, a, b), typed: text.slice(a, ch), format, space, taken };
}
