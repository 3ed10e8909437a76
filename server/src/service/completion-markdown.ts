/** Completion in Markdown and CSV documents (service/completion.ts): table cells by column, `Key:` fields of items, missing step headings, comments. */
import { positionIndex } from '../core/position';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import type { Field, ItemKind } from '../core/model';
import { SECTIONS, SECTION_BY_KEY, STEP_KEYS, stripNumbering } from '../core/vocab';
import { hasSection, sectionName } from '../core/edit/templates';
import { ALL_RULES } from '../core/rules';
import { type Cand, type Env, LIST_FIELDS, fit, keyField, rangeOn, valueSlot, wordAt } from './completion-base';
import { fieldValues, itemCands } from './completion-values';
import { KEY_RE, keyItems, metaValues, stepDetail, topKeys } from './completion-yaml';

// ------------------------------------------------------------------ Markdown

const DELIM_RE = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * In a CSV plan only a cell's value is completed, by its column's field (docs/format.md
 * "CSV plans"): the values are written as in a Markdown table (IDs, @handles), which
 * hold no delimiter or quote. Keys, comments and sections have no place in a CSV.
 */
export function csvCompletion(env: Env): CompletionItem[] {
  // The row from the model's position index; the cell is the field whose value holds the cursor.
  const entry = positionIndex(env.doc, env.ctx.ws.derived).entryAt({ line: env.line, character: env.ch });
  for (const f of entry?.fields ?? []) {
    const { start, end } = f.range;
    if (start.line !== env.line || end.line !== env.line || env.ch < start.character || env.ch > end.character) continue;
    return fit(fieldValues(env, f.name, 'markdown'), { range: f.range, typed: env.text.slice(start.character, env.ch), format: 'markdown' });
  }
  return [];
}

