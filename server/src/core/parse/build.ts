/**
 * Turns fields (from Markdown lists and tables or YAML mappings) into model items and
 * plan entries. Both formats share this, so a field means the same wherever it stands.
 */
import type { Field, FixSpec, ParseProblem, Ref, Span, Item, ItemKind, PlanEntry, Period, Goal, Kpi, StrategyModel } from '../model';
import type { LineIndex, Range, Text } from '../text';
import { keptField, range as packed, t } from '../text';
import { isoFromParts } from '../dates';
import {
  CHANNEL_ALIASES,
  GOAL_TYPES,
  MODES,
  STATUSES,
  booleanOf,
  idKey,
  closest,
  enumLabel,
  fieldOf,
  goalTypeOf,
  inferMode,
  metricClassOf,
  modeOf,
  planFieldOf,
  statusOf,
  words,
  type EnumInfo,
  type FieldName,
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
  /**
   * Where a date without a year takes its year from (docs/format.md "Periods and dates"): the
   * plan's period, else a year its title names (`Q1 2027`).
   */
  years?: YearSource;
}

export interface YearSource {
  period?: Period;
  /** A year the title names. */
  year?: number;
}

/** A key for caches of what was built with a year source. */
export function yearKey(y: YearSource | undefined): string {
  return y ? `${y.period?.start ?? ''}..${y.period?.end ?? ''}/${y.year ?? ''}` : '';
}

/** The year a title names (`Redaktionsplan Q1 2027`, `Content plan March 2027`). */
export function yearOfTitle(title: string | undefined): number | undefined {
  const m = title ? /(?:^|[^\d])(20\d\d)(?!\d)/.exec(title) : null;
  return m ? Number(m[1]) : undefined;
}

export function span<T = string>(f: RawField, value?: T): Span<T> {
  return { value: (value ?? f.raw) as T, raw: f.raw, range: f.range };
}

/** Strips Markdown emphasis and code marks around a value. */
export function clean(s: string): string {
  // Most values start and end with a letter or digit: nothing to strip, no new strings.
  if (s.length && !isTrimmed(s.charCodeAt(0)) && !isTrimmed(s.charCodeAt(s.length - 1))) return s;
  return s
    .trim()
    .replace(/^[*_`]+|[*_`]+$/g, '')
    .trim();
}

const SEPARATORS = /\s*(?:,|;|\bund\b|\band\b)\s*/giu;

/** The parts of a text between separators, without their blanks and emphasis marks, as [start, end). */
function splitSpans(raw: string, separators: RegExp): [number, number][] {
  // Most values hold no separator at all (one channel, one goal, one person): they are one
  // span, found without running the separators' expression over them. `mayCut` finds every
  // text a separator could match in (and some more), so what it passes is surely one span.
  if (!MAY_CUT.get(separators)!.test(raw)) {
    let a = 0;
    let b = raw.length;
    while (a < b && isTrimmed(raw.charCodeAt(a))) a++;
    while (b > a && isTrimmed(raw.charCodeAt(b - 1))) b--;
    return a < b ? [[a, b]] : [];
  }
  const cuts: [number, number][] = [];
  let last = 0;
  separators.lastIndex = 0;
  for (let m = separators.exec(raw); m; m = separators.exec(raw)) {
    if (m[0].length === 0) {
      separators.lastIndex++;
      continue;
    }
    cuts.push([last, m.index]);
    last = m.index + m[0].length;
  }
  cuts.push([last, raw.length]);
  const out: [number, number][] = [];
  for (let [a, b] of cuts) {
    while (a < b && /[\s*_`]/.test(raw[a])) a++;
    while (b > a && /[\s*_`]/.test(raw[b - 1])) b--;
    if (a < b) out.push([a, b]);
  }
  return out;
}

/**
 * One empty list for every model element that has none (frozen: nothing adds to a model's
 * lists once it is built), and lists cut to their length: an array grown by `push` keeps
 * room for 16 more elements, 136 bytes per entry list (docs/decisions.md "Memory").
 */
const NONE: never[] = Object.freeze([]) as unknown as never[];
export function exact<T>(a: T[]): T[] {
  return a.length === 0 ? NONE : a.slice();
}

/**
 * The fields an entry or item keeps: as read, without `offset` (a slot per field that
 * only the building uses; 8 bytes of every kept field), the key's range packed into the
 * field (`KeptField`), in a list cut to length.
 */
function keptFields(fields: RawField[]): Field[] {
  if (fields.length === 0) return NONE;
  const out: Field[] = [];
  for (const f of fields) out.push(keptField(f));
  return exact(out);
}

