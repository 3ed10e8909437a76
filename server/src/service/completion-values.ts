/** Completion's values (service/completion.ts): the project's IDs with summaries, enum values in the document's language, metrics, formats. */
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { Item, ItemKind, Person } from '../core/model';
import { t, type Lang, type Text } from '../core/text';
import { GOAL_TYPES, MODES, STATUSES, enumLabel, idKey, metricClassOf, type EnumInfo, type FieldName, type MetricClass } from '../core/vocab';
import { writtenIdIn } from '../core/query';
import { type Cand, type Env, esc } from './completion-base';

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
      const g = it;
      const facts: string[] = [];
      if (g.type) facts.push(`${L(t('Type', 'Art'))}: ${enumLabel(GOAL_TYPES, g.type.value, env.ui)}`);
      if (g.primary?.value) facts.push(L(t('primary goal', 'Hauptziel')));
      if (facts.length) lines.push(facts.join(' · '));
      const kpis = p ? p.kpisOfGoal(g) : [];
      lines.push(
        `${L(t('KPIs', 'Kennzahlen'))}: ${kpis.length ? kpis.map((k) => `${esc(k.id)}${k.title ? ` (${esc(k.title.value)})` : ''}`).join(', ') : L(t('none', 'keine'))}`,
      );
      break;
    }
    case 'kpi': {
      const k = it;
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
      const c = it;
      if (c.why) lines.push(`${L(t('Why', 'Warum'))}: ${esc(c.why.value)}`);
      if (c.how) lines.push(`${L(t('How', 'Wie'))}: ${esc(c.how.value)}`);
      if (c.resources) lines.push(`${L(t('Resources', 'Ressourcen'))}: ${esc(c.resources.raw)}`);
      break;
    }
    case 'person': {
      const x = it;
      const facts = [x.role?.value, x.department?.value].filter(Boolean) as string[];
      if (facts.length) lines.push(esc(facts.join(' · ')));
      break;
    }
    case 'audience': {
      const a = it;
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

export function itemCands(env: Env, kind: ItemKind, format: 'yaml' | 'markdown', quotePeople = false): Cand[] {
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
      out.push({
        label,
        kind: CompletionItemKind.Reference,
        detail: [it.title?.value, role].filter(Boolean).join(' · ') || KIND_NAME.person[env.ui],
        doc: summary(env, it),
        person: it.id,
        quote: quotePeople,
      });
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
  const docOf = (e: EnumInfo<K>) =>
    `**${e.key}** — ${esc(meaning[e.key]?.[env.ui] ?? '')}\n\n${env.ui === 'de' ? 'Auch' : 'Also'}: ${esc([...e.de, ...e.en.filter((x) => x !== e.key)].join(', '))}`;
  if (env.lang === 'de') {
    for (const e of list)
      out.push({ label: e.de[0], kind: CompletionItemKind.EnumMember, detail: `${e.key} · ${meaning[e.key]?.[env.ui] ?? ''}`, doc: docOf(e) });
  }
  for (const e of list) {
    out.push({ label: e.key, kind: CompletionItemKind.EnumMember, detail: meaning[e.key]?.[env.ui], doc: docOf(e) });
  }
  return out;
}

const METRICS: { en: string[]; de: string[] } = {
  en: [
    'conversions',
    'conversion rate',
    'clicks',
    'click-through rate',
    'leads',
    'sales',
    'revenue',
    'orders',
    'cost per acquisition',
    'retention',
    'churn',
    'customer lifetime value',
    'NPS',
    'applications',
    'test drives',
    'share of voice',
    'sentiment',
    'engagement',
    'engagement rate',
    'shares',
    'comments',
    'saves',
    'followers',
    'fans',
    'likes',
    'impressions',
    'reach',
    'views',
    'video views',
    'mentions',
  ],
  de: [
    'Konversionen',
    'Konversionsrate',
    'Klicks',
    'Klickrate',
    'Anfragen',
    'Umsatz',
    'Bestellungen',
    'Bewerbungen',
    'Probefahrten',
    'Weiterempfehlungsrate',
    'Kundenbindung',
    'Abwanderung',
    'Kundenwert',
    'Interaktionen',
    'Interaktionsrate',
    'Kommentare',
    'Speicherungen',
    'Reichweite',
    'Follower',
    'Aufrufe',
    'Impressionen',
    'Erwähnungen',
    'Videoaufrufe',
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
  ['reel'],
  ['story'],
  ['post'],
  ['carousel'],
  ['video'],
  ['live'],
  ['newsletter'],
  ['article', 'Artikel'],
  ['podcast'],
  ['ad', 'Anzeige'],
  ['event', 'Veranstaltung'],
];

function formatCands(env: Env): Cand[] {
  const out: Cand[] = [];
  const de = env.lang === 'de';
  for (const [en, ger] of FORMATS) out.push({ label: de && ger ? ger : en, kind: CompletionItemKind.EnumMember, detail: t('format', 'Format')[env.ui] });
  if (de)
    for (const [en, ger] of FORMATS) if (ger) out.push({ label: en, kind: CompletionItemKind.EnumMember, detail: `${t('format', 'Format')[env.ui]} (${ger})` });
  return out;
}

function boolCands(env: Env, format: 'yaml' | 'markdown'): Cand[] {
  const mk = (label: string): Cand => ({
    label,
    kind: CompletionItemKind.EnumMember,
    detail: /^(ja|yes|true)$/.test(label) ? t('yes', 'ja')[env.ui] : t('no', 'nein')[env.ui],
  });
  const out = env.lang === 'de' ? ['ja', 'nein', 'yes', 'no'] : ['yes', 'no'];
  if (format === 'yaml') out.push('true', 'false');
  return out.map(mk);
}

/** The values a field takes. */
export function fieldValues(env: Env, field: FieldName | undefined, format: 'yaml' | 'markdown'): Cand[] {
  switch (field) {
    case 'goals':
      return itemCands(env, 'goal', format);
    case 'kpis':
      return itemCands(env, 'kpi', format);
    case 'audiences':
      return itemCands(env, 'audience', format);
    case 'channel':
      return itemCands(env, 'channel', format);
    case 'owner':
    case 'reviewer':
      return itemCands(env, 'person', format);
    // In `resources` only @handles are people; the rest is the effort. YAML quotes them.
    case 'resources':
      return itemCands(env, 'person', format, format === 'yaml');
    case 'mode':
      return enumCands(env, MODES, MODE_MEANING);
    case 'status':
      return enumCands(env, STATUSES, STATUS_MEANING);
    case 'type':
      return enumCands(env, GOAL_TYPES, TYPE_MEANING);
    case 'primary':
    case 'management':
      return boolCands(env, format);
    case 'metric':
      return metricCands(env);
    case 'format':
      return formatCands(env);
    default:
      return [];
  }
}
