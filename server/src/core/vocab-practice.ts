/**
 * The vocabulary of the practice rules (docs/format.md "Placeholders", "Business results",
 * "Cadence", "Budget"): placeholder words, the kinds of business result a KPI can measure,
 * the words of a declared posting frequency, and the keys that say how a channel is run or
 * what the strategy may cost. DATA in German and English beside the other vocabulary
 * (vocab.ts); the rules only ask the functions at the end of each table.
 */
import { fold, phraseKey, words, type GoalType } from './vocab';
import { t, type Text } from './text';

// ---------------------------------------------------------------- placeholders

/**
 * Words and phrases that stand in for content not written yet. A text made only of these
 * (and punctuation) is a placeholder: it counts as empty wherever content is asked for.
 */
export const PLACEHOLDER_PHRASES: string[] = [
  // English
  'todo',
  'to do',
  'tbd',
  'tba',
  'tbc',
  'to be defined',
  'to be decided',
  'to be done',
  'to be confirmed',
  'fixme',
  'n/a',
  'n.a.',
  'none yet',
  'not yet',
  'coming soon',
  'placeholder',
  'wip',
  'tk',
  // German
  'offen',
  'noch offen',
  'folgt',
  'folgt noch',
  'kommt noch',
  'k. a.',
  'k.a.',
  'keine angabe',
  'keine angaben',
  'n. a.',
  'platzhalter',
  'noch zu klären',
  'zu klären',
  'noch klären',
  'in Arbeit',
  'noch nicht',
  'später',
  'tbd.',
  'wird noch ergänzt',
  'wird ergänzt',
  'noch ergänzen',
  'wird nachgereicht',
];

