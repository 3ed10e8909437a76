/**
 * The vocabulary of docs/format.md: section headings, field keys, goal types, modes, statuses
 * and metric classes, in German and English. Matching is case-insensitive with umlauts
 * and ß folded (ä→ae, ö→oe, ü→ue, ß→ss, other accents dropped), and on whole words.
 */

export type SectionKey =
  'team' | 'listening' | 'goals' | 'kpis' | 'audiences' | 'value' | 'faces' | 'channels' | 'governance' | 'guidelines' | 'meetings' | 'crisis';

export type FieldName =
  | 'id'
  | 'title'
  | 'type'
  | 'primary'
  | 'kpis'
  | 'metric'
  | 'target'
  | 'baseline'
  | 'deadline'
  | 'source'
  | 'goals'
  | 'audiences'
  | 'why'
  | 'how'
  | 'resources'
  | 'role'
  | 'department'
  | 'management'
  | 'name'
  | 'description'
  | 'demographics'
  | 'psychographics'
  | 'needs'
  | 'date'
  | 'time'
  | 'channel'
  | 'format'
  | 'mode'
  | 'owner'
  | 'reviewer'
  | 'status'
  | 'link'
  | 'campaign'
  | 'pillar';

export type GoalType = 'awareness' | 'consideration' | 'conversion' | 'loyalty' | 'advocacy' | 'employer-branding' | 'service';

export type Mode = 'push' | 'story' | 'dialog' | 'service' | 'people' | 'ugc' | 'mixed';

export type Status = 'idea' | 'planned' | 'draft' | 'in-review' | 'approved' | 'scheduled' | 'published' | 'cancelled';

export type MetricClass = 'vanity' | 'intermediate' | 'business' | 'unknown';

const NON_ASCII = /[^\x00-\x7f]/;

/** Folds case, umlauts, ß and accents; turns hyphens, slashes and underscores into spaces. */
export function fold(s: string): string {
  // Plain ASCII (most keys and values) has no umlauts or accents: only the case to fold.
  if (!NON_ASCII.test(s)) return s.toLowerCase();
  return s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** The words of a text, folded: letters and digits only. */
export function words(s: string): string[] {
  return fold(s)
    .split(/[^\p{L}\p{N}&]+/u)
    .filter(Boolean);
}

/**
 * `words(s).join(' ')`: field keys and values such as 'Datum' or 'geplant' are asked for
 * in every entry of a plan, so text without umlauts or accents (most keys and values) is
 * read character by character, without the Unicode folding. Nothing is memoized
 * (docs/decisions.md "State and its invalidation").
 */
export function phraseKey(s: string): string {
  let same = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return words(s).join(' ');
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 38)) same = false;
  }
  if (same) return s;
  let out = '';
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 38) {
      if (gap && out) out += ' ';
      gap = false;
      out += String.fromCharCode(c);
    } else gap = true;
  }
  return out;
}

export interface SectionInfo {
  key: SectionKey;
  /** 1–8 for the eight steps; undefined for the other sections. */
  step?: number;
  de: string[];
  en: string[];
}

/**
 * Headings of strategies written before stratdoc (docs/format.md "How an existing document is
 * read"), beside the section words above. Tone of voice is step 6, value: how the brand
 * speaks is part of what its content offers and stands for (docs/decisions.md).
 */
export const WILD_HEADINGS: Record<'listening' | 'value' | 'kpis' | 'channels' | 'governance', { de: string[]; en: string[] }> = {
  listening: {
    de: ['Ausgangslage', 'Status quo', 'Ist-Situation', 'Situationsanalyse', 'Bestandsaufnahme'],
    en: ['Status quo', 'Situation analysis', 'Current situation'],
  },
  value: { de: ['Tonalität', 'Markenstimme', 'Tonalität und Haltung', 'Sprache und Ton'], en: ['Tone of voice', 'Brand voice', 'Voice and tone', 'Tone'] },
  kpis: { de: ['Erfolgskontrolle', 'Key Performance Indicators'], en: ['Key performance indicators', 'Measuring success'] },
  channels: { de: ['Plattformen', 'Netzwerke'], en: ['Platforms', 'Networks'] },
  governance: { de: ['Zuständigkeiten'], en: ['Roles and responsibilities'] },
};

