/** Completion's keys (service/completion.ts): the fields each kind of item and entry may have, in English and German. */
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { ItemKind } from '../core/model';
import { t, type Text } from '../core/text';
import { words, type FieldName } from '../core/vocab';
import { type Cand, type Env } from './completion-base';

// ------------------------------------------------------------------ keys

export type MapKind = ItemKind | 'entry';

/** The keys of each kind of item: field, canonical English key, German key. */
export const ITEM_KEYS: Record<MapKind, [FieldName, string, string][]> = {
  entry: [
    ['date', 'date', 'Datum'],
    ['time', 'time', 'Uhrzeit'],
    ['channel', 'channel', 'Kanal'],
    ['format', 'format', 'Format'],
    ['title', 'title', 'Titel'],
    ['mode', 'mode', 'Modus'],
    ['goals', 'goal', 'Ziel'],
    ['kpis', 'kpi', 'KPI'],
    ['audiences', 'audience', 'Zielgruppe'],
    ['owner', 'owner', 'Verantwortlich'],
    ['reviewer', 'reviewer', 'Freigabe'],
    ['status', 'status', 'Status'],
    ['link', 'link', 'Link'],
    ['campaign', 'campaign', 'Kampagne'],
    ['id', 'id', 'ID'],
  ],
  person: [
    ['id', 'id', 'ID'],
    ['title', 'name', 'Name'],
    ['role', 'role', 'Rolle'],
    ['department', 'department', 'Bereich'],
    ['management', 'management', 'Management'],
  ],
  goal: [
    ['id', 'id', 'ID'],
    ['title', 'title', 'Titel'],
    ['type', 'type', 'Art'],
    ['primary', 'primary', 'Primär'],
    ['kpis', 'kpis', 'Kennzahlen'],
    ['description', 'description', 'Beschreibung'],
  ],
  kpi: [
    ['id', 'id', 'ID'],
    ['title', 'title', 'Titel'],
    ['metric', 'metric', 'Metrik'],
    ['goals', 'goal', 'Ziel'],
    ['target', 'target', 'Zielwert'],
    ['baseline', 'baseline', 'Ausgangswert'],
    ['deadline', 'deadline', 'Frist'],
    ['source', 'source', 'Quelle'],
    ['owner', 'owner', 'Verantwortlich'],
  ],
  audience: [
    ['id', 'id', 'ID'],
    ['title', 'title', 'Titel'],
    ['demographics', 'demographics', 'Demografie'],
    ['psychographics', 'psychographics', 'Psychografie'],
    ['needs', 'needs', 'Bedürfnisse'],
  ],
  channel: [
    ['id', 'id', 'ID'],
    ['why', 'why', 'Warum'],
    ['how', 'how', 'Wie'],
    ['resources', 'resources', 'Ressourcen'],
    ['audiences', 'audiences', 'Zielgruppen'],
    ['goals', 'goals', 'Ziele'],
  ],
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
  status: t(
    'idea, planned, draft, in-review, approved, scheduled, published, cancelled',
    'Idee, geplant, Entwurf, in Freigabe, freigegeben, eingeplant, veröffentlicht, gestrichen',
  ),
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

const VALUED = new Set<FieldName>([
  'goals',
  'kpis',
  'audiences',
  'channel',
  'owner',
  'reviewer',
  'resources',
  'mode',
  'status',
  'type',
  'primary',
  'management',
  'metric',
  'format',
]);

/** Keys that only German writes (a mapping that uses one gets German keys offered). */
export const GERMAN_KEYS = (() => {
  const en = new Set<string>();
  for (const list of Object.values(ITEM_KEYS)) for (const [, e] of list) en.add(words(e).join(' '));
  const de = new Set<string>();
  for (const list of Object.values(ITEM_KEYS)) for (const [, , g] of list) de.add(words(g).join(' '));
  for (const g of [
    'Thema',
    'Arbeitstitel',
    'Typ',
    'Zielart',
    'Hauptziel',
    'Messgrößen',
    'Sollwert',
    'Basis',
    'Ist',
    'Bis',
    'Termin',
    'Datenquelle',
    'Ziele',
    'Zielbezug',
    'Zielgruppen',
    'Begründung',
    'Frequenz',
    'Aufwand',
    'Funktion',
    'Abteilung',
    'Veröffentlichung',
    'Zeit',
    'Plattform',
    'Kommunikationsart',
    'Autor',
    'Autorin',
    'Prüfer',
    'Prüferin',
    'Kampagne',
    'Kennung',
    'Demografie',
    'Soziodemografie',
    'Psychografie',
    'Bedürfnisse',
    'Kennzahlen',
  ])
    de.add(words(g).join(' '));
  for (const e of en) de.delete(e);
  return de;
})();

export function keyCand(env: Env, field: FieldName, key: string, withColon: boolean): Cand {
  return {
    label: key,
    insert: withColon ? `${key}: ` : key,
    kind: CompletionItemKind.Field,
    detail: KEY_MEANING[field]?.[env.ui],
    command: withColon && VALUED.has(field),
  };
}