/** The range of `[start, end)` inside a field's value: the field's own range object when it is the same (one range fewer per reference). */
function subRange(f: Field, start: number, end: number, lines: LineIndex): Range {
  const r = f.range;
  return lines.offsetAt(r.start) === start && lines.offsetAt(r.end) === end ? r : lines.rangeOf(start, end);
}

/** The references of a field: list elements, or parts separated by `,` `;` `und` `and`. */
export function refsOf(f: RawField, ctx: BuildContext, keepAt = false): Ref[] {
  const out: Ref[] = [];
  const push = (text: string, range: Range) => {
    let id = clean(text);
    if (!keepAt && id.charCodeAt(0) === 64) id = id.slice(1);
    const last = id.charCodeAt(id.length - 1);
    if (last === 46 || last === 33) id = id.replace(/[.!]+$/, '');
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
      const narrowed = i >= 0 && r.start.line === r.end.line ? packed(r.start.line, r.start.character + i, r.start.line, r.start.character + i + id.length) : r;
      push(it.value, narrowed);
    }
    return out;
  }
  const raw = f.raw;
  const spans = splitSpans(raw, SEPARATORS);
  for (let k = 0; k < spans.length; k++) {
    const a = spans[k][0];
    const b = spans[k][1];
    const text = raw.slice(a, b);
    // A reference's range is the ID itself, without a leading @ (so a rename replaces just the ID).
    const at = !keepAt && raw[a] === '@' ? 1 : 0;
    const range = f.offset !== undefined ? subRange(f, f.offset + a + at, f.offset + b, ctx.lines) : f.range;
    push(text, range);
  }
  return out;
}

/** What a channel's name may start with before its first word: emoji, marks, `@` (docs/format.md "Channels"). */
const LEADING_SYMBOLS = /^[^\p{L}\p{N}]+/u;