export const SECTIONS: SectionInfo[] = [
  { key: 'team', step: 1, de: ['Team', 'Kernteam', 'Projektteam', 'Arche'], en: ['Team', 'Core team', 'Cross-functional team'] },
  {
    key: 'listening',
    step: 2,
    de: [
      'Zuhören',
      'Hören Sie zu',
      'Vergleichen',
      'Ist-Analyse',
      'Ausgangssituation',
      'Social Listening',
      'Monitoring',
      'Wettbewerbsanalyse',
      ...WILD_HEADINGS.listening.de,
    ],
    en: ['Listening', 'Listen and compare', 'Audit', 'Social listening', 'Competitive analysis', ...WILD_HEADINGS.listening.en],
  },
  { key: 'goals', step: 3, de: ['Ziele', 'Ziel', 'Zielsetzung', 'Kommunikationsziele'], en: ['Goals', 'Goal', 'Objectives'] },
  {
    key: 'kpis',
    step: 4,
    de: ['Kennzahlen', 'KPIs', 'Messgrößen', 'Erfolgsmessung', 'Messkriterien', ...WILD_HEADINGS.kpis.de],
    en: ['KPIs', 'Metrics', 'Measurement', 'Success metrics', ...WILD_HEADINGS.kpis.en],
  },
  {
    key: 'audiences',
    step: 5,
    de: ['Zielgruppe', 'Zielgruppen', 'Publikum', 'Personas', 'Zielgruppenanalyse'],
    en: ['Audience', 'Audiences', 'Target audience', 'Personas'],
  },
  {
    key: 'value',
    step: 6,
    de: ['Mehrwert', 'Werte', 'Haltung', 'Philosophie', 'Mission', ...WILD_HEADINGS.value.de],
    en: ['Value', 'Value proposition', 'Values', 'Philosophy', 'Purpose', ...WILD_HEADINGS.value.en],
  },
  {
    key: 'faces',
    step: 7,
    de: ['Gesichter', 'Antlitz', 'Menschliches Antlitz', 'Markenbotschafter', 'Corporate Influencer'],
    en: ['Human face', 'Faces', 'Brand ambassadors', 'Spokespeople'],
  },
  {
    key: 'channels',
    step: 8,
    de: ['Kanalplan', 'Kanäle', 'Kanalstrategie', 'Kanal-Mix', ...WILD_HEADINGS.channels.de],
    en: ['Channel plan', 'Channels', 'Channel strategy', 'Channel mix', ...WILD_HEADINGS.channels.en],
  },
  {
    key: 'governance',
    de: ['Rollen', 'Verantwortlichkeiten', 'Freigabe', 'Regeln und Rollen', 'Freigabeprozess', ...WILD_HEADINGS.governance.de],
    en: ['Roles', 'Responsibilities', 'Approval', 'Review', 'Governance', ...WILD_HEADINGS.governance.en],
  },
  { key: 'guidelines', de: ['Social-Media-Guidelines', 'Richtlinien', 'Leitfaden'], en: ['Guidelines', 'Social media policy'] },
  { key: 'meetings', de: ['Redaktionskonferenz', 'Meetings', 'Routinen'], en: ['Editorial meeting', 'Meetings', 'Cadence'] },
  { key: 'crisis', de: ['Umgang mit Kritik', 'Krisenkommunikation', 'Krisenplan'], en: ['Handling criticism', 'Crisis plan', 'Crisis communication'] },
];

export const SECTION_BY_KEY = new Map(SECTIONS.map((s) => [s.key, s]));
export const STEP_KEYS: SectionKey[] = SECTIONS.filter((s) => s.step).map((s) => s.key);
/** Sections that hold items, and the kind of item. */
export const ITEM_SECTIONS: Partial<Record<SectionKey, 'person' | 'goal' | 'kpi' | 'audience' | 'channel'>> = {
  team: 'person',
  goals: 'goal',
  kpis: 'kpi',
  audiences: 'audience',
  channels: 'channel',
};

export interface Phrase<K> {
  key: K;
  words: string[];
}

