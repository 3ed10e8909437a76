/**
 * JSON-Schema-shaped zod models of the YAML strategy, the YAML plan and `.stratdoc.yaml`,
 * for editors: the build turns them into `dist/schemas/*.schema.json` (zod 4's
 * `z.toJSONSchema`), which the VS Code extension hands to the YAML extension through
 * `contributes.yamlValidation`, so that it completes keys and values as well.
 *
 * These schemas are for completion and a first check as you type; the readers in
 * `parse/` stay the authority (they accept more spellings and give better messages).
 * So they are loose where docs/format.md is loose: unknown keys are allowed everywhere
 * (docs/format.md keeps them and shows them in hover), scalars may be strings, numbers or
 * booleans, and every synonym of a key (German and English, from `vocab.ts`) is a
 * property of its own. Enumerations list each alias as written, in lower case, with a
 * capital and folded (umlauts), because the readers compare case-insensitively.
 */
import { z } from 'zod';
import { FIELDS, GOAL_TYPES, MODES, SECTIONS, STATUSES, fold, type EnumInfo, type FieldName, type SectionKey } from './vocab';
import { configSchema } from './config';
import type { RuleMeta } from './rules/api';

// ---------------------------------------------------------------- building blocks

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const nullable = <T extends z.ZodType>(s: T) => z.union([s, z.null()]);
/** One or more IDs: `G1`, `G1, G2` or `[G1, G2]`. */
const refs = nullable(z.union([scalar, z.array(scalar)]));
const oneRef = nullable(scalar);
const text = nullable(scalar);
/** Free text that may also be written as a list or a mapping. */
const anyText = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.unknown()), z.record(z.string(), z.unknown())]).meta({ id: 'text' });

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

/** The spellings of a word a user writes: as listed, lower case, capitalised, umlauts folded. */
function spellings(s: string): string[] {
  const lower = s.toLowerCase();
  return unique([s, lower, lower.charAt(0).toUpperCase() + lower.slice(1), fold(lower)]);
}

/** Every accepted value of an enumeration (canonical keys first, then German, then English aliases). */
export function enumValues<K extends string>(list: EnumInfo<K>[]): string[] {
  return unique([...list.map((e) => e.key), ...list.flatMap((e) => e.de.flatMap(spellings)), ...list.flatMap((e) => [e.key, ...e.en].flatMap(spellings))]);
}

function enumOf<K extends string>(list: EnumInfo<K>[], id: string) {
  const values = enumValues(list) as [string, ...string[]];
  return nullable(z.enum(values).meta({ id }));
}

const yesNo = (description: string) =>
  nullable(z.union([z.boolean(), z.enum(['ja', 'nein', 'Ja', 'Nein', 'yes', 'no', 'Yes', 'No', 'true', 'false', 'x'])])).meta({ description });

const SYNONYMS = new Map<FieldName, string[]>(FIELDS);

/** The keys that mean a field: its canonical name and every synonym of docs/format.md, in lower case. */
export function keysOf(name: FieldName): string[] {
  const syn = SYNONYMS.get(name) ?? [];
  return unique([name, ...syn.flatMap((s) => unique([s.toLowerCase(), fold(s.toLowerCase())]))]);
}

/** One field's properties: the canonical key described, each synonym pointing at it. */
function field(name: FieldName, schema: z.ZodType, en: string, de: string): Record<string, z.ZodType> {
  const out: Record<string, z.ZodType> = {};
  for (const k of keysOf(name)) {
    out[k] = schema.optional().meta({ description: k === name ? `${en}\n\n${de}` : `= ${name}: ${en}\n\n${de}` });
  }
  return out;
}

function fields(...parts: Record<string, z.ZodType>[]): Record<string, z.ZodType> {
  // A synonym that means two fields (rare) keeps the first.
  const out: Record<string, z.ZodType> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p)) if (!(k in out)) out[k] = v;
  return out;
}

