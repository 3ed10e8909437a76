/**
 * Reads strategies and plans written in YAML (docs/format.md "Strategy in YAML", "Editorial
 * plan"). Uses eemeli/yaml with a LineCounter; a syntax error is a `syntax` problem at
 * its position and whatever the parser could still read is used.
 */
import { isMap, isSeq, isScalar, isPair, Scalar, type Node, type Pair, type YAMLMap, type YAMLError } from 'yaml';
import { commonEnds } from './markdown-chunks';
import { blankWords, blankedPiece, halfProblems, ownerIndex, ownerOf, parseReadable, type HalfWord, type Source } from './yaml-half';
import type { DocumentCache, PieceState } from './cache';
import type { Goal, Incomplete, Item, ItemKind, Kpi, MovedEntries, ParsedDocument, PlanEntry, Section, StrategyModel, EditSpan } from '../model';
import { keptSplit, splitAgain, type PlanSplit, type SplitLines, type Spliced } from './yaml-split';
import { LineIndex, comparePos, flat, movedLines, sameText, t, type BlockText, type DocText, type Range, type TextSource } from '../text';
import {
  ENTRY_LIST_KEYS as ENTRY_KEYS,
  ID_RE,
  ITEM_SECTIONS,
  fieldOf as vocabFieldOf,
  goalTypeIn,
  isSectionKey,
  namesPrimary,
  sectionsOfHeading,
  words,
  type SectionKey,
} from '../vocab';
import {
  buildEntries,
  buildItem,
  channelSlug,
  chooseKind,
  clean,
  exact,
  kpiValueFields,
  numberImplicit,
  periodField,
  yearKey,
  yearOfTitle,
  type BuildContext,
  type RawField,
} from './build';
import { detectLanguage, emptySuppressions, scanSuppressions, shiftSuppressions, yamlErrorText } from './common';

const META_KEYS = new Set([
  'stratdoc',
  'title',
  'titel',
  'language',
  'sprache',
  'period',
  'zeitraum',
  'strategy',
  'strategie',
  'description',
  'beschreibung',
  'version',
]);

/** The cut of a long plan (core/parse/yaml-split.ts), for its callers. */
export { splitPlan, SPLIT_MIN_LENGTH } from './yaml-split';

export interface YamlOptions {
  /** The server's cache (./cache.ts): with it, a long plan's entries are parsed one by one and reused. */
  cache?: DocumentCache;
  /** What the edit since the last reading changed, when the caller knows it (the server). */
  edit?: EditSpan;
  /** The text's line index when the caller has it (the server's, updated from the edit). */
  lines?: LineIndex;
}

