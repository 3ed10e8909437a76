/**
 * The canonical form of a document (docs/cli.md "Convert", docs/decisions.md "Convert"):
 * what `stratdoc convert` writes for a plan or strategy read in any shape (a wild Markdown
 * table, an Airtable YAML export, a CSV from a spreadsheet). The format of docs/format.md:
 * the marker and the document settings, canonical keys and columns, IDs where the project
 * resolves a name, ISO dates, the status and mode enums. Nothing is dropped silently: a
 * column or key stratdoc does not know is kept under its own name, a value it cannot read
 * is kept as written (so `stratdoc check` still reports it). Pure: model in, text out.
 */
import { stringify } from 'yaml';
import type { Field, Item, ParsedDocument, PlanEntry, Ref } from './model';
import type { Project } from './project';
import type { Lang } from './text';
import { channelSlug } from './parse/build';
import { channelName as writtenChannel } from './rules/channels';
import { GOAL_TYPES, MODES, STATUSES, enumLabel, sectionsOfHeading, type FieldName, type SectionKey } from './vocab';
import { ITEM_FIELD_LABELS, PLAN_COLUMNS, PLAN_HEADERS, PLAN_KEYS, SECTION_HEADINGS, YES_NO, type PlanColumn } from './canonical-vocab';

export type ConvertTarget = 'yaml' | 'md';

export interface ConvertOptions {
  to: ConvertTarget;
  /** The language of headers, labels and status words in Markdown (the document's own, else this). */
  lang: Lang;
  /**
   * The `strategy:` the converted plan names: undefined keeps the one the document writes,
   * a string writes that path (the CLI recomputes it for an `--out` in another folder).
   */
  strategyPath?: string;
}

/** A value of the canonical form: text, a list (a cross-post's channels, several IDs) or yes/no. */
type Value = string | string[] | boolean;