const F = {
  id: (what: string, was: string) => field('id', text, `The ${what}'s ID.`, `Die ID ${was}.`),
  title: field('title', text, 'Title.', 'Titel.'),
  description: field('description', anyText, 'Description.', 'Beschreibung.'),
  date: field(
    'date',
    nullable(z.union([z.string(), z.number()])),
    'Publication date: YYYY-MM-DD (DD.MM.YYYY is accepted).',
    'Veröffentlichungsdatum: JJJJ-MM-TT (TT.MM.JJJJ geht auch).',
  ),
  time: field('time', nullable(z.union([z.string(), z.number()])), 'Time of day, e.g. 09:30.', 'Uhrzeit, z. B. 09:30.'),
  channel: field(
    'channel',
    oneRef,
    'The channel (its ID in the strategy: instagram, linkedin, newsletter…).',
    'Der Kanal (seine ID in der Strategie: instagram, linkedin, newsletter…).',
  ),
  format: field('format', text, 'Format: reel, carousel, story, article, video…', 'Format: Reel, Karussell, Story, Artikel, Video…'),
  mode: field(
    'mode',
    enumOf(MODES, 'mode'),
    'Mode: push (advertising, offers, press), story, dialog, service, people, ugc, mixed (counts half as push). Without it the mode is inferred.',
    'Modus: Push (Werbung, Angebot, Presse), Geschichte, Dialog, Ratgeber, Menschen, Community, gemischt (zählt halb als Push). Ohne Modus wird er erschlossen.',
  ),
  goals: field('goals', refs, 'The goal(s) this serves (goal IDs of the strategy).', 'Das Ziel oder die Ziele, denen es dient (Ziel-IDs der Strategie).'),
  kpis: field('kpis', refs, 'KPI IDs.', 'Kennzahl-IDs.'),
  audiences: field('audiences', refs, 'Audience IDs.', 'Zielgruppen-IDs.'),
  owner: field(
    'owner',
    oneRef,
    'Who is responsible: a person of the team (anna or "@anna").',
    'Wer verantwortlich ist: eine Person des Teams (anna oder "@anna").',
  ),
  reviewer: field(
    'reviewer',
    oneRef,
    'Who reviews and approves: a person of the team, not the owner.',
    'Wer prüft und freigibt: eine Person des Teams, nicht die verantwortliche.',
  ),
  status: field(
    'status',
    enumOf(STATUSES, 'status'),
    'Status: idea, planned, draft, in-review, approved, scheduled, published, cancelled.',
    'Status: Idee, geplant, Entwurf, in Freigabe, freigegeben, eingeplant, veröffentlicht, gestrichen.',
  ),
  link: field('link', text, 'Link (with UTM parameters, so that clicks can be counted).', 'Link (mit UTM-Parametern, damit Klicks zählbar sind).'),
  campaign: field('campaign', text, 'Campaign.', 'Kampagne.'),
  type: field(
    'type',
    enumOf(GOAL_TYPES, 'goalType'),
    'Goal type: awareness, consideration, conversion, loyalty, advocacy, employer-branding, service.',
    'Zielart: Bekanntheit, Erwägung, Abverkauf, Kundenbindung, Weiterempfehlung, Arbeitgebermarke, Kundenservice.',
  ),
  primary: field('primary', yesNo('primary'), 'The primary goal (exactly one).', 'Das Hauptziel (genau eines).'),
  metric: field(
    'metric',
    text,
    'Metric: conversions, leads, sales, applications, engagement rate… (business results, not only likes).',
    'Metrik: Konversionen, Anfragen, Umsatz, Bewerbungen, Interaktionsrate… (Geschäftsergebnisse, nicht nur Likes).',
  ),
  target: field('target', text, 'Target value.', 'Zielwert.'),
  baseline: field('baseline', text, 'Baseline value.', 'Ausgangswert.'),
  deadline: field('deadline', nullable(z.union([z.string(), z.number()])), 'Deadline (YYYY-MM-DD).', 'Frist (JJJJ-MM-TT).'),
  source: field('source', text, 'Data source.', 'Datenquelle.'),
  why: field('why', anyText, 'Why this channel: whom it reaches.', 'Warum dieser Kanal: wen er erreicht.'),
  how: field('how', anyText, 'How: formats and frequency.', 'Wie: Formate und Frequenz.'),
  resources: field('resources', refs, 'Resources: people ("@anna") and effort (6 h/week).', 'Ressourcen: Personen ("@anna") und Aufwand (6 h/Woche).'),
  role: field('role', text, 'Role.', 'Rolle.'),
  department: field('department', text, 'Department.', 'Bereich oder Abteilung.'),
  management: field('management', yesNo('management'), 'Member of the management (yes/no).', 'Gehört zur Geschäftsleitung (ja/nein).'),
  demographics: field('demographics', anyText, 'Demographics.', 'Demografie.'),
  psychographics: field('psychographics', anyText, 'Psychographics.', 'Psychografie.'),
  needs: field('needs', anyText, 'Needs.', 'Bedürfnisse.'),
};

const item = (id: string, props: Record<string, z.ZodType>, description: string) => z.object(props).catchall(z.unknown()).meta({ id, description });