/** A phrase table: each phrase's words, longest first. */
export function phrases<K>(entries: [K, string[]][]): Phrase<K>[] {
  const out: Phrase<K>[] = [];
  for (const [key, list] of entries) for (const p of list) out.push({ key, words: words(p) });
  return out.sort((a, b) => b.words.length - a.words.length);
}

const SECTION_PHRASES = phrases(SECTIONS.map((s) => [s.key, [...s.de, ...s.en]] as [SectionKey, string[]]));

/**
 * Finds every phrase of `table` that stands in `text` as whole words. Where matches
 * overlap, the longest wins. Returns the keys in order of first appearance.
 */
function matchPhrases<K>(text: string, table: Phrase<K>[], compoundTail = false): K[] {
  const ws = words(text);
  const taken = new Array<boolean>(ws.length).fill(false);
  const found: { key: K; at: number }[] = [];
  for (const p of table) {
    const n = p.words.length;
    for (let i = 0; i + n <= ws.length; i++) {
      let ok = true;
      for (let j = 0; j < n && ok; j++) {
        const w = ws[i + j];
        const pw = p.words[j];
        ok =
          !taken[i + j] &&
          (w === pw || (compoundTail && n === 1 && pw.length >= 5 && w.length > pw.length && w.endsWith(pw)) || (compoundTail && n === 1 && w === pw + 's'));
      }
      if (!ok) continue;
      for (let j = 0; j < n; j++) taken[i + j] = true;
      found.push({ key: p.key, at: i });
    }
  }
  found.sort((a, b) => a.at - b.at);
  const keys: K[] = [];
  for (const f of found) if (!keys.includes(f.key)) keys.push(f.key);
  return keys;
}

/** Drops step numbering such as `1.`, `Schritt 3:` or `Step 3 –` from a heading. */
export function stripNumbering(heading: string): string {
  return heading.replace(/^\s*(?:(?:schritt|step)\s*)?\d+(?:\.\d+)*\s*[.:)\-–—]?\s*/i, '');
}

/** The sections a heading stands for (docs/format.md: whole words, longest match wins). */
export function sectionsOfHeading(heading: string): SectionKey[] {
  return matchPhrases(stripNumbering(heading), SECTION_PHRASES);
}

export function isSectionKey(s: string): s is SectionKey {
  return SECTION_BY_KEY.has(s as SectionKey);
}

/** Field synonyms (docs/format.md "Fields"), plus the keys of the model itself. */
export const FIELDS: [FieldName, string[]][] = [
  ['id', ['ID', 'Kennung', 'Nr', 'Handle']],
  ['title', ['Titel', 'Thema', 'Arbeitstitel', 'Kennzahl', 'Title', 'Topic', 'Name']],
  ['type', ['Art', 'Typ', 'Zielart', 'Type']],
  ['primary', ['Primär', 'Hauptziel', 'Primary']],
  ['kpis', ['Kennzahlen', 'KPIs', 'KPI', 'Messgrößen', 'Metrics']],
  ['metric', ['Metrik', 'Metric']],
  ['target', ['Zielwert', 'Sollwert', 'Target']],
  ['baseline', ['Ausgangswert', 'Basis', 'Ist', 'Baseline']],
  ['deadline', ['Frist', 'Bis', 'Termin', 'Deadline', 'Due']],
  ['source', ['Quelle', 'Datenquelle', 'Source', 'Data source']],
  ['goals', ['Ziel', 'Ziele', 'Zielbezug', 'Goal', 'Goals']],
  ['audiences', ['Zielgruppe', 'Zielgruppen', 'Audience', 'Audiences']],
  ['why', ['Warum', 'Begründung', 'Why', 'Rationale']],
  ['how', ['Wie', 'Frequenz', 'How', 'Cadence', 'Frequency']],
  ['resources', ['Ressourcen', 'Aufwand', 'Resources', 'Effort']],
  ['role', ['Rolle', 'Funktion', 'Role']],
  ['department', ['Bereich', 'Abteilung', 'Department', 'Team']],
  ['management', ['Management', 'Geschäftsleitung', 'Chefsache']],
  ['description', ['Beschreibung', 'Description']],
  ['demographics', ['Demografie', 'Soziodemografie', 'Demographics']],
  ['psychographics', ['Psychografie', 'Psychographics']],
  ['needs', ['Bedürfnisse', 'Needs']],
  ['date', ['Datum', 'Veröffentlichung', 'Date', 'Publish date']],
  ['time', ['Uhrzeit', 'Zeit', 'Time']],
  ['channel', ['Kanal', 'Plattform', 'Channel', 'Platform']],
  ['format', ['Format']],
  ['mode', ['Modus', 'Kommunikationsart', 'Mode']],
  ['owner', ['Verantwortlich', 'Autor', 'Autorin', 'Owner', 'Author']],
  ['reviewer', ['Freigabe', 'Prüfer', 'Prüferin', 'Reviewer', 'Approver']],
  ['status', ['Status']],
  ['link', ['Link', 'URL']],
  ['campaign', ['Kampagne', 'Campaign']],
];