/** One field of the output: a canonical field (`name`) or a kept one under its own key. */
interface OutField {
  key: string;
  name?: string;
  value: Value;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The text a field was written with: a YAML list's items, else the cell's text. */
function rawOf(f: Field): Value {
  if (f.isList && f.items) return f.items.map((i) => clean(i.value)).filter(Boolean);
  return f.raw.replace(/\r\n?/g, '\n').trim();
}

function isEmpty(v: Value | undefined): boolean {
  return v === undefined || (Array.isArray(v) ? v.length === 0 : typeof v === 'string' && !v.trim());
}

/** Resolves a reference through the project: the ID of what it names, else the text as written. */
function resolve(project: Project | undefined, kinds: ('goal' | 'kpi' | 'audience' | 'person')[], r: Ref): { id: string; found: boolean } {
  for (const k of kinds) {
    const it = project?.lookup(k, r.id);
    if (it) return { id: it.id, found: true };
  }
  return { id: r.id, found: false };
}

function settings(doc: ParsedDocument, opts: ConvertOptions, kind: 'plan' | 'strategy'): [string, string][] {
  const out: [string, string][] = [['stratdoc', kind]];
  if (doc.title) out.push(['title', doc.title]);
  out.push(['language', doc.language ?? opts.lang]);
  if (doc.period) out.push(['period', `${doc.period.value.start}..${doc.period.value.end}`]);
  const strategy = opts.strategyPath ?? doc.plan?.strategyPath?.value;
  if (kind === 'plan' && strategy) out.push(['strategy', strategy]);
  return out;
}

// ---------------------------------------------------------------- plans

/** The fields a plan entry's canonical columns consume (the rest is kept under its own key). */
const PLAN_NAMES = new Set<FieldName>(PLAN_COLUMNS);

/**
 * The rows of a plan: one per row or mapping of the document. A cross-post stays one row
 * with its channels as a list (the canonical cross-post form, docs/format.md "Cross-posts").
 */
function planRows(doc: ParsedDocument, project: Project | undefined, opts: ConvertOptions): OutField[][] {
  const entries = doc.plan?.entries ?? [];
  const rows: OutField[][] = [];
  for (let i = 0; i < entries.length;) {
    const group: PlanEntry[] = [entries[i]];
    while (i + group.length < entries.length && entries[i + group.length].fields === entries[i].fields) group.push(entries[i + group.length]);
    i += group.length;
    rows.push(planRow(doc, group, project, opts));
  }
  return rows;
}

function planRow(doc: ParsedDocument, group: PlanEntry[], project: Project | undefined, opts: ConvertOptions): OutField[] {
  const e = group[0];
  const md = opts.to === 'md';
  const lang = doc.language ?? opts.lang;
  const byName = new Map<FieldName, Field>();
  for (const f of e.fields) if (f.name && !byName.has(f.name)) byName.set(f.name, f);
  const raw = (n: FieldName): Value | undefined => {
    const f = byName.get(n);
    return f ? rawOf(f) : undefined;
  };
  const v = new Map<PlanColumn, Value | undefined>();
  v.set('id', e.id?.id ?? raw('id'));
  v.set('date', e.isoDate ?? (byName.has('date') ? raw('date') : undefined));
  // A time read from a date-time cell (`2027-03-02 09:00`) gets a column of its own.
  v.set('time', e.time?.value ?? raw('time'));
  const channels = group.map((g) => channelOf(doc, g, project, md)).filter((c): c is string => !!c);
  v.set('channel', channels.length > 1 ? channels : (channels[0] ?? raw('channel')));
  v.set('format', e.format?.value ?? raw('format'));
  v.set('title', e.title?.value ?? raw('title'));
  v.set('mode', e.mode && !e.mode.inferred ? (md ? enumLabel(MODES, e.mode.value, lang) : e.mode.value) : byName.has('mode') ? raw('mode') : undefined);
  // Goals: every written reference, resolved to its ID where the strategy knows it. A
  // Content Pillar counts only where it names a goal: resolved entirely, it becomes the
  // goal column; otherwise it stays the pillar it was, under its own key.
  let pillarKept = true;
  const hard = e.goals.filter((g) => !g.soft);
  const soft = e.goals.filter((g) => g.soft);
  if (hard.length)
    v.set(
      'goals',
      refsValue(
        hard.map((r) => resolve(project, ['goal', 'kpi'], r).id),
        md,
      ),
    );
  else if (soft.length && soft.every((r) => resolve(project, ['goal', 'kpi'], r).found)) {
    v.set(
      'goals',
      refsValue(
        soft.map((r) => resolve(project, ['goal', 'kpi'], r).id),
        md,
      ),
    );
    pillarKept = false;
  } else v.set('goals', byName.has('goals') ? raw('goals') : undefined);
  v.set(
    'kpis',
    e.kpis.length
      ? refsValue(
          e.kpis.map((r) => resolve(project, ['kpi'], r).id),
          md,
        )
      : raw('kpis'),
  );
  v.set(
    'audiences',
    e.audiences.length
      ? refsValue(
          e.audiences.map((r) => resolve(project, ['audience'], r).id),
          md,
        )
      : raw('audiences'),
  );
  v.set('owner', e.owner ? person(project, e.owner, md) : raw('owner'));
  v.set('reviewer', e.reviewer ? person(project, e.reviewer, md) : raw('reviewer'));
  v.set('status', e.status ? (md ? enumLabel(STATUSES, e.status.value, lang) : e.status.value) : raw('status'));
  v.set('link', e.link?.value ?? raw('link'));
  v.set('campaign', e.campaign?.value ?? raw('campaign'));

  const out: OutField[] = [];
  for (const c of PLAN_COLUMNS) {
    const value = v.get(c);
    if (!isEmpty(value)) out.push({ key: md ? PLAN_HEADERS[lang][c] : PLAN_KEYS[c], name: c, value: value! });
  }
  // Unknown columns and keys, and fields the canonical columns do not hold, under their own names.
  const used = new Set<Field>();
  for (const c of PLAN_COLUMNS) if (byName.has(c)) used.add(byName.get(c)!);
  for (const f of e.fields) {
    if (used.has(f)) continue;
    if (f.name === 'pillar' && !pillarKept) continue;
    if (f.name && PLAN_NAMES.has(f.name) && byName.get(f.name) !== f) continue; // a second column of the same field
    const value = rawOf(f);
    if (!isEmpty(value)) out.push({ key: clean(f.key), value });
  }
  return out;
}

function refsValue(ids: string[], md: boolean): Value {
  return md || ids.length > 1 ? (md ? ids.join(', ') : ids) : ids[0];
}

/** A person: `@handle` in Markdown, the handle in YAML; a name no team member has, as written. */
function person(project: Project | undefined, r: Ref, md: boolean): string {
  const p = resolve(project, ['person'], r);
  if (!p.found) return r.id;
  return md ? `@${p.id}` : p.id;
}

/**
 * A channel as the canonical form names it: a channel of the strategy by its ID (YAML) or
 * the name its heading gives it where that name leads back to the ID (Markdown); one
 * the strategy does not declare, as the cell writes it.
 */
function channelOf(doc: ParsedDocument, e: PlanEntry, project: Project | undefined, md: boolean): string | undefined {
  if (!e.channel) return undefined;
  const ch = project?.lookup('channel', e.channel.id);
  if (ch) return md ? writtenChannel(project!, ch.id) : ch.id;
  const r = e.channel.range;
  if (r.start.line === r.end.line) {
    const written = clean(doc.text.slice(doc.lines.offsetAt(r.start), doc.lines.offsetAt(r.end)).replace(/^["'\s]+|["'\s]+$/g, ''));
    if (written) return written;
  }
  return e.channel.id;
}

// ---------------------------------------------------------------- strategies

const ITEM_SECTIONS: SectionKey[] = ['team', 'goals', 'kpis', 'audiences', 'channels'];

/** The fields an item's canonical keys consume, per kind. */
const ITEM_NAMES: Record<Item['kind'], FieldName[]> = {
  person: ['id', 'name', 'title', 'role', 'department', 'management'],
  goal: ['id', 'title', 'type', 'primary', 'kpis', 'description'],
  kpi: ['id', 'title', 'metric', 'target', 'baseline', 'deadline', 'source', 'goals', 'owner', 'kpis'],
  audience: ['id', 'title'],
  channel: ['id', 'title', 'why', 'how', 'resources', 'audiences', 'goals'],
};

interface OutItem {
  id: string;
  title?: string;
  description?: string;
  fields: OutField[];
}

function itemOut(it: Item, project: Project | undefined, opts: ConvertOptions, lang: Lang): OutItem {
  const md = opts.to === 'md';
  const f: OutField[] = [];
  const add = (name: string, value: Value | undefined) => {
    if (!isEmpty(value)) f.push({ key: md ? ITEM_FIELD_LABELS[name][lang] : ITEM_FIELD_LABELS[name].yaml, name, value: value! });
  };
  const ids = (refs: Ref[], kinds: ('goal' | 'kpi' | 'audience' | 'person')[]): Value | undefined =>
    refs.length
      ? refsValue(
          refs.map((r) => resolve(project, kinds, r).id),
          md,
        )
      : undefined;
  const yesNo = (b: boolean): Value => (md ? YES_NO[lang][b ? 0 : 1] : b);
  let title = it.title?.value;
  let description: string | undefined;
  switch (it.kind) {
    case 'person':
      if (title) add('name', title);
      title = undefined;
      add('role', it.role?.value);
      add('department', it.department?.value);
      if (it.management) add('management', yesNo(it.management.value));
      break;
    case 'goal':
      if (it.type) add('type', md ? enumLabel(GOAL_TYPES, it.type.value, lang) : it.type.value);
      if (it.primary?.value) add('primary', yesNo(true));
      add('kpis', ids(it.kpis, ['kpi']));
      description = it.description?.value;
      break;
    case 'kpi':
      add('metric', it.metric?.value);
      add('target', it.target?.value);
      add('baseline', it.baseline?.value);
      add('deadline', it.deadline?.value);
      add('source', it.source?.value);
      add('goals', ids(it.goals, ['goal']));
      if (it.owner) add('owner', person(project, it.owner, md));
      break;
    case 'audience':
      break;
    case 'channel': {
      // The name messages give the channel (`Instagram`, not `instagram`) stays its name.
      const name = project ? writtenChannel(project, it.id) : it.id;
      if (!title && name !== it.id) title = name;
      add('why', it.why?.value);
      add('how', it.how?.value);
      if (it.resources) add('resources', it.resources.value);
      add('audiences', ids(it.audiences, ['audience']));
      add('goals', ids(it.goals, ['goal']));
      break;
    }
  }
  // The item's other fields (Demografie, Notizen…) under their own keys, as written.
  const consumed = new Set<string>(ITEM_NAMES[it.kind]);
  const seen = new Set<string>();
  for (const x of it.fields) {
    if (x.name && consumed.has(x.name)) continue;
    const key = clean(x.key.replace(/[*_`]/g, ' '));
    if (!key || seen.has(key.toLowerCase())) continue;
    seen.add(key.toLowerCase());
    const value = rawOf(x);
    if (!isEmpty(value)) f.push({ key, value });
  }
  return { id: it.kind === 'person' ? `@${it.id}` : it.id, title, description, fields: f };
}

/** The parts of the canonical strategy, in the document's order of sections. */
type Part = { kind: 'items'; key: SectionKey; items: OutItem[] } | { kind: 'text'; keys: SectionKey[]; heading: string; content: string };

function strategyParts(doc: ParsedDocument, project: Project | undefined, opts: ConvertOptions, lang: Lang): Part[] {
  const s = doc.strategy!;
  const itemsOf = (key: SectionKey): Item[] =>
    key === 'team' ? s.people : key === 'goals' ? s.goals : key === 'kpis' ? s.kpis : key === 'audiences' ? s.audiences : s.channels;
  const parts: Part[] = [];
  const done = new Set<SectionKey>();
  const pushItems = (key: SectionKey) => {
    if (done.has(key)) return;
    done.add(key);
    parts.push({ kind: 'items', key, items: itemsOf(key).map((it) => itemOut(it, project, opts, lang)) });
    // KPIs written under their goals have no section of their own: it follows the goals.
    if (key === 'goals' && s.kpis.length && !s.sections.some((x) => x.keys.includes('kpis'))) pushItems('kpis');
  };
  for (const sec of s.sections) {
    const text = sec.keys.filter((k) => !ITEM_SECTIONS.includes(k));
    for (const k of sec.keys) if (ITEM_SECTIONS.includes(k)) pushItems(k);
    // The prose of a section that holds only items is their surrounding text: the items say it.
    if (text.length || (!sec.keys.length && sec.content.trim())) parts.push({ kind: 'text', keys: text, heading: sec.heading, content: sec.content.trim() });
  }
  // Items of a kind with no section that names it (defined elsewhere): a section of their own.
  for (const k of ITEM_SECTIONS) if (!done.has(k) && itemsOf(k).length) pushItems(k);
  return parts;
}

function headingOf(keys: SectionKey[], lang: Lang): string {
  return keys
    .map((k) => {
      const h = SECTION_HEADINGS[k];
      return keys.length === 1 && h.step ? `${h.step}. ${h[lang]}` : h[lang];
    })
    .join(lang === 'de' ? ' und ' : ' and ');
}

// ---------------------------------------------------------------- writing

/** YAML text: the `yaml` library quotes what needs quoting (`@anna`, `: `, leading `#`). */
function yamlText(obj: unknown): string {
  return stringify(obj, { lineWidth: 0, indentSeq: true, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
}

function frontMatter(pairs: [string, string][]): string {
  return `---\n${yamlText(Object.fromEntries(pairs))}---\n`;
}

/** A Markdown table cell: one line, `|` escaped. */
function mdCell(v: Value): string {
  const s = Array.isArray(v) ? v.join(', ') : typeof v === 'boolean' ? String(v) : v;
  return clean(s).replace(/\|/g, '\\|');
}

/** A Markdown `- Key: value` line's value: one line. */
function mdLine(v: Value): string {
  return Array.isArray(v) ? v.join(', ') : typeof v === 'boolean' ? String(v) : clean(v);
}

function planMarkdown(doc: ParsedDocument, rows: OutField[][], opts: ConvertOptions): string {
  const cols: string[] = [];
  for (const r of rows) for (const f of r) if (!cols.includes(f.key)) cols.push(f.key);
  let out = frontMatter(settings(doc, opts, 'plan'));
  if (doc.title) out += `\n# ${clean(doc.title)}\n`;
  if (rows.length) {
    out += `\n| ${cols.map(mdCell).join(' | ')} |\n|${cols.map(() => '---|').join('')}\n`;
    for (const r of rows) {
      const m = new Map(r.map((f) => [f.key, f.value]));
      out += `| ${cols.map((c) => (m.has(c) ? mdCell(m.get(c)!) : '')).join(' | ')} |\n`;
    }
  }
  return out;
}

function planYaml(doc: ParsedDocument, rows: OutField[][], opts: ConvertOptions): string {
  const obj: Record<string, unknown> = Object.fromEntries(settings(doc, opts, 'plan'));
  obj.entries = rows.map((r) => Object.fromEntries(r.map((f) => [f.key, f.value])));
  return yamlText(obj);
}

function strategyMarkdown(doc: ParsedDocument, parts: Part[], opts: ConvertOptions, lang: Lang): string {
  let out = frontMatter(settings(doc, opts, 'strategy'));
  if (doc.title) out += `\n# ${clean(doc.title)}\n`;
  for (const p of parts) {
    if (p.kind === 'text') {
      const canonical = p.keys.length ? headingOf(p.keys, lang) : clean(p.heading);
      const explicit = p.keys.length && sectionsOfHeading(canonical).join() !== p.keys.join() ? `<!-- stratdoc: ${p.keys.join(', ')} -->\n` : '';
      out += `\n## ${canonical}\n${explicit}`;
      if (p.content) out += `\n${p.content}\n`;
      continue;
    }
    out += `\n## ${headingOf([p.key], lang)}\n`;
    if (p.key === 'team') {
      out += teamTable(p.items);
      continue;
    }
    for (const it of p.items) {
      const head =
        p.key === 'channels'
          ? it.title && channelSlug(it.title.split(/[\s(]/)[0]) === channelSlug(it.id)
            ? clean(it.title)
            : it.id
          : `${it.id}${it.title ? `: ${clean(it.title)}` : ''}`;
      out += `\n### ${head}\n`;
      if (it.description) out += `\n${it.description.trim()}\n`;
      if (it.fields.length) out += `\n${it.fields.map((f) => `- ${f.key}: ${mdLine(f.value)}`).join('\n')}\n`;
    }
  }
  return out;
}

function teamTable(items: OutItem[]): string {
  const cols = ['Person'];
  for (const it of items) for (const f of it.fields) if (!cols.includes(f.key)) cols.push(f.key);
  let out = `\n| ${cols.map(mdCell).join(' | ')} |\n|${cols.map(() => '---|').join('')}\n`;
  for (const it of items) {
    const m = new Map(it.fields.map((f) => [f.key, f.value]));
    out += `| ${[it.id, ...cols.slice(1).map((c) => (m.has(c) ? mdCell(m.get(c)!) : ''))].join(' | ')} |\n`;
  }
  return out;
}

function strategyYaml(doc: ParsedDocument, parts: Part[], opts: ConvertOptions): string {
  const obj: Record<string, unknown> = Object.fromEntries(settings(doc, opts, 'strategy'));
  for (const p of parts) {
    if (p.kind === 'items') {
      obj[p.key] = p.items.map((it) => ({
        id: it.id,
        ...(it.title ? { title: clean(it.title) } : {}),
        ...(it.description ? { description: it.description.trim() } : {}),
        ...Object.fromEntries(it.fields.map((f) => [f.key, f.value])),
      }));
      continue;
    }
    // A text section under its key; one naming several keys under a heading that names them
    // all, else its text under each; one naming none under its heading (Budget, Anhang).
    const content = p.content || '';
    if (!p.keys.length) obj[clean(p.heading)] = content;
    else if (p.keys.length === 1) obj[p.keys[0]] = content;
    else if (sectionsOfHeading(p.heading).join() === p.keys.join()) obj[clean(p.heading)] = content;
    else for (const k of p.keys) obj[k] = content;
  }
  return yamlText(obj);
}

/** The canonical form of a plan or strategy. */
export function convertDocument(doc: ParsedDocument, project: Project | undefined, opts: ConvertOptions): string {
  const lang = doc.language ?? opts.lang;
  if (doc.kind === 'plan') {
    const rows = planRows(doc, project, opts);
    return opts.to === 'md' ? planMarkdown(doc, rows, opts) : planYaml(doc, rows, opts);
  }
  const parts = strategyParts(doc, project, opts, lang);
  return opts.to === 'md' ? strategyMarkdown(doc, parts, opts, lang) : strategyYaml(doc, parts, opts);
}

/** What a converted document holds, for the CLI's last line. */
export function convertedCount(doc: ParsedDocument): number {
  if (doc.plan) return new Set(doc.plan.entries.map((e) => e.fields)).size;
  const s = doc.strategy;
  return s ? s.people.length + s.goals.length + s.kpis.length + s.audiences.length + s.channels.length : 0;
}
