/**
 * Completion for strategies and plans, Markdown and YAML: IDs where a reference belongs,
 * enum values in the document's language, keys and `Key:` fields still missing on an
 * item, table cell values by column, and the headings of missing steps.
 *
 * The context is read from the text of the line (and the lines around it), never from
 * the parsed model alone: mid-edit the model may not have the half-typed line yet. The
 * model is used for what is already there: the project's IDs, the document's sections.
 * Every item replaces the value being typed (a `textEdit`), so the client filters by it.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import type { Item, ItemKind, ParsedDocument, Person, Goal, Kpi, Channel, Audience } from '../core/model';
import type { Project } from '../core/project';
import { t, type Lang, type Text } from '../core/text';
import {
  ENTRY_LIST_KEYS, GOAL_TYPES, MODES, STATUSES, ITEM_SECTIONS, SECTIONS, SECTION_BY_KEY, STEP_KEYS, stripNumbering, enumLabel, fieldOf, planFieldOf, idKey, isSectionKey, metricClassOf,
  sectionsOfHeading, words, type EnumInfo, type FieldName, type MetricClass, type SectionKey,
} from '../core/vocab';
import { docLanguage, hasSection, sectionName } from '../core/edit/templates';
import { ALL_RULES } from '../core/rules';
import { writtenIdIn } from '../core/query';
import { dirnameUri } from '../core/uri';
import { chooseKind } from '../core/parse/build';
import { MAX_RESULTS, type ServiceContext } from './context';

export function completion(ctx: ServiceContext, uri: string, pos: Position): CompletionItem[] {
  try {
    return completionAt(ctx, uri, pos);
  } catch {
    return [];
  }
}

/** The completion without the safety net (tests sweep it over every position of their fixtures). */
export function completionAt(ctx: ServiceContext, uri: string, pos: Position): CompletionItem[] {
  const doc = ctx.ws.get(uri);
  if (!doc || !pos || pos.line < 0 || pos.line >= doc.lines.lineCount || pos.character < 0) return [];
  const text = doc.lines.lineText(pos.line);
  if (pos.character > text.length) return [];
  let lang: Lang | undefined;
  const env: Env = {
    ctx, doc, project: ctx.ws.projectOf(uri), line: pos.line, ch: pos.character, text,
    ui: ctx.lang(uri),
    // Guessing the language reads the document's words: only when a value needs it.
    get lang() {
      return (lang ??= documentLanguage(this));
    },
  };
  const items = doc.format === 'yaml' ? yamlCompletion(env, 0, doc.lines.lineCount) : doc.format === 'csv' ? csvCompletion(env) : markdownCompletion(env);
  return items.slice(0, MAX_RESULTS);
}

// ------------------------------------------------------------------ plumbing