const FIELD_BY_WORDS = new Map<string, FieldName>();
for (const [name, syns] of FIELDS) {
  FIELD_BY_WORDS.set(name, name);
  for (const s of syns) FIELD_BY_WORDS.set(words(s).join(' '), name);
}

/** The field a key stands for, or undefined for an unknown key. */
export function fieldOf(key: string): FieldName | undefined {
  const k = phraseKey(key.replace(/[*_`]/g, ''));
  return FIELD_BY_WORDS.get(k);
}

/**
 * Column headers and YAML keys of editorial plans as teams write them (spreadsheet
 * exports, Airtable, Notion): docs/format.md "How an existing document is read". Looked up
 * before FIELDS by planFieldOf, so that a plan's `Termin` is its date (a KPI's is its
 * deadline) and a plan's `Type` its format (a goal's is its goal type). A Content
 * Pillar is a goal reference only where it names a goal (`pillar`).
 */
export const PLAN_FIELDS: [FieldName, string[]][] = [
  [
    'date',
    [
      'Datum',
      'Veröffentlichung',
      'Veröffentlichungsdatum',
      'Termin',
      'Posting-Datum',
      'Date',
      'Publish date',
      'Publishing date',
      'Post date',
      'Posting date',
      'Go-live',
      'publish_at',
      'published_at',
      'scheduled_at',
      'scheduled_for',
      'publish_date',
      'post_date',
    ],
  ],
  ['time', ['Uhrzeit', 'Zeit', 'Time', 'publish_time']],
  [
    'channel',
    [
      'Kanal',
      'Kanäle',
      'Plattform',
      'Plattformen',
      'Netzwerk',
      'Netzwerke',
      'Channel',
      'Channels',
      'Platform',
      'Platforms',
      'Network',
      'Networks',
      'Social network',
    ],
  ],
  ['title', ['Thema', 'Titel', 'Arbeitstitel', 'Beitrag', 'Überschrift', 'Topic', 'Title', 'Post', 'Post Copy', 'Copy', 'Caption', 'Headline', 'Subject']],
  ['format', ['Format', 'Typ', 'Beitragsart', 'Beitragstyp', 'Content-Typ', 'Type', 'Post type', 'Content type', 'Media type']],
  [
    'owner',
    [
      'Verantwortlich',
      'Verantwortliche',
      'Verantwortlicher',
      'Zuständig',
      'Zuständigkeit',
      'Autor',
      'Autorin',
      'Redakteur',
      'Redakteurin',
      'Redaktion',
      'Owner',
      'Author',
      'Assignee',
      'Assigned to',
      'Responsible',
      'Editor',
      'Wer',
      'Who',
      'Ersteller',
      'Erstellerin',
      'Creator',
    ],
  ],
  ['reviewer', ['Freigabe', 'Freigabe durch', 'Freigegeben von', 'Prüfer', 'Prüferin', 'Reviewer', 'Approver', 'Approved by', 'Review']],
  ['goals', ['Ziel', 'Ziele', 'Zielbezug', 'Zielsetzung', 'Goal', 'Goals', 'Objective', 'Objectives']],
  ['pillar', ['Content Pillar', 'Content Pillars', 'Pillar', 'Themensäule', 'Content-Säule', 'Themenfeld']],
  ['status', ['Status', 'Stand', 'Stage']],
  ['link', ['Link', 'URL', 'Landingpage', 'Landing page']],
  ['campaign', ['Kampagne', 'Campaign']],
];

const PLAN_FIELD_BY_WORDS = new Map<string, FieldName>();
for (const [name, syns] of PLAN_FIELDS) for (const s of syns) PLAN_FIELD_BY_WORDS.set(words(s).join(' '), name);

/** The headers and keys PLAN_FIELDS reads as `field` (the recogniser's owner column is these: recognition-vocab.ts). */
export function planFieldWords(field: FieldName): string[] {
  return PLAN_FIELDS.find(([f]) => f === field)?.[1] ?? [];
}

/**
 * The field a plan's column header or entry key stands for: the one mapping of a plan's
 * columns (Markdown tables, YAML entries, CSV headers alike).
 */
export function planFieldOf(key: string): FieldName | undefined {
  const k = phraseKey(key.replace(/[*`]/g, ''));
  return PLAN_FIELD_BY_WORDS.get(k) ?? fieldOf(key);
}

