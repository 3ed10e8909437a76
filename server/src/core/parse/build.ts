/**
 * Turns fields (from Markdown lists and tables or YAML mappings) into model items and
 * plan entries. Both formats share this, so a field means the same wherever it stands.
 */
import type { Field, FixSpec, ParseProblem, Ref, Span, Item, ItemKind, PlanEntry, Period } from '../model';
import type { LineIndex, Range, Text } from '../text';
import { t } from '../text';
import {
  GOAL_TYPES, MODES, STATUSES, booleanOf, closest, enumLabel, fieldOf, goalTypeOf, inferMode, metricClassOf,
  modeOf, statusOf, words, type EnumInfo, type FieldName,
} from '../vocab';
import { isPlaceholderOnly } from '../vocab-practice';

/** A field as the readers deliver it, with the offset of its value in the text. */
export interface RawField extends Field {
  /** Offset of `raw` in the document text, when it stands there verbatim (for sub-ranges). */
  offset?: number;
}

export interface BuildContext {
  uri: string;
  lines: LineIndex;
  problems: ParseProblem[];
  /** The document's language, for the wording of suggested values. */
  lang: 'en' | 'de';
}

export function span<T = string>(f: RawField, value?: T): Span<T> {
  return { value: (value ?? f.raw) as T, raw: f.raw, range: f.range };
}

/** Strips Markdown emphasis and code marks around a value. */
export function clean(s: string): string {
  return s.trim().replace(/^[*_`]+|[*_`]+$/g, '').trim();
}

const SEPARATORS = /\s*(?:,|;|\bund\b|\band\b)\s*/giu;

/** The references of a field: list elements, or parts separated by `,` `;` `und` `and`. */
export function refsOf(f: RawField, ctx: BuildContext, keepAt = false): Ref[] {
  const out: Ref[] = [];
  const push = (text: string, range: Range) => {
    let id = clean(text);
    if (!keepAt) id = id.replace(/^@/, '');
    id = id.replace(/[.!]+$/, '');
    // A placeholder (TBD, -, ?, k. A.) names nothing: the reference is missing, not unknown
    // (docs/decisions.md "Placeholders count as empty").
    if (id && !isPlaceholderOnly(id)) out.push({ id, range });
  };
  if (f.items) {
    for (const it of f.items) {
      // Narrow the range to the ID inside quotes and after an @.
      const id = keepAt ? it.value.trim() : it.value.trim().replace(/^@/, '');
      const i = it.raw.indexOf(id);
      const r = it.range;
      const narrowed = i >= 0 && r.start.line === r.end.line
        ? { start: { line: r.start.line, character: r.start.character + i }, end: { line: r.start.line, character: r.start.character + i + id.length } }
        : r;
      push(it.value, narrowed);
    }
    return out;
  }
  const raw = f.raw;
  let last = 0;
  const parts: [number, number][] = [];
  SEPARATORS.lastIndex = 0;
  for (let m = SEPARATORS.exec(raw); m; m = SEPARATORS.exec(raw)) {
    parts.push([last, m.index]);
    last = m.index + m[0].length;
    if (m[0].length === 0) SEPARATORS.lastIndex++;
  }
  parts.push([last, raw.length]);
  for (const [a0, b0] of parts) {
    let a = a0;
    let b = b0;
    while (a < b && /[\s*_`]/.test(raw[a])) a++;
    while (b > a && /[\s*_`]/.test(raw[b - 1])) b--;
    if (a >= b) continue;
    const text = raw.slice(a, b);
    // A reference's range is the ID itself, without a leading @ (so a rename replaces just the ID).
    const at = !keepAt && raw[a] === '@' ? 1 : 0;
    const range = f.offset !== undefined ? ctx.lines.rangeOf(f.offset + a + at, f.offset + b) : f.range;
    push(text, range);
  }
  return out;
}