export const entrySchema = item(
  'entry',
  fields(
    F.id('entry', 'des Eintrags'),
    F.date,
    F.time,
    F.channel,
    F.format,
    F.title,
    F.mode,
    F.goals,
    F.kpis,
    F.audiences,
    F.owner,
    F.reviewer,
    F.status,
    F.link,
    F.campaign,
    F.description,
  ),
  'A plan entry. / Ein Eintrag des Redaktionsplans.',
);

const personSchema = item(
  'person',
  fields(F.id('person', 'der Person'), F.title, F.role, F.department, F.management),
  'A team member: id "@anna". / Ein Teammitglied: id "@anna".',
);
const goalSchema = item('goal', fields(F.id('goal', 'des Ziels'), F.title, F.type, F.primary, F.kpis, F.description), 'A goal: id G1. / Ein Ziel: id G1.');
const kpiSchema = item(
  'kpi',
  fields(F.id('KPI', 'der Kennzahl'), F.title, F.metric, F.goals, F.target, F.baseline, F.deadline, F.source, F.owner),
  'A KPI: id K1. / Eine Kennzahl: id K1.',
);
const audienceSchema = item(
  'audience',
  fields(F.id('audience', 'der Zielgruppe'), F.title, F.demographics, F.psychographics, F.needs, F.description),
  'An audience: id A1. / Eine Zielgruppe: id A1.',
);
const channelSchema = item(
  'channel',
  fields(F.id('channel', 'des Kanals'), F.title, F.why, F.how, F.resources, F.audiences, F.goals),
  'A channel: id instagram. / Ein Kanal: id instagram.',
);

/** A section of items: a list (of mappings or bare IDs) or a mapping from ID to item or title. */
const itemsOf = (s: z.ZodType, id: string) =>
  z.union([z.null(), z.array(z.union([s, scalar, z.null()])), z.record(z.string(), z.union([s, scalar, z.null()]))]).meta({ id });

const ITEM_SCHEMAS: Partial<Record<SectionKey, z.ZodType>> = {
  team: itemsOf(personSchema, 'teamSection'),
  goals: itemsOf(goalSchema, 'goalsSection'),
  kpis: itemsOf(kpiSchema, 'kpisSection'),
  audiences: itemsOf(audienceSchema, 'audiencesSection'),
  channels: itemsOf(channelSchema, 'channelsSection'),
};

const STEP_TEXT: Record<SectionKey, [string, string]> = {
  team: ['Step 1: the cross-functional team (id "@handle", role, department).', 'Schritt 1: das bereichsübergreifende Team (id "@handle", Rolle, Bereich).'],
  listening: ['Step 2: listen and compare.', 'Schritt 2: zuhören und vergleichen.'],
  goals: ['Step 3: goals (one primary goal).', 'Schritt 3: Ziele (ein Hauptziel).'],
  kpis: ['Step 4: KPIs, tied to goals and business results.', 'Schritt 4: Kennzahlen, an Ziele und Geschäftsergebnisse gebunden.'],
  audiences: ['Step 5: audiences.', 'Schritt 5: Zielgruppen.'],
  value: ['Step 6: value: what the audience gets from you.', 'Schritt 6: Mehrwert: was die Zielgruppe von Ihnen hat.'],
  faces: ['Step 7: a human face.', 'Schritt 7: ein menschliches Antlitz.'],
  channels: ['Step 8: the channel plan (why, how, resources, goals).', 'Schritt 8: der Kanalplan (Warum, Wie, Ressourcen, Ziele).'],
  governance: ['Roles and review.', 'Rollen und Freigabe.'],
  guidelines: ['Social media guidelines.', 'Social-Media-Guidelines.'],
  meetings: ['Editorial meeting.', 'Redaktionskonferenz.'],
  crisis: ['Handling criticism.', 'Umgang mit Kritik.'],
};

function sectionProps(): Record<string, z.ZodType> {
  const out: Record<string, z.ZodType> = {};
  for (const s of SECTIONS) {
    const schema = ITEM_SCHEMAS[s.key] ?? anyText;
    const [en, de] = STEP_TEXT[s.key];
    out[s.key] = schema.optional().meta({ description: `${en}\n\n${de}` });
    // Synonyms of one word (docs/format.md "Synonyms"); longer headings are accepted too, but not offered.
    for (const syn of [...s.de, ...s.en]) {
      if (/\s/.test(syn)) continue;
      for (const k of unique([syn.toLowerCase(), fold(syn.toLowerCase())])) {
        if (!(k in out)) out[k] = schema.optional().meta({ description: `= ${s.key}: ${en}\n\n${de}` });
      }
    }
  }
  return out;
}