export function markdownCompletion(env: Env): CompletionItem[] {
  const { doc, line, ch, text } = env;
  const before = text.slice(0, ch);

  // Front matter: the document's own keys (the reader's, but the one on the cursor's line).
  const index = positionIndex(doc, env.ctx.ws.derived);
  const fm = doc.frontMatter;
  if (fm && index.inFrontMatter({ line, character: ch })) {
    if (line === fm.range.start.line || line === fm.range.end.line) return [];
    // Indented or a sequence item: no key of the document.
    if (/^ |^-(?:[ \t]|$)/.test(text)) return [];
    const kv = KEY_RE.exec(before);
    if (kv) {
      const valueStart = before.length - kv[2].length;
      return fit(metaValues(env, kv[1].replace(/^["']|["']$/g, '')), valueSlot(env, valueStart, text.length, false, 'yaml'));
    }
    if (!/^[\p{L}_-]*$/u.test(before)) return [];
    const existing = fm.keys.filter((k) => k.keyRange.start.line !== line).map((k) => k.key);
    const [a, b] = wordAt(text, ch);
    return topKeys(env, existing, rangeOn(line, a, b), !/^\s*:/.test(text.slice(b)), true);
  }
  if (index.inFence({ line, character: ch })) return [];

  // `<!-- stratdoc: goals -->` and `<!-- stratdoc-disable RULE -->` (and -enable, -file…).
  const comment = /<!--\s*stratdoc(-(?:disable|enable)(?:-next-line|-line|-file)?)?\s*(:)?\s*((?:[\w-]+[\s,]+)*)([\w-]*)$/.exec(before);
  if (comment && (comment[1] || comment[2])) {
    const a = ch - comment[4].length;
    const [, b] = wordAt(text, ch);
    const range = rangeOn(line, a, b);
    const cands: Cand[] = comment[1]
      ? ALL_RULES.map((r) => ({ label: r.meta.id, kind: CompletionItemKind.Value, detail: r.meta.description[env.ui] }))
      : SECTIONS.map((s) => ({ label: s.key, kind: CompletionItemKind.Module, detail: `${s[env.ui][0]} · ${stepDetail(env, s.key)}` }));
    return fit(cands, { range, typed: text.slice(a, ch), format: 'markdown' });
  }

  // `## ` in a strategy: the headings of the missing steps.
  const h2 = /^##[ \t]+/.exec(before);
  if (h2 && doc.kind === 'strategy' && !/#/.test(before.slice(h2[0].length))) {
    let end = text.length;
    while (end > ch && /\s/.test(text[end - 1])) end--;
    const range = rangeOn(line, h2[0].length, end);
    const cands: Cand[] = [];
    for (const key of [...STEP_KEYS, ...SECTIONS.filter((s) => !s.step).map((s) => s.key)]) {
      if (hasSection(doc, key)) continue;
      // Steps are numbered like the document's headings; the other sections are not steps.
      const named = sectionName(doc, key).replace(/^##\s+/, '');
      const heading = SECTION_BY_KEY.get(key)?.step ? named : stripNumbering(named);
      cands.push({ label: heading, kind: CompletionItemKind.Module, detail: stepDetail(env, key) });
    }
    return fit(cands, { range, typed: text.slice(h2[0].length, ch), format: 'markdown' });
  }
  if (/^\s{0,3}#/.test(text)) return [];

  // `@` anywhere: the team.
  const [wa, wb] = wordAt(text, ch);
  const word = text.slice(wa, ch);
  if (word.startsWith('@') && (wa === 0 || !/[\p{L}\p{N}_.]/u.test(text[wa - 1]))) {
    return fit(itemCands(env, 'person', 'markdown'), { range: rangeOn(line, wa, wb), typed: word, format: 'markdown' });
  }

  // A table cell: the values of its column.
  if (text.includes('|')) {
    const cell = tableCell(env);
    if (cell) return cell;
  }

  // `- Key: value`: the values of the field.
  const li = /^(\s*)(?:[-*+]|\d+[.)])[ \t]+(?:\*\*|__)?([^:*_\n|]{1,60}?)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*/.exec(before);
  if (li) {
    const field = keyField(env, li[2]);
    if (!field) return [];
    let end = text.length;
    const c = text.indexOf('<!--', li[0].length);
    if (c >= 0) end = c;
    return fit(fieldValues(env, field, 'markdown'), valueSlot(env, li[0].length, end, LIST_FIELDS.has(field), 'markdown'));
  }

  // `- ` under an item: the fields it does not have yet.
  const bare = /^(\s*)[-*+][ \t]+([\p{L}\p{N}_-]*)$/u.exec(before);
  if (bare) {
    const found = markdownItemAt(env);
    if (!found) return [];
    return keyItems(env, found.kind, found.keys, rangeOn(line, ch - bare[2].length, wb), 'markdown', !/^\s*:/.test(text.slice(wb)));
  }
  return [];
}

/** Positions of the unescaped pipes of a table line. */
function pipes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s[i] === '|') out.push(i);
  }
  return out;
}

/**
 * A table cell: the values of its column's field, the reader's name of the column: the
 * entry's `table.columns` where the row is a plan entry, else the header the reader read
 * for the table the row is in (`ParsedDocument.tables`: strategy tables, a row not yet an
 * entry), both through the position index (docs/decisions.md "Positions from the model").
 */
function tableCell(env: Env): CompletionItem[] | undefined {
  const { doc, line, ch, text } = env;
  if (DELIM_RE.test(text)) return [];
  const rp = pipes(text);
  const lead = /^\s*\|/.test(text);
  const col = rp.filter((p) => p < ch).length - (lead ? 1 : 0);
  const index = positionIndex(doc, env.ctx.ws.derived);
  const columns = (index.entryAt({ line, character: ch })?.table ?? index.tableAt({ line, character: ch }))?.columns;
  if (!columns) return undefined;
  if (col < 0 || col >= columns.length) return [];
  const field = columns[col];
  if (!field) return [];
  const start = rp.filter((p) => p < ch).pop();
  const next = rp.find((p) => p >= ch);
  let end = next ?? text.length;
  const c = text.slice(0, end).indexOf('<!--', ch);
  if (c >= 0) end = c;
  return fit(fieldValues(env, field, 'markdown'), valueSlot(env, start === undefined ? 0 : start + 1, end, LIST_FIELDS.has(field), 'markdown'));
}

/**
 * The item whose field list the cursor's line is in, below its definition line, from the
 * model's position index: the reader's item (its fields, a description paragraph among
 * them), else an item definition the reader keeps as half-typed (`### 📸 Instagram`, a
 * goal heading without an ID among headings with IDs; ParsedDocument.incomplete). Where
 * the reader reads the lines as a comment or a fence there is none (docs/decisions.md
 * "Positions from the model").
 */
function markdownItemAt(env: Env): { kind: ItemKind; keys: string[] } | undefined {
  const pos = { line: env.line, character: env.ch };
  const index = positionIndex(env.doc, env.ctx.ws.derived);
  // Its fields, but the one being typed on this line.
  const keys = (fields: Field[]) => fields.filter((f) => f.keyRange.start.line !== env.line).map((f) => f.key);
  const held = index.itemAt(pos);
  if (held && held.idRange.start.line < env.line) return { kind: held.kind, keys: keys(held.fields) };
  const half = index.halfItemAt(pos);
  if (half && half.range.start.line < env.line) return { kind: half.item.kind, keys: keys(half.item.fields) };
  return undefined;
}
