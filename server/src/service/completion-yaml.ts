/** Completion in YAML documents and Markdown front matter (service/completion.ts). */
import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../core/model';
import { t, type Text } from '../core/text';
import { ENTRY_LIST_KEYS, ITEM_SECTIONS, SECTIONS, idKey, isSectionKey, sectionsOfHeading, words, type SectionKey } from '../core/vocab';
import { hasSection, sectionName } from '../core/edit/templates';
import { dirnameUri } from '../core/uri';
import { type Cand, type Env, LIST_FIELDS, fit, keyField, rangeOn, valueSlot, wordAt } from './completion-base';
import { fieldValues } from './completion-values';
import { GERMAN_KEYS, ITEM_KEYS, type MapKind, keyCand } from './completion-keys';

// ------------------------------------------------------------------ YAML

interface YLine {
  indent: number;
  /** Column where the line's content starts, after indentation and `- ` markers. */
  content: number;
  /** Column of the last `-` marker, when the line has one. */
  dashCol?: number;
  body: string;
  blank: boolean;
}

function yline(text: string): YLine {
  const m = /^( *)((?:-(?:[ \t]+|$))*)(.*)$/.exec(text)!;
  const indent = m[1].length;
  const dashes = m[2];
  const body = m[3];
  let dashCol: number | undefined;
  if (dashes) dashCol = indent + dashes.lastIndexOf('-');
  return { indent, content: indent + dashes.length, dashCol, body, blank: !dashes && (!body.trim() || body.trimStart().startsWith('#')) };
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

export class YamlDoc {
  constructor(
    readonly doc: ParsedDocument,
    readonly lo: number,
    readonly hi: number,
  ) {}
  at(l: number): YLine {
    return yline(this.doc.lines.lineText(l));
  }
  /** The first non-blank line above `from` whose content starts before `limit`. */
  above(from: number, limit: number): number | undefined {
    for (let l = from - 1; l >= this.lo; l--) {
      const y = this.at(l);
      if (y.blank) continue;
      if (y.content < limit) return l;
    }
    return undefined;
  }
  /** What a top-level key holds: plan entries, or items of a strategy section. */
  topKind(key: string): MapKind | undefined {
    const folded = words(key).join(' ');
    if (this.doc.kind === 'plan') return ENTRY_KEYS.has(folded) ? 'entry' : undefined;
    const keys: SectionKey[] = isSectionKey(folded) ? [folded] : sectionsOfHeading(key);
    for (const k of keys) if (ITEM_SECTIONS[k]) return ITEM_SECTIONS[k];
    return undefined;
  }
  /** The kind of the mappings a key's value holds (a section's items, or one item by ID). */
  containerKind(line: number): MapKind | undefined {
    const y = this.at(line);
    const k = keyOf(y.body);
    if (!k || (k.value && !/^[{[]/.test(k.value))) return undefined;
    if (y.content === 0) return y.dashCol === undefined ? this.topKind(k.key) : undefined;
    if (y.dashCol !== undefined) return undefined;
    // `G1:` under `goals:`: an item written by its ID (not a key of a `- ` item's mapping).
    let gp: number | undefined;
    for (let l = line - 1; l >= this.lo; l--) {
      const s = this.at(l);
      if (s.blank || s.content > y.content) continue;
      if (s.content === y.content) {
        if (s.dashCol !== undefined) return undefined;
        continue;
      }
      gp = l;
      break;
    }
    if (gp === undefined) return undefined;
    const g = this.at(gp);
    const gk = keyOf(g.body);
    if (g.content !== 0 || g.dashCol !== undefined || !gk || gk.value) return undefined;
    const kind = this.topKind(gk.key);
    return kind === 'entry' ? undefined : kind;
  }
}

export function yamlCompletion(env: Env, lo: number, hi: number): CompletionItem[] {
  const y = new YamlDoc(env.doc, lo, hi);
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
  const cur = y.at(line);
  const top = line >= lo && cur.content === 0 && cur.dashCol === undefined;

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
      const c = y.above(line, cur.dashCol + 1);
      kind = c !== undefined ? y.containerKind(c) : undefined;
    } else if (stack.length === 1 && f.pos > cur.content) {
      kind = y.containerKind(line);
    }
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
    return yamlKeys(env, y, ch, false, rangeOn(line, ch, ch), true);
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
    const c = y.above(line, cur.dashCol + 1);
    if (c === undefined) return [];
    const cy = y.at(c);
    const ck = keyOf(cy.body);
    if (!ck || ck.value) return [];
    if (cy.content === 0 && cy.dashCol === undefined) {
      // `- ` under `entries:` or a section: a new item, typed key first.
      if (/["'@]/.test(bodyBefore)) return [];
      const [a, b] = wordAt(text, ch);
      return yamlKeys(env, y, cur.content, true, rangeOn(line, Math.max(a, bodyStart), b), !/^\s*:/.test(afterWord));
    }
    // `- K` under `kpis:`: a value of the list.
    const field = keyField(env, ck.key);
    if (!field) return [];
    const slot = valueSlot(env, bodyStart, text.length, false, 'yaml');
    const taken = new Set<string>();
    for (let l = c + 1; l < hi; l++) {
      if (l === line) continue;
      const s = y.at(l);
      if (s.blank) continue;
      if (s.dashCol !== cur.dashCol) break;
      const v = s.body
        .replace(/(^|\s)#.*$/, '')
        .trim()
        .replace(/^["']|["']$/g, '');
      if (v) taken.add(idKey(v));
    }
    slot.taken = taken;
    return fit(fieldValues(env, field, 'yaml'), slot);
  }
  if (/["'@]/.test(bodyBefore)) return [];
  const [a, b] = wordAt(text, ch);
  return yamlKeys(env, y, cur.content, false, rangeOn(line, Math.max(a, bodyStart), b), !/^\s*:/.test(afterWord));
}

/** The keys missing from the mapping whose key column is `col` at the cursor's line. */
function yamlKeys(env: Env, y: YamlDoc, col: number, startsHere: boolean, range: Range, withColon: boolean): CompletionItem[] {
  const line = env.line;
  const existing: string[] = [];
  // The line of the key that holds this mapping (`entries:`, `goals:`, `G1:`).
  let container: number | undefined;
  let top = false;
  if (startsHere) {
    container = y.above(line, y.at(line).dashCol! + 1);
  } else {
    let decided = false;
    for (let l = line - 1; l >= y.lo; l--) {
      const s = y.at(l);
      if (s.blank || s.content > col) continue;
      if (s.content === col) {
        const k = keyOf(s.body);
        if (k) existing.push(k.key);
        if (s.dashCol !== undefined) {
          container = y.above(l, s.dashCol + 1);
          decided = true;
          break;
        }
        continue;
      }
      // A mapping right under a top-level key is the section's map of items by ID, not an item.
      if (s.content === 0) return [];
      container = l;
      decided = true;
      break;
    }
    top = !decided && col === 0;
  }
  for (let l = line + 1; l < y.hi; l++) {
    const s = y.at(l);
    if (s.blank || s.content > col) continue;
    if (s.content === col && s.dashCol === undefined) {
      const k = keyOf(s.body);
      if (k) existing.push(k.key);
      continue;
    }
    break;
  }
  if (top) return topKeys(env, existing, range, withColon);
  const kind = container !== undefined ? y.containerKind(container) : undefined;
  if (!kind) return [];
  return keyItems(env, kind, existing, range, 'yaml', withColon);
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