export function parseYaml(
  uri: string,
  given: DocText,
  kind: 'strategy' | 'plan',
  detectedBy: ParsedDocument['detectedBy'],
  opts: YamlOptions = {},
): ParsedDocument {
  const lines = opts.lines ?? new LineIndex(given);
  // A keystroke whose edited lines leave the head as splitPlan reads it (most of them)
  // splices the last reading's split: only the pieces around the edit are read again
  // (`quick`, see keptSplit), from the server's text in blocks as it is (docs/decisions.md
  // "What a keystroke costs"): no string of the whole text is made. Every other reading
  // reads the text as one string.
  const quick = kind === 'plan' && opts.cache ? keptSplit(uri, given, lines, opts) : undefined;
  const text: TextSource = quick ? given : flat(given);
  const out: ParsedDocument = {
    uri,
    kind,
    format: 'yaml',
    text: typeof text === 'string' ? text : '',
    lines,
    detectedBy,
    titleRange: lines.rangeOf(0, 0),
    problems: [],
    suppressions: emptySuppressions(),
  };
  // The document's text as a string for everyone else (rules, services, preview): joined
  // when first read, never on the keystroke path.
  if (typeof text !== 'string') Object.defineProperty(out, 'text', { get: () => flat(given), enumerable: true, configurable: true });
  // After a keystroke, the last reading's comments moved by the edit (common.ts shiftSuppressions); else a scan.
  const kept = opts.cache?.suppressions();
  const e = opts.edit;
  const shifted =
    !!kept &&
    !!e &&
    sameText(e.before, kept.text) &&
    e.prefix + e.suffix <= Math.min(kept.text.length, text.length) &&
    shiftSuppressions(kept.sup, kept, e, text, lines, out.suppressions);
  if (!shifted) scanSuppressions(flat(given), lines, 'yaml', out.suppressions);
  opts.cache?.setSuppressions({ text: given, lines, sup: out.suppressions });
  const ctx: BuildContext = { uri, lines, problems: out.problems, lang: 'en' };
  const r = (a: number, b: number): Range => lines.rangeOf(a, b);

  // A long plan with a plain block list of entries is read in pieces (head, each entry,
  // tail); anything that could tie entries together makes it one parse of the whole.
  const whole = !quick && kind === 'plan' && opts.cache && typeof text === 'string' ? splitAgain(uri, text, lines, opts) : undefined;
  const split: SplitLines | undefined = quick ? quick.split : whole;
  let pairs: Pair[];
  /** The words typed without their colon that were left out of the parse (parseReadable), as offsets. */
  const cut: [number, number][] = [];
  if (split) {
    // From the split's lines (a kept split's offsets are of the text it was made for).
    const headEnd = lines.lineStart(split.firstEntryLine);
    const tailStart = lines.lineStart(split.tailLine);
    const { doc: head, half: headHalf } = parseReadable(text, 0, headEnd, kind);
    const { doc: tail, half: tailHalf } = parseReadable(text, tailStart, text.length, kind);
    if (head.errors.some(runsOn)) return parseYaml(uri, given, kind, detectedBy, { ...opts, cache: undefined, edit: undefined });
    shift(tail.contents, tailStart);
    yamlProblems(head.errors, 0, text, uri, r, out.problems);
    halfProblems(headHalf, 0, text, r, out.problems);
    yamlProblems(tail.errors, tailStart, text, uri, r, out.problems);
    halfProblems(tailHalf, tailStart, text, r, out.problems);
    cut.push(...headHalf, ...tailHalf.map(([a, b]): [number, number] => [a + tailStart, b + tailStart]));
    pairs = [...(isMap(head.contents) ? head.contents.items : []), ...(isMap(tail.contents) ? tail.contents.items : [])];
  } else {
    const { doc, half: words } = parseReadable(text, 0, text.length, kind);
    yamlProblems(doc.errors, 0, text, uri, r, out.problems);
    halfProblems(words, 0, text, r, out.problems);
    cut.push(...words);
    const root = doc.contents;
    if (!isMap(root)) {
      if (root !== null && root !== undefined) {
        out.problems.push({
          rule: 'schema',
          range: nodeRange(root, r) ?? out.titleRange,
          message: t(
            `A stratdoc ${kind} in YAML is a mapping of keys (stratdoc, title, ${kind === 'plan' ? 'entries' : 'goals, kpis…'}).`,
            `Ein stratdoc-${kind === 'plan' ? 'Plan' : 'Strategiedokument'} in YAML ist eine Zuordnung von Schlüsseln (stratdoc, title, ${kind === 'plan' ? 'entries' : 'goals, kpis…'}).`,
          ),
        });
      }
      if (kind === 'strategy') out.strategy = emptyStrategy();
      else out.plan = { entries: [] };
      return out;
    }
    pairs = root.items;
  }

  // What the fields are read from: the text with those words blanked, as they were parsed.
  // (The text in blocks, a keystroke's, blanked block by block: a word being typed in the head or tail joins nothing.)
  const src: TextSource = !cut.length
    ? text
    : typeof text === 'string'
      ? blankWords(text, cut)
      : cut.reduce((s, [a, b]) => s.edit(a, b, ' '.repeat(b - a)), given as BlockText);
  const half = cut.map(([a, b]) => ({ text: text.slice(a, b), range: r(a, b) }));
  const top = new Map<string, Pair>();
  // The top-level keys as written, for completion (ParsedDocument.topKeys).
  const topKeys: NonNullable<ParsedDocument['topKeys']> = [];
  for (const pair of pairs) {
    const k = keyText(pair);
    if (k === undefined) continue;
    if (!top.has(words(k).join(' '))) top.set(words(k).join(' '), pair);
    const kr = (pair.key as Node).range;
    if (!kr) continue;
    // A key YAML reads over lines (a word typed without its colon above it, `stratdo` above
    // `titel:`) is the key on its last line when that stands at column 0, as in front matter.
    const nl = src.lastIndexOf('\n', kr[1] - 1);
    const last = nl >= kr[0] && !/[ \t]/.test(src.charAt(nl + 1) || ' ') ? nl + 1 : kr[0];
    topKeys.push({ key: last === kr[0] ? k : src.slice(last, kr[1]).trim(), keyRange: r(last, kr[1]) });
  }
  // After a syntax error YAML may read nothing more (its error recovery); the keys written at column 0 below
  // the last key it read count all the same, as written (a line scan of that rest, only then).
  if (out.problems.some((p) => p.rule === 'syntax' && !p.halfTyped)) {
    const lastPair = pairs[pairs.length - 1];
    if (typeof src === 'string') keysAfter(src, lastPair, r, topKeys);
    else {
      // The text in blocks (a keystroke): that scan is for completion only, so it is made
      // when the keys are first read, not on every keystroke while the error stands.
      Object.defineProperty(out, 'topKeys', {
        get: () => {
          keysAfter(flat(src as DocText), lastPair, r, topKeys);
          const value = topKeys.length ? topKeys : undefined;
          Object.defineProperty(out, 'topKeys', { value, writable: true, enumerable: true, configurable: true });
          return value;
        },
        enumerable: true,
        configurable: true,
      });
    }
  }
  if (topKeys.length && !Object.prototype.hasOwnProperty.call(out, 'topKeys')) out.topKeys = topKeys;
  const get = (...names: string[]) => {
    for (const n of names) {
      const p = top.get(n);
      if (p) return p;
    }
    return undefined;
  };
  const titlePair = get('title', 'titel');
  const titleField = titlePair && fieldOf(titlePair, src, r);
  if (titleField && clean(titleField.raw)) {
    out.title = clean(titleField.raw);
    out.titleRange = titleField.range;
  } else {
    const marker = get('stratdoc');
    if (marker && isScalar(marker.key) && marker.key.range) out.titleRange = r(marker.key.range[0], marker.key.range[1]);
  }
  const langPair = get('language', 'sprache');
  const lang = langPair ? detectLanguage(fieldOf(langPair, src, r)?.raw ?? '') : undefined;
  if (lang) out.language = lang;
  ctx.lang = out.language ?? 'en';
  const periodPair = get('period', 'zeitraum');
  const pf = periodPair && fieldOf(periodPair, src, r);
  if (pf && clean(pf.raw)) out.period = periodField(pf, ctx);

  if (kind === 'plan') {
    ctx.years = { period: out.period?.value, year: yearOfTitle(out.title) };
    const sp = get('strategy', 'strategie');
    const sf = sp && fieldOf(sp, src, r);
    let entries: PlanEntry[] = [];
    let moved: MovedEntries | undefined;
    let entriesRange: Range | undefined;
    if (split) {
      for (const [k, pair] of top) if (ENTRY_KEYS.has(k)) entriesRange = nodeRange(pair.key as Node, r);
      // What the last reading of this document built is reused for every entry whose text
      // is unchanged: entries before the edit as they are, entries after it as they are
      // when no line was added or removed (their ranges are lines and columns, so they
      // hold), else with their lines moved (slowPieces).
      // `open`: the piece ends inside a quote or flow collection, which read whole would
      // run on into the entries after it.
      const stateKey = `${uri}|${ctx.lang}|${yearKey(ctx.years)}`;
      const prev = opts.cache!.pieces<Built, PlanEntry>(stateKey);
      // A kept split needs the last reading's pieces of it (under the same key: the head,
      // which sets language and years, was not edited); else the split is made again.
      if (quick && (!prev || !sameText(prev.text, opts.edit!.before) || prev.pieces.length !== quick.oldCount))
        return parseYaml(uri, given, kind, detectedBy, { ...opts, edit: undefined });
      /** Reads one piece (the text from line `a` to line `b`'s end); its entries numbered from `index`. */
      const readPiece = (a: number, b: number, index: number): Built => {
        const start = lines.lineStart(a);
        const end = lines.lineStart(b + 1);
        const built: Built = { entries: [], problems: [] };
        const { doc, half: words } = parseReadable(text, start, end, kind);
        const ptext = words.length ? blankedPiece(text, start, end, words) : text;
        shift(doc.contents, start);
        yamlProblems(doc.errors, start, text, uri, r, built.problems);
        halfProblems(words, start, text, r, built.problems);
        if (doc.errors.some(runsOn)) built.open = true;
        const local: BuildContext = { ...ctx, problems: built.problems };
        const seq = doc.contents;
        for (const el of isSeq(seq) ? seq.items : []) {
          if (isMap(el)) built.entries.push(...buildEntries(fieldsOfMap(el, ptext, r), nodeRange(el, r)!, index + built.entries.length, local));
          else if (el !== null && el !== undefined) built.problems.push(notAnEntry(el as Node, r, entriesRange));
        }
        if (words.length) {
          built.half = words.map(([x, y]) => {
            const range = r(x + start, y + start);
            return { text: text.slice(x + start, y + start), range, entry: ownerIndex(range, built.entries, ptext, lines) };
          });
        }
        // Kept until the piece is edited: cut to length (build.ts exact).
        built.entries = exact(built.entries);
        built.problems = exact(built.problems);
        return built;
      };
      const {
        state: next,
        fresh,
        moved: copies,
      } = quick && prev ? splicePieces(given, lines, prev, quick, readPiece) : slowPieces(flat(given), lines, whole!, prev, opts.edit, readPiece);
      for (const i of next.withProblems) {
        const built = next.pieces[i].built;
        for (const p of built.problems) out.problems.push(p);
        // A half-typed word is a problem of its piece, so its piece is among these.
        for (const h of built.half ?? [])
          (out.incomplete ??= []).push({ text: h.text, range: h.range, owner: h.entry >= 0 ? next.entries[next.first[i] + h.entry] : 'document' });
      }
      opts.cache!.setPieces(stateKey, next, fresh);
      // A cut must not change what the text means (splitPlan): a quote or bracket left
      // open (mostly while typing) is read with the rest, as a fresh check reads it. The
      // pieces stay cached, so closing it reads only the piece again.
      if (next.open) return parseYaml(uri, given, kind, detectedBy, { ...opts, cache: undefined, edit: undefined });
      entries = next.entries;
      moved = copies;
    }
    for (const [k, pair] of split ? [] : top) {
      if (!ENTRY_KEYS.has(k)) continue;
      entriesRange = nodeRange(pair.key as Node, r);
      const v = pair.value;
      if (isSeq(v)) {
        for (const el of v.items) {
          if (isMap(el)) {
            const fields = fieldsOfMap(el, src, r);
            entries.push(...buildEntries(fields, nodeRange(el, r)!, entries.length, ctx));
          } else if (el !== null && el !== undefined) {
            out.problems.push(notAnEntry(el as Node, r, entriesRange));
          }
        }
      } else if (v !== null && v !== undefined && !(isScalar(v) && v.value === null)) {
        out.problems.push({
          rule: 'schema',
          range: nodeRange(v as Node, r) ?? entriesRange!,
          message: t(`'${keyText(pair)}' is a list of entries.`, `'${keyText(pair)}' ist eine Liste von Einträgen.`),
        });
      }
      break;
    }
    if (half.length) {
      const found = half.map((h) => ({ text: h.text, range: h.range, owner: ownerOf(h.range, entries, src, lines) ?? ('document' as const) }));
      out.incomplete = out.incomplete ? [...found, ...out.incomplete].sort((a, b) => comparePos(a.range.start, b.range.start)) : found;
    }
    out.plan = { entries, entriesRange, strategyPath: sf && clean(sf.raw) ? { value: clean(sf.raw), raw: sf.raw, range: sf.range } : undefined };
    if (moved) Object.defineProperty(out.plan, 'moved', { value: moved, enumerable: false });
    return out;
  }

  const model = emptyStrategy();
  const implicit: { item: Goal | Kpi }[] = [];
  /** The mappings in item sections without an ID yet, owned by their section (ParsedDocument.incomplete `item`). */
  const noId: Incomplete[] = [];
  for (const pair of pairs) {
    const k = keyText(pair);
    if (k === undefined) continue;
    const folded = words(k).join(' ');
    if (META_KEYS.has(folded)) continue;
    const keys: SectionKey[] = isSectionKey(folded) ? [folded] : sectionsOfHeading(k);
    if (!keys.length) continue;
    const kr = nodeRange(pair.key as Node, r)!;
    const v = pair.value as Node | null;
    const vr = v && nodeRange(v, r);
    const section: Section = {
      keys,
      heading: k,
      headingRange: kr,
      range: { start: kr.start, end: vr?.end ?? kr.end },
      explicit: false,
      content: v && v.range ? src.slice(v.range[0], v.range[1]) : '',
    };
    model.sections.push(section);
    const kinds = keys.map((s) => ITEM_SECTIONS[s]).filter((x): x is ItemKind => !!x);
    if (!kinds.length || !v) continue;
    readItems(v, kinds, model, ctx, src, r, implicit, (range, fields) =>
      noId.push({ text: fields[0]?.key ?? '', range, owner: section, item: { kind: kinds[0], fields: exact(fields) } }),
    );
  }
  numberImplicit(model, implicit);
  out.strategy = model;
  if (half.length || noId.length) {
    const items = [...model.people, ...model.goals, ...model.kpis, ...model.audiences, ...model.channels].sort((a, b) =>
      comparePos(a.range.start, b.range.start),
    );
    const words: Incomplete[] = half.map((h) => ({
      text: h.text,
      range: h.range,
      owner: ownerOf(h.range, items, src, lines) ?? (h.range.start.character > 0 ? ownerOf(h.range, model.sections, src, lines) : undefined) ?? 'document',
    }));
    out.incomplete = noId.length ? [...words, ...noId].sort((a, b) => comparePos(a.range.start, b.range.start)) : words;
  }
  return out;
}