/** The keys a YAML plan's list of entries may have (docs/format.md "In YAML: entries"). */
export const ENTRY_LIST_KEYS = new Set(['entries', 'eintraege', 'beitraege', 'posts', 'redaktionsplan', 'plan', 'items', 'content', 'inhalte']);

/** First-column headers that make a strategy table define items. */
const ITEM_TABLE_HEADERS = ['id', 'kennung', 'nr', 'person', 'kanal', 'channel', 'handle'];
/** In a channel section, any column that names the channel starts a channel table. */
const CHANNEL_TABLE_HEADERS = [
  'plattform',
  'plattformen',
  'platform',
  'platforms',
  'netzwerk',
  'netzwerke',
  'network',
  'networks',
  'kanaele',
  'channels',
  'social network',
];

export function isItemTableHeader(header: string, channels = false): boolean {
  const w = words(header).join(' ');
  return ITEM_TABLE_HEADERS.includes(w) || (channels && CHANNEL_TABLE_HEADERS.includes(w));
}

/** Short names of channels as plans write them (`IG + FB`): alias → channel ID. */
export const CHANNEL_ALIASES: Record<string, string> = {
  ig: 'instagram',
  fb: 'facebook',
  li: 'linkedin',
  tt: 'tiktok',
  yt: 'youtube',
  pin: 'pinterest',
};

// ---------------------------------------------------------------- enumerations

export interface EnumInfo<K extends string> {
  key: K;
  de: string[];
  en: string[];
}

export const GOAL_TYPES: EnumInfo<GoalType>[] = [
  { key: 'awareness', de: ['Bekanntheit', 'Markenbekanntheit', 'Reichweite'], en: ['awareness', 'brand awareness'] },
  { key: 'consideration', de: ['Erwägung', 'Interesse'], en: ['consideration'] },
  { key: 'conversion', de: ['Abverkauf', 'Verkauf', 'Leads', 'Leadgenerierung'], en: ['conversion', 'sales', 'leads', 'lead generation'] },
  { key: 'loyalty', de: ['Kundenbindung', 'Bindung'], en: ['loyalty', 'retention'] },
  { key: 'advocacy', de: ['Weiterempfehlung', 'Empfehlung'], en: ['advocacy', 'referral'] },
  { key: 'employer-branding', de: ['Arbeitgebermarke', 'Arbeitgebermarketing', 'Recruiting'], en: ['employer-branding', 'employer branding', 'recruiting'] },
  { key: 'service', de: ['Kundenservice', 'Service'], en: ['service', 'customer service', 'customer care'] },
];

