/**
 * What every part of the preview model (preview/model.ts) shares: its limits and options,
 * its words in English and German, and the paths it shows.
 */
import type { ResolvedConfig } from '../core/config';
import type { Finding } from '../core/engine';
import type { Lang } from '../core/text';
import { type MetricClass, type SectionKey } from '../core/vocab';
import { dirnameUri } from '../core/uri';
import { type ModeKey, type StepState } from './types';

// ------------------------------------------------------------------ limits

/** Months of the calendar rendered in full; the rest is a note. */
export const MAX_MONTHS = 24;
/** Entries shown in one day cell; the rest is "+n". */
export const MAX_PER_DAY = 4;
/** Findings listed per rule; the rest is counted. */
export const MAX_FINDINGS_PER_RULE = 100;
/** Rows of the channel chart. */
export const MAX_CHANNEL_ROWS = 30;
/** Gaps listed in the model (the calendar marks days of all of them within the months shown). */
export const MAX_GAPS = 200;
/** Goals and KPIs listed. */
export const MAX_GOALS = 100;

export interface PreviewOptions {
  /** ISO date: "today" for the rules and the calendar. */
  today: string;
  /** The language; default: strategy `language`, else the configured language, else English. */
  lang?: Lang;
  configFor: (uri: string) => ResolvedConfig;
  /** Folder URI (with trailing slash) that paths are shown relative to; default: the project's common folder. */
  root?: string;
  /** Findings to use instead of checking the project again (e.g. the server's current ones). */
  findings?: Finding[];
}

// ------------------------------------------------------------------ words

export type T2 = { en: string; de: string };
export const w = (en: string, de: string): T2 => ({ en, de });

export const SECTION_LABEL: Record<SectionKey, T2> = {
  team: w('Team', 'Team'),
  listening: w('Listening', 'Zuhören'),
  goals: w('Goals', 'Ziele'),
  kpis: w('KPIs', 'Kennzahlen'),
  audiences: w('Audiences', 'Zielgruppen'),
  value: w('Value', 'Mehrwert'),
  faces: w('Human face', 'Gesichter'),
  channels: w('Channel plan', 'Kanalplan'),
  governance: w('Roles and approval', 'Rollen und Freigabe'),
  meetings: w('Editorial meeting', 'Redaktionskonferenz'),
  guidelines: w('Social media guidelines', 'Social-Media-Guidelines'),
  crisis: w('Crisis plan', 'Umgang mit Kritik'),
};

export const STATE_LABEL: Record<StepState, T2> = {
  complete: w('complete', 'vollständig'),
  thin: w('thin', 'dünn'),
  missing: w('missing', 'fehlt'),
};

export const MODE_LABEL: Record<ModeKey, T2> = {
  push: w('Push', 'Push'),
  mixed: w('Mixed', 'Gemischt'),
  story: w('Story', 'Geschichte'),
  dialog: w('Dialog', 'Dialog'),
  service: w('Service', 'Service'),
  people: w('People', 'Menschen'),
  ugc: w('UGC', 'Community'),
  unknown: w('No mode', 'Ohne Modus'),
};

export const MODE_LETTER: Record<ModeKey, T2> = {
  push: w('Pu', 'Pu'),
  mixed: w('Mx', 'Gm'),
  story: w('St', 'Ge'),
  dialog: w('Di', 'Di'),
  service: w('Se', 'Se'),
  people: w('Pe', 'Me'),
  ugc: w('Ug', 'Co'),
  unknown: w('?', '?'),
};

export const CLASS_LABEL: Record<MetricClass, T2> = {
  business: w('business', 'geschäftsrelevant'),
  intermediate: w('intermediate', 'Zwischenkennzahl'),
  vanity: w('vanity', 'Vanity-Kennzahl'),
  unknown: w('unclassified', 'nicht zugeordnet'),
};

export const SMART_FIELD: Record<'target' | 'baseline' | 'deadline' | 'source', T2> = {
  target: w('target', 'Zielwert'),
  baseline: w('baseline', 'Ausgangswert'),
  deadline: w('deadline', 'Frist'),
  source: w('source', 'Quelle'),
};

const MONTHS: Record<Lang, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
};

export function modeLabel(mode: ModeKey, lang: Lang): string {
  return MODE_LABEL[mode][lang];
}
export function modeLetter(mode: ModeKey, lang: Lang): string {
  return MODE_LETTER[mode][lang];
}
export function monthLabel(key: string, lang: Lang): string {
  const [y, m] = key.split('-').map(Number);
  return `${MONTHS[lang][m - 1]} ${y}`;
}
export function sectionLabel(key: SectionKey, lang: Lang): string {
  return SECTION_LABEL[key][lang];
}

/** "3 goals" / "3 Ziele" / "1 Ziel". */
export function n(count: number, en1: string, enN: string, de1: string, deN: string, lang: Lang): string {
  return `${fmtInt(count, lang)} ${count === 1 ? (lang === 'de' ? de1 : en1) : lang === 'de' ? deN : enN}`;
}

export function fmtInt(v: number, lang: Lang): string {
  const s = String(Math.round(v));
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'de' ? '.' : ',');
}

// ------------------------------------------------------------------ paths

/** The deepest folder that holds every URI. */
export function commonFolder(uris: string[]): string {
  if (!uris.length) return '';
  let f = dirnameUri(uris[0]);
  for (const u of uris.slice(1)) {
    while (f && !u.startsWith(f)) {
      const trimmed = f.slice(0, -1);
      const i = trimmed.lastIndexOf('/');
      f = i >= 0 ? trimmed.slice(0, i + 1) : '';
    }
  }
  return f;
}

export function relPath(uri: string, root: string): string {
  const rel = root && uri.startsWith(root) ? uri.slice(root.length) : uri;
  try {
    return decodeURIComponent(rel);
  } catch {
    return rel;
  }
}
