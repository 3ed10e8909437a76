/**
 * The words of the canonical form that `stratdoc convert` writes (docs/cli.md "Convert",
 * docs/decisions.md "Convert"): the column headers and field keys of each language and
 * the section headings. Data, beside the vocabulary (vocab.ts) that reads them back: every
 * word here is one the readers know (the first of its synonyms in docs/format.md).
 */
import type { Lang } from './text';
import type { SectionKey } from './vocab';

/** The fields of a plan entry in the order the canonical form writes them. */
export const PLAN_COLUMNS = [
  'id',
  'date',
  'time',
  'channel',
  'format',
  'title',
  'mode',
  'goals',
  'kpis',
  'audiences',
  'owner',
  'reviewer',
  'status',
  'link',
  'campaign',
] as const;
export type PlanColumn = (typeof PLAN_COLUMNS)[number];

/** YAML keys of an entry (the same in both languages, as in docs/format.md "In YAML: entries"). */
export const PLAN_KEYS: Record<PlanColumn, string> = {
  id: 'id',
  date: 'date',
  time: 'time',
  channel: 'channel',
  format: 'format',
  title: 'title',
  mode: 'mode',
  goals: 'goal',
  kpis: 'kpi',
  audiences: 'audience',
  owner: 'owner',
  reviewer: 'reviewer',
  status: 'status',
  link: 'link',
  campaign: 'campaign',
};

/** Markdown table headers of a plan, per language (docs/format.md "Editorial plans"). */
export const PLAN_HEADERS: Record<Lang, Record<PlanColumn, string>> = {
  de: {
    id: 'ID',
    date: 'Datum',
    time: 'Uhrzeit',
    channel: 'Kanal',
    format: 'Format',
    title: 'Thema',
    mode: 'Modus',
    goals: 'Ziel',
    kpis: 'KPI',
    audiences: 'Zielgruppe',
    owner: 'Verantwortlich',
    reviewer: 'Freigabe',
    status: 'Status',
    link: 'Link',
    campaign: 'Kampagne',
  },
  en: {
    id: 'ID',
    date: 'Date',
    time: 'Time',
    channel: 'Channel',
    format: 'Format',
    title: 'Title',
    mode: 'Mode',
    goals: 'Goal',
    kpis: 'KPI',
    audiences: 'Audience',
    owner: 'Owner',
    reviewer: 'Reviewer',
    status: 'Status',
    link: 'Link',
    campaign: 'Campaign',
  },
};

/** Field keys of strategy items: YAML keys (`yaml`) and Markdown `- Key: value` labels per language. */
export const ITEM_FIELD_LABELS: Record<string, { yaml: string; de: string; en: string }> = {
  name: { yaml: 'name', de: 'Name', en: 'Name' },
  title: { yaml: 'title', de: 'Titel', en: 'Title' },
  description: { yaml: 'description', de: 'Beschreibung', en: 'Description' },
  role: { yaml: 'role', de: 'Rolle', en: 'Role' },
  department: { yaml: 'department', de: 'Bereich', en: 'Department' },
  management: { yaml: 'management', de: 'Chefsache', en: 'Management' },
  type: { yaml: 'type', de: 'Art', en: 'Type' },
  primary: { yaml: 'primary', de: 'Primär', en: 'Primary' },
  kpis: { yaml: 'kpis', de: 'Kennzahlen', en: 'KPIs' },
  metric: { yaml: 'metric', de: 'Metrik', en: 'Metric' },
  target: { yaml: 'target', de: 'Zielwert', en: 'Target' },
  baseline: { yaml: 'baseline', de: 'Ausgangswert', en: 'Baseline' },
  deadline: { yaml: 'deadline', de: 'Frist', en: 'Deadline' },
  source: { yaml: 'source', de: 'Quelle', en: 'Source' },
  goals: { yaml: 'goals', de: 'Ziele', en: 'Goals' },
  owner: { yaml: 'owner', de: 'Verantwortlich', en: 'Owner' },
  audiences: { yaml: 'audiences', de: 'Zielgruppen', en: 'Audiences' },
  why: { yaml: 'why', de: 'Warum', en: 'Why' },
  how: { yaml: 'how', de: 'Wie', en: 'How' },
  resources: { yaml: 'resources', de: 'Ressourcen', en: 'Resources' },
};

/** Section headings of the canonical Markdown strategy, numbered by step where it is one. */
export const SECTION_HEADINGS: Record<SectionKey, { de: string; en: string; step?: number }> = {
  team: { de: 'Team', en: 'Team', step: 1 },
  listening: { de: 'Zuhören', en: 'Listening', step: 2 },
  goals: { de: 'Ziele', en: 'Goals', step: 3 },
  kpis: { de: 'Kennzahlen', en: 'KPIs', step: 4 },
  audiences: { de: 'Zielgruppen', en: 'Audiences', step: 5 },
  value: { de: 'Mehrwert', en: 'Value', step: 6 },
  faces: { de: 'Gesichter', en: 'Human face', step: 7 },
  channels: { de: 'Kanalplan', en: 'Channel plan', step: 8 },
  governance: { de: 'Rollen und Freigabe', en: 'Roles and approval' },
  meetings: { de: 'Redaktionskonferenz', en: 'Editorial meeting' },
  guidelines: { de: 'Social-Media-Guidelines', en: 'Guidelines' },
  crisis: { de: 'Umgang mit Kritik', en: 'Handling criticism' },
};

/** Yes and no in the Markdown form. */
export const YES_NO: Record<Lang, [string, string]> = { de: ['ja', 'nein'], en: ['yes', 'no'] };