interface Env {
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
function keyField(env: Env, key: string): FieldName | undefined {
  return env.doc.kind === 'plan' ? planFieldOf(key) : fieldOf(key);
}

/** The document's own `language`, else its strategy's, else guessed from its headings and words. */
function documentLanguage(env: Env): Lang {
  if (env.doc.language) return env.doc.language;
  const s = env.project?.strategy;
  if (env.doc.kind === 'plan' && s?.language) return s.language;
  return docLanguage(env.doc);
}

/** A value offered before it is fitted into the place where it goes. */
interface Cand {
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

function esc(s: string): string {
  return s.replace(/([\\`*_{}[\]()#+!|<>])/g, '\\$1');
}

function rangeOn(line: number, a: number, b: number): Range {
  return { start: { line, character: a }, end: { line, character: b } };
}

/** Fits candidates into a slot: quoting, the leading space, the range, the order. */
function fit(cands: Cand[], slot: Slot): CompletionItem[] {
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
function wordAt(text: string, ch: number): [number, number] {
  let a = ch;
  while (a > 0 && /[\p{L}\p{N}_.@-]/u.test(text[a - 1])) a--;
  let b = ch;
  while (b < text.length && /[\p{L}\p{N}_.-]/u.test(text[b])) b++;
  // A sentence's full stop after the word is not part of it.
  while (b > ch && /[.-]/.test(text[b - 1])) b--;
  return [a, b];
}

const LIST_FIELDS = new Set<FieldName>(['goals', 'kpis', 'audiences', 'resources']);

/**
 * The slot of a value that starts at `start` and ends at `end` on the cursor's line:
 * in list fields the part between separators, else the whole value.
 */
function valueSlot(env: Env, start: number, end: number, list: boolean, format: 'yaml' | 'markdown', seps = /[,;]/): Slot {
  const { text, ch, line } = env;
  let a = start;
  let b = end;
  if (list) {
    for (let i = ch - 1; i >= start; i--) if (seps.test(text[i])) { a = i + 1; break; }
    for (let i = ch; i < end; i++) if (seps.test(text[i])) { b = i; break; }
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

// ------------------------------------------------------------------ values

const KIND_NAME: Record<ItemKind, Text> = {
  person: t('Person', 'Person'),
  goal: t('Goal', 'Ziel'),
  kpi: t('KPI', 'Kennzahl'),
  audience: t('Audience', 'Zielgruppe'),
  channel: t('Channel', 'Kanal'),
};

const CLASS_DETAIL: Record<MetricClass, Text> = {
  business: t('business metric', 'Geschäftskennzahl'),
  intermediate: t('intermediate metric (engagement)', 'Zwischenkennzahl (Interaktion)'),
  vanity: t('vanity metric: reach, not results', 'Vanity-Metrik: Reichweite, kein Ergebnis'),
  unknown: t('metric', 'Metrik'),
};

function summary(env: Env, it: Item): string {
  const L = (x: Text) => x[env.ui];
  const p = env.project;
  const head = `**${L(KIND_NAME[it.kind])} ${it.kind === 'person' ? '@' : ''}${esc(it.id)}**${it.title?.value ? ` — ${esc(it.title.value)}` : ''}`;
  const lines = [head];
  switch (it.kind) {
    case 'goal': {
      const g = it as Goal;
      const facts: string[] = [];
      if (g.type) facts.push(`${L(t('Type', 'Art'))}: ${enumLabel(GOAL_TYPES, g.type.value, env.ui)}`);
      if (g.primary?.value) facts.push(L(t('primary goal', 'Hauptziel')));
      if (facts.length) lines.push(facts.join(' · '));
      const kpis = p ? p.kpisOfGoal(g) : [];
      lines.push(`${L(t('KPIs', 'Kennzahlen'))}: ${kpis.length ? kpis.map((k) => `${esc(k.id)}${k.title ? ` (${esc(k.title.value)})` : ''}`).join(', ') : L(t('none', 'keine'))}`);
      break;
    }
    case 'kpi': {
      const k = it as Kpi;
      if (k.metric) lines.push(`${L(t('Metric', 'Metrik'))}: ${esc(k.metric.value)} (${L(CLASS_DETAIL[k.metricClass])})`);
      const facts = [
        k.target && `${L(t('Target', 'Zielwert'))}: ${esc(k.target.value)}`,
        k.baseline && `${L(t('Baseline', 'Ausgangswert'))}: ${esc(k.baseline.value)}`,
        k.deadline && `${L(t('Deadline', 'Frist'))}: ${esc(k.deadline.value)}`,
      ].filter(Boolean);
      if (facts.length) lines.push(facts.join(' · '));
      const goals = p ? p.goalsOfKpi(k) : [];
      if (goals.length) lines.push(`${L(t('Measures', 'Misst'))}: ${goals.map((g) => esc(g.id)).join(', ')}`);
      break;
    }
    case 'channel': {
      const c = it as Channel;
      if (c.why) lines.push(`${L(t('Why', 'Warum'))}: ${esc(c.why.value)}`);
      if (c.how) lines.push(`${L(t('How', 'Wie'))}: ${esc(c.how.value)}`);
      if (c.resources) lines.push(`${L(t('Resources', 'Ressourcen'))}: ${esc(c.resources.raw)}`);
      break;
    }
    case 'person': {
      const x = it as Person;
      const facts = [x.role?.value, x.department?.value].filter(Boolean) as string[];
      if (facts.length) lines.push(esc(facts.join(' · ')));
      break;
    }
    case 'audience': {
      const a = it as Audience;
      for (const f of a.fields) if (f.name !== 'title' && f.raw.trim()) lines.push(`${esc(f.key)}: ${esc(f.raw.trim())}`);
      break;
    }
  }
  return lines.join('\n\n');
}

/** How a channel is written in the strategy (`Instagram`), when that is its ID in another case. */
function writtenId(env: Env, it: Item): string {
  return writtenIdIn(env.ctx.ws.get(it.uri), it);
}

function itemCands(env: Env, kind: ItemKind, format: 'yaml' | 'markdown', quotePeople = false): Cand[] {
  const p = env.project;
  if (!p) return [];
  const list: Item[] = kind === 'goal' ? p.goals : kind === 'kpi' ? p.kpis : kind === 'audience' ? p.audiences : kind === 'channel' ? p.channels : p.people;
  const seen = new Set<string>();
  const out: Cand[] = [];
  for (const it of list) {
    const k = idKey(it.id);
    if (seen.has(k)) continue;
    seen.add(k);
    let label = it.id;
    if (kind === 'person') {
      const role = (it as Person).role?.value;
      label = format === 'markdown' || quotePeople ? `@${it.id}` : it.id;
      out.push({ label, kind: CompletionItemKind.Reference, detail: [it.title?.value, role].filter(Boolean).join(' · ') || KIND_NAME.person[env.ui], doc: summary(env, it), person: it.id, quote: quotePeople });
      continue;
    }
    if (kind === 'channel' && format === 'markdown') label = writtenId(env, it);
    out.push({ label, kind: CompletionItemKind.Reference, detail: it.title?.value ?? KIND_NAME[kind][env.ui], doc: summary(env, it) });
  }
  return out;
}

const MODE_MEANING: Record<string, Text> = {
  push: t('advertising, product, offer, press release', 'Werbung, Produkt, Angebot, Pressemitteilung'),
  story: t('storytelling', 'Geschichten erzählen'),
  dialog: t('questions, polls, live Q&A, community replies', 'Fragen, Umfragen, Live-Fragerunden, Antworten an die Community'),
  service: t('tips, how-to, guides', 'Tipps, Anleitungen, Ratgeber'),
  people: t('behind the scenes, employees, the human face', 'Blick hinter die Kulissen, Mitarbeitende, das menschliche Gesicht'),
  ugc: t('user-generated or customer content', 'Inhalte von Nutzern und Kunden'),
  mixed: t('an offer told as a story (counts half as push)', 'ein Angebot als Geschichte erzählt (zählt halb als Push)'),
};

const STATUS_MEANING: Record<string, Text> = {
  idea: t('an idea, not planned yet', 'eine Idee, noch nicht eingeplant'),
  planned: t('planned, not written yet', 'geplant, noch nicht geschrieben'),
  draft: t('being written', 'in Arbeit'),
  'in-review': t('waiting for approval', 'wartet auf Freigabe'),
  approved: t('approved, ready to schedule', 'freigegeben, bereit zur Einplanung'),
  scheduled: t('scheduled for publishing', 'zur Veröffentlichung eingeplant'),
  published: t('published', 'veröffentlicht'),
  cancelled: t('cancelled', 'gestrichen'),
};

const TYPE_MEANING: Record<string, Text> = {
  awareness: t('being known', 'bekannt werden'),
  consideration: t('being considered', 'in Betracht gezogen werden'),
  conversion: t('sales, leads, sign-ups', 'Verkäufe, Anfragen, Anmeldungen'),
  loyalty: t('keeping customers', 'Kundschaft binden'),
  advocacy: t('recommendations', 'Weiterempfehlungen'),
  'employer-branding': t('winning applicants', 'Bewerberinnen und Bewerber gewinnen'),
  service: t('customer service', 'Kundenservice'),
};

/** German labels first in German documents; the English keys are always offered too. */
function enumCands<K extends string>(env: Env, list: EnumInfo<K>[], meaning: Record<string, Text>): Cand[] {
  const out: Cand[] = [];
  const docOf = (e: EnumInfo<K>) => `**${e.key}** — ${esc(meaning[e.key]?.[env.ui] ?? '')}\n\n${env.ui === 'de' ? 'Auch' : 'Also'}: ${esc([...e.de, ...e.en.filter((x) => x !== e.key)].join(', '))}`;
  if (env.lang === 'de') {
    for (const e of list) out.push({ label: e.de[0], kind: CompletionItemKind.EnumMember, detail: `${e.key} · ${meaning[e.key]?.[env.ui] ?? ''}`, doc: docOf(e) });
  }
  for (const e of list) {
    out.push({ label: e.key, kind: CompletionItemKind.EnumMember, detail: meaning[e.key]?.[env.ui], doc: docOf(e) });
  }
  return out;
}

const METRICS: { en: string[]; de: string[] } = {
  en: [
    'conversions', 'conversion rate', 'clicks', 'click-through rate', 'leads', 'sales', 'revenue', 'orders', 'cost per acquisition',
    'retention', 'churn', 'customer lifetime value', 'NPS', 'applications', 'test drives', 'share of voice', 'sentiment',
    'engagement', 'engagement rate', 'shares', 'comments', 'saves',
    'followers', 'fans', 'likes', 'impressions', 'reach', 'views', 'video views', 'mentions',
  ],
  de: [
    'Konversionen', 'Konversionsrate', 'Klicks', 'Klickrate', 'Anfragen', 'Umsatz', 'Bestellungen', 'Bewerbungen', 'Probefahrten',
    'Weiterempfehlungsrate', 'Kundenbindung', 'Abwanderung', 'Kundenwert',
    'Interaktionen', 'Interaktionsrate', 'Kommentare', 'Speicherungen',
    'Reichweite', 'Follower', 'Aufrufe', 'Impressionen', 'Erwähnungen', 'Videoaufrufe',
  ],
};

const CLASS_RANK: Record<MetricClass, number> = { business: 0, intermediate: 1, unknown: 2, vanity: 3 };

/** Common metric names: business ones first, vanity ones last and marked. */
function metricCands(env: Env): Cand[] {
  const langs: Lang[] = env.lang === 'de' ? ['de', 'en'] : ['en'];
  const all: { name: string; cls: MetricClass; order: number }[] = [];
  langs.forEach((l, li) => METRICS[l].forEach((name, i) => all.push({ name, cls: metricClassOf(name), order: li * 100 + i })));
  all.sort((a, b) => CLASS_RANK[a.cls] - CLASS_RANK[b.cls] || a.order - b.order);
  return all.map((m) => ({ label: m.name, kind: CompletionItemKind.EnumMember, detail: CLASS_DETAIL[m.cls][env.ui] }));
}

const FORMATS: [string, string?][] = [
  ['reel'], ['story'], ['post'], ['carousel'], ['video'], ['live'], ['newsletter'], ['article', 'Artikel'], ['podcast'], ['ad', 'Anzeige'], ['event', 'Veranstaltung'],
];

function formatCands(env: Env): Cand[] {
  const out: Cand[] = [];
  const de = env.lang === 'de';
  for (const [en, ger] of FORMATS) out.push({ label: de && ger ? ger : en, kind: CompletionItemKind.EnumMember, detail: t('format', 'Format')[env.ui] });
  if (de) for (const [en, ger] of FORMATS) if (ger) out.push({ label: en, kind: CompletionItemKind.EnumMember, detail: `${t('format', 'Format')[env.ui]} (${ger})` });
  return out;
}

function boolCands(env: Env, format: 'yaml' | 'markdown'): Cand[] {
  const mk = (label: string): Cand => ({ label, kind: CompletionItemKind.EnumMember, detail: /^(ja|yes|true)$/.test(label) ? t('yes', 'ja')[env.ui] : t('no', 'nein')[env.ui] });
  const out = env.lang === 'de' ? ['ja', 'nein', 'yes', 'no'] : ['yes', 'no'];
  if (format === 'yaml') out.push('true', 'false');
  return out.map(mk);
}

/** The values a field takes. */
function fieldValues(env: Env, field: FieldName | undefined, format: 'yaml' | 'markdown'): Cand[] {
  switch (field) {
    case 'goals': return itemCands(env, 'goal', format);
    case 'kpis': return itemCands(env, 'kpi', format);
    case 'audiences': return itemCands(env, 'audience', format);
    case 'channel': return itemCands(env, 'channel', format);
    case 'owner':
    case 'reviewer': return itemCands(env, 'person', format);
    // In `resources` only @handles are people; the rest is the effort. YAML quotes them.
    case 'resources': return itemCands(env, 'person', format, format === 'yaml');
    case 'mode': return enumCands(env, MODES, MODE_MEANING);
    case 'status': return enumCands(env, STATUSES, STATUS_MEANING);
    case 'type': return enumCands(env, GOAL_TYPES, TYPE_MEANING);
    case 'primary':
    case 'management': return boolCands(env, format);
    case 'metric': return metricCands(env);
    case 'format': return formatCands(env);
    default: return [];
  }
}

// ------------------------------------------------------------------ keys

type MapKind = ItemKind | 'entry';

/** The keys of each kind of item: field, canonical English key, German key. */
const ITEM_KEYS: Record<MapKind, [FieldName, string, string][]> = {
  entry: [
    ['date', 'date', 'Datum'], ['time', 'time', 'Uhrzeit'], ['channel', 'channel', 'Kanal'], ['format', 'format', 'Format'],
    ['title', 'title', 'Titel'], ['mode', 'mode', 'Modus'], ['goals', 'goal', 'Ziel'], ['kpis', 'kpi', 'KPI'],
    ['audiences', 'audience', 'Zielgruppe'], ['owner', 'owner', 'Verantwortlich'], ['reviewer', 'reviewer', 'Freigabe'],
    ['status', 'status', 'Status'], ['link', 'link', 'Link'], ['campaign', 'campaign', 'Kampagne'], ['id', 'id', 'ID'],
  ],
  person: [['id', 'id', 'ID'], ['title', 'name', 'Name'], ['role', 'role', 'Rolle'], ['department', 'department', 'Bereich'], ['management', 'management', 'Management']],
  goal: [['id', 'id', 'ID'], ['title', 'title', 'Titel'], ['type', 'type', 'Art'], ['primary', 'primary', 'Primär'], ['kpis', 'kpis', 'Kennzahlen'], ['description', 'description', 'Beschreibung']],
  kpi: [
    ['id', 'id', 'ID'], ['title', 'title', 'Titel'], ['metric', 'metric', 'Metrik'], ['goals', 'goal', 'Ziel'], ['target', 'target', 'Zielwert'],
    ['baseline', 'baseline', 'Ausgangswert'], ['deadline', 'deadline', 'Frist'], ['source', 'source', 'Quelle'], ['owner', 'owner', 'Verantwortlich'],
  ],
  audience: [['id', 'id', 'ID'], ['title', 'title', 'Titel'], ['demographics', 'demographics', 'Demografie'], ['psychographics', 'psychographics', 'Psychografie'], ['needs', 'needs', 'Bedürfnisse']],
  channel: [['id', 'id', 'ID'], ['why', 'why', 'Warum'], ['how', 'how', 'Wie'], ['resources', 'resources', 'Ressourcen'], ['audiences', 'audiences', 'Zielgruppen'], ['goals', 'goals', 'Ziele']],
};

const KEY_MEANING: Partial<Record<FieldName, Text>> = {
  id: t('the ID', 'die ID'),
  title: t('title', 'Titel'),
  date: t('publishing date, YYYY-MM-DD', 'Veröffentlichungsdatum, JJJJ-MM-TT'),
  time: t('time of day', 'Uhrzeit'),
  channel: t('the channel (a channel of the channel plan)', 'der Kanal (ein Kanal aus dem Kanalplan)'),
  format: t('reel, story, post, carousel…', 'Reel, Story, Post, Karussell…'),
  mode: t('push, story, dialog, service, people, ugc, mixed', 'push, story, dialog, service, people, ugc, mixed'),
  goals: t('the goal it serves (goal ID)', 'das Ziel, dem es dient (Ziel-ID)'),
  kpis: t('KPIs (KPI IDs)', 'Kennzahlen (Kennzahl-IDs)'),
  audiences: t('audiences (audience IDs)', 'Zielgruppen (Zielgruppen-IDs)'),
  owner: t('who is responsible (a team member)', 'wer verantwortlich ist (ein Teammitglied)'),
  reviewer: t('who approves it (a team member)', 'wer freigibt (ein Teammitglied)'),
  status: t('idea, planned, draft, in-review, approved, scheduled, published, cancelled', 'Idee, geplant, Entwurf, in Freigabe, freigegeben, eingeplant, veröffentlicht, gestrichen'),
  link: t('the link (with utm_ parameters for conversion goals)', 'der Link (mit utm_-Parametern bei Abverkaufszielen)'),
  campaign: t('campaign', 'Kampagne'),
  type: t('goal type: awareness, consideration, conversion…', 'Zielart: Bekanntheit, Erwägung, Abverkauf…'),
  primary: t('the central goal (yes/no)', 'das zentrale Ziel (ja/nein)'),
  description: t('description', 'Beschreibung'),
  metric: t('what is measured (business metrics beat vanity metrics)', 'was gemessen wird (Geschäftskennzahlen statt Vanity-Metriken)'),
  target: t('target value', 'Zielwert'),
  baseline: t('value today', 'heutiger Wert'),
  deadline: t('by when, YYYY-MM-DD', 'bis wann, JJJJ-MM-TT'),
  source: t('where the figure comes from', 'woher die Zahl kommt'),
  role: t('role', 'Rolle'),
  department: t('department', 'Bereich'),
  management: t('part of management (yes/no)', 'gehört zur Geschäftsleitung (ja/nein)'),
  demographics: t('age, situation, place', 'Alter, Lebenslage, Ort'),
  psychographics: t('interests, attitudes', 'Interessen, Einstellungen'),
  needs: t('what they need', 'was sie brauchen'),
  why: t('why this channel (whom it reaches)', 'warum dieser Kanal (wen er erreicht)'),
  how: t('how often, in which formats', 'wie oft, in welchen Formaten'),
  resources: t('who, and how much time (@handles, effort)', 'wer, und wie viel Zeit (@Handles, Aufwand)'),
};

const VALUED = new Set<FieldName>(['goals', 'kpis', 'audiences', 'channel', 'owner', 'reviewer', 'resources', 'mode', 'status', 'type', 'primary', 'management', 'metric', 'format']);

/** Keys that only German writes (a mapping that uses one gets German keys offered). */
const GERMAN_KEYS = (() => {
  const en = new Set<string>();
  for (const list of Object.values(ITEM_KEYS)) for (const [, e] of list) en.add(words(e).join(' '));
  const de = new Set<string>();
  for (const list of Object.values(ITEM_KEYS)) for (const [, , g] of list) de.add(words(g).join(' '));
  for (const g of ['Thema', 'Arbeitstitel', 'Typ', 'Zielart', 'Hauptziel', 'Messgrößen', 'Sollwert', 'Basis', 'Ist', 'Bis', 'Termin', 'Datenquelle', 'Ziele', 'Zielbezug', 'Zielgruppen', 'Begründung', 'Frequenz', 'Aufwand', 'Funktion', 'Abteilung', 'Veröffentlichung', 'Zeit', 'Plattform', 'Kommunikationsart', 'Autor', 'Autorin', 'Prüfer', 'Prüferin', 'Kampagne', 'Kennung', 'Demografie', 'Soziodemografie', 'Psychografie', 'Bedürfnisse', 'Kennzahlen']) de.add(words(g).join(' '));
  for (const e of en) de.delete(e);
  return de;
})();

function keyCand(env: Env, field: FieldName, key: string, withColon: boolean): Cand {
  return {
    label: key,
    insert: withColon ? `${key}: ` : key,
    kind: CompletionItemKind.Field,
    detail: KEY_MEANING[field]?.[env.ui],
    command: withColon && VALUED.has(field),
  };
}

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

const KEY_RE = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{},:][^#]*?)[ \t]*:(?:[ \t]+|$)(.*)$/;

function keyOf(body: string): { key: string; value: string } | undefined {
  const m = KEY_RE.exec(body);
  if (!m) return undefined;
  let key = m[1];
  if (/^["']/.test(key)) key = key.slice(1, -1);
  return { key, value: m[2].replace(/(^|\s)#.*$/, '').trim() };
}

const ENTRY_KEYS = ENTRY_LIST_KEYS;

class YamlDoc {
  constructor(readonly doc: ParsedDocument, readonly lo: number, readonly hi: number) {}
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

function yamlCompletion(env: Env, lo: number, hi: number): CompletionItem[] {
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
      for (let i = ch; i < text.length; i++) if (text[i] === ',' || text[i] === '}') { end = i; break; }
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
      const v = s.body.replace(/(^|\s)#.*$/, '').trim().replace(/^["']|["']$/g, '');
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
function keyItems(env: Env, kind: MapKind, existing: string[], range: Range, format: 'yaml' | 'markdown', withColon: boolean): CompletionItem[] {
  const have = new Set(existing.map((k) => keyField(env, k) ?? words(k).join(' ')));
  const german = format === 'markdown' ? env.lang === 'de' : existing.some((k) => GERMAN_KEYS.has(words(k).join(' ')));
  const keys = ITEM_KEYS[kind].filter(([f]) => !have.has(f) && !(format === 'markdown' && (f === 'id' || f === 'title')));
  const cands: Cand[] = [];
  if (format === 'markdown') for (const [f, en, de] of keys) cands.push(keyCand(env, f, german ? de : f === 'kpis' ? 'KPIs' : en[0].toUpperCase() + en.slice(1), withColon));
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
function topKeys(env: Env, existing: string[], range: Range, withColon: boolean, frontMatter = false): CompletionItem[] {
  const have = new Set(existing.map((k) => words(k).join(' ')));
  const alias: Record<string, string[]> = { title: ['titel'], language: ['sprache'], period: ['zeitraum'], strategy: ['strategie'], entries: [...ENTRY_KEYS] };
  const cands: Cand[] = [];
  for (const [k, what] of META_KEYS[env.doc.kind]) {
    if (frontMatter && k === 'entries') continue;
    if (have.has(k) || (alias[k] ?? []).some((a) => have.has(a))) continue;
    cands.push({ label: k, insert: withColon ? `${k}: ` : k, kind: CompletionItemKind.Property, detail: what[env.ui], command: withColon && ['stratdoc', 'language', 'strategy'].includes(k) });
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

function stepDetail(env: Env, key: SectionKey): string {
  const step = SECTIONS.find((s) => s.key === key)?.step;
  return step ? t(`Step ${step} of 8`, `Schritt ${step} von 8`)[env.ui] : t('section', 'Abschnitt')[env.ui];
}

/** Values of the document's own top-level keys. */
function metaValues(env: Env, key: string): Cand[] {
  const k = words(key).join(' ');
  if (k === 'stratdoc') return [{ label: env.doc.kind, kind: CompletionItemKind.EnumMember }, { label: env.doc.kind === 'plan' ? 'strategy' : 'plan', kind: CompletionItemKind.EnumMember }];
  if (k === 'language' || k === 'sprache') return [{ label: 'de', kind: CompletionItemKind.EnumMember, detail: 'Deutsch' }, { label: 'en', kind: CompletionItemKind.EnumMember, detail: 'English' }];
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

// ------------------------------------------------------------------ Markdown

const DELIM_RE = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * In a CSV plan only a cell's value is completed, by its column's field (docs/format.md
 * "CSV plans"): the values are written as in a Markdown table (IDs, @handles), which
 * hold no delimiter or quote. Keys, comments and sections have no place in a CSV.
 */
function csvCompletion(env: Env): CompletionItem[] {
  for (const e of env.doc.plan?.entries ?? []) {
    for (const f of e.fields) {
      const { start, end } = f.range;
      if (start.line !== env.line || end.line !== env.line || env.ch < start.character || env.ch > end.character) continue;
      return fit(fieldValues(env, f.name, 'markdown'), { range: f.range, typed: env.text.slice(start.character, env.ch), format: 'markdown' });
    }
  }
  return [];
}

function markdownCompletion(env: Env): CompletionItem[] {
  const { doc, line, ch, text } = env;
  const before = text.slice(0, ch);

  // Front matter: the document's own keys.
  const fmEnd = frontMatterEnd(doc);
  if (fmEnd !== undefined && line <= fmEnd) {
    if (line === 0 || line === fmEnd) return [];
    const y = new YamlDoc(doc, 1, fmEnd);
    const cur = y.at(line);
    if (cur.content !== 0 || cur.dashCol !== undefined) return [];
    const kv = KEY_RE.exec(before);
    if (kv) {
      const valueStart = before.length - kv[2].length;
      return fit(metaValues(env, kv[1].replace(/^["']|["']$/g, '')), valueSlot(env, valueStart, text.length, false, 'yaml'));
    }
    if (!/^[\p{L}_-]*$/u.test(before)) return [];
    const existing: string[] = [];
    for (let l = 1; l < fmEnd; l++) if (l !== line) { const k = keyOf(doc.lines.lineText(l)); if (k) existing.push(k.key); }
    const [a, b] = wordAt(text, ch);
    return topKeys(env, existing, rangeOn(line, a, b), !/^\s*:/.test(text.slice(b)), true);
  }
  if (inFence(doc, line)) return [];

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
    const found = markdownItemAt(env, bare[1].length);
    if (!found) return [];
    return keyItems(env, found.kind, found.keys, rangeOn(line, ch - bare[2].length, wb), 'markdown', !/^\s*:/.test(text.slice(wb)));
  }
  return [];
}

function frontMatterEnd(doc: ParsedDocument): number | undefined {
  if (doc.lines.lineText(0).replace(/^\uFEFF/, '').trimEnd() !== '---') return undefined;
  for (let l = 1; l < doc.lines.lineCount; l++) if (/^(---|\.\.\.)\s*$/.test(doc.lines.lineText(l))) return l;
  return undefined;
}

function inFence(doc: ParsedDocument, line: number): boolean {
  let fence: string | undefined;
  for (let l = 0; l < line; l++) {
    const m = FENCE_RE.exec(doc.lines.lineText(l));
    if (!m) continue;
    if (!fence) fence = m[1];
    else if (m[1][0] === fence[0] && m[1].length >= fence.length) fence = undefined;
  }
  return fence !== undefined;
}

/** Positions of the unescaped pipes of a table line. */
function pipes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') { i++; continue; }
    if (s[i] === '|') out.push(i);
  }
  return out;
}

function tableCell(env: Env): CompletionItem[] | undefined {
  const { doc, line, ch, text } = env;
  if (DELIM_RE.test(text)) return [];
  let header: number | undefined;
  for (let l = line - 1; l >= 0; l--) {
    const s = doc.lines.lineText(l);
    if (!s.trim() || !s.includes('|')) break;
    if (DELIM_RE.test(s) && s.includes('-')) {
      header = l - 1;
      break;
    }
  }
  if (header === undefined || header < 0) return undefined;
  const h = doc.lines.lineText(header);
  const hp = pipes(h);
  const hLead = /^\s*\|/.test(h);
  const cells: string[] = [];
  let last = hLead ? hp[0] + 1 : 0;
  for (const p of hp.filter((x) => !hLead || x !== hp[0])) {
    cells.push(h.slice(last, p).trim());
    last = p + 1;
  }
  if (h.slice(last).trim()) cells.push(h.slice(last).trim());
  const rp = pipes(text);
  const lead = /^\s*\|/.test(text);
  const col = rp.filter((p) => p < ch).length - (lead ? 1 : 0);
  if (col < 0 || col >= cells.length) return [];
  const field = keyField(env, cells[col]);
  if (!field) return [];
  const start = rp.filter((p) => p < ch).pop();
  const next = rp.find((p) => p >= ch);
  let end = next ?? text.length;
  const c = text.slice(0, end).indexOf('<!--', ch);
  if (c >= 0) end = c;
  return fit(fieldValues(env, field, 'markdown'), valueSlot(env, start === undefined ? 0 : start + 1, end, LIST_FIELDS.has(field), 'markdown'));
}

const ITEM_DEF = /^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*|__)?@?[A-Za-z][A-Za-z0-9_.-]*(?:\*\*|__)?(?:\s*:(?:\s+|$)|\s+[-–—]\s+)/;
const LIST_KEY = /^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*|__)?([^:*_\n]{1,60}?)(?:\*\*|__)?\s*:/;

/**
 * The item whose field list the cursor's line is in: under an item heading (`### G1: …`,
 * `### Instagram`), or nested under a list item that defines one (`- G1: …`).
 */
function markdownItemAt(env: Env, indent: number): { kind: ItemKind; keys: string[] } | undefined {
  const { doc, line } = env;
  const s = doc.strategy;
  if (!s) return undefined;
  const items: Item[] = [...s.people, ...s.goals, ...s.kpis, ...s.audiences, ...s.channels];
  const byLine = (l: number) => items.find((it) => it.idRange.start.line === l);
  const indentOf = (x: string) => /^\s*/.exec(x)![0].length;
  const isList = (x: string) => /^\s*(?:[-*+]|\d+[.)])\s/.test(x) || /^\s*[-*+]$/.test(x);
  let owner: number | undefined;
  let first = line;
  for (let l = line - 1; l >= 0; l--) {
    const x = doc.lines.lineText(l);
    if (/^\s{0,3}#{1,6}(\s|$)/.test(x)) {
      if (indent === 0 && /^\s{0,3}#{3,6}\s/.test(x)) owner = l;
      break;
    }
    if (!x.trim()) continue;
    if (isList(x)) {
      const i = indentOf(x);
      if (i < indent) {
        if (ITEM_DEF.test(x)) owner = l;
        break;
      }
      if (i === indent) first = l;
      continue;
    }
    if (indentOf(x) < 2 && indent > 0) break;
    // A paragraph (the item's description) may stand between the heading and its list.
  }
  if (owner === undefined) return undefined;
  // The model's item; mid-edit (a half-typed `-` can read as a setext underline) the section's kind.
  const item = byLine(owner);
  const kind = item?.kind ?? kindFromText(env, owner);
  if (!kind) return undefined;
  // The fields written on the definition's own line (`- @jana — Lead (Marketing)`), and the keys of the list's other lines.
  const keys: string[] = (item?.fields ?? []).filter((f) => f.keyRange.start.line === owner && f.name).map((f) => f.name!);
  for (let l = Math.min(first, line); l < doc.lines.lineCount; l++) {
    if (l === line) continue;
    const x = doc.lines.lineText(l);
    if (l > line && (/^\s{0,3}#/.test(x) || (x.trim() && !isList(x) && indentOf(x) <= indent))) break;
    if (!x.trim() || indentOf(x) !== indent || !isList(x)) continue;
    const m = LIST_KEY.exec(x);
    if (m) keys.push(m[1]);
  }
  return { kind, keys };
}

/** The kind of item a heading or list line defines, from its section's heading and its ID. */
function kindFromText(env: Env, owner: number): ItemKind | undefined {
  const { doc } = env;
  let keys: SectionKey[] = [];
  for (let l = owner - 1; l >= 0; l--) {
    const x = doc.lines.lineText(l);
    if (!/^\s{0,3}##(?!#)(\s|$)/.test(x)) continue;
    const explicit = /^<!--\s*stratdoc\s*:\s*([^>]*?)\s*-->/.exec(doc.lines.lineText(l + 1).trim());
    keys = explicit ? explicit[1].split(/[\s,]+/).filter(isSectionKey) as SectionKey[] : sectionsOfHeading(x.replace(/^\s*##\s*/, ''));
    break;
  }
  const kinds = keys.map((k) => ITEM_SECTIONS[k]).filter((k): k is ItemKind => !!k);
  if (!kinds.length) return undefined;
  const x = doc.lines.lineText(owner);
  const id = /^\s*(?:#+|[-*+]|\d+[.)])\s+(?:\*\*|__)?(@?[A-Za-z][A-Za-z0-9_.-]*)/.exec(x)?.[1] ?? '';
  if (id.startsWith('@') && kinds.includes('person')) return 'person';
  if (/^\s*#/.test(x) && kinds.includes('channel') && !ITEM_DEF_HEADING.test(x)) return 'channel';
  return chooseKind(kinds, id, []);
}

const ITEM_DEF_HEADING = /^\s*#+\s+(?:\*\*|__)?@?[A-Za-z][A-Za-z0-9_.-]*(?:\*\*|__)?(?:\s*:(?:\s+|$)|\s+[-–—]\s+)/;