function readItems(
  v: Node,
  kinds: ItemKind[],
  model: StrategyModel,
  ctx: BuildContext,
  text: Source,
  r: (a: number, b: number) => Range,
  implicit: { item: Goal | Kpi }[],
  noId: (range: Range, fields: RawField[]) => void,
): void {
  const add = (it: Item) => {
    switch (it.kind) {
      case 'person':
        model.people.push(it);
        break;
      case 'goal':
        model.goals.push(it);
        break;
      case 'kpi':
        model.kpis.push(it);
        break;
      case 'audience':
        model.audiences.push(it);
        break;
      case 'channel':
        model.channels.push(it);
        break;
    }
  };
  /**
   * A goal or KPI without an ID (docs/format.md "Goals and KPIs as plain lists"): a string with
   * blanks (`- Mehr Reichweite in der Region`) or a one-key mapping whose key is no field
   * (`- Follower Instagram: +20 % bis Ende 2027`). Returns whether it was one.
   */
  const implicitItem = (titleField: RawField, value: RawField | undefined, range: Range): boolean => {
    const goals = kinds.includes('goal');
    const kpis = kinds.includes('kpi');
    const title = clean(titleField.raw);
    if ((!goals && !kpis) || !title) return false;
    const head = { id: '', idRange: titleField.range, range, title: { value: title, raw: titleField.raw, range: titleField.range } };
    if (kpis && (!goals || (value && /\d/.test(value.raw)))) {
      const k = buildItem({ ...head, kind: 'kpi' }, value ? kpiValueFields(value, ctx.lines) : [], ctx) as Kpi;
      k.implicit = true;
      add(k);
      implicit.push({ item: k });
      return true;
    }
    const desc: RawField[] = value && clean(value.raw) ? [{ ...value, key: 'description', name: 'description' }] : [];
    const g = buildItem({ ...head, kind: 'goal' }, desc, ctx) as Goal;
    g.implicit = true;
    const all = `${title} ${value?.raw ?? ''}`;
    const type = goalTypeIn(all);
    if (type) g.type = { value: type, raw: title, range: titleField.range };
    if (namesPrimary(all)) g.primary = { value: true, raw: title, range: titleField.range };
    add(g);
    implicit.push({ item: g });
    return true;
  };
  const fromMap = (m: YAMLMap, idNode?: Scalar, idText?: string) => {
    const fields = fieldsOfMap(m, text, r);
    if (!idText && fields.length === 1 && !vocabFieldOf(fields[0].key) && !(ID_RE.test(fields[0].key.trim()) && /[\d._-]/.test(fields[0].key))) {
      const f = fields[0];
      if (implicitItem({ ...f, raw: f.key, range: f.keyRange, offset: undefined }, f, nodeRange(m, r)!)) return;
    }
    const idField =
      fields.find((f) => ['id', 'handle', 'kennung'].includes(words(f.key).join(' '))) ??
      (kinds.includes('channel') || kinds.includes('person')
        ? fields.find((f) => ['channel', 'kanal', 'name', 'person'].includes(words(f.key).join(' ')))
        : undefined);
    let id = idText ?? (idField ? clean(idField.raw) : '');
    const idRange = idNode?.range ? r(idNode.range[0], idNode.range[1]) : idField?.range;
    const range = nodeRange(m, r)!;
    if (!id || !idRange) {
      ctx.problems.push({
        rule: 'schema',
        range: idRange ?? range,
        message: t('This item has no id: add `id: …`.', 'Dieser Eintrag hat keine ID: ergänzen Sie `id: …`.'),
      });
      noId(range, fields);
      return;
    }
    const kind = chooseKind(kinds, id, fields);
    if (kind === 'channel') id = channelSlug(id);
    if (kind === 'person') id = id.replace(/^@/, '');
    const item = buildItem(
      { kind, id, idRange, range },
      fields.filter((f) => f !== idField),
      ctx,
    );
    if (idField) item.idKey = { key: idField.key, keyRange: idField.keyRange };
    add(item);
  };
  if (isSeq(v)) {
    for (const el of v.items) {
      if (isMap(el)) fromMap(el);
      else if (isScalar(el) && el.value !== null && el.range) {
        // A goal or KPI written as words, not an ID.
        if (/\s/.test(String(el.value).trim()) && !kinds.includes('person') && !kinds.includes('channel')) {
          const raw = String(el.value);
          const kv = /^([^:]{1,80}?):\s+(.*)$/s.exec(raw);
          const range = r(el.range[0], el.range[1]);
          const off = scalarOffset(el, text);
          const titleF: RawField = {
            key: 'title',
            keyRange: range,
            raw: kv ? kv[1] : raw,
            range: off !== undefined && kv ? r(off, off + kv[1].length) : range,
          };
          const valueF: RawField | undefined = kv
            ? {
                key: kv[1],
                keyRange: titleF.range,
                raw: kv[2],
                range: off !== undefined ? r(off + raw.length - kv[2].length, off + raw.length) : range,
                offset: off !== undefined ? off + raw.length - kv[2].length : undefined,
              }
            : undefined;
          if (implicitItem(titleF, valueF, range)) continue;
        }
        let id = clean(String(el.value));
        const kind = chooseKind(kinds, id, []);
        if (kind === 'channel') id = channelSlug(id);
        if (kind === 'person') {
          // `anna`, `"@anna"`, or `"Anna Berg (@anna)"`.
          const m = /@([A-Za-z][A-Za-z0-9_.-]*)/.exec(id);
          if (m) id = m[1];
          else if (!ID_RE.test(id)) continue;
        }
        if (!id) continue;
        const range = r(el.range[0], el.range[1]);
        add(buildItem({ kind, id, idRange: range, range }, [], ctx));
      }
    }
  } else if (isMap(v)) {
    for (const pair of v.items) {
      const k = keyText(pair);
      if (!k || !isScalar(pair.key)) continue;
      const val = pair.value;
      if (isMap(val)) fromMap(val, pair.key, clean(k));
      else {
        let id = clean(k);
        const kind = chooseKind(kinds, id, []);
        if (kind === 'channel') id = channelSlug(id);
        if (kind === 'person') id = id.replace(/^@/, '');
        const kr = r(pair.key.range![0], pair.key.range![1]);
        const vr: Range | undefined = val ? nodeRange(val as Node, r) : undefined;
        const fields: RawField[] = [];
        if (isScalar(val) && val.value !== null && vr) {
          fields.push({ key: 'title', name: 'title', keyRange: kr, raw: String(val.value), range: vr });
        }
        add(buildItem({ kind, id, idRange: kr, range: { start: kr.start, end: vr?.end ?? kr.end } }, fields, ctx));
      }
    }
  }
}

