/**
 * The words by which an unmarked document is recognised as an editorial plan or a strategy
 * (docs/format.md "Documents without a marker"). Data only, German and English, matched on
 * folded whole words like the rest of the vocabulary (vocab.ts `words`). These lists are
 * deliberately wider than what the readers accept: they only decide whether to OFFER the
 * marker, never how a marked document is read (that is vocab.ts `FIELDS` and `SECTIONS`).
 * The owner column is the exception: its words are the readers' own (vocab.ts PLAN_FIELDS).
 */
import { planFieldWords } from './vocab';

/** The roles a plan's column (Markdown table) or key (YAML list item) can have. */
export type PlanRole = 'date' | 'channel' | 'topic' | 'owner' | 'status' | 'goal' | 'format';

/** Column headers and keys, by role. Longer phrases win over shorter ones. */
export const PLAN_COLUMNS: Record<PlanRole, string[]> = {
  date: [
    'Datum',
    'Date',
    'Publish date',
    'Publishing date',
    'Post date',
    'Posting date',
    'Go live',
    'Go-live',
    'Publish at',
    'Published at',
    'Scheduled at',
    'Scheduled for',
    'Scheduled',
    'Publish on',
    'Veröffentlichung',
    'Veröffentlichungsdatum',
    'Veröffentlichungstermin',
    'Termin',
    'Postingdatum',
    'Posting',
    'Wann',
    'When',
    'Tag',
    'Day',
    'Publish',
    'Erscheinungsdatum',
    'KW',
    'Kalenderwoche',
    'Woche',
    'Week',
  ],
  channel: [
    'Kanal',
    'Kanäle',
    'Channel',
    'Channels',
    'Plattform',
    'Plattformen',
    'Platform',
    'Platforms',
    'Netzwerk',
    'Network',
    'Social network',
    'Placement',
  ],
  topic: [
    'Thema',
    'Titel',
    'Arbeitstitel',
    'Topic',
    'Title',
    'Post',
    'Post copy',
    'Copy',
    'Caption',
    'Headline',
    'Überschrift',
    'Text',
    'Inhalt',
    'Content',
    'Beitrag',
    'Idee',
    'Idea',
    'Subject',
    'Motiv',
    'Hook',
    'Aufhänger',
  ],
  // What the readers take for the owner column, one list (vocab.ts PLAN_FIELDS): a plan
  // recognised by its owner column must also be read with it.
  owner: planFieldWords('owner'),
  status: ['Status', 'Stand', 'State', 'Stage', 'Phase'],
  goal: ['Ziel', 'Ziele', 'Zielbezug', 'Goal', 'Goals', 'Objective', 'Content pillar', 'Pillar', 'Säule', 'Content-Säule'],
  format: ['Format', 'Formate', 'Type', 'Post type', 'Content type', 'Typ', 'Art', 'Beitragsart', 'Medientyp', 'Media type'],
};

/**
 * Social platforms and formats: most rows of a plan without a channel column name one. ("Social
 * media" alone is no evidence in a cell: a blog's category column says it too.)
 */
export const SOCIAL_WORDS = [
  'Instagram',
  'IG',
  'Facebook',
  'FB',
  'LinkedIn',
  'TikTok',
  'YouTube',
  'Xing',
  'Pinterest',
  'Threads',
  'Mastodon',
  'Bluesky',
  'Twitter',
  'Snapchat',
  'WhatsApp',
  'Reel',
  'Reels',
  'Karussell',
  'Carousel',
  'Shorts',
  'Newsletter',
];

/** Platform names only (for a strategy: at least two of them, or "social media", must be named). */
export const PLATFORMS = [
  'Instagram',
  'Facebook',
  'LinkedIn',
  'TikTok',
  'YouTube',
  'Xing',
  'Pinterest',
  'Mastodon',
  'Bluesky',
  'Twitter',
  'Snapchat',
  'WhatsApp',
];

/** Title or file-name words that say "this is an editorial plan" (lower the bar for a small table). */
export const PLAN_TITLES = [
  'Redaktionsplan',
  'Redaktionspläne',
  'Redaktionskalender',
  'Themenplan',
  'Contentplan',
  'Content-Plan',
  'Content plan',
  'Content-Kalender',
  'Contentkalender',
  'Content calendar',
  'Editorial plan',
  'Editorial calendar',
  'Posting plan',
  'Postingplan',
  'Social media plan',
  'Social-Media-Plan',
  'Social media calendar',
  'Social-Media-Kalender',
  'Posting-Plan',
];

/** Title or file-name words that say "this is a social media strategy". */
export const STRATEGY_TITLES = [
  'Social-Media-Strategie',
  'Social Media Strategie',
  'Social media strategy',
  'Social strategy',
  'Content-Strategie',
  'Contentstrategie',
  'Content strategy',
  'Kommunikationsstrategie',
  'Communication strategy',
  'Communications strategy',
  'Kanalstrategie',
  'Channel strategy',
  'Social-Media-Konzept',
  'Social Media Konzept',
  'Social media concept',
];

/**
 * Headings (Markdown) and top-level keys (YAML) of a strategy's sections beyond those the
 * reader knows (vocab.ts `SECTIONS`, used too): the wild names teams give the steps.
 */
export const STRATEGY_SECTIONS: Record<string, string[]> = {
  listening: [
    'Ausgangslage',
    'Status quo',
    'Ist-Situation',
    'Situationsanalyse',
    'SWOT',
    'SWOT-Analyse',
    'Wettbewerb',
    'Wettbewerber',
    'Current state',
    'Competitors',
    'Competitor analysis',
  ],
  goals: ['Unsere Ziele', 'Ziele und KPIs', 'Objectives', 'Goals and KPIs'],
  kpis: ['Kennzahlen', 'KPI', 'Erfolgskontrolle'],
  audiences: ['Zielgruppen', 'Target group', 'Target groups', 'Buyer personas', 'Persona'],
  value: [
    'Tonalität',
    'Tone of voice',
    'Markenstimme',
    'Brand voice',
    'Content-Säulen',
    'Content pillars',
    'Themenfelder',
    'Kernbotschaften',
    'Positionierung',
    'Positioning',
  ],
  faces: ['Gesicht', 'Ambassadors', 'Influencer'],
  channels: ['Plattformen', 'Platforms', 'Kanäle und Formate', 'Channels and formats', 'Netzwerke'],
  team: ['Rollen und Team', 'Team und Rollen'],
  resources: ['Ressourcen', 'Budget', 'Budget und Ressourcen'],
  governance: ['Freigabeprozess', 'Freigaben'],
};
