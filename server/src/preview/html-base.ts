/**
 * The renderer's building blocks (preview/html.ts): escaping (every text and attribute goes
 * through `esc()`, class names come from fixed lists, numbers through `num()`), the UI's
 * words in English and German, the render options and context, and source locations
 * as reveal buttons or links.
 */
import { ISO_DATE_RE } from '../core/dates';
import type { Lang, Range } from '../core/text';
import type { Severity } from '../core/rules/api';
import { MODE_ORDER, safeHttpUrl, type ModeKey, type PreviewLoc } from './types';

// ------------------------------------------------------------------ escaping

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for HTML text and (double-quoted) attribute values alike. */
export function esc(v: unknown): string {
  return String(v ?? '')
    .replace(/[&<>"'`]/g, (c) => ESC[c])
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** A finite number for SVG geometry, rounded. */
export function num(v: unknown, digits = 1): string {
  const x = typeof v === 'number' && Number.isFinite(v) ? v : 0;
  const f = 10 ** digits;
  return String(Math.round(x * f) / f);
}

const SEVERITIES: Severity[] = ['error', 'warning', 'information', 'hint'];
export function sevClass(s: unknown): Severity {
  return SEVERITIES.includes(s as Severity) ? (s as Severity) : 'information';
}
export function modeClass(m: unknown): ModeKey {
  return MODE_ORDER.includes(m as ModeKey) ? (m as ModeKey) : 'unknown';
}
export function stateClass(s: unknown): 'complete' | 'thin' | 'missing' {
  return s === 'complete' || s === 'thin' ? s : 'missing';
}
export function mixClass(s: unknown): 'ok' | 'over' | 'strong' | 'few' {
  return s === 'ok' || s === 'over' || s === 'strong' ? s : 'few';
}
/** A rule ID as a fragment id: letters, digits, hyphens only. */
export function slug(s: unknown): string {
  return String(s ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, 60);
}

// ------------------------------------------------------------------ words

export type T2 = { en: string; de: string };
export const w = (en: string, de: string): T2 => ({ en, de });

export const UI = {
  report: w('Strategy report', 'Strategie-Bericht'),
  kicker: w('stratdoc · strategy preview', 'stratdoc · Strategie-Vorschau'),
  asOf: w('As of', 'Stand'),
  overview: w('At a glance', 'Auf einen Blick'),
  contents: w('Contents', 'Inhalt'),
  steps: w('The eight steps', 'Die acht Schritte'),
  stepsIntro: w(
    'Each step of the strategy, in order: complete, thin (empty or only placeholders) or missing.',
    'Jeder Schritt der Strategie, in seiner Reihenfolge: vollständig, dünn (leer oder nur Platzhalter) oder fehlend.',
  ),
  step: w('Step', 'Schritt'),
  others: w('Ground rules', 'Spielregeln'),
  othersIntro: w(
    'Who writes and approves, when the team meets, what employees may post, and what happens when criticism comes.',
    'Wer schreibt und freigibt, wann sich das Team trifft, was Mitarbeitende posten dürfen und was bei Kritik geschieht.',
  ),
  goals: w('Goals → KPIs → content', 'Ziele → Kennzahlen → Inhalte'),
  goalsIntro: w(
    'For each goal: the KPIs that measure it and the plan entries that serve it.',
    'Für jedes Ziel: die Kennzahlen, die es messen, und die Beiträge, die darauf einzahlen.',
  ),
  primary: w('Primary goal', 'Hauptziel'),
  noType: w('no type', 'ohne Art'),
  noKpi: w('No KPI measures this goal.', 'Keine Kennzahl misst dieses Ziel.'),
  noEntry: w('No entry serves this goal yet.', 'Noch kein Beitrag zahlt auf dieses Ziel ein.'),
  noGoals: w('The strategy defines no goals yet.', 'Die Strategie legt noch keine Ziele fest.'),
  kpis: w('KPIs', 'Kennzahlen'),
  content: w('Content', 'Inhalte'),
  smart: w('SMART', 'SMART'),
  notSmart: w('not SMART', 'nicht SMART'),
  missingWord: w('missing', 'fehlt'),
  target: w('target', 'Zielwert'),
  baseline: w('baseline', 'Ausgangswert'),
  deadline: w('deadline', 'Frist'),
  source: w('source', 'Quelle'),
  unlinkedKpis: w('KPIs that measure no goal', 'Kennzahlen ohne Ziel'),
  mix: w('Content mix', 'Content-Mix'),
  byPlan: w('By plan', 'Nach Plan'),
  byChannel: w('By channel', 'Nach Kanal'),
  byMonth: w('By month', 'Nach Monat'),
  modeMix: w('Modes of all entries', 'Modi aller Beiträge'),
  pushShare: w('push share', 'Push-Anteil'),
  limit: w('limit', 'Grenze'),
  noEntries: w('No entries yet.', 'Noch keine Beiträge.'),
  calendar: w('Editorial calendar', 'Redaktionskalender'),
  exportIcs: w('Export as calendar (.ics)', 'Als Kalender exportieren (.ics)'),
  exportCsv: w('Export as table (.csv)', 'Als Tabelle exportieren (.csv)'),
  legend: w('Modes', 'Modi'),
  gap: w('gap', 'Lücke'),
  today: w('today', 'heute'),
  problems: w('problems', 'Probleme'),
  problem: w('problem', 'Problem'),
  inferred: w('mode inferred', 'Modus erschlossen'),
  findings: w('Findings', 'Befunde'),
  noFindings: w('No findings: the checks found nothing to improve.', 'Keine Befunde: Die Prüfung hat nichts zu verbessern gefunden.'),
  rulePage: w('about this rule', 'zur Regel'),
  missingTitle: w('What is missing', 'Was fehlt'),
  noStrategy: w('no strategy', 'keine Strategie'),
  period: w('Period', 'Zeitraum'),
  plans: w('plans', 'Pläne'),
  plan: w('plan', 'Plan'),
  open: w('open', 'öffnen'),
  link: w('link', 'Link'),
};

export const SEV_LABEL: Record<Severity, T2> = {
  error: w('Error', 'Fehler'),
  warning: w('Warning', 'Warnung'),
  information: w('Info', 'Info'),
  hint: w('Hint', 'Hinweis'),
};
export const SEV_PLURAL: Record<Severity, T2> = {
  error: w('errors', 'Fehler'),
  warning: w('warnings', 'Warnungen'),
  information: w('infos', 'Infos'),
  hint: w('hints', 'Hinweise'),
};
export const SEV_GLYPH: Record<Severity, string> = { error: '✖', warning: '▲', information: 'ℹ', hint: '·' };
export const STATE_GLYPH = { complete: '✓', thin: '◐', missing: '○' } as const;
export const MIX_WORD: Record<'ok' | 'over' | 'strong' | 'few', T2> = {
  ok: w('within the limit', 'im Rahmen'),
  over: w('over the limit', 'über der Grenze'),
  strong: w('far over the limit', 'deutlich über der Grenze'),
  few: w('too few entries to judge', 'zu wenige Beiträge für ein Urteil'),
};
export const MIX_SHORT: Record<'ok' | 'over' | 'strong' | 'few', T2> = {
  ok: w('ok', 'ok'),
  over: w('over the limit', 'über der Grenze'),
  strong: w('far over', 'deutlich darüber'),
  few: w('too few to judge', 'zu wenige'),
};
export const FLAG = { ok: '✓', over: '▲', strong: '▲▲', few: '' } as const;
export const WEEKDAYS: Record<Lang, string[]> = {
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  de: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'],
};
export const WEEKDAYS_LONG: Record<Lang, string[]> = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  de: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
};

export function plural(count: number, one: T2, many: T2, lang: Lang): string {
  return `${fmtNum(count, lang)} ${count === 1 ? one[lang] : many[lang]}`;
}
export function fmtNum(v: number, lang: Lang): string {
  const x = Number.isFinite(v) ? v : 0;
  const s = Number.isInteger(x) ? String(x).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'de' ? '.' : ',') : String(Math.round(x * 10) / 10);
  return lang === 'de' ? s.replace(/\.(\d)$/, ',$1') : s;
}
export function fmtDate(iso: string, lang: Lang): string {
  if (!ISO_DATE_RE.test(iso)) return iso;
  return lang === 'de' ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso;
}

// ------------------------------------------------------------------ options

export interface RenderOptions {
  /**
   * Folder URI (with trailing slash) of the report file: locations become relative links
   * from there. Without it, locations are plain `file:line` text (report) or reveal
   * buttons (webview).
   */
  linkBase?: string;
  /** Whether a document exists as a file a link may point to; default: `file:` URIs do. */
  exists?(uri: string): boolean;
  /** `data-theme` on the root: `light`, `dark`, `high-contrast`, `high-contrast-light`, `vscode`; default: follow the system. */
  theme?: 'light' | 'dark' | 'high-contrast' | 'high-contrast-light' | 'vscode';
}

export interface ReportOptions extends RenderOptions {
  /** Language of the report's own frame when there are several models; default: the first model's. */
  lang?: Lang;
  /** Title of the report; default: the single model's title, else "Strategy report". */
  title?: string;
  /** HTML at the very top (`report --base`: "What this change does", preview/change.ts). */
  prelude?: string;
}

export interface Ctx {
  lang: Lang;
  mode: 'report' | 'webview';
  opts: RenderOptions;
  /** Heading level of the model's title. */
  h: number;
  /** Prefix of element ids (several models in one report). */
  id: string;
}

export const THEMES = ['light', 'dark', 'high-contrast', 'high-contrast-light', 'vscode'];

// ------------------------------------------------------------------ locations

/** A relative href from a folder URI to a file URI; undefined when they do not share a scheme and authority. */
function relativeHref(base: string, target: string): string | undefined {
  const split = (u: string) => {
    const m = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(\/[^?#]*)/i.exec(u);
    return m ? { origin: m[1].toLowerCase(), path: m[2] } : undefined;
  };
  const b = split(base.endsWith('/') ? base : base + '/');
  const t = split(target);
  if (!b || !t || b.origin !== t.origin) return undefined;
  const bs = b.path.split('/').slice(1, -1);
  const ts = t.path.split('/').slice(1);
  let i = 0;
  while (i < bs.length && i < ts.length - 1 && bs[i] === ts[i]) i++;
  const rel = [...bs.slice(i).map(() => '..'), ...ts.slice(i)].join('/');
  // Never let a segment read as a scheme ("javascript:…" as a file name).
  return rel.startsWith('../') ? rel : `./${rel}`;
}

export function locAttrs(loc: PreviewLoc | undefined): string {
  if (!loc) return '';
  return ` data-uri="${esc(loc.uri)}" data-line="${num(loc.range?.start?.line, 0)}" data-character="${num(loc.range?.start?.character, 0)}"`;
}

export function lineOf(r: Range | undefined): number {
  return (typeof r?.start?.line === 'number' && Number.isFinite(r.start.line) ? r.start.line : 0) + 1;
}

/**
 * A place in a document, as something to click: a relative link in the report (for a
 * file that exists), a reveal button in the webview, plain text otherwise. `data-uri`,
 * `data-line` and `data-character` (0-based) travel along everywhere.
 */
export function place(c: Ctx, loc: PreviewLoc | undefined, inner: string, cls = 'sd-loc', label?: string): string {
  if (!loc) return `<span class="${cls}">${inner}</span>`;
  const aria = label ? ` aria-label="${esc(label)}"` : '';
  if (c.mode === 'webview') {
    return `<button type="button" class="${cls} sd-link" data-action="reveal"${locAttrs(loc)}${aria}>${inner}</button>`;
  }
  const exists = c.opts.exists ? c.opts.exists(loc.uri) : String(loc.uri).startsWith('file:');
  const href = exists && c.opts.linkBase ? relativeHref(c.opts.linkBase, loc.uri) : undefined;
  if (href) return `<a class="${cls}" href="${esc(`${href}#L${lineOf(loc.range)}`)}"${locAttrs(loc)}${aria}>${inner}</a>`;
  return `<span class="${cls}"${locAttrs(loc)}${aria}>${inner}</span>`;
}

export function externalLink(url: string | undefined, inner: string): string {
  const safe = safeHttpUrl(url);
  if (!safe) return inner;
  return `<a href="${esc(safe)}" rel="noopener noreferrer" target="_blank">${inner}</a>`;
}

export function h(c: Ctx, level: number, text: string, attrs = ''): string {
  const l = Math.min(6, c.h + level);
  return `<h${l}${attrs}>${text}</h${l}>`;
}