/** What was built from one piece of a plan read in pieces. */
type Built = { entries: PlanEntry[]; problems: ParsedDocument['problems']; open?: boolean; half?: HalfWord[] };
type Pieces = PieceState<Built, PlanEntry>;
type ReadPiece = (startLine: number, endLine: number, index: number) => Built;

function emptyPieces(text: DocText, lines: LineIndex): Pieces {
  return { text, lines, pieces: [], entries: [], first: [], withProblems: [], open: 0 };
}

/** Appends a piece to a reading in pieces; its entries are numbered where they land. */
function addPiece(state: Pieces, startLine: number, endLine: number, built: Built): void {
  const i = state.pieces.length;
  state.pieces.push({ startLine, endLine, built });
  state.first.push(state.entries.length);
  // An entry before it that split in two or merged (a stray character while typing)
  // moves the index of the entries after it; nothing else of an entry depends on it.
  for (const e of built.entries) {
    e.index = state.entries.length;
    state.entries.push(e);
  }
  if (built.problems.length) state.withProblems.push(i);
  if (built.open) state.open++;
}

/** A piece read before, its lines moved by `dl` (text.ts movedLines), each entry noted in `of` as the copy it is (PlanModel.moved). */
function movedPiece(built: Built, dl: number, of: Map<PlanEntry, PlanEntry>): Built {
  const copy = movedLines(built, dl);
  for (let x = 0; x < copy.entries.length; x++) of.set(copy.entries[x], built.entries[x]);
  return copy;
}