/** The first word of a channel name as its ID: `Instagram` → `instagram`, `X (Twitter)` → `x`. */
export function channelSlug(s: string): string {
  const w = clean(s).replace(/^@/, '').split(/[\s(,;:/]+/)[0] ?? '';
  return w.toLowerCase().replace(/[^\p{L}\p{N}_.-]/gu, '');
}

function nearestValue<K extends string>(list: EnumInfo<K>[], raw: string, lang: 'en' | 'de'): { key: K; label: string } | undefined {
  const candidates = new Map<string, K>();
  for (const e of list) for (const a of [e.key, ...e.de, ...e.en]) candidates.set(a, e.key);
  const best = closest(raw, candidates.keys());
  if (best === undefined) return undefined;
  const key = candidates.get(best)!;
  // Write the suggestion the way the document writes: the value itself (English key or German word).
  const label = lang === 'de' ? enumLabel(list, key, 'de') : key;
  return { key, label: best === key || best.toLowerCase() === label.toLowerCase() ? label : best };
}

function fixReplace(ctx: BuildContext, range: Range, newText: string, title: Text): FixSpec {
  return { title, edits: [{ uri: ctx.uri, edits: [{ range, newText }] }], preferred: true };
}

function enumField<K extends string>(
  f: RawField, ctx: BuildContext, list: EnumInfo<K>[], of: (s: string) => K | undefined, what: Text,
): Span<K> | undefined {
  const raw = clean(f.raw);
  if (!raw) return undefined;
  const v = of(raw);
  if (v) return span(f, v);
  const near = nearestValue(list, raw, ctx.lang);
  const allowed = list.map((e) => e.key).join(', ');
  const allowedDe = list.map((e) => e.de[0]).join(', ');
  ctx.problems.push({
    rule: 'schema',
    range: f.range,
    message: t(
      `Unknown ${what.en} '${raw}'${near ? `: did you mean '${near.label}'?` : '.'} Allowed: ${allowed}.`,
      `${what.de} '${raw}' ist unbekannt${near ? `: meinten Sie '${near.label}'?` : '.'} Erlaubt: ${allowedDe} (oder englisch: ${allowed}).`,
    ),
    fixes: near ? [fixReplace(ctx, f.range, near.label, t(`Change to '${near.label}'`, `Ändern in '${near.label}'`))] : undefined,
  });
  return undefined;
}

/** Reports a list where one value belongs and returns the first element's field. */
function single(f: RawField, ctx: BuildContext): RawField | undefined {
  if (!f.isList) return f;
  if ((f.items?.length ?? 0) > 1) {
    ctx.problems.push({
      rule: 'schema',
      range: f.range,
      message: t(`'${f.key}' takes one value, not a list.`, `'${f.key}' nimmt einen Wert, keine Liste.`),
    });
  }
  const first = f.items?.[0];
  return first ? { ...f, raw: first.value, range: first.range, isList: false, items: undefined, offset: undefined } : undefined;
}

/** Parses `YYYY-MM-DD` or German `DD.MM.YYYY`; undefined when it is no real date. */
export function parseDate(s: string): string | undefined {
  s = clean(s);
  let y: number, m: number, d: number;
  let mt = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (mt) [y, m, d] = [Number(mt[1]), Number(mt[2]), Number(mt[3])];
  else if ((mt = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s))) [d, m, y] = [Number(mt[1]), Number(mt[2]), Number(mt[3])];
  else return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Parses a period `2027-01-01..2027-12-31` (also `–` or `bis` between German dates). */
export function parsePeriod(s: string): Period | undefined {
  const parts = clean(s).split(/\s*(?:\.\.|–|—|\bbis\b|\bto\b|\s-\s)\s*/);
  if (parts.length !== 2) return undefined;
  const start = parseDate(parts[0]);
  const end = parseDate(parts[1]);
  if (!start || !end || end < start) return undefined;
  return { start, end };
}

export function periodField(f: RawField, ctx: BuildContext): Span<Period> | undefined {
  const p = parsePeriod(f.raw);
  if (p) return span(f, p);
  ctx.problems.push({
    rule: 'schema',
    range: f.range,
    message: t(
      `'${f.raw}' is not a period: write start..end, e.g. 2027-01-01..2027-12-31.`,
      `'${f.raw}' ist kein Zeitraum: schreiben Sie Beginn..Ende, z. B. 2027-01-01..2027-12-31.`,
    ),
  });
  return undefined;
}

/** Names each field by its synonyms (unknown keys stay without a name). */
export function nameFields(fields: RawField[]): RawField[] {
  for (const f of fields) if (f.name === undefined) f.name = fieldOf(f.key);
  return fields;
}

function byName(fields: RawField[]): Map<FieldName, RawField> {
  const m = new Map<FieldName, RawField>();
  for (const f of fields) if (f.name && !m.has(f.name)) m.set(f.name, f);
  return m;
}

function text(f: RawField | undefined, ctx: BuildContext): Span | undefined {
  if (!f) return undefined;
  const s = single(f, ctx);
  if (!s || !clean(s.raw)) return undefined;
  return { value: clean(s.raw), raw: s.raw, range: s.range };
}

function oneRef(f: RawField | undefined, ctx: BuildContext): Ref | undefined {
  if (!f) return undefined;
  const s = single(f, ctx);
  if (!s) return undefined;
  const refs = refsOf(s, ctx);
  if (refs.length > 1 && !f.isList) {
    ctx.problems.push({
      rule: 'schema',
      range: f.range,
      message: t(`'${f.key}' takes one value, not a list.`, `'${f.key}' nimmt einen Wert, keine Liste.`),
    });
  }
  return refs[0];
}

function boolField(f: RawField | undefined, ctx: BuildContext): Span<boolean> | undefined {
  if (!f) return undefined;
  const s = single(f, ctx);
  if (!s || !clean(s.raw)) return undefined;
  const b = booleanOf(s.raw);
  if (b !== undefined) return span(s, b);
  ctx.problems.push({
    rule: 'schema',
    range: s.range,
    message: t(`'${s.key}' is yes or no, not '${clean(s.raw)}'.`, `'${s.key}' ist ja oder nein, nicht '${clean(s.raw)}'.`),
    fixes: [fixReplace(ctx, s.range, ctx.lang === 'de' ? 'ja' : 'yes', t(`Change to 'yes'`, `Ändern in 'ja'`))],
  });
  return undefined;
}

export interface ItemHead {
  kind: ItemKind;
  id: string;
  idRange: Range;
  range: Range;
  title?: Span;
}

/** Builds a model item of a kind from its ID and fields. */
export function buildItem(head: ItemHead, fields: RawField[], ctx: BuildContext): Item {
  nameFields(fields);
  const f = byName(fields);
  const base = {
    id: head.id,
    idRange: head.idRange,
    range: head.range,
    uri: ctx.uri,
    fields,
    title: text(f.get('title'), ctx) ?? text(f.get('name'), ctx) ?? head.title,
  };
  switch (head.kind) {
    case 'person':
      return {
        ...base,
        kind: 'person',
        role: text(f.get('role'), ctx),
        department: text(f.get('department'), ctx),
        management: boolField(f.get('management'), ctx),
      };
    case 'goal': {
      const typeF = f.get('type');
      const typeS = typeF && single(typeF, ctx);
      return {
        ...base,
        kind: 'goal',
        type: typeS ? enumField(typeS, ctx, GOAL_TYPES, goalTypeOf, t('goal type', 'Die Zielart')) : undefined,
        primary: boolField(f.get('primary'), ctx),
        kpis: f.get('kpis') ? refsOf(f.get('kpis')!, ctx) : [],
        description: text(f.get('description'), ctx),
      };
    }
    case 'kpi': {
      const metric = text(f.get('metric'), ctx);
      // In a KPI table a column headed "KPI" is the KPI's name, not a list of KPIs.
      if (!base.title && f.get('kpis') && !f.get('kpis')!.isList) base.title = text(f.get('kpis'), ctx);
      return {
        ...base,
        kind: 'kpi',
        metric,
        metricClass: metricClassOf(metric?.value ?? base.title?.value ?? ''),
        goals: f.get('goals') ? refsOf(f.get('goals')!, ctx) : [],
        target: text(f.get('target'), ctx),
        baseline: text(f.get('baseline'), ctx),
        deadline: text(f.get('deadline'), ctx),
        source: text(f.get('source'), ctx),
        owner: oneRef(f.get('owner'), ctx),
      };
    }
    case 'audience':
      return { ...base, kind: 'audience' };
    case 'channel': {
      const res = f.get('resources');
      const resRefs = res ? refsOf(res, ctx, true) : [];
      const people = resRefs
        .filter((r) => r.id.startsWith('@'))
        .map((r) => ({ id: r.id.slice(1), range: r.range.start.line === r.range.end.line && r.range.end.character - r.range.start.character === r.id.length ? { start: { line: r.range.start.line, character: r.range.start.character + 1 }, end: r.range.end } : r.range }));
      const effort = resRefs.filter((r) => !r.id.startsWith('@')).map((r) => r.id).join(', ');
      return {
        ...base,
        kind: 'channel',
        why: text(f.get('why'), ctx),
        how: text(f.get('how'), ctx),
        resources: res && clean(res.isList ? (res.items ?? []).map((i) => i.value).join(', ') : res.raw) ? span(res) : undefined,
        people,
        effort: effort || undefined,
        audiences: f.get('audiences') ? refsOf(f.get('audiences')!, ctx) : [],
        goals: f.get('goals') ? refsOf(f.get('goals')!, ctx) : [],
      };
    }
  }
}

/** Builds a plan entry from its fields; `anchor` is where entry-wide findings go. */
export function buildEntry(
  fields: RawField[], range: Range, index: number, ctx: BuildContext, table?: PlanEntry['table'],
): PlanEntry {
  nameFields(fields);
  const f = byName(fields);
  const title = text(f.get('title'), ctx);
  const format = text(f.get('format'), ctx);
  const dateF = f.get('date') && single(f.get('date')!, ctx);
  let isoDate: string | undefined;
  let date: Span | undefined;
  if (dateF && clean(dateF.raw)) {
    date = span(dateF, clean(dateF.raw));
    isoDate = parseDate(dateF.raw);
    if (!isoDate) {
      ctx.problems.push({
        rule: 'schema',
        range: dateF.range,
        message: t(
          `'${clean(dateF.raw)}' is not a date: write YYYY-MM-DD (or DD.MM.YYYY).`,
          `'${clean(dateF.raw)}' ist kein Datum: schreiben Sie JJJJ-MM-TT (oder TT.MM.JJJJ).`,
        ),
      });
    }
  }
  const modeF = f.get('mode') && single(f.get('mode')!, ctx);
  let mode: PlanEntry['mode'];
  if (modeF && clean(modeF.raw)) {
    const m = enumField(modeF, ctx, MODES, modeOf, t('mode', 'Der Modus'));
    if (m) mode = { value: m.value, inferred: false, range: m.range, raw: m.raw };
  }
  const idF = f.get('id') && single(f.get('id')!, ctx);
  const first = fields.find((x) => clean(x.raw));
  const anchor = title?.range ?? first?.range ?? range;
  if (!mode && !(modeF && clean(modeF.raw))) {
    const inferred = inferMode(title?.value ?? '', format?.value ?? '');
    if (inferred) mode = { value: inferred, inferred: true, range: title?.range ?? format?.range ?? anchor };
  }
  const statusF = f.get('status') && single(f.get('status')!, ctx);
  return {
    uri: ctx.uri,
    id: idF && clean(idF.raw) ? { id: clean(idF.raw), range: idF.range } : undefined,
    range,
    anchor,
    fields,
    date,
    isoDate,
    time: text(f.get('time'), ctx),
    channel: (() => {
      const c = oneRef(f.get('channel'), ctx);
      return c ? { id: channelSlug(c.id) || c.id, range: c.range } : undefined;
    })(),
    format,
    title,
    mode,
    goals: f.get('goals') ? refsOf(f.get('goals')!, ctx) : [],
    kpis: f.get('kpis') ? refsOf(f.get('kpis')!, ctx) : [],
    audiences: f.get('audiences') ? refsOf(f.get('audiences')!, ctx) : [],
    owner: oneRef(f.get('owner'), ctx),
    reviewer: oneRef(f.get('reviewer'), ctx),
    status: statusF && clean(statusF.raw) ? enumField(statusF, ctx, STATUSES, statusOf, t('status', 'Der Status')) : undefined,
    link: text(f.get('link'), ctx),
    campaign: text(f.get('campaign'), ctx),
    index,
    table,
  };
}

/** Chooses the kind of an item in a section that holds several kinds ("Ziele und Kennzahlen"). */
export function chooseKind(kinds: ItemKind[], id: string, fields: RawField[]): ItemKind {
  if (kinds.length === 1) return kinds[0];
  nameFields(fields);
  const names = new Set(fields.map((f) => f.name));
  if (kinds.includes('kpi') && (names.has('metric') || names.has('target') || names.has('baseline'))) return 'kpi';
  if (kinds.includes('goal') && (names.has('type') || names.has('primary') || names.has('kpis'))) return 'goal';
  const c = id.replace(/^@/, '')[0]?.toLowerCase();
  if (c === 'k' && kinds.includes('kpi')) return 'kpi';
  if ((c === 'g' || c === 'z' || c === 'o') && kinds.includes('goal')) return 'goal';
  if ((c === 'a' || c === 'p') && kinds.includes('audience')) return 'audience';
  if (kinds.includes('kpi') && (c === 'm')) return 'kpi';
  return kinds[0];
}

/** Is this heading/list text an item definition? `G1: Titel`, `**K2** – Titel`. */
export const ITEM_DEF_RE = /^\s*(?:\*\*|__)?(@?[A-Za-z][A-Za-z0-9_.-]*)(?:\*\*|__)?(?:\s*:(?:\s+|$)|\s+[-–—]\s+)(.*)$/s;

/** Words used as values in both languages, for messages. */
export function wordsOf(s: string): string[] {
  return words(s);
}