const PLACEHOLDER_KEYS = new Set(PLACEHOLDER_PHRASES.map((p) => words(p.replace(/[./]/g, ' ')).join(' ')));
/** Letters in runs only a placeholder is made of: `xxx`, `???`, `...`. */
const FILLER = /^(?:x{2,}|\?+|\.{2,}|…+|[-–—_*#>|:.,;!?()[\]`~"'\s]+)$/i;

/**
 * Whether a text says nothing: empty, only punctuation (`-`, `?`, `…`), or only
 * placeholder words (TBD, TODO, folgt, k. A., n/a, Lorem ipsum). THE predicate every rule
 * that asks for content uses (docs/decisions.md "Placeholders count as empty").
 */
export function isPlaceholderOnly(text: string): boolean {
  // Most values are words no placeholder has ('Instagram', 'Lea', a title): one word
  // outside every placeholder phrase settles it without the full reading below (a value
  // is asked for in every entry of every check; nothing is memoized, docs/decisions.md
  // "State and its invalidation"). Comments and Lorem ipsum take the full reading.
  if (!text.includes('<!--') && !/lorem/i.test(text)) {
    for (const m of text.matchAll(/\p{L}+/gu)) {
      let w = m[0].toLowerCase();
      if (!/^[a-z]+$/.test(w)) w = fold(w);
      if (!PLACEHOLDER_WORDS.has(w) && !/^x+$/.test(w)) return false;
    }
  }
  return placeholderOnly(text);
}
/** Every word of a placeholder phrase, folded, and YAML's `null`. */
const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set(['null', ...[...PLACEHOLDER_KEYS].flatMap((k) => k.split(' '))]);

function placeholderOnly(text: string): boolean {
  const s = text
    .replace(/<!--[\s\S]*?-->/g, ' ')
    // YAML's empty values and block indicators, Markdown list marks and emphasis.
    .replace(/^\s*(?:null|~|\[\s*\]|\{\s*\})\s*$/i, '')
    .replace(/^\s*[|>][-+0-9]*\s*$/m, ' ')
    .trim();
  if (!s) return true;
  if (/^lorem ipsum\b/i.test(s)) return true;
  // Each line (or list item, or `;`-separated part) must be a placeholder on its own.
  for (const part0 of s.split(/\r?\n|;|,/)) {
    const part = part0
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
      .replace(/[*_`"'()[\]]/g, '')
      .trim();
    if (!part || FILLER.test(part)) continue;
    if (/^lorem ipsum\b/i.test(part)) continue;
    const folded = words(part.replace(/[./]/g, ' ')).join(' ');
    if (!folded) continue;
    if (PLACEHOLDER_KEYS.has(folded)) continue;
    if (/^(?:x{2,}|xxx+)$/.test(folded)) continue;
    return false;
  }
  return true;
}

/** Whether a value says something: given, and not only a placeholder. */
export function hasContent(text: string | undefined): boolean {
  return text !== undefined && !isPlaceholderOnly(text);
}

/** The placeholder as a reader sees it, short: `TBD`, `k. A.`, `-`. */
export function placeholderShown(text: string): string {
  const one = text
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/^[|>][-+0-9]*/, '')
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
  return one.length > 40 ? `${one.slice(0, 39)}…` : one;
}

// ---------------------------------------------------------------- business results

/** The kinds of business result a KPI can measure (docs/format.md "Business results"). */
export type ResultKind = 'conversions' | 'leads' | 'revenue' | 'retention' | 'service' | 'applications';

export interface ResultKindInfo {
  key: ResultKind;
  /** How a message names the kind. */
  label: Text;
  de: string[];
  en: string[];
}

/**
 * Metrics that tie social media to a business result. Attention (reach, impressions,
 * followers, likes, views) and interaction (engagement, comments, shares) are the
 * vanity and intermediate classes of vocab.ts; clicks, share of voice or sentiment are
 * steps towards a result but no result.
 */
export const RESULT_KINDS: ResultKindInfo[] = [
  {
    key: 'conversions',
    label: t('conversions (sales, bookings, test drives)', 'Abschlüsse (Verkäufe, Buchungen, Probefahrten)'),
    de: [
      'Verkäufe',
      'Verkauf',
      'Abverkauf',
      'Abschlüsse',
      'Abschluss',
      'Bestellungen',
      'Bestellung',
      'Buchungen',
      'Buchung',
      'Probefahrten',
      'Probefahrt',
      'Konversionen',
      'Konversion',
      'Konversionsrate',
      'Käufe',
      'Kauf',
      'Reservierungen',
      'Vertragsabschlüsse',
      'Neukunden',
      'Tarifwechsel',
      'Vorbestellungen',
      'Termine',
      'Terminbuchungen',
    ],
    en: [
      'sales',
      'conversions',
      'conversion',
      'conversion rate',
      'orders',
      'purchases',
      'bookings',
      'reservations',
      'test drives',
      'new customers',
      'pre-orders',
      'appointments',
      'signed contracts',
    ],
  },
  {
    key: 'leads',
    label: t('leads (inquiries, sign-ups)', 'Leads (Anfragen, Anmeldungen)'),
    de: [
      'Leads',
      'Lead',
      'Anfragen',
      'Anfrage',
      'Kontaktanfragen',
      'Angebotsanfragen',
      'Anmeldungen',
      'Registrierungen',
      'Newsletter-Anmeldungen',
      'Rückrufwünsche',
      'qualifizierte Kontakte',
    ],
    en: [
      'leads',
      'lead',
      'qualified leads',
      'inquiries',
      'enquiries',
      'sign ups',
      'signups',
      'sign-ups',
      'registrations',
      'requests for quote',
      'demo requests',
    ],
  },
  {
    key: 'revenue',
    label: t('revenue', 'Umsatz'),
    de: ['Umsatz', 'Umsätze', 'Erlös', 'Erlöse', 'Deckungsbeitrag', 'Warenkorbwert', 'Kosten pro Abschluss', 'Kosten pro Lead', 'Kosten pro Akquisition'],
    en: [
      'revenue',
      'turnover',
      'return on ad spend',
      'roas',
      'roi',
      'cost per acquisition',
      'cpa',
      'cost per lead',
      'cpl',
      'basket value',
      'average order value',
    ],
  },
  {
    key: 'retention',
    label: t('retention (repeat purchases, churn, NPS)', 'Kundenbindung (Wiederkäufe, Kündigungen, NPS)'),
    de: [
      'Kundenbindung',
      'Wiederkaufrate',
      'Wiederkäufe',
      'Stammkunden',
      'Kündigungen',
      'Kündigungsquote',
      'Abwanderung',
      'Kundenwert',
      'Weiterempfehlungsrate',
      'Treuepunkte',
      'Kundenzufriedenheit',
    ],
    en: [
      'retention',
      'retention rate',
      'churn',
      'churn rate',
      'repeat purchases',
      'repeat purchase rate',
      'customer lifetime value',
      'clv',
      'nps',
      'net promoter score',
      'loyalty members',
      'customer satisfaction',
    ],
  },
  {
    key: 'service',
    label: t('service results (tickets deflected, requests solved, service cost)', 'Serviceergebnisse (vermiedene Tickets, gelöste Anfragen, Servicekosten)'),
    de: [
      'vermiedene Tickets',
      'vermiedene Anrufe',
      'gelöste Anfragen',
      'gelöste Fälle',
      'Servicekosten',
      'Kosten pro Kontakt',
      'Hotline-Anrufe',
      'Anrufe',
      'Erstlösungsquote',
      'Bearbeitungszeit',
      'Tickets',
      'Störungsmeldungen',
    ],
    en: [
      'tickets deflected',
      'deflected tickets',
      'calls deflected',
      'resolved requests',
      'resolved tickets',
      'service cost',
      'cost per contact',
      'cost to serve',
      'first contact resolution',
      'handling time',
      'tickets',
      'support tickets',
    ],
  },
  {
    key: 'applications',
    label: t('applications (hires)', 'Bewerbungen (Einstellungen)'),
    de: ['Bewerbungen', 'Bewerbung', 'Einstellungen', 'Neueinstellungen', 'Azubis', 'besetzte Stellen', 'Initiativbewerbungen'],
    en: ['applications', 'application', 'applicants', 'hires', 'new hires', 'filled positions', 'candidates'],
  },
];

interface Phrase {
  key: ResultKind;
  words: string[];
}
const RESULT_PHRASES: Phrase[] = RESULT_KINDS.flatMap((k) => [...k.de, ...k.en].map((p) => ({ key: k.key, words: words(p) }))).sort(
  (a, b) => b.words.length - a.words.length,
);

/** The business result a metric's name measures, or undefined (attention, interaction, unknown). */
export function resultKindOf(metric: string): ResultKind | undefined {
  const ws = words(metric);
  // The last result named wins, as the head of a German compound does:
  // "Probefahrt-Anfragen" are inquiries (leads), "Newsletter-Anmeldungen" sign-ups.
  let best: { key: ResultKind; end: number } | undefined;
  for (const p of RESULT_PHRASES) {
    const n = p.words.length;
    for (let i = 0; i + n <= ws.length; i++) {
      let ok = true;
      for (let j = 0; j < n && ok; j++) {
        const w = ws[i + j];
        const pw = p.words[j];
        // German compounds end in the result: "Probefahrtanfragen", "Online-Bestellungen".
        ok = w === pw || (n === 1 && pw.length >= 5 && w.endsWith(pw));
      }
      if (ok && (!best || i + n > best.end)) best = { key: p.key, end: i + n };
    }
  }
  return best?.key;
}

/**
 * Goal types whose purpose is a business result, and the result kinds that would show it
 * (docs/rules/no-business-result.md). Awareness, consideration and advocacy are not.
 */
export const BUSINESS_GOALS: Partial<Record<GoalType, ResultKind[]>> = {
  conversion: ['conversions', 'leads', 'revenue'],
  loyalty: ['retention', 'revenue'],
  service: ['service', 'retention'],
  'employer-branding': ['applications'],
};

// ---------------------------------------------------------------- cadence

/** A channel's declared posting frequency: entries per week, or "as needed" (no rhythm). */
export type Cadence = { perWeek: number; asNeeded?: false; raw: string } | { asNeeded: true; raw: string };

/** Field keys that hold a channel's frequency (besides the how field, which may say it too). */
export const CADENCE_KEYS: string[] = [
  'Frequenz',
  'Frequency',
  'Cadence',
  'Rhythmus',
  'Turnus',
  'Takt',
  'Häufigkeit',
  'Posting-Frequenz',
  'Posting frequency',
  'Posting-Rhythmus',
  'Intervall',
  'Interval',
];
/** Field keys that say how a channel is filled: formats and tone (channel-without-how). */
export const HOW_KEYS: string[] = [
  'Formate',
  'Format',
  'Formats',
  'Tonalität',
  'Ton',
  'Tone',
  'Tone of voice',
  'Tonality',
  'Stil',
  'Style',
  'Inhalte',
  'Content',
  'Themen',
  'Topics',
  'Ansprache',
];
const CADENCE_KEY_SET = new Set(CADENCE_KEYS.map((k) => phraseKey(k)));
const HOW_KEY_SET = new Set(HOW_KEYS.map((k) => phraseKey(k)));
export function isCadenceKey(key: string): boolean {
  return CADENCE_KEY_SET.has(phraseKey(key.replace(/[*_`]/g, '')));
}
export function isHowKey(key: string): boolean {
  return HOW_KEY_SET.has(phraseKey(key.replace(/[*_`]/g, '')));
}

/** Words that declare no rhythm at all: the channel is used when there is something to say. */
export const AS_NEEDED_PHRASES: string[] = [
  'bei Bedarf',
  'nach Bedarf',
  'anlassbezogen',
  'anlassbedingt',
  'situativ',
  'ad hoc',
  'unregelmäßig',
  'wenn nötig',
  'im Ereignisfall',
  'nur bei Störungen',
  'bei Störungen',
  'as needed',
  'when needed',
  'if needed',
  'on demand',
  'ad-hoc',
  'occasionally',
  'irregular',
  'event-driven',
  'when relevant',
];
/** Frequency words, entries per week. */
export const CADENCE_WORDS: [number, string[]][] = [
  [7, ['täglich', 'tägl', 'jeden Tag', 'daily', 'every day', 'each day']],
  [5, ['werktäglich', 'werktags', 'an Werktagen', 'every weekday', 'weekdays', 'on weekdays']],
  [1, ['wöchentlich', 'einmal pro Woche', 'einmal die Woche', 'jede Woche', 'weekly', 'every week', 'once a week']],
  [2, ['zweimal pro Woche', 'zweimal die Woche', 'twice a week', 'twice weekly']],
  [
    0.5,
    [
      'zweiwöchentlich',
      'vierzehntägig',
      'alle zwei Wochen',
      'alle 2 Wochen',
      'biweekly',
      'fortnightly',
      'every two weeks',
      'every 2 weeks',
      'every other week',
    ],
  ],
  [7 / 30.44, ['monatlich', 'einmal im Monat', 'einmal pro Monat', 'jeden Monat', 'monthly', 'every month', 'once a month']],
  [7 / 91.3, ['quartalsweise', 'vierteljährlich', 'einmal im Quartal', 'quarterly', 'once a quarter']],
];
const WEEKDAYS = [
  ['montags', 'mondays'],
  ['dienstags', 'tuesdays'],
  ['mittwochs', 'wednesdays'],
  ['donnerstags', 'thursdays'],
  ['freitags', 'fridays'],
  ['samstags', 'saturdays'],
  ['sonntags', 'sundays'],
];
const UNIT_DAYS: [RegExp, number][] = [
  [/^(?:tag|tage|day|days|d)$/, 1],
  [/^(?:woche|wochen|week|weeks|wk|w|kw)$/, 7],
  [/^(?:monat|monate|month|months|mon|m)$/, 30.44],
  [/^(?:quartal|quarter)$/, 91.3],
];

const AS_NEEDED_KEYS = AS_NEEDED_PHRASES.map((p) => ` ${words(p).join(' ')} `);
const CADENCE_KEYS_BY_WORDS = CADENCE_WORDS.flatMap(([n, list]) => list.map((p) => ({ n, key: ` ${words(p).join(' ')} ` }))).sort(
  (a, b) => b.key.length - a.key.length,
);

/**
 * Reads a declared frequency: `täglich`, `3x/Woche`, `3 Reels pro Woche`, `2 per week`,
 * `2–3 Posts/Woche` (the lower bound), `monthly`, `freitags`, `bei Bedarf`/`as needed`.
 * Undefined when the text declares none.
 */
export function cadenceOf(text: string): Cadence | undefined {
  // The part that declares it, as written: `alle zwei Wochen` of `alle zwei Wochen, meist Tipps`.
  for (const part of text.split(/[,;]|\s+[-–]\s+/)) {
    const c = cadenceIn(part);
    if (c) return c;
  }
  return undefined;
}

function cadenceIn(text: string): Cadence | undefined {
  const raw = text.trim();
  if (!raw) return undefined;
  const folded = ` ${words(raw).join(' ')} `;
  // "N [x|mal] [words] pro|per|/|a|im|in der|je UNIT": the first such phrase.
  const m =
    /(\d+(?:[.,]\d+)?)(?:\s*(?:[-–]|bis|to|or|oder)\s*\d+(?:[.,]\d+)?)?\s*(?:x|×|mal\b|times\b)?\s*(?:[\p{L}-]+\s+|[\p{L}-]+(?=\/)){0,2}?(?:(?:pro|per|a|im|in\s+der|je|jede[nrm]?|each|every|the|die)\s+|\/\s*)([\p{L}]+)/iu.exec(
      fold(raw),
    );
  if (m) {
    const unit = UNIT_DAYS.find(([re]) => re.test(m[2]));
    const n = Number(m[1].replace(',', '.'));
    if (unit && n > 0) return { perWeek: (n * 7) / unit[1], raw };
  }
  for (const k of AS_NEEDED_KEYS) if (folded.includes(k)) return { asNeeded: true, raw };
  for (const c of CADENCE_KEYS_BY_WORDS) if (folded.includes(c.key)) return { perWeek: c.n, raw };
  const days = WEEKDAYS.filter((d) => d.some((w) => folded.includes(` ${w} `))).length;
  if (days) return { perWeek: days, raw };
  return undefined;
}

/** Days between two entries at a cadence (7 for weekly, 1 for daily). */
export function cadenceInterval(c: Cadence): number | undefined {
  return c.asNeeded ? undefined : 7 / c.perWeek;
}

// ---------------------------------------------------------------- budget and resources

/** Keys and headings that state what the strategy may cost. */
export const BUDGET_KEYS: string[] = [
  'Budget',
  'Budgets',
  'Etat',
  'Mediabudget',
  'Werbebudget',
  'Kosten',
  'Kostenrahmen',
  'Mittel',
  'Ressourcen',
  'Ressourcen und Budget',
  'Personalaufwand',
  'Aufwand',
  'Costs',
  'Cost',
  'Ad budget',
  'Media budget',
  'Spend',
  'Resources',
  'Resources and budget',
  'Staffing',
  'Effort',
];
const BUDGET_KEY_WORDS = BUDGET_KEYS.map((k) => words(k).join(' '));

/** A money amount: `12.000 €`, `€ 1,500`, `5000 EUR`, `$2k`. */
export const MONEY_RE =
  /(?:(?:€|EUR|USD|\$|CHF|£)\s*\d[\d.,' ]*(?:k|T|Tsd\.?)?|\d[\d.,' ]*\s*(?:k|T|Tsd\.?)?\s*(?:€|EUR\b|Euro\b|USD\b|\$|CHF\b|£|dollars?\b))/i;
/** A staff time: `6 h/Woche`, `10 Stunden`, `0.5 FTE`, `2 Personentage`. */
export const HOURS_RE = /\d+(?:[.,]\d+)?\s*(?:h\b|std\.?|stunden\b|hours?\b|hrs?\b|fte\b|vze\b|personentage\b|person days\b|pt\b|tage\/woche|days a week)/i;

/** Whether a key or heading names a budget or resources. */
export function isBudgetKey(key: string): boolean {
  const w = words(key.replace(/[*_`#]/g, '')).join(' ');
  return BUDGET_KEY_WORDS.some((k) => w === k || w.startsWith(`${k} `) || w.endsWith(` ${k}`));
}

/** A money amount in a text as a number (`12.000 €` → 12000, `1,5k €` → 1500). */
export function moneyOf(text: string): number | undefined {
  const m = MONEY_RE.exec(text);
  if (!m) return undefined;
  const num = /\d[\d.,' ]*/.exec(m[0]);
  if (!num) return undefined;
  let s = num[0].replace(/[' ]/g, '');
  // 12.000 / 12,000: a separator followed by exactly three digits groups thousands.
  s = s.replace(/[.,](?=\d{3}(?:\D|$))/g, '').replace(',', '.');
  let n = Number.parseFloat(s);
  if (!Number.isFinite(n)) return undefined;
  if (/\d\s*(?:k|T|Tsd)/i.test(m[0])) n *= 1000;
  return n;
}

/** The first number of a KPI target (`+40 Leads`, `120 Probefahrten`, `1.200`), not a percentage. */
export function targetCount(text: string): number | undefined {
  if (/%|prozent|percent/i.test(text)) return undefined;
  const m = /(\d[\d.,]*)/.exec(text);
  if (!m) return undefined;
  const s = m[1].replace(/[.,](?=\d{3}(?:\D|$))/g, '').replace(',', '.');
  const n = Number.parseFloat(s);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}