/**
 * The pieces of a split, each taken from the last reading where its text is unchanged
 * (before the edit as it was, after it as it was or with its lines moved), else read.
 */
function slowPieces(
  text: string,
  lines: LineIndex,
  split: PlanSplit,
  prev: Pieces | undefined,
  edit: EditSpan | undefined,
  readPiece: ReadPiece,
): { state: Pieces; fresh: Built[]; moved?: MovedEntries } {
  // The editor's range when it was made to the text of the last reading (the server's
  // keystrokes), else found by comparing the two texts.
  const given = edit && prev && sameText(edit.before, prev.text) && edit.prefix + edit.suffix <= Math.min(prev.text.length, text.length) ? edit : undefined;
  const ends = prev ? (given ? { prefix: given.prefix, suffix: given.suffix } : commonEnds(flat(prev.text), text)) : undefined;
  // Lines added (or removed, negative) by the edit: the pieces after it moved by as many.
  const dl = prev ? lines.lineCount - prev.lines.lineCount : 0;
  const state = emptyPieces(text, lines);
  const fresh: Built[] = [];
  const moved = new Map<PlanEntry, PlanEntry>();
  let j = 0;
  for (const c of split.chunks) {
    let built: Built | undefined;
    const before = !!ends && c.end <= ends.prefix;
    if (prev && ends && (before || c.start >= text.length - ends.suffix)) {
      // The last reading's piece of the same text: on the same lines before the edit, `dl`
      // lines up after it. One that moved is the same reading with its lines moved
      // (text.ts movedLines): new objects, so the entry rules see new entries.
      const was = before ? 0 : dl;
      while (j < prev.pieces.length && prev.pieces[j].startLine < c.startLine - was) j++;
      const old = prev.pieces[j];
      if (old && old.startLine === c.startLine - was && old.endLine === c.endLine - was) built = was ? movedPiece(old.built, was, moved) : old.built;
    }
    if (!built) {
      built = readPiece(c.startLine, c.endLine, state.entries.length);
      fresh.push(built);
    }
    addPiece(state, c.startLine, c.endLine, built);
  }
  return { state, fresh, moved: moved.size ? { dl, of: moved } : undefined };
}

