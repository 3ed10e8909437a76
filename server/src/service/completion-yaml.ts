/** Completion in YAML documents and Markdown front matter (service/completion.ts). */
import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import type { Field, Item } from '../core/model';
import { positionIndex, type PositionIndex } from '../core/position';
import { t, type Text } from '../core/text';
import { ENTRY_LIST_KEYS, ITEM_SECTIONS, SECTIONS, idKey, isSectionKey, sectionsOfHeading, words, type SectionKey } from '../core/vocab';
import { hasSection, sectionName } from '../core/edit/templates';
import { dirnameUri } from '../core/uri';
import { type Cand, type Env, LIST_FIELDS, fit, keyField, rangeOn, valueSlot, wordAt } from './completion-base';
import { fieldValues } from './completion-values';
import { GERMAN_KEYS, ITEM_KEYS, type MapKind, keyCand } from './completion-keys';

// ------------------------------------------------------------------ YAML

/** The cursor's line as a YAML block line: its indentation, `- ` markers and body (no other line is read). */
interface YLine {
  indent: number;
  /** Column where the line's content starts, after indentation and `- ` markers. */
  content: number;
  /** Column of the last `-` marker, when the line has one. */
  dashCol?: number;
  body: string;
}

function yline(text: string): YLine {
  const m = /^( *)((?:-(?:[ \t]+|$))*)(.*)$/.exec(text)!;
  const indent = m[1].length;
  const dashes = m[2];
  let dashCol: number | undefined;
  if (dashes) dashCol = indent + dashes.lastIndexOf('-');
  return { indent, content: indent + dashes.length, dashCol, body: m[3] };
}