const meta = (kind: 'strategy' | 'plan') => ({
  stratdoc: z
    .enum(kind === 'strategy' ? ['strategy', 'strategie', 'Strategie'] : ['plan', 'redaktionsplan', 'Redaktionsplan', 'Plan'])
    .optional()
    .meta({ description: `Marks the file as a stratdoc ${kind}.\n\nKennzeichnet die Datei als stratdoc-${kind === 'plan' ? 'Plan' : 'Strategie'}.` }),
  title: text.optional().meta({ description: 'Title.\n\nTitel.' }),
  titel: text.optional().meta({ description: '= title' }),
  language: nullable(z.enum(['de', 'en', 'deutsch', 'english', 'Deutsch', 'English']))
    .optional()
    .meta({ description: 'Language of the document and its messages.\n\nSprache des Dokuments und seiner Meldungen.' }),
  sprache: nullable(z.enum(['de', 'en', 'deutsch', 'english', 'Deutsch', 'English']))
    .optional()
    .meta({ description: '= language' }),
  period: nullable(z.string()).optional().meta({ description: 'Period: 2027-01-01..2027-12-31.\n\nZeitraum: 2027-01-01..2027-12-31.' }),
  zeitraum: nullable(z.string()).optional().meta({ description: '= period' }),
  description: anyText.optional().meta({ description: 'Description.\n\nBeschreibung.' }),
  beschreibung: anyText.optional().meta({ description: '= description' }),
  version: text.optional().meta({ description: 'Version.' }),
});

const ENTRY_LIST_KEYS = ['entries', 'einträge', 'eintraege', 'beiträge', 'beitraege', 'posts'];

export const planSchema = z
  .object({
    ...meta('plan'),
    strategy: nullable(z.string()).optional().meta({
      description:
        'The strategy this plan belongs to (relative path). Without it: the strategy in this folder or above.\n\nDie Strategie, zu der dieser Plan gehört (relativer Pfad). Ohne: die Strategie in diesem Ordner oder darüber.',
    }),
    strategie: nullable(z.string()).optional().meta({ description: '= strategy' }),
    ...Object.fromEntries(
      ENTRY_LIST_KEYS.map((k) => [
        k,
        nullable(z.array(z.union([entrySchema, z.null()])))
          .optional()
          .meta({ description: k === 'entries' ? 'The entries of the plan.\n\nDie Einträge des Plans.' : '= entries' }),
      ]),
    ),
  })
  .catchall(z.unknown())
  .meta({ title: 'stratdoc editorial plan (Redaktionsplan)', description: 'A stratdoc editorial plan in YAML (docs/format.md "Editorial plan").' });

export const strategySchema = z
  .object({ ...meta('strategy'), ...sectionProps() })
  .catchall(z.unknown())
  .meta({ title: 'stratdoc social media strategy', description: 'A stratdoc strategy in YAML (docs/format.md "Strategy in YAML").' });

/** `.stratdoc.yaml`: the configuration schema, with each rule's options spelled out. */
export function configFileSchema(rules: RuleMeta[]): z.ZodType {
  return configSchema
    .extend({ rules: z.object(ruleSettingShape(rules)).catchall(z.unknown()).optional() })
    .meta({ title: 'stratdoc configuration (.stratdoc.yaml)' });
}

export const SEVERITIES = ['error', 'warning', 'warn', 'information', 'info', 'hint', 'off'] as const;

function ruleSettingShape(rules: RuleMeta[]): Record<string, z.ZodType> {
  const out: Record<string, z.ZodType> = {};
  for (const r of rules) {
    const options: Record<string, z.ZodType> = { severity: z.enum(SEVERITIES).optional() };
    for (const [k, v] of Object.entries(r.options ?? {})) {
      const range = r.optionRanges?.[k];
      let num = range ? z.number().min(range.min).max(range.max) : z.number();
      if (range?.integer) num = num.int();
      const base = typeof v === 'number' ? num : typeof v === 'boolean' ? z.boolean() : z.string();
      options[k] = base.optional().meta({ default: v });
    }
    out[r.id] = z
      .union([z.enum(SEVERITIES), z.boolean(), z.object(options).catchall(z.union([z.number(), z.string(), z.boolean()]))])
      .optional()
      .meta({ description: `${r.description.en} (default: ${r.severity})` });
  }
  return out;
}

/** JSON Schema (draft-07, the dialect the YAML extension reads best) of a zod schema. */
export function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any', reused: 'inline' });
}

/** The schemas the build writes to `dist/schemas/`, by file name. */
export function allSchemas(rules: RuleMeta[]): Record<string, Record<string, unknown>> {
  return {
    'strategy.schema.json': toJsonSchema(strategySchema),
    'plan.schema.json': toJsonSchema(planSchema),
    'config.schema.json': toJsonSchema(configFileSchema(rules)),
  };
}