/**
 * The last reading with its pieces `[lo, oldHi)` replaced by the pieces `[lo, newHi)` of
 * the spliced split, read again (keptSplit: the edit lies inside them). The pieces before
 * are the last reading's as they are; those after too when the edit added or removed no
 * line, else copies with their lines moved (text.ts movedLines: new objects, so the entry
 * rules see new entries). The lists are block copies with their part replaced; the entries
 * after the edited pieces are numbered again only when the edit changed how many there
 * are (a start line lost or made, a piece that has more or fewer entries).
 */
function splicePieces(
  text: DocText,
  lines: LineIndex,
  prev: Pieces,
  q: Spliced,
  readPiece: ReadPiece,
): { state: Pieces; fresh: Built[]; moved?: MovedEntries } {
  const { split, lo, oldHi, newHi, delta } = q;
  const n = split.starts;
  const count = prev.pieces.length;
  const from = lo < count ? prev.first[lo] : prev.entries.length;
  const to = oldHi < count ? prev.first[oldHi] : prev.entries.length;
  const made: Pieces['pieces'] = [];
  const madeFirst: number[] = [];
  const madeEntries: PlanEntry[] = [];
  let open = prev.open;
  for (let k = lo; k < oldHi; k++) if (prev.pieces[k].built.open) open--;
  for (let k = lo; k < newHi; k++) {
    const endLine = (k + 1 < n.length ? n[k + 1] : split.tailLine) - 1;
    const built = readPiece(n[k], endLine, from + madeEntries.length);
    made.push({ startLine: n[k], endLine, built });
    madeFirst.push(from + madeEntries.length);
    for (const e of built.entries) madeEntries.push(e);
    if (built.open) open++;
  }
  const dPieces = newHi - oldHi;
  const dEntries = madeEntries.length - (to - from);
  const pieces = prev.pieces.slice();
  pieces.splice(lo, oldHi - lo, ...made);
  const entries = prev.entries.slice();
  entries.splice(from, to - from, ...madeEntries);
  // The pieces after the edit: their lines moved by the lines it added or removed.
  const moved = new Map<PlanEntry, PlanEntry>();
  if (delta) {
    for (let k = newHi; k < pieces.length; k++) {
      const old = pieces[k];
      const built = movedPiece(old.built, delta, moved);
      pieces[k] = { startLine: old.startLine + delta, endLine: old.endLine + delta, built };
      const at = prev.first[k - dPieces] + dEntries;
      for (let x = 0; x < built.entries.length; x++) entries[at + x] = built.entries[x];
    }
  }
  // An entry merged or split off moves the index of those after it; nothing else of an entry depends on it.
  if (dEntries) for (let x = from + madeEntries.length; x < entries.length; x++) entries[x].index = x;
  let first = prev.first;
  if (dPieces || dEntries || madeFirst.some((f, i) => f !== prev.first[lo + i])) {
    first = prev.first.slice(0, lo);
    for (const f of madeFirst) first.push(f);
    for (let k = oldHi; k < count; k++) first.push(prev.first[k] + dEntries);
  }
  const withProblems: number[] = [];
  for (const i of prev.withProblems) if (i < lo) withProblems.push(i);
  for (let k = 0; k < made.length; k++) if (made[k].built.problems.length) withProblems.push(lo + k);
  for (const i of prev.withProblems) if (i >= oldHi) withProblems.push(i + dPieces);
  return {
    state: { text, lines, pieces, entries, first, withProblems, open },
    fresh: made.map((p) => p.built),
    moved: moved.size ? { dl: delta, of: moved } : undefined,
  };
}