export const MODES: EnumInfo<Mode>[] = [
  { key: 'push', de: ['Werbung', 'Produkt', 'Angebot', 'Presse'], en: ['push', 'advertising', 'ad', 'product', 'offer', 'press release', 'press'] },
  { key: 'story', de: ['Geschichte', 'Storytelling'], en: ['story', 'storytelling'] },
  { key: 'dialog', de: ['Dialog', 'Umfrage', 'Frage'], en: ['dialog', 'dialogue', 'poll', 'question', 'q&a'] },
  { key: 'service', de: ['Tipps', 'Ratgeber', 'Mehrwert'], en: ['service', 'tips', 'how-to', 'guide'] },
  { key: 'people', de: ['Menschen', 'Einblick', 'Team'], en: ['people', 'behind the scenes', 'employees'] },
  { key: 'ugc', de: ['Community', 'Kundenstimmen'], en: ['ugc', 'user-generated', 'customer content'] },
  { key: 'mixed', de: ['gemischt'], en: ['mixed'] },
];

export const STATUSES: EnumInfo<Status>[] = [
  { key: 'idea', de: ['Idee', 'Ideen'], en: ['idea', 'backlog'] },
  { key: 'planned', de: ['geplant', 'in Planung'], en: ['planned', 'to do', 'todo'] },
  { key: 'draft', de: ['Entwurf', 'in Arbeit', 'in Bearbeitung', 'in Erstellung'], en: ['draft', 'in progress', 'work in progress', 'wip', 'drafting'] },
  { key: 'in-review', de: ['in Freigabe', 'in Prüfung', 'zur Freigabe', 'Korrektur'], en: ['in-review', 'in review', 'review', 'ready for review'] },
  { key: 'approved', de: ['freigegeben'], en: ['approved', 'ready'] },
  { key: 'scheduled', de: ['eingeplant', 'terminiert'], en: ['scheduled'] },
  { key: 'published', de: ['veröffentlicht', 'online', 'live', 'gepostet'], en: ['published', 'live', 'posted', 'done'] },
  { key: 'cancelled', de: ['gestrichen', 'abgesagt', 'verworfen'], en: ['cancelled', 'canceled', 'dropped'] },
];

/**
 * Status emoji of boards and spreadsheets (docs/format.md "Statuses"): read when the cell's
 * words name no status. ✅ is approved and 📤 (sent) published: the order the issue's
 * boards use, idea → draft → approved → published (docs/decisions.md).
 */
export const STATUS_EMOJI: [Status, string[]][] = [
  ['idea', ['💡']],
  ['draft', ['✏️', '✏', '✍️', '✍', '📝', '🚧']],
  ['in-review', ['👀', '🔍']],
  ['approved', ['✅', '☑️', '☑', '✔️', '✔', '👍']],
  ['scheduled', ['📅', '🗓️', '🗓', '⏰', '🕒']],
  ['published', ['📤', '🚀', '🟢']],
  ['cancelled', ['❌', '🚫', '🗑️', '🗑']],
];

function enumLookup<K extends string>(list: EnumInfo<K>[]): Map<string, K> {
  const m = new Map<string, K>();
  for (const e of list) {
    m.set(words(e.key).join(' '), e.key);
    for (const a of [...e.de, ...e.en]) m.set(words(a).join(' '), e.key);
  }
  return m;
}

const GOAL_TYPE_MAP = enumLookup(GOAL_TYPES);
const MODE_MAP = enumLookup(MODES);
const STATUS_MAP = enumLookup(STATUSES);

export function goalTypeOf(s: string): GoalType | undefined {
  return GOAL_TYPE_MAP.get(phraseKey(s));
}
const GOAL_TYPE_PHRASES = phrases(GOAL_TYPES.map((g) => [g.key, [g.key, ...g.de, ...g.en]] as [GoalType, string[]]));

/** The goal type a goal's title names (`Mehr Reichweite in der Region` → awareness), if one. */
export function goalTypeIn(text: string): GoalType | undefined {
  const found = matchPhrases(text, GOAL_TYPE_PHRASES, true);
  return found.length === 1 ? found[0] : undefined;
}

/** Words that make a goal written as a list item the primary one. */
export function namesPrimary(text: string): boolean {
  return /\b(hauptziel|primaerziel|primary goal|main goal|primary)\b/.test(words(text).join(' '));
}