export const KEY_RE = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{},:][^#]*?)[ \t]*:(?:[ \t]+|$)(.*)$/;

export function keyOf(body: string): { key: string; value: string } | undefined {
  const m = KEY_RE.exec(body);
  if (!m) return undefined;
  let key = m[1];
  if (/^["']/.test(key)) key = key.slice(1, -1);
  return { key, value: m[2].replace(/(^|\s)#.*$/, '').trim() };
}

const ENTRY_KEYS = ENTRY_LIST_KEYS;

/** What a top-level key holds: plan entries, or items of a strategy section (as the reader names its sections). */
function topKind(env: Env, key: string): MapKind | undefined {
  const folded = words(key).join(' ');
  if (env.doc.kind === 'plan') return ENTRY_KEYS.has(folded) ? 'entry' : undefined;
  const keys: SectionKey[] = isSectionKey(folded) ? [folded] : sectionsOfHeading(key);
  for (const k of keys) if (ITEM_SECTIONS[k]) return ITEM_SECTIONS[k];
  return undefined;
}

/**
 * The `- ` at `dashCol` on the cursor's line begins an item of a top-level key's list (an
 * entry, a goal…) when no mapping the reader read above it in that key's value has its keys
 * at or left of the dash (else it is a value of that mapping's list). Returns the top-level
 * key, or undefined for a value of a mapping's list.
 */
function listOfTopKey(index: PositionIndex, line: number, dashCol: number): { key: string } | undefined {
  const top = index.topKeyAt(line);
  if (!top || top.keyRange.start.line === line) return undefined;
  const m = index.mappingAbove(line);
  if (m && (m.column ?? m.start.character) <= dashCol) return undefined;
  return top;
}

/**
 * The mapping whose keys stand at column `col` that the cursor's line continues (the last
 * one the reader read above it: an entry, an item, an item without an ID yet), and its
 * keys but those on the cursor's line. An item written as its ID alone (`G1:`, whose value
 * YAML reads from a word typed below it) takes its first keys at any deeper column.
 */
function mappingAt(index: PositionIndex, line: number, col: number): { kind: MapKind; keys: string[] } | undefined {
  const here = index.mappingOn(line);
  const m = here && here.column === col ? here : index.mappingAbove(line);
  if (!m) return undefined;
  if (m.column === col) return { kind: m.kind, keys: m.keys.filter((k) => k.keyRange.start.line !== line).map((k) => k.key) };
  if (m.column === undefined && col > m.start.character && m.fields.every((f) => f.range.start.line > m.start.line)) return { kind: m.kind, keys: [] };
  return undefined;
}

export function yamlCompletion(env: Env): CompletionItem[] {
  const index = positionIndex(env.doc, env.ctx.ws.derived);
  const { text, ch, line } = env;
  const before = text.slice(0, ch);

  // Scan the line up to the cursor: quotes, flow brackets, comments.
  type Frame = { ch: '[' | '{'; pos: number; sep: number };
  const stack: Frame[] = [];
  let quote: string | undefined;
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(before[i - 1]))) return [];
    if (c === '"' || c === "'") {
      if (/(^|[\s:[{,-])$/.test(before.slice(0, i))) quote = c;
      continue;
    }
    if (c === '[' || c === '{') stack.push({ ch: c, pos: i, sep: i });
    else if (c === ']' || c === '}') stack.pop();
    else if (c === ',') {
      if (stack.length) stack[stack.length - 1].sep = i;
    }
  }
  const cur = yline(text);
  const top = cur.content === 0 && cur.dashCol === undefined;

  if (stack.length) {
    const f = stack[stack.length - 1];
    const seg = before.slice(f.sep + 1);
    if (f.ch === '[') {
      const owner = /([^\s:,{}[\]#"']+|"[^"]*"|'[^']*')\s*:\s*$/.exec(before.slice(0, f.pos));
      if (!owner) return [];
      const field = keyField(env, owner[1].replace(/^["']|["']$/g, ''));
      const close = text.indexOf(']', ch);
      const slot = valueSlot(env, f.pos + 1, close >= 0 ? close : text.length, true, 'yaml');
      return fit(fieldValues(env, field, 'yaml'), slot);
    }
    // Inside a flow mapping `{ id: G1, type: … }`.
    const kv = /^\s*([^\s:,{}[\]#]+|"[^"]*"|'[^']*')\s*:(\s*)(.*)$/.exec(seg);
    if (kv) {
      const field = keyField(env, kv[1].replace(/^["']|["']$/g, ''));
      const start = f.sep + 1 + seg.length - kv[3].length;
      let end = text.length;
      for (let i = ch; i < text.length; i++)
        if (text[i] === ',' || text[i] === '}') {
          end = i;
          break;
        }
      return fit(fieldValues(env, field, 'yaml'), valueSlot(env, start, end, field ? LIST_FIELDS.has(field) : false, 'yaml'));
    }
    if (!/^\s*[\p{L}\p{N}_-]*$/u.test(seg)) return [];
    // A key inside the flow mapping: the keys it does not have yet.
    let kind: MapKind | undefined;
    if (stack.length === 1 && cur.dashCol !== undefined && f.pos >= cur.content) {
      // `- { … }`: an item of a top-level key's list.
      const k = listOfTopKey(index, line, cur.dashCol);
      kind = k && topKind(env, k.key);
    } else if (stack.length === 1 && f.pos > cur.content) kind = flowOwnerKind(env, index, cur);
    if (!kind) return [];
    const existing = [...text.slice(f.pos).matchAll(/[{,]\s*([^\s:,{}[\]#"']+)\s*:/g)].map((m) => m[1]);
    const [a, b] = wordAt(text, ch);
    const start = Math.max(a, f.sep + 1 + (seg.length - seg.trimStart().length));
    return keyItems(env, kind, existing, rangeOn(line, start, b), 'yaml', !/^\s*:/.test(text.slice(b)));
  }

  // Block context: `key: value`, `- key: value`, `- value`, or a key being typed.
  if (cur.dashCol === undefined && line > 0 && cur.indent === 0 && cur.content === 0 && /^(---|\.\.\.)/.test(text)) return [];
  const bodyStart = cur.content;
  if (ch < bodyStart) {
    // The cursor in the indentation: a key at this column.
    if (text.trim()) return [];
    return yamlKeys(env, index, ch, false, rangeOn(line, ch, ch), true);
  }
  const bodyBefore = before.slice(bodyStart);
  const kvm = KEY_RE.exec(bodyBefore);
  if (kvm && !quote) {
    const k = kvm[1].replace(/^["']|["']$/g, '');
    const valueStart = bodyStart + bodyBefore.length - kvm[2].length;
    if (/^[|>]/.test(kvm[2])) return [];
    let end = text.length;
    const hash = text.slice(valueStart).search(/\s#/);
    if (hash >= 0) end = valueStart + hash;
    if (top) return fit(metaValues(env, k), valueSlot(env, valueStart, end, false, 'yaml'));
    const field = keyField(env, k);
    if (!field) return [];
    return fit(fieldValues(env, field, 'yaml'), valueSlot(env, valueStart, end, LIST_FIELDS.has(field), 'yaml'));
  }
  if (kvm && quote) {
    const k = kvm[1].replace(/^["']|["']$/g, '');
    const valueStart = bodyStart + bodyBefore.length - kvm[2].length;
    const field = top ? undefined : keyField(env, k);
    const cands = top ? metaValues(env, k) : fieldValues(env, field, 'yaml');
    return fit(cands, valueSlot(env, valueStart, text.length, field ? LIST_FIELDS.has(field) : false, 'yaml'));
  }
  // No colon before the cursor.
  if (!/^["']?[\p{L}\p{N}_.@-]*$/u.test(bodyBefore)) return [];
  const afterWord = text.slice(wordAt(text, ch)[1]);
  if (cur.dashCol !== undefined) {
    if (listOfTopKey(index, line, cur.dashCol)) {
      // `- ` under `entries:` or a section: a new item, typed key first.
      if (/["'@]/.test(bodyBefore)) return [];
      const [a, b] = wordAt(text, ch);
      return yamlKeys(env, index, cur.content, true, rangeOn(line, Math.max(a, bodyStart), b), !/^\s*:/.test(afterWord));
    }
    // `- K` under `kpis:`: a value of the list.
    const list = listAbove(index, line, cur.dashCol);
    const field = list && keyField(env, list.key);
    if (!field) return [];
    const slot = valueSlot(env, bodyStart, text.length, false, 'yaml');
    const taken = new Set<string>();
    for (const it of list.items ?? []) if (it.range.start.line !== line && it.value) taken.add(idKey(it.value));
    slot.taken = taken;
    return fit(fieldValues(env, field, 'yaml'), slot);
  }
  if (/["'@]/.test(bodyBefore)) return [];
  const [a, b] = wordAt(text, ch);
  return yamlKeys(env, index, cur.content, false, rangeOn(line, Math.max(a, bodyStart), b), !/^\s*:/.test(afterWord));
}

/**
 * `G1: {` or `goals: {` on the cursor's line: the kind of the mapping its key holds (a
 * top-level key's items, or the item the reader read by that ID under a section).
 */
function flowOwnerKind(env: Env, index: PositionIndex, cur: YLine): MapKind | undefined {
  const k = keyOf(cur.body);
  if (!k || (k.value && !/^[{[]/.test(k.value))) return undefined;
  if (cur.content === 0) return cur.dashCol === undefined ? topKind(env, k.key) : undefined;
  if (cur.dashCol !== undefined) return undefined;
  const m = index.mappingOn(env.line);
  if (!m || m.kind === 'entry' || 'item' in m.of) return undefined;
  const id = (m.of as Item).idRange.start;
  return id.line === env.line && id.character === cur.content ? m.kind : undefined;
}

/** The list field (a key with its values on the lines below) of the mapping above whose values the `- ` at `dashCol` on the line continues. */
function listAbove(index: PositionIndex, line: number, dashCol: number): Field | undefined {
  const m = index.mappingAbove(line);
  if (!m) return undefined;
  let found: Field | undefined;
  for (const f of m.fields) if (f.keyRange.start.line < line && f.keyRange.start.character <= dashCol) found = f;
  if (!found || (found.raw && found.range.start.line <= found.keyRange.start.line)) return undefined;
  return found;
}

/** The keys missing from the mapping whose key column is `col` at the cursor's line (the reader's, core/position.ts). */
function yamlKeys(env: Env, index: PositionIndex, col: number, startsHere: boolean, range: Range, withColon: boolean): CompletionItem[] {
  const line = env.line;
  if (startsHere) {
    // A new item of a top-level key's list: its keys are those of the mapping the word begins (its owner).
    const t0 = index.topKeyAt(line);
    const kind = t0 && topKind(env, t0.key);
    if (!kind) return [];
    // The word's owner when it is half-typed (or the mapping without an ID that follows it),
    // else the mapping the reader read from this line on.
    const half = index.halfWordOn(line);
    const owner = half?.owner;
    const here = index.mappingOn(half ? line + 1 : line);
    const of = owner && typeof owner === 'object' && !('keys' in owner) ? index.mapping(owner) : here && here.column === col ? here : undefined;
    const existing = of ? of.keys.filter((k) => k.keyRange.start.line !== line).map((k) => k.key) : [];
    return keyItems(env, kind, existing, range, 'yaml', withColon);
  }
  if (col === 0) {
    const existing = (env.doc.topKeys ?? []).filter((k) => k.keyRange.start.line !== line).map((k) => k.key);
    return topKeys(env, existing, range, withColon);
  }
  const m = mappingAt(index, line, col);
  if (!m) return [];
  return keyItems(env, m.kind, m.keys, range, 'yaml', withColon);
}

/** Keys of an item or entry that it does not have yet. */
export function keyItems(env: Env, kind: MapKind, existing: string[], range: Range, format: 'yaml' | 'markdown', withColon: boolean): CompletionItem[] {
  const have = new Set(existing.map((k) => keyField(env, k) ?? words(k).join(' ')));
  const german = format === 'markdown' ? env.lang === 'de' : existing.some((k) => GERMAN_KEYS.has(words(k).join(' ')));
  const keys = ITEM_KEYS[kind].filter(([f]) => !have.has(f) && !(format === 'markdown' && (f === 'id' || f === 'title')));
  const cands: Cand[] = [];
  if (format === 'markdown')
    for (const [f, en, de] of keys) cands.push(keyCand(env, f, german ? de : f === 'kpis' ? 'KPIs' : en[0].toUpperCase() + en.slice(1), withColon));
  else {
    if (german) for (const [f, , de] of keys) cands.push(keyCand(env, f, de, withColon));
    for (const [f, en] of keys) cands.push(keyCand(env, f, en, withColon));
  }
  const typed = env.text.slice(range.start.character, env.ch);
  return fit(cands, { range, typed, format });
}

const META_KEYS: Record<'plan' | 'strategy', [string, Text][]> = {
  plan: [
    ['stratdoc', t('the kind of document: plan', 'die Art des Dokuments: plan')],
    ['title', t('title', 'Titel')],
    ['language', t('language of the document: de or en', 'Sprache des Dokuments: de oder en')],
    ['strategy', t('relative path of the strategy', 'relativer Pfad der Strategie')],
    ['period', t('start..end, e.g. 2027-01-01..2027-03-31', 'Beginn..Ende, z. B. 2027-01-01..2027-03-31')],
    ['entries', t('the entries of the plan', 'die Einträge des Plans')],
  ],
  strategy: [
    ['stratdoc', t('the kind of document: strategy', 'die Art des Dokuments: strategy')],
    ['title', t('title', 'Titel')],
    ['language', t('language of the document: de or en', 'Sprache des Dokuments: de oder en')],
    ['period', t('start..end, e.g. 2027-01-01..2027-12-31', 'Beginn..Ende, z. B. 2027-01-01..2027-12-31')],
  ],
};

/** Top-level keys: the document's own (stratdoc, title…), and in YAML strategies the missing sections. */
export function topKeys(env: Env, existing: string[], range: Range, withColon: boolean, frontMatter = false): CompletionItem[] {
  const have = new Set(existing.map((k) => words(k).join(' ')));
  const alias: Record<string, string[]> = { title: ['titel'], language: ['sprache'], period: ['zeitraum'], strategy: ['strategie'], entries: [...ENTRY_KEYS] };
  const cands: Cand[] = [];
  for (const [k, what] of META_KEYS[env.doc.kind]) {
    if (frontMatter && k === 'entries') continue;
    if (have.has(k) || (alias[k] ?? []).some((a) => have.has(a))) continue;
    cands.push({
      label: k,
      insert: withColon ? `${k}: ` : k,
      kind: CompletionItemKind.Property,
      detail: what[env.ui],
      command: withColon && ['stratdoc', 'language', 'strategy'].includes(k),
    });
  }
  if (env.doc.kind === 'strategy' && env.doc.format === 'yaml') {
    for (const s of SECTIONS) {
      if (hasSection(env.doc, s.key) || have.has(s.key)) continue;
      const name = sectionName(env.doc, s.key).replace(/:$/, '');
      cands.push({ label: name, insert: withColon ? `${name}:` : name, kind: CompletionItemKind.Module, detail: stepDetail(env, s.key) });
    }
  }
  const typed = env.text.slice(range.start.character, env.ch);
  return fit(cands, { range, typed, format: 'yaml' });
}

export function stepDetail(env: Env, key: SectionKey): string {
  const step = SECTIONS.find((s) => s.key === key)?.step;
  return step ? t(`Step ${step} of 8`, `Schritt ${step} von 8`)[env.ui] : t('section', 'Abschnitt')[env.ui];
}

/** Values of the document's own top-level keys. */
export function metaValues(env: Env, key: string): Cand[] {
  const k = words(key).join(' ');
  if (k === 'stratdoc')
    return [
      { label: env.doc.kind, kind: CompletionItemKind.EnumMember },
      { label: env.doc.kind === 'plan' ? 'strategy' : 'plan', kind: CompletionItemKind.EnumMember },
    ];
  if (k === 'language' || k === 'sprache')
    return [
      { label: 'de', kind: CompletionItemKind.EnumMember, detail: 'Deutsch' },
      { label: 'en', kind: CompletionItemKind.EnumMember, detail: 'English' },
    ];
  if ((k === 'strategy' || k === 'strategie') && env.doc.kind === 'plan') {
    const out: Cand[] = [];
    for (const d of env.ctx.ws.documents()) {
      if (d.kind !== 'strategy') continue;
      const rel = relativePath(dirnameUri(env.doc.uri), d.uri);
      if (rel) out.push({ label: rel, kind: CompletionItemKind.File, detail: d.title });
    }
    return out.sort((a, b) => a.label.split('/').length - b.label.split('/').length || (a.label < b.label ? -1 : 1));
  }
  return [];
}

/** A relative path from a folder URI to a file URI (`../strategie.md`); undefined across schemes. */
function relativePath(folder: string, to: string): string | undefined {
  const f = folder.split('/');
  const t2 = to.split('/');
  if (f[0] !== t2[0]) return undefined;
  f.pop();
  let i = 0;
  while (i < f.length && i < t2.length - 1 && f[i] === t2[i]) i++;
  const up = f.length - i;
  return decodeURIComponent([...new Array<string>(up).fill('..'), ...t2.slice(i)].join('/'));
}