function notAnEntry(el: Node, r: (a: number, b: number) => Range, entriesRange: Range | undefined): ParsedDocument['problems'][number] {
  return {
    rule: 'schema',
    range: nodeRange(el, r) ?? entriesRange ?? r(0, 0),
    message: t('An entry is a mapping of fields (date, channel, title…).', 'Ein Eintrag ist eine Zuordnung von Feldern (date, channel, title…).'),
  };
}

/** A YAML error that leaves a quoted scalar or a flow collection open at the end of the text read. */
function runsOn(err: YAMLError): boolean {
  // By the message: the code MISSING_CHAR also stands for a key without its colon's value,
  // which stays inside its entry.
  return /^Missing closing ["']quote|^Flow (?:sequence|map)\b.*\bend with a/.test(err.message);
}

/** YAML errors as `syntax` problems; an unquoted `@handle` gets "quote it" and its fix. */
function yamlProblems(
  errors: readonly YAMLError[],
  base: number,
  text: TextSource,
  uri: string,
  r: (a: number, b: number) => Range,
  into: ParsedDocument['problems'],
): void {
  for (const err of errors) {
    const a = err.pos[0] + base;
    const b = err.pos[1] + base;
    if (err.code === 'BAD_SCALAR_START' && text.charAt(a) === '@') {
      let e = a;
      while (e < text.length && !/[\n\r,\]}]/.test(text.charAt(e)) && !(text.charAt(e) === '#' && /\s/.test(text.charAt(e - 1)))) e++;
      while (e > a && /\s/.test(text.charAt(e - 1))) e--;
      const value = text.slice(a, e);
      into.push({
        rule: 'syntax',
        range: r(a, e),
        message: t(
          `'${value}' starts with @, which YAML reserves: quote it ("${value}") or write it without @.`,
          `'${value}' beginnt mit @, das YAML reserviert: setzen Sie es in Anführungszeichen ("${value}") oder schreiben Sie es ohne @.`,
        ),
        fixes: [
          {
            title: t(`Quote it: "${value}"`, `In Anführungszeichen setzen: "${value}"`),
            edits: [{ uri, edits: [{ range: r(a, e), newText: JSON.stringify(value) }] }],
            preferred: true,
            // Quoting changes how the value is written, not what it says (docs/decisions.md "Fixing for you").
            safe: true,
          },
        ],
      });
      continue;
    }
    into.push({
      rule: 'syntax',
      range: r(a, Math.max(b, a)),
      message: yamlErrorText(err.message) ?? t(`YAML syntax error: ${firstLine(err.message)}`, `YAML-Syntaxfehler: ${firstLine(err.message)}`),
    });
  }
}

/** Moves every node's range by `delta` (a piece parsed on its own, placed in the document). */
function shift(node: Node | Pair | null | undefined, delta: number): void {
  if (!node || delta === 0) return;
  if (isPair(node)) {
    shift(node.key as Node, delta);
    shift(node.value as Node, delta);
    return;
  }
  if (node.range) node.range = [node.range[0] + delta, node.range[1] + delta, node.range[2] + delta];
  if (isMap(node) || isSeq(node)) for (const it of node.items as (Node | Pair)[]) shift(it, delta);
}