export function modeOf(s: string): Mode | undefined {
  return MODE_MAP.get(phraseKey(s));
}
export function statusOf(s: string): Status | undefined {
  const w = phraseKey(s);
  const byWords = w ? STATUS_MAP.get(w) : undefined;
  if (byWords) return byWords;
  // Emoji: the cell's words name no status (or there are none), an emoji may.
  if (NON_ASCII.test(s)) for (const [key, list] of STATUS_EMOJI) if (list.some((e) => s.includes(e))) return key;
  return undefined;
}

/** The word a value is best written with in a language (the first alias of that language). */
export function enumLabel<K extends string>(list: EnumInfo<K>[], key: K, lang: 'en' | 'de'): string {
  const e = list.find((x) => x.key === key);
  if (!e) return key;
  return lang === 'de' ? e.de[0] : e.key;
}

/** Yes/no in both languages. */
export function booleanOf(s: string): boolean | undefined {
  const w = phraseKey(s);
  if (['ja', 'yes', 'true', 'y', 'j', 'x', 'primaer', 'hauptziel', 'primary'].includes(w)) return true;
  if (['nein', 'no', 'false', 'n'].includes(w)) return false;
  return undefined;
}

// ---------------------------------------------------------------- metrics

const METRIC_PHRASES = phrases<MetricClass>([
  [
    'vanity',
    [
      'followers',
      'follower',
      'fans',
      'fan',
      'likes',
      'like',
      'impressions',
      'impression',
      'reach',
      'views',
      'video views',
      'mentions',
      'page views',
      'subscribers',
      'abonnenten',
      'reichweite',
      'fans',
      'aufrufe',
      'impressionen',
      'erwaehnungen',
      'videoaufrufe',
      'seitenaufrufe',
      'views',
      'gefaellt mir',
      'follower zahl',
      'followerzahl',
    ],
  ],
  [
    'intermediate',
    [
      'engagement',
      'engagement rate',
      'shares',
      'share',
      'comments',
      'saves',
      'interaktionen',
      'interaktionsrate',
      'engagementrate',
      'kommentare',
      'geteilte beitraege',
      'teilungen',
      'speicherungen',
      'reposts',
      'retweets',
      'replies',
      'antworten',
    ],
  ],
  [
    'business',
    [
      'clicks',
      'click through rate',
      'ctr',
      'conversions',
      'conversion',
      'conversion rate',
      'leads',
      'lead',
      'sales',
      'revenue',
      'orders',
      'cost per acquisition',
      'cpa',
      'retention',
      'churn',
      'customer lifetime value',
      'clv',
      'nps',
      'net promoter score',
      'applications',
      'test drives',
      'share of voice',
      'sentiment',
      'sign ups',
      'signups',
      'registrations',
      'bookings',
      'inquiries',
      'enquiries',
      'requests',
      'appointments',
      'downloads',
      'subscriptions',
      'klicks',
      'klickrate',
      'konversionen',
      'konversionsrate',
      'umsatz',
      'anfragen',
      'bewerbungen',
      'probefahrten',
      'weiterempfehlungsrate',
      'verkaeufe',
      'abverkauf',
      'bestellungen',
      'buchungen',
      'anmeldungen',
      'termine',
      'kundenbindung',
      'abwanderung',
      'kundenwert',
      'kosten pro akquisition',
      'stimmung',
      'stimmungsbild',
      'kundenzufriedenheit',
      'wiederkaufrate',
      'kontaktanfragen',
      'probefahrt',
      'bewerbung',
      'anfrage',
    ],
  ],
]);

/** Classifies a metric's name as vanity, intermediate or business (docs/format.md "Metrics"). */
export function metricClassOf(s: string): MetricClass {
  const found = matchPhrases(s, METRIC_PHRASES, true);
  if (found.includes('business')) return 'business';
  if (found.includes('intermediate')) return 'intermediate';
  if (found.includes('vanity')) return 'vanity';
  return 'unknown';
}

// ---------------------------------------------------------------- inferred modes

/**
 * Promotions read as push where the mode is inferred (issue 12): prize draws, giveaways,
 * discounts and sales are advertising however friendly the title sounds.
 */