/** The first word of a channel name as its ID: `Instagram` → `instagram`, `X (Twitter)` → `x`. */
export function channelSlug(s: string): string {
  const w =
    clean(s)
      .replace(LEADING_SYMBOLS, '')
      .split(/[\s(,;:/]+/)[0] ?? '';
  const slug = w.toLowerCase().replace(/[^\p{L}\p{N}_.-]/gu, '');
  return CHANNEL_ALIASES[slug] ?? slug;
}

/** What separates the channels of a cross-post cell: `Instagram, Facebook`, `IG + FB`. */
const CHANNEL_SEPARATORS = /\s*(?:,|;|\+|&|\bund\b|\band\b)\s*/giu;

/** For each list of separators, a cheap test that passes every text one of them occurs in (splitSpans). */
const MAY_CUT = new Map<RegExp, RegExp>([
  [SEPARATORS, /[,;]|und|and/i],
  [CHANNEL_SEPARATORS, /[,;+&]|und|and/i],
]);

/** What clean() and splitSpans trim from a value's edges: blanks (as `\s` and `trim`) and emphasis marks. */
function isTrimmed(c: number): boolean {
  if (c === 42 || c === 95 || c === 96 || c === 32 || (c >= 9 && c <= 13)) return true;
  return c > 127 && /\s/.test(String.fromCharCode(c));
}

/**
 * The channels a cell names, each with its own range (docs/format.md "Cross-posts"): one
 * reference for an ordinary cell, several for `Instagram, Facebook` or `IG + FB`. The
 * same channel twice counts once.
 */
export function channelRefs(f: RawField, ctx: BuildContext): Ref[] {
  let parts: Ref[];
  if (f.items) parts = refsOf(f, ctx);
  else {
    const raw = f.raw;
    parts = [];
    for (const [a, b] of splitSpans(raw, CHANNEL_SEPARATORS)) {
      const range = f.offset !== undefined ? subRange(f, f.offset + a, f.offset + b, ctx.lines) : f.range;
      parts.push({ id: raw.slice(a, b), range });
    }
  }
  const out: Ref[] = [];
  const seen = new Set<string>();
  for (const p of parts) {
    const id = channelSlug(p.id) || clean(p.id);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    out.push({ id, range: p.range });
  }
  return out;
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

function enumField<K extends string>(f: RawField, ctx: BuildContext, list: EnumInfo<K>[], of: (s: string) => K | undefined, what: Text): Span<K> | undefined {
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

const MONTHS: Record<string, number> = {
  januar: 1,
  jaenner: 1,
  january: 1,
  jan: 1,
  februar: 2,
  february: 2,
  feb: 2,
  maerz: 3,
  march: 3,
  mar: 3,
  mrz: 3,
  maer: 3,
  april: 4,
  apr: 4,
  mai: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  dezember: 12,
  december: 12,
  dez: 12,
  dec: 12,
};
const WEEKDAY_RE =
  /^(?:mo|di|mi|do|fr|sa|so|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?,?\s+/i;
const TIME_RE = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:\s*uhr)?(?:\s*(?:z|[+-]\d{2}:?\d{2}))?$/i;

/** A date as plans write it: the ISO date, a time written with it, or that its year is missing. */
export interface LooseDate {
  iso?: string;
  time?: string;
  /** Day and month were given, the year was not and nothing supplied it. */
  needsYear?: boolean;
}

/**
 * Reads the dates of plans in the wild (docs/format.md "Periods and dates"): ISO dates and
 * date-times (`2027-03-02 09:00`, `2027-03-02T09:00:00.000Z`), German `19.01.2027`,
 * `19.1.27`, `19.01.` and `Di, 19.01.`, `19. Januar (2027)`, English `19 Jan 2027` and
 * `January 19, 2027`, US `1/19/2027` and `01/19/2027 9:00am`. A year left out comes from `years`.
 */
export function parseLooseDate(input: string, years?: YearSource): LooseDate {
  let s = clean(input).replace(/\s+/g, ' ');
  const strict = parseDate(s);
  if (strict) return { iso: strict };
  let time: string | undefined;
  // A time after the date: `2027-03-02 09:00`, `2027-03-02T09:00Z`, `19.01. 10:30 Uhr`.
  const tm = /^(.*?\d\.?)(?:\s*,?\s+|T)(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*uhr)?(?:\s*(?:z|[+-]\d{2}:?\d{2}))?)$/i.exec(s);
  if (tm && TIME_RE.test(tm[2])) {
    const t2 = TIME_RE.exec(tm[2])!;
    time = `${t2[1].padStart(2, '0')}:${t2[2]}`;
    s = tm[1];
  } else {
    // A US clock time after the date (Airtable: `01/19/2027 9:00am`, `1/19/2027 9 am`).
    const us = /^(.*?\d)\s*,?\s+(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?$/i.exec(s);
    if (us && Number(us[2]) >= 1 && Number(us[2]) <= 12 && Number(us[3] ?? 0) <= 59) {
      const h = (Number(us[2]) % 12) + (us[4].toLowerCase() === 'p' ? 12 : 0);
      time = `${String(h).padStart(2, '0')}:${us[3] ?? '00'}`;
      s = us[1];
    }
  }
  s = s.replace(WEEKDAY_RE, '');
  let d: number | undefined, m: number | undefined, y: number | undefined;
  let mt: RegExpExecArray | null;
  if ((mt = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) [y, m, d] = [Number(mt[1]), Number(mt[2]), Number(mt[3])];
  else if ((mt = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})?$/.exec(s))) {
    [d, m] = [Number(mt[1]), Number(mt[2])];
    if (mt[3]) y = mt[3].length === 2 ? 2000 + Number(mt[3]) : Number(mt[3]);
  } else if ((mt = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(s))) {
    // A slash is the US order, month/day (Airtable, Sheets and Excel in a US locale); only
    // where the first number cannot be a month and the second can is it day/month
    // (`19/01/2027`). A dot is always German day.month (docs/decisions.md "Dates").
    const [a, b] = [Number(mt[1]), Number(mt[2])];
    [m, d] = a > 12 && b <= 12 ? [b, a] : [a, b];
    if (mt[3]) y = mt[3].length === 2 ? 2000 + Number(mt[3]) : Number(mt[3]);
  } else if ((mt = /^(\d{1,2})\.?\s+([\p{L}]+)\.?(?:\s+(\d{4}))?$/u.exec(s)) && MONTHS[words(mt[2]).join('')]) {
    [d, m] = [Number(mt[1]), MONTHS[words(mt[2]).join('')]];
    if (mt[3]) y = Number(mt[3]);
  } else if ((mt = /^([\p{L}]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/u.exec(s)) && MONTHS[words(mt[1]).join('')]) {
    [m, d] = [MONTHS[words(mt[1]).join('')], Number(mt[2])];
    if (mt[3]) y = Number(mt[3]);
  } else return {};
  if (y === undefined) {
    y = yearFor(m, d, years);
    if (y === undefined) return time ? { needsYear: true, time } : { needsYear: true };
  }
  const iso = parseDate(`${y}-${m}-${d}`);
  return iso ? (time ? { iso, time } : { iso }) : {};
}

/** The year of a day and month: the one inside the period, else the title's. */
function yearFor(m: number, d: number, years: YearSource | undefined): number | undefined {
  const p = years?.period;
  if (p) {
    const y0 = Number(p.start.slice(0, 4));
    const y1 = Number(p.end.slice(0, 4));
    for (let y = y0; y <= y1; y++) {
      const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      if (iso >= p.start && iso <= p.end) return y;
    }
    return y0;
  }
  return years?.year;
}

/** Parses `YYYY-MM-DD` or German `DD.MM.YYYY`; undefined when it is no real date. */
export function parseDate(s: string): string | undefined {
  s = clean(s);
  let y: number, m: number, d: number;
  let mt = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (mt) [y, m, d] = [Number(mt[1]), Number(mt[2]), Number(mt[3])];
  else if ((mt = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s))) [d, m, y] = [Number(mt[1]), Number(mt[2]), Number(mt[3])];
  else return undefined;
  return isoFromParts(y, m, d);
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

function oneRef(f: RawField | undefined, ctx: BuildContext, many?: RegExp): Ref | undefined {
  if (!f) return undefined;
  const s = single(f, ctx);
  if (!s) return undefined;
  // A cross-post cell: its channels are taken apart by buildEntries; the first one here.
  if (many && many.test(s.raw)) return channelRefs(s, ctx)[0];
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
    fields: keptFields(fields),
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
        .map((r) => ({
          id: r.id.slice(1),
          range:
            r.range.start.line === r.range.end.line && r.range.end.character - r.range.start.character === r.id.length
              ? packed(r.range.start.line, r.range.start.character + 1, r.range.end.line, r.range.end.character)
              : r.range,
        }));
      const effort = resRefs
        .filter((r) => !r.id.startsWith('@'))
        .map((r) => r.id)
        .join(', ');
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

/** Names each field of a plan entry by the plan's column mapping (vocab PLAN_FIELDS). */
export function namePlanFields(fields: RawField[]): RawField[] {
  for (const f of fields) if (f.name === undefined) f.name = planFieldOf(f.key);
  return fields;
}

/**
 * Builds the entries of one row or mapping: one entry, or one per channel where the
 * channel cell names several (a cross-post, docs/format.md "Cross-posts"). The copies share
 * every field and range but the channel, so a finding about the row is given once.
 */
export function buildEntries(fields: RawField[], range: Range, index: number, ctx: BuildContext, table?: PlanEntry['table']): PlanEntry[] {
  const e = buildEntry(fields, range, index, ctx, table);
  // The first channel field, as byName takes it (without a map per row).
  const cf = namePlanFields(fields).find((f) => f.name === 'channel');
  if (!cf || !e.channel) return [e];
  const channels = channelRefs(cf, ctx);
  if (channels.length < 2) return [e];
  return channels.map((c, i) => ({ ...e, channel: c, index: index + i, crossPost: channels.length }));
}

/** Builds a plan entry from its fields; `anchor` is where entry-wide findings go. */
export function buildEntry(fields: RawField[], range: Range, index: number, ctx: BuildContext, table?: PlanEntry['table']): PlanEntry {
  namePlanFields(fields);
  const f = byName(fields);
  const title = text(f.get('title'), ctx);
  const format = text(f.get('format'), ctx);
  const dateF = f.get('date') && single(f.get('date')!, ctx);
  let isoDate: string | undefined;
  let date: Span | undefined;
  let dateTime: string | undefined;
  if (dateF && clean(dateF.raw)) {
    date = span(dateF, clean(dateF.raw));
    const loose = parseLooseDate(dateF.raw, ctx.years);
    isoDate = loose.iso;
    dateTime = loose.time;
    if (loose.needsYear) {
      ctx.problems.push({
        rule: 'schema',
        range: dateF.range,
        message: t(
          `'${clean(dateF.raw)}' has no year, and the plan names none: give the plan a period (period: 2027-01-01..2027-03-31) or a year in its title, or write the date with its year.`,
          `'${clean(dateF.raw)}' hat kein Jahr, und der Plan nennt keines: Geben Sie dem Plan einen Zeitraum (zeitraum: 2027-01-01..2027-03-31) oder ein Jahr im Titel, oder schreiben Sie das Datum mit Jahr.`,
        ),
      });
    } else if (!isoDate) {
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
  const timeSpan = text(f.get('time'), ctx);
  // A Content Pillar names a goal only where it matches one (Project.lookup); `soft`.
  const named = f.get('goals') ? refsOf(f.get('goals')!, ctx) : [];
  const goals = named.length || !f.get('pillar') ? named : refsOf(f.get('pillar')!, ctx).map((r) => ({ ...r, soft: true }));
  return {
    uri: ctx.uri,
    id: idF && clean(idF.raw) ? { id: clean(idF.raw), range: idF.range } : undefined,
    range,
    anchor,
    fields: keptFields(fields),
    date,
    isoDate,
    time: timeSpan ?? (dateTime && date ? { value: dateTime, raw: date.raw, range: date.range } : undefined),
    channel: (() => {
      const cf = f.get('channel');
      if (!cf) return undefined;
      // A list of channels in YAML is a cross-post (buildEntries), not a schema error.
      const c = cf.isList ? channelRefs(cf, ctx)[0] : oneRef(cf, ctx, /[,;+&]|\bund\b|\band\b/i);
      return c ? { id: channelSlug(c.id) || c.id, range: c.range } : undefined;
    })(),
    format,
    title,
    mode,
    goals: exact(goals),
    kpis: f.get('kpis') ? exact(refsOf(f.get('kpis')!, ctx)) : NONE,
    audiences: f.get('audiences') ? exact(refsOf(f.get('audiences')!, ctx)) : NONE,
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
  if (kinds.includes('kpi') && c === 'm') return 'kpi';
  return kinds[0];
}

/** Is this heading/list text an item definition? `G1: Titel`, `**K2** – Titel`. */
export const ITEM_DEF_RE = /^\s*(?:\*\*|__)?(@?[A-Za-z][A-Za-z0-9_.-]*)(?:\*\*|__)?(?:\s*:(?:\s+|$)|\s+[-–—]\s+)(.*)$/s;

/** Words used as values in both languages, for messages. */
export function wordsOf(s: string): string[] {
  return words(s);
}

/**
 * Gives the goals and KPIs of plain lists their IDs (docs/format.md "Goals and KPIs as plain
 * lists"): G1, G2… and K1, K2… in the order they stand, in either language (a plan may
 * rely on them whatever the document's language), skipping IDs the document writes itself.
 * A KPI under a goal measures that goal.
 */
export function numberImplicit(model: StrategyModel, implicit: { item: Goal | Kpi; goal?: Goal }[]): void {
  if (!implicit.length) return;
  const taken = new Set([...model.goals, ...model.kpis, ...model.audiences].filter((it) => !it.implicit).map((it) => idKey(it.id)));
  const next = (prefix: string) => {
    let n = 1;
    while (taken.has(idKey(`${prefix}${n}`))) n++;
    taken.add(idKey(`${prefix}${n}`));
    return `${prefix}${n}`;
  };
  for (const x of implicit) if (x.item.kind === 'goal') x.item.id = next('G');
  for (const x of implicit) {
    if (x.item.kind !== 'kpi') continue;
    x.item.id = next('K');
    if (x.goal) x.item.goals = [{ id: x.goal.id, range: x.goal.idRange }];
  }
}

/**
 * The target and deadline of a KPI written `Name: target by deadline` (the value of `kv`):
 * the last `bis`/`by`/`until` before a date-like rest (`Ende 2027`, `June 2027`) starts
 * the deadline.
 */
export function kpiValueFields(kv: RawField, lines: LineIndex): RawField[] {
  const out: RawField[] = [];
  const v = kv.raw;
  let by: RegExpExecArray | null = null;
  const byRe = /\s+(?:bis(?:\s+zum|\s+zur)?|by|until|till)\s+(?=[^]*(?:\d|\bende\b|\bend\b|jahresende))/gi;
  for (let m = byRe.exec(v); m; m = byRe.exec(v)) by = m;
  const vAt = kv.offset;
  const sub = (a: number, b: number) => (vAt !== undefined ? lines.rangeOf(vAt + a, vAt + b) : kv.range);
  const targetRaw = by ? v.slice(0, by.index) : v;
  const lead = targetRaw.length - targetRaw.trimStart().length;
  if (targetRaw.trim())
    out.push({
      key: 'target',
      name: 'target',
      keyRange: kv.keyRange,
      raw: targetRaw.trim(),
      range: sub(lead, targetRaw.trimEnd().length),
      offset: vAt !== undefined ? vAt + lead : undefined,
    });
  if (by) {
    const d0 = by.index + by[0].length;
    const d = v.slice(d0).replace(/[.;]\s*$/, '');
    out.push({
      key: 'deadline',
      name: 'deadline',
      keyRange: kv.keyRange,
      raw: d,
      range: sub(d0, d0 + d.length),
      offset: vAt !== undefined ? vAt + d0 : undefined,
    });
  }
  return out;
}