function emptyStrategy(): StrategyModel {
  return { sections: [], people: [], goals: [], kpis: [], audiences: [], channels: [] };
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * A key at column 0 (not a `- ` item, comment, document marker or flow collection), quoted
 * or plain, or a word there without its colon (a key being typed: the lines below are its).
 */
const TOP_KEY_LINE = /^([^\s#'"[\]{},:&*!|>%@`-][^:#\n\r]*?|"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*')[ \t]*(?::(?=[ \t]|\r?$)|\r?$)/gm;

/**
 * The keys at column 0 of `text` after pair `last` (ParsedDocument.topKeys after a syntax
 * error): after its value when that is a scalar (a quote left open holds the lines below
 * it, as YAML reads them), else after its key (no line at column 0 lies in a block
 * collection of a top-level key; YAML's recovery may have put the rest of the text in it).
 */
function keysAfter(text: string, last: Pair | undefined, r: (a: number, b: number) => Range, into: NonNullable<ParsedDocument['topKeys']>): void {
  const end = (n: unknown) => (n && (n as Node).range ? (n as Node).range![1] : 0);
  TOP_KEY_LINE.lastIndex = last ? Math.max(end(last.key), isScalar(last.value) ? end(last.value) : 0) : 0;
  for (let m = TOP_KEY_LINE.exec(text); m; m = TOP_KEY_LINE.exec(text)) {
    const k = m[1];
    into.push({ key: /^["']/.test(k) ? k.slice(1, -1) : k, keyRange: r(m.index, m.index + k.length) });
    // A quoted value holds the lines up to its closing quote (to the end when there is none), as YAML reads it.
    const open = /[ \t]*(["'])/y;
    open.lastIndex = TOP_KEY_LINE.lastIndex;
    if (!open.exec(text)) continue;
    const close = text[open.lastIndex - 1] === '"' ? /(?:[^"\\]|\\[^])*"/y : /(?:[^']|'')*'/y;
    close.lastIndex = open.lastIndex;
    if (!close.exec(text)) break;
    TOP_KEY_LINE.lastIndex = close.lastIndex;
  }
}

function keyText(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return k.value === null || k.value === undefined ? undefined : String(k.value);
  return undefined;
}

function nodeRange(n: Node | null | undefined, r: (a: number, b: number) => Range): Range | undefined {
  if (!n || !n.range) return undefined;
  return r(n.range[0], n.range[1]);
}

/** The verbatim offset of a scalar's value in the text, when its text is its value. */
function scalarOffset(s: Scalar, text: Source): number | undefined {
  if (!s.range) return undefined;
  const src = text.slice(s.range[0], s.range[1]);
  const v = String(s.value);
  if (s.type === Scalar.PLAIN && src === v) return s.range[0];
  if ((s.type === Scalar.QUOTE_DOUBLE || s.type === Scalar.QUOTE_SINGLE) && src.slice(1, -1) === v) return s.range[0] + 1;
  return undefined;
}

/**
 * A field as written; `name` is set by whoever reads it as a plan entry or an item
 * (build.ts), and is part of the literal so that setting it adds no property store to
 * each field (docs/decisions.md "Memory").
 */
function fieldOf(pair: Pair, text: Source, r: (a: number, b: number) => Range): RawField | undefined {
  const key = keyText(pair);
  if (key === undefined || !isScalar(pair.key) || !pair.key.range) return undefined;
  const keyRange = r(pair.key.range[0], pair.key.range[1]);
  const v = pair.value as Node | null;
  if (v === null || v === undefined || (isScalar(v) && (v.value === null || v.value === undefined))) {
    const at = v && v.range ? v.range[0] : pair.key.range[1] + 1;
    return { key, keyRange, name: undefined, raw: '', range: r(Math.min(at, text.length), Math.min(at, text.length)) };
  }
  if (isScalar(v)) {
    return { key, keyRange, name: undefined, raw: String(v.value), range: nodeRange(v, r)!, offset: scalarOffset(v, text) };
  }
  if (isSeq(v)) {
    const items = v.items
      .filter((x): x is Scalar => isScalar(x) && x.value !== null && x.value !== undefined && !!x.range)
      .map((x) => ({ value: String(x.value), raw: text.slice(x.range![0], x.range![1]), range: r(x.range![0], x.range![1]) }));
    return { key, keyRange, name: undefined, raw: items.map((i) => i.value).join(', '), range: nodeRange(v, r)!, isList: true, items };
  }
  const vr = nodeRange(v, r)!;
  return { key, keyRange, name: undefined, raw: v.range ? text.slice(v.range[0], v.range[1]).trim() : '', range: vr };
}

function fieldsOfMap(m: YAMLMap, text: Source, r: (a: number, b: number) => Range): RawField[] {
  const out: RawField[] = [];
  for (const pair of m.items) {
    if (!isPair(pair)) continue;
    const f = fieldOf(pair, text, r);
    if (f) out.push(f);
  }
  return out;
}