export const PROMOTION_WORDS: string[] = [
  'gewinnspiel',
  'gewinnspiele',
  'verlosung',
  'verlosen',
  'zu gewinnen',
  'gewinnen sie',
  'rabatt',
  'rabatte',
  'rabattcode',
  'gutscheincode',
  'aktion',
  'aktionen',
  'sonderaktion',
  'aktionswoche',
  'aktionspreis',
  'schnaeppchen',
  'ausverkauf',
  'schlussverkauf',
  'sommerschlussverkauf',
  'winterschlussverkauf',
  'angebot der woche',
  'nur heute',
  'reduziert',
  'giveaway',
  'give away',
  'contest',
  'sweepstakes',
  'raffle',
  'win a',
  'sale',
  'flash sale',
  'deal',
  'deals',
  'promo code',
  'discount code',
  'limited offer',
  'limited time',
];

const INFER_PHRASES = phrases<Mode>([
  [
    'push',
    [
      'pressemitteilung',
      'pressemeldung',
      'angebot',
      'angebote',
      'rabatt',
      'rabattaktion',
      'produktvorstellung',
      'jetzt kaufen',
      'launch',
      'sale',
      'sales',
      'aktion',
      'gutschein',
      'sonderangebot',
      'press release',
      'offer',
      'discount',
      'buy now',
      'promo',
      'promotion',
      'coupon',
      'werbung',
      'anzeige',
      'ad',
      'ads',
      'sponsored',
      'produktlaunch',
      'black friday',
      'jetzt bestellen',
      'order now',
      'shop now',
      'new product',
      'neues produkt',
      'prozent',
      'preis',
      'price',
      ...PROMOTION_WORDS,
    ],
  ],
  ['story', ['geschichte', 'story', 'reportage', 'erfolgsgeschichte', 'case study', 'fallstudie', 'storytelling']],
  ['dialog', ['umfrage', 'frage', 'fragen', 'poll', 'q&a', 'ama', 'ask me anything', 'fragerunde', 'live chat', 'question', 'quiz', 'abstimmung']],
  [
    'service',
    ['tipps', 'tipp', 'ratgeber', 'how to', 'anleitung', 'guide', 'faq', 'tutorial', 'checkliste', 'checklist', 'tips', 'hacks', 'erklaert', 'explained'],
  ],
  [
    'people',
    [
      'behind the scenes',
      'hinter den kulissen',
      'ein tag mit',
      'a day with',
      'meet the',
      'mitarbeiter',
      'mitarbeiterin',
      'team',
      'portraet',
      'portrait',
      'azubi',
      'employee',
      'unser team',
      'our team',
    ],
  ],
  ['ugc', ['kundenstimme', 'kundenstimmen', 'testimonial', 'repost', 'ugc', 'user generated', 'community beitrag', 'fan foto', 'customer story']],
]);

/** Infers a mode from an entry's title and format; undefined when nothing says. */
export function inferMode(title: string, format: string): Mode | undefined {
  const fromFormat = matchPhrases(format, INFER_PHRASES);
  const fromTitle = matchPhrases(title, INFER_PHRASES, true);
  const all = [...fromTitle, ...fromFormat];
  if (all.includes('push')) {
    const other = all.find((m) => m !== 'push' && m !== 'people');
    return other === 'story' ? 'mixed' : 'push';
  }
  return all[0];
}

/** How much of an entry counts as push (docs/format.md: mixed counts half). */
export function pushWeight(mode: Mode | undefined): number {
  return mode === 'push' ? 1 : mode === 'mixed' ? 0.5 : 0;
}

/** The edit distance of two strings, for "did you mean". */
export function editDistance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The closest of `candidates` to `s`, when it is close enough to be a likely typo. */
export function closest(s: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    // The distance is at least the difference in length: no need to compute it then.
    if (Math.abs(s.length - c.length) >= bestD) continue;
    const d = editDistance(s, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(s.length, best.length) / 3));
  return bestD <= limit ? best : undefined;
}

/** IDs of docs/format.md: `[A-Za-z][A-Za-z0-9_.-]*`, compared case-insensitively. */
export const ID_RE = /^[A-Za-z][A-Za-z0-9_.-]*$/;
export function idKey(id: string): string {
  return (id.charCodeAt(0) === 64 ? id.slice(1) : id).toLowerCase();
}
