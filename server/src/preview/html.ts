/**
 * Renders preview models as HTML: `renderReport` gives one self-contained document (the
 * CLI's `stratdoc report`, for pull requests), `renderPreviewBody` the same sections as a
 * fragment for the VS Code webview, which brings `PREVIEW_CSS` and its own script.
 *
 * Document text is untrusted. Every piece of text and every attribute value goes through
 * `esc()`; class names come only from fixed lists; numbers only through `num()`; links
 * from documents only when they are http(s) URLs. There is no script, no inline event
 * handler and no `style` attribute anywhere (the webview's CSP can forbid inline styles),
 * and nothing is loaded from elsewhere: no fonts, no images by URL.
 */
import type { Lang, Range } from '../core/text';
import type { Severity } from '../core/rules/api';
import {
  MODE_ORDER, fmtShare, safeHttpUrl,
  type CalendarDay, type CalendarEntry, type CalendarMonth, type MixRow, type ModeCount, type ModeKey, type PreviewGoal,
  type PreviewKpi, type PreviewLoc, type PreviewModel, type PreviewSection,
} from './types';

// ------------------------------------------------------------------ escaping

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for HTML text and (double-quoted) attribute values alike. */
export function esc(v: unknown): string {
  return String(v ?? '').replace(/[&<>"'`]/g, (c) => ESC[c]).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** A finite number for SVG geometry, rounded. */
function num(v: unknown, digits = 1): string {
  const x = typeof v === 'number' && Number.isFinite(v) ? v : 0;
  const f = 10 ** digits;
  return String(Math.round(x * f) / f);
}

const SEVERITIES: Severity[] = ['error', 'warning', 'information', 'hint'];
function sevClass(s: unknown): Severity {
  return SEVERITIES.includes(s as Severity) ? (s as Severity) : 'information';
}
function modeClass(m: unknown): ModeKey {
  return MODE_ORDER.includes(m as ModeKey) ? (m as ModeKey) : 'unknown';
}
function stateClass(s: unknown): 'complete' | 'thin' | 'missing' {
  return s === 'complete' || s === 'thin' ? s : 'missing';
}
function mixClass(s: unknown): 'ok' | 'over' | 'strong' | 'few' {
  return s === 'ok' || s === 'over' || s === 'strong' ? s : 'few';
}
/** A rule ID as a fragment id: letters, digits, hyphens only. */
function slug(s: unknown): string {
  return String(s ?? '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').slice(0, 60);
}

// ------------------------------------------------------------------ words

type T2 = { en: string; de: string };
const w = (en: string, de: string): T2 => ({ en, de });

const UI = {
  report: w('Strategy report', 'Strategie-Bericht'),
  kicker: w('stratdoc · strategy preview', 'stratdoc · Strategie-Vorschau'),
  asOf: w('As of', 'Stand'),
  overview: w('At a glance', 'Auf einen Blick'),
  contents: w('Contents', 'Inhalt'),
  steps: w('The eight steps', 'Die acht Schritte'),
  stepsIntro: w('Each step of the strategy, in order: complete, thin (empty or only placeholders) or missing.', 'Jeder Schritt der Strategie, in seiner Reihenfolge: vollständig, dünn (leer oder nur Platzhalter) oder fehlend.'),
  step: w('Step', 'Schritt'),
  others: w('Ground rules', 'Spielregeln'),
  othersIntro: w('Who writes and approves, when the team meets, what employees may post, and what happens when criticism comes.', 'Wer schreibt und freigibt, wann sich das Team trifft, was Mitarbeitende posten dürfen und was bei Kritik geschieht.'),
  goals: w('Goals → KPIs → content', 'Ziele → Kennzahlen → Inhalte'),
  goalsIntro: w('For each goal: the KPIs that measure it and the plan entries that serve it.', 'Für jedes Ziel: die Kennzahlen, die es messen, und die Beiträge, die darauf einzahlen.'),
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

const SEV_LABEL: Record<Severity, T2> = {
  error: w('Error', 'Fehler'),
  warning: w('Warning', 'Warnung'),
  information: w('Info', 'Info'),
  hint: w('Hint', 'Hinweis'),
};
const SEV_PLURAL: Record<Severity, T2> = {
  error: w('errors', 'Fehler'),
  warning: w('warnings', 'Warnungen'),
  information: w('infos', 'Infos'),
  hint: w('hints', 'Hinweise'),
};
const SEV_GLYPH: Record<Severity, string> = { error: '✖', warning: '▲', information: 'ℹ', hint: '·' };
const STATE_GLYPH = { complete: '✓', thin: '◐', missing: '○' } as const;
const MIX_WORD: Record<'ok' | 'over' | 'strong' | 'few', T2> = {
  ok: w('within the limit', 'im Rahmen'),
  over: w('over the limit', 'über der Grenze'),
  strong: w('far over the limit', 'deutlich über der Grenze'),
  few: w('too few entries to judge', 'zu wenige Beiträge für ein Urteil'),
};
const MIX_SHORT: Record<'ok' | 'over' | 'strong' | 'few', T2> = {
  ok: w('ok', 'ok'),
  over: w('over the limit', 'über der Grenze'),
  strong: w('far over', 'deutlich darüber'),
  few: w('too few to judge', 'zu wenige'),
};
const FLAG = { ok: '✓', over: '▲', strong: '▲▲', few: '' } as const;
const WEEKDAYS: Record<Lang, string[]> = {
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  de: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'],
};
const WEEKDAYS_LONG: Record<Lang, string[]> = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  de: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
};

function plural(count: number, one: T2, many: T2, lang: Lang): string {
  return `${fmtNum(count, lang)} ${count === 1 ? one[lang] : many[lang]}`;
}
function fmtNum(v: number, lang: Lang): string {
  const x = Number.isFinite(v) ? v : 0;
  const s = Number.isInteger(x) ? String(x).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'de' ? '.' : ',') : String(Math.round(x * 10) / 10);
  return lang === 'de' ? s.replace(/\.(\d)$/, ',$1') : s;
}
function fmtDate(iso: string, lang: Lang): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
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

interface Ctx {
  lang: Lang;
  mode: 'report' | 'webview';
  opts: RenderOptions;
  /** Heading level of the model's title. */
  h: number;
  /** Prefix of element ids (several models in one report). */
  id: string;
}

const THEMES = ['light', 'dark', 'high-contrast', 'high-contrast-light', 'vscode'];

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

function locAttrs(loc: PreviewLoc | undefined): string {
  if (!loc) return '';
  return ` data-uri="${esc(loc.uri)}" data-line="${num(loc.range?.start?.line, 0)}" data-character="${num(loc.range?.start?.character, 0)}"`;
}

function lineOf(r: Range | undefined): number {
  return (typeof r?.start?.line === 'number' && Number.isFinite(r.start.line) ? r.start.line : 0) + 1;
}

/**
 * A place in a document, as something to click: a relative link in the report (for a
 * file that exists), a reveal button in the webview, plain text otherwise. `data-uri`,
 * `data-line` and `data-character` (0-based) travel along everywhere.
 */
function place(c: Ctx, loc: PreviewLoc | undefined, inner: string, cls = 'sd-loc', label?: string): string {
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

function externalLink(url: string | undefined, inner: string): string {
  const safe = safeHttpUrl(url);
  if (!safe) return inner;
  return `<a href="${esc(safe)}" rel="noopener noreferrer" target="_blank">${inner}</a>`;
}

function h(c: Ctx, level: number, text: string, attrs = ''): string {
  const l = Math.min(6, c.h + level);
  return `<h${l}${attrs}>${text}</h${l}>`;
}

// ------------------------------------------------------------------ the body

/**
 * The preview of one model as an HTML fragment for the webview: no script, no inline
 * handlers, no style attributes. Clickable places are `<button data-action="reveal"
 * data-uri data-line data-character>`; a missing section is `<button data-action="insert"
 * data-uri data-line data-character data-section>` at the place it would go.
 */
export function renderPreviewBody(model: PreviewModel, opts: RenderOptions = {}): string {
  return renderModel(model, { lang: langOf(model), mode: 'webview', opts, h: 1, id: 'sd' }, true);
}

function langOf(model: PreviewModel): Lang {
  return model?.lang === 'de' ? 'de' : 'en';
}

function renderModel(model: PreviewModel, c: Ctx, root: boolean): string {
  const L = (x: T2) => x[c.lang];
  const theme = c.opts.theme && THEMES.includes(c.opts.theme) ? ` data-theme="${esc(c.opts.theme)}"` : '';
  const parts: string[] = [];
  const open = root
    ? `<div class="sd" lang="${c.lang}"${theme}>`
    : `<article class="sd-project" lang="${c.lang}" id="${esc(c.id)}">`;
  parts.push(open);
  parts.push(header(model, c));
  if (model.missing?.length) {
    parts.push(`<section class="sd-missing" aria-labelledby="${c.id}-missing">${h(c, 1, esc(L(UI.missingTitle)), ` id="${c.id}-missing"`)}<ul>${model.missing.map((m) => `<li>${esc(m)}</li>`).join('')}</ul></section>`);
  }
  if (model.steps?.length) parts.push(stepsSection(model, c));
  if (model.strategy) parts.push(goalsSection(model, c));
  if (model.plans?.length) {
    parts.push(mixSection(model, c));
    parts.push(calendarSection(model, c));
  }
  parts.push(findingsSection(model, c));
  parts.push(root ? '</div>' : '</article>');
  return parts.join('\n');
}

function header(model: PreviewModel, c: Ctx): string {
  const L = (x: T2) => x[c.lang];
  const lang = c.lang;
  const meta: string[] = [];
  if (model.strategy) meta.push(place(c, { uri: model.strategy.uri, range: zero() }, esc(model.strategy.path)));
  else meta.push(`<span class="sd-warn-text">${esc(L(UI.noStrategy))}</span>`);
  if (model.plans?.length) {
    meta.push(model.plans.length === 1
      ? `${esc(L(UI.plan))} ${place(c, { uri: model.plans[0].uri, range: zero() }, esc(model.plans[0].path))}`
      : `${plural(model.plans.length, UI.plan, UI.plans, lang)}`);
  }
  const period = model.calendar?.period;
  if (period) meta.push(`${esc(L(UI.period))} ${esc(fmtDate(period.start, lang))} – ${esc(fmtDate(period.end, lang))}`);
  meta.push(`${esc(L(UI.asOf))} ${esc(fmtDate(model.today, lang))}`);

  const t = model.totals ?? { errors: 0, warnings: 0, infos: 0, hints: 0, entries: 0 };
  const steps = model.steps ?? [];
  const done = steps.filter((s) => s.state === 'complete').length;
  const kpis = new Set<string>();
  let smart = 0;
  for (const g of model.goals ?? []) for (const k of g.kpis) if (!kpis.has(k.id)) { kpis.add(k.id); if (k.smart) smart++; }
  for (const k of model.unlinkedKpis ?? []) if (!kpis.has(k.id)) { kpis.add(k.id); if (k.smart) smart++; }
  const tiles: string[] = [];
  if (model.strategy) {
    tiles.push(tile(`${done}/${steps.length || 8}`, lang === 'de' ? 'Schritte vollständig' : 'steps complete', done === steps.length ? 'good' : 'warn'));
    const goals = model.goals ?? [];
    const primary = goals.filter((g) => g.primary).length;
    tiles.push(tile(String(goals.length), `${goals.length === 1 ? (lang === 'de' ? 'Ziel' : 'goal') : lang === 'de' ? 'Ziele' : 'goals'}${primary ? ` · ${primary} ${lang === 'de' ? 'primär' : 'primary'}` : ''}`, goals.length && primary === 1 ? 'good' : 'warn'));
    tiles.push(tile(String(kpis.size), `${lang === 'de' ? 'Kennzahlen' : 'KPIs'} · ${smart} SMART`, kpis.size && smart === kpis.size ? 'good' : 'warn'));
  }
  if (model.plans?.length) {
    const mix = model.mix;
    tiles.push(tile(fmtNum(t.entries, lang), lang === 'de' ? 'Beiträge' : 'entries', 'neutral'));
    tiles.push(tile(fmtShare(mix?.total?.share), `${L(UI.pushShare)} · ${L(UI.limit)} ${fmtShare(mix?.max)}`, mixClass(mix?.total?.state) === 'ok' ? 'good' : mixClass(mix?.total?.state) === 'few' ? 'neutral' : 'bad'));
  }
  const sevs = `${t.errors} ${L(SEV_PLURAL.error)} · ${t.warnings} ${L(SEV_PLURAL.warning)} · ${t.infos + t.hints} ${lang === 'de' ? 'Hinweise' : 'notes'}`;
  tiles.push(tile(String(t.errors + t.warnings), sevs, t.errors ? 'bad' : t.warnings ? 'warn' : 'good'));

  return `<header class="sd-head">
<p class="sd-kicker">${esc(L(UI.kicker))}</p>
${h(c, 0, esc(model.title || L(UI.report)), ' class="sd-title"')}
<p class="sd-meta">${meta.join('<span class="sd-sep" aria-hidden="true"> · </span>')}</p>
<ul class="sd-tiles" aria-label="${esc(L(UI.overview))}">${tiles.join('')}</ul>
</header>`;
}

function tile(big: string, small: string, tone: 'good' | 'warn' | 'bad' | 'neutral'): string {
  return `<li class="sd-tile sd-tone-${tone}"><span class="sd-tile-big">${esc(big)}</span><span class="sd-tile-small">${esc(small)}</span></li>`;
}

function zero(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

// ------------------------------------------------------------------ steps

function stepsSection(model: PreviewModel, c: Ctx): string {
  const L = (x: T2) => x[c.lang];
  const items = model.steps.map((s, i) => stepItem(s, c, i + 1)).join('\n');
  const others = (model.others ?? []).map((s) => stepItem(s, c)).join('\n');
  return `<section class="sd-section" aria-labelledby="${c.id}-steps">
${h(c, 1, esc(L(UI.steps)), ` id="${c.id}-steps"`)}
<p class="sd-intro">${esc(L(UI.stepsIntro))}</p>
<ol class="sd-stepper">
${items}
</ol>
${h(c, 2, esc(L(UI.others)), ` id="${c.id}-others"`)}
<p class="sd-intro">${esc(L(UI.othersIntro))}</p>
<ul class="sd-others">
${others}
</ul>
</section>`;
}

function stepItem(s: PreviewSection, c: Ctx, index?: number): string {
  const L = (x: T2) => x[c.lang];
  const state = stateClass(s.state);
  const num = typeof s.step === 'number' ? s.step : index;
  const label = esc(s.label);
  let name: string;
  if (state === 'missing' && s.insert) {
    const loc = { uri: s.insert.uri, range: { start: s.insert.position, end: s.insert.position } };
    name = c.mode === 'webview'
      ? `<button type="button" class="sd-step-name sd-link" data-action="insert" data-section="${esc(s.key)}"${locAttrs(loc)}>${label}</button>`
      : place(c, loc, label, 'sd-step-name');
  } else name = place(c, s.loc, label, 'sd-step-name');
  const stepWord = num !== undefined && s.step !== undefined ? `<span class="sd-step-num">${esc(L(UI.step))} ${num}</span>` : '';
  const marker = s.step !== undefined ? esc(String(num)) : STATE_GLYPH[state];
  return `<li class="sd-step is-${state}" data-key="${esc(s.key)}" data-state="${state}">
<span class="sd-dot" aria-hidden="true">${marker}</span>
<span class="sd-step-text">${stepWord}${name}
<span class="sd-state"><span aria-hidden="true">${STATE_GLYPH[state]} </span>${esc(s.stateLabel)}</span>
${s.holds ? `<span class="sd-holds">${esc(s.holds)}</span>` : ''}
${s.note && state !== 'complete' ? `<span class="sd-note">${esc(s.note)}</span>` : ''}</span>
</li>`;
}

// ------------------------------------------------------------------ goals

function goalsSection(model: PreviewModel, c: Ctx): string {
  const L = (x: T2) => x[c.lang];
  const lang = c.lang;
  const goals = model.goals ?? [];
  const body = goals.length ? goals.map((g) => goalCard(g, c)).join('\n') : `<p class="sd-empty">${esc(L(UI.noGoals))}</p>`;
  const extra: string[] = [];
  if (model.unlinkedKpis?.length) {
    extra.push(`<div class="sd-aside">${h(c, 2, esc(L(UI.unlinkedKpis)))}<ul class="sd-kpis">${model.unlinkedKpis.map((k) => kpiItem(k, c)).join('')}</ul></div>`);
  }
  if (model.entriesWithoutGoal) {
    extra.push(`<p class="sd-aside sd-warn-text">${esc(lang === 'de'
      ? `${fmtNum(model.entriesWithoutGoal, lang)} ${model.entriesWithoutGoal === 1 ? 'Beitrag zahlt' : 'Beiträge zahlen'} auf kein Ziel ein.`
      : `${fmtNum(model.entriesWithoutGoal, lang)} ${model.entriesWithoutGoal === 1 ? 'entry serves' : 'entries serve'} no goal.`)}</p>`);
  }
  return `<section class="sd-section" aria-labelledby="${c.id}-goals">
${h(c, 1, esc(L(UI.goals)), ` id="${c.id}-goals"`)}
<p class="sd-intro">${esc(L(UI.goalsIntro))}</p>
<div class="sd-goals">
${body}
</div>
${extra.join('\n')}
</section>`;
}

function goalCard(g: PreviewGoal, c: Ctx): string {
  const L = (x: T2) => x[c.lang];
  const lang = c.lang;
  const tags: string[] = [];
  tags.push(`<span class="sd-tag">${esc(g.typeLabel ?? L(UI.noType))}</span>`);
  if (g.primary) tags.push(`<span class="sd-tag sd-tag-primary"><span aria-hidden="true">★ </span>${esc(L(UI.primary))}</span>`);
  const kpis = g.kpis.length
    ? `<ul class="sd-kpis">${g.kpis.map((k) => kpiItem(k, c)).join('')}</ul>`
    : `<p class="sd-empty sd-warn-text">${esc(L(UI.noKpi))}</p>`;
  const content = g.entries
    ? `<p class="sd-serving"><strong>${esc(plural(g.entries, w('entry', 'Beitrag'), w('entries', 'Beiträge'), lang))}</strong> · ${esc(fmtShare(g.share))} ${lang === 'de' ? 'Push' : 'push'}</p>
${modeStrip(g.byMode, g.entries, c, lang === 'de' ? `Modi der Beiträge zu ${g.id}` : `Modes of the entries for ${g.id}`)}
<ul class="sd-modecounts">${g.byMode.map((m) => `<li><span class="sd-chipdot m-${modeClass(m.mode)}" aria-hidden="true"></span>${esc(m.label)} ${fmtNum(m.count, lang)}</li>`).join('')}</ul>`
    : `<p class="sd-empty sd-warn-text">${esc(L(UI.noEntry))}</p>`;
  return `<article class="sd-goal${g.primary ? ' is-primary' : ''}" data-goal="${esc(g.id)}">
<div class="sd-goal-col sd-goal-main">
<p class="sd-goal-head">${place(c, g.loc, esc(g.id), 'sd-id')} ${tags.join(' ')}</p>
<p class="sd-goal-title">${esc(g.title || g.id)}</p>
${(g.costPerResult ?? []).map((x) => `<p class="sd-cost">${esc(x)}</p>`).join('\n')}
</div>
<div class="sd-goal-col"><p class="sd-col-label" aria-hidden="true">${esc(L(UI.kpis))}</p>${kpis}</div>
<div class="sd-goal-col"><p class="sd-col-label" aria-hidden="true">${esc(L(UI.content))}</p>${content}</div>
</article>`;
}

function kpiItem(k: PreviewKpi, c: Ctx): string {
  const L = (x: T2) => x[c.lang];
  const cls = ['business', 'intermediate', 'vanity'].includes(k.metricClass) ? k.metricClass : 'unknown';
  const smart = k.smart
    ? `<span class="sd-smart is-smart"><span aria-hidden="true">✓ </span>${esc(L(UI.smart))}</span>`
    : `<span class="sd-smart is-not-smart"><span aria-hidden="true">✗ </span>${esc(L(UI.notSmart))}: ${esc(k.missingLabel)} ${esc(L(UI.missingWord))}</span>`;
  const facts: string[] = [];
  if (k.target) facts.push(`${esc(L(UI.target))} ${esc(k.target)}`);
  if (k.baseline) facts.push(`${esc(L(UI.baseline))} ${esc(k.baseline)}`);
  if (k.deadline) facts.push(`${esc(L(UI.deadline))} ${esc(fmtDate(k.deadline, c.lang))}`);
  if (k.source) facts.push(`${esc(L(UI.source))} ${esc(k.source)}`);
  return `<li class="sd-kpi" data-kpi="${esc(k.id)}" data-class="${cls}" data-smart="${k.smart ? 'yes' : 'no'}">
<span class="sd-kpi-head">${place(c, k.loc, esc(k.id), 'sd-id')} <span class="sd-kpi-title">${esc(k.title || k.metric || k.id)}</span></span>
<span class="sd-kpi-tags"><span class="sd-class is-${cls}">${esc(k.classLabel)}</span> ${smart}</span>
${facts.length ? `<span class="sd-kpi-facts">${facts.join(' · ')}</span>` : ''}
</li>`;
}

/** A 100 % bar of the modes, in the legend's order; each segment titled with its count. */
function modeStrip(byMode: ModeCount[], total: number, c: Ctx, label: string): string {
  const W = 300;
  const H = 12;
  let x = 0;
  const segs: string[] = [];
  const sum = byMode.reduce((s, m) => s + (Number.isFinite(m.count) ? m.count : 0), 0) || total || 1;
  for (const m of byMode) {
    const wdt = (m.count / sum) * W;
    if (!(wdt > 0)) continue;
    segs.push(`<rect class="m-${modeClass(m.mode)}" x="${num(x)}" y="0" width="${num(wdt)}" height="${H}"><title>${esc(m.label)}: ${fmtNum(m.count, c.lang)}</title></rect>`);
    x += wdt;
  }
  const desc = `${label}: ${byMode.map((m) => `${m.label} ${m.count}`).join(', ')}`;
  return `<svg class="sd-strip" viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" role="img" aria-label="${esc(desc)}">${segs.join('')}</svg>`;
}

// ------------------------------------------------------------------ mix

function mixSection(model: PreviewModel, c: Ctx): string {
  const L = (x: T2) => x[c.lang];
  const lang = c.lang;
  const mix = model.mix;
  const charts: string[] = [];
  const chart = (title: T2, rows: MixRow[], omitted: number, key: string) => {
    if (!rows.length) return;
    const note = omitted
      ? `<p class="sd-small">${esc(lang === 'de' ? `${omitted} weitere nicht gezeigt.` : `${omitted} more not shown.`)}</p>`
      : '';
    charts.push(`<figure class="sd-chart" data-scope="${key}">
<figcaption>${esc(L(title))}</figcaption>
${barChart(rows, mix.max, mix.strongMax, mix.minEntries, c, L(title))}
${note}
</figure>`);
  };
  chart(UI.byPlan, mix.plans, 0, 'plan');
  chart(UI.byChannel, mix.channels, mix.omittedChannels, 'channel');
  chart(UI.byMonth, mix.months, mix.omittedMonths, 'month');
  const total = mix.total;
  const overall = total.count
    ? `<div class="sd-overall">
<p class="sd-overall-figure"><strong>${esc(fmtShare(total.share))}</strong> ${esc(L(UI.pushShare))} <span class="sd-badge is-${mixClass(total.state)}">${esc(L(MIX_WORD[mixClass(total.state)]))}</span></p>
<p class="sd-small">${esc(lang === 'de'
  ? `${fmtNum(total.push, lang)} von ${fmtNum(total.count, lang)} Beiträgen sind Push.`
  : `${fmtNum(total.push, lang)} of ${fmtNum(total.count, lang)} entries are push.`)}</p>
${modeStrip(total.byMode, total.count, c, L(UI.modeMix))}
${legendList(model, c, total.byMode)}
</div>`
    : `<p class="sd-empty">${esc(L(UI.noEntries))}</p>`;
  return `<section class="sd-section" aria-labelledby="${c.id}-mix">
${h(c, 1, esc(L(UI.mix)), ` id="${c.id}-mix"`)}
<p class="sd-intro">${esc(mix.limitText)}</p>
${overall}
<div class="sd-charts">
${charts.join('\n')}
</div>
</section>`;
}

function legendList(model: PreviewModel, c: Ctx, counts?: ModeCount[]): string {
  const L = (x: T2) => x[c.lang];
  const items = (model.calendar?.legend ?? []).filter((m) => !counts || counts.some((x) => x.mode === m.mode));
  return `<ul class="sd-legend" aria-label="${esc(L(UI.legend))}">${items.map((m) => {
    const n = counts?.find((x) => x.mode === m.mode)?.count;
    return `<li><span class="sd-letter m-${modeClass(m.mode)}" aria-hidden="true">${esc(m.letter)}</span>${esc(m.label)}${n !== undefined ? ` <span class="sd-muted">${fmtNum(n, c.lang)}</span>` : ''}</li>`;
  }).join('')}</ul>`;
}

/** Horizontal bars of the push share (0–100 %), with the limit (`max`) and `strongMax` drawn in. */
function barChart(rows: MixRow[], max: number, strongMax: number, minEntries: number, c: Ctx, title: string): string {
  const L = (x: T2) => x[c.lang];
  const lang = c.lang;
  const W = 820;
  const labelW = 170;
  const trackX = labelW + 10;
  const trackW = 360;
  const rowH = 30;
  const top = 22;
  const H = top + rows.length * rowH + 6;
  const xOf = (share: number) => trackX + Math.max(0, Math.min(1, share)) * trackW;
  const out: string[] = [];
  // Axis ticks at 0, 50, 100 %.
  for (const p of [0, 0.5, 1]) {
    out.push(`<line class="sd-tick" x1="${num(xOf(p))}" x2="${num(xOf(p))}" y1="${top - 4}" y2="${H - 4}"/>`);
  }
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const share = typeof r.share === 'number' && Number.isFinite(r.share) ? r.share : 0;
    const state = mixClass(r.state);
    const label = r.label.length > 26 ? `${r.label.slice(0, 25)}…` : r.label;
    const value = `${fmtShare(r.share)} · ${fmtNum(r.push, lang)}/${fmtNum(r.count, lang)}`;
    const word = L(MIX_WORD[state]);
    out.push(`<g class="sd-row is-${state}" data-key="${esc(r.key)}" data-share="${num(share, 4)}" data-count="${num(r.count, 0)}">
<title>${esc(`${r.label}: ${value} (${word})`)}</title>
<text class="sd-label" x="${labelW}" y="${y + 17}" text-anchor="end">${esc(label)}</text>
<rect class="sd-track" x="${trackX}" y="${y + 6}" width="${trackW}" height="14" rx="3"/>
<rect class="sd-bar is-${state}" x="${trackX}" y="${y + 6}" width="${num(Math.max(share > 0 ? 2 : 0, share * trackW))}" height="14" rx="3" data-share="${num(share, 4)}"/>
<text class="sd-value" x="${trackX + trackW + 12}" y="${y + 17}">${esc(value)} <tspan class="sd-flagtext is-${state}">${esc(`${FLAG[state]} ${L(MIX_SHORT[state])}${state === 'few' ? ` (< ${minEntries})` : ''}`.trim())}</tspan></text>
</g>`);
  });
  // The limit lines on top.
  out.push(`<line class="sd-limit" x1="${num(xOf(max))}" x2="${num(xOf(max))}" y1="${top - 6}" y2="${H - 2}" data-limit="${num(max, 4)}"/>`);
  out.push(`<text class="sd-limit-label" x="${num(xOf(max))}" y="${top - 9}" text-anchor="middle">${esc(`${L(UI.limit)} ${fmtShare(max)}`)}</text>`);
  if (strongMax > max && strongMax <= 1) {
    out.push(`<line class="sd-limit sd-limit-strong" x1="${num(xOf(strongMax))}" x2="${num(xOf(strongMax))}" y1="${top - 6}" y2="${H - 2}" data-limit="${num(strongMax, 4)}"/>`);
    out.push(`<text class="sd-limit-label sd-limit-strong-label" x="${num(xOf(strongMax) + 4)}" y="${top - 9}" text-anchor="start">${esc(fmtShare(strongMax))}</text>`);
  }
  const desc = `${title}: ${rows.map((r) => `${r.label} ${fmtShare(r.share)} (${L(MIX_WORD[mixClass(r.state)])})`).join('; ')}. ${L(UI.limit)} ${fmtShare(max)}.`;
  return `<svg class="sd-bars" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(desc)}"><title>${esc(title)}</title>${out.join('\n')}</svg>`;
}

// ------------------------------------------------------------------ calendar

function calendarSection(model: PreviewModel, c: Ctx): string {
  const L = (x: T2) => x[c.lang];
  const lang = c.lang;
  const cal = model.calendar;
  const notes: string[] = [];
  if (cal.note) notes.push(cal.note);
  if (cal.undated) notes.push(lang === 'de'
    ? `${fmtNum(cal.undated, lang)} ${cal.undated === 1 ? 'Beitrag ohne Datum steht' : 'Beiträge ohne Datum stehen'} nicht im Kalender.`
    : `${fmtNum(cal.undated, lang)} ${cal.undated === 1 ? 'entry without a date is' : 'entries without a date are'} not in the calendar.`);
  if (cal.outside) notes.push(lang === 'de'
    ? `${fmtNum(cal.outside, lang)} ${cal.outside === 1 ? 'Beitrag liegt' : 'Beiträge liegen'} außerhalb des Zeitraums.`
    : `${fmtNum(cal.outside, lang)} ${cal.outside === 1 ? 'entry lies' : 'entries lie'} outside the period.`);
  const gapText = lang === 'de'
    ? `Schraffierter Streifen: ein Kanal ist länger als ${cal.maxGapDays} Tage ohne Beitrag (maxGapDays). Ein „!“ markiert Beiträge mit Befunden.`
    : `Hatched strip: a channel has had no entry for more than ${cal.maxGapDays} days (maxGapDays). A “!” marks entries with findings.`;
  const months = cal.months.length
    ? cal.months.map((m) => monthTable(m, c)).join('\n')
    : `<p class="sd-empty">${esc(L(UI.noEntries))}</p>`;
  return `<section class="sd-section" aria-labelledby="${c.id}-calendar">
${h(c, 1, esc(L(UI.calendar)), ` id="${c.id}-calendar"`)}
${exportButtons(c)}<div class="sd-cal-key">${legendList(model, c)}<p class="sd-small"><span class="sd-gap-swatch" aria-hidden="true"></span> ${esc(gapText)}</p></div>
${notes.map((n) => `<p class="sd-note-line">${esc(n)}</p>`).join('\n')}
<div class="sd-months">
${months}
</div>
</section>`;
}

/**
 * In the webview only: the export buttons (`data-action="export" data-format`); the
 * extension asks the server for the text and the user where to save it. The report, a
 * file without script, has none (`stratdoc export` makes the same files).
 */
function exportButtons(c: Ctx): string {
  if (c.mode !== 'webview') return '';
  const L = (x: T2) => x[c.lang];
  return `<p class="sd-export">${(['ics', 'csv'] as const).map((f) => `<button type="button" class="sd-link" data-action="export" data-format="${f}">${esc(L(f === 'ics' ? UI.exportIcs : UI.exportCsv))}</button>`).join(' · ')}</p>\n`;
}

function monthTable(m: CalendarMonth, c: Ctx): string {
  const lang = c.lang;
  const caption = `${esc(m.label)} <span class="sd-muted">· ${esc(plural(m.entries, w('entry', 'Beitrag'), w('entries', 'Beiträge'), lang))}${m.entries ? ` · ${esc(fmtShare(m.share))} ${lang === 'de' ? 'Push' : 'push'}` : ''}</span>`;
  const head = WEEKDAYS[lang].map((d, i) => `<th scope="col"><abbr title="${esc(WEEKDAYS_LONG[lang][i])}">${esc(d)}</abbr></th>`).join('');
  const body = m.weeks.map((wk) => `<tr>${wk.map((d) => dayCell(d, c)).join('')}</tr>`).join('\n');
  return `<table class="sd-month" data-month="${esc(m.key)}" data-entries="${num(m.entries, 0)}">
<caption>${caption}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}

function dayCell(d: CalendarDay, c: Ctx): string {
  const L = (x: T2) => x[c.lang];
  const lang = c.lang;
  if (!d.inMonth) return '<td class="sd-day is-outside" aria-hidden="true"></td>';
  const cls = ['sd-day'];
  if (!d.inPeriod) cls.push('is-off');
  if (d.gaps.length) cls.push('is-gap');
  if (d.today) cls.push('is-today');
  if (d.entries.length) cls.push('has-entries');
  const parts: string[] = [];
  parts.push(`<span class="sd-daynum">${num(d.day, 0)}${d.today ? ` <span class="sd-today">${esc(L(UI.today))}</span>` : ''}</span>`);
  for (const g of d.gapStarts) {
    parts.push(`<span class="sd-gaplabel">${esc(lang === 'de' ? `${g.channel}: ${g.days} Tage ohne Beitrag` : `${g.channel}: ${g.days} days without an entry`)}</span>`);
  }
  if (d.gaps.length) {
    parts.push(`<span class="sd-gapbar" aria-hidden="true"></span><span class="sd-visually-hidden">${esc(`${L(UI.gap)}: ${d.gaps.join(', ')}`)}</span>`);
  }
  if (d.entries.length) {
    parts.push(`<ul class="sd-entries">${d.entries.map((e) => entryChip(e, c)).join('')}</ul>`);
  }
  if (d.more > 0) parts.push(`<span class="sd-more">+${num(d.more, 0)}</span>`);
  const gapAttr = d.gaps.length ? ` data-gap="${esc(d.gaps.join(' '))}"` : '';
  return `<td class="${cls.join(' ')}" data-date="${esc(d.date)}"${gapAttr}>${parts.join('')}</td>`;
}

function entryChip(e: CalendarEntry, c: Ctx): string {
  const L = (x: T2) => x[c.lang];
  const mode = modeClass(e.mode);
  const info = [e.modeLabel + (e.inferred ? ` (${L(UI.inferred)})` : ''), e.channel, e.time, e.status].filter(Boolean).join(' · ');
  const problems = e.problems > 0
    ? `<span class="sd-flag is-${sevClass(e.worst)}" title="${esc(`${plural(e.problems, UI.problem, UI.problems, c.lang)}: ${e.rules.join(', ')}`)}"><span aria-hidden="true">!</span><span class="sd-visually-hidden">${esc(`${plural(e.problems, UI.problem, UI.problems, c.lang)}: ${e.rules.join(', ')}`)}</span></span>`
    : '';
  const text = `<span class="sd-letter m-${mode}">${esc(e.letter)}</span><span class="sd-e-text"><span class="sd-e-ch">${esc(e.channel ?? '')}${e.time ? ` ${esc(e.time)}` : ''}</span> <span class="sd-e-title">${esc(e.title)}</span></span>`;
  const link = e.link ? ` ${externalLink(e.link, `<span aria-hidden="true">↗</span><span class="sd-visually-hidden">${esc(L(UI.link))}</span>`)}` : '';
  return `<li class="sd-e m-${mode}${e.problems ? ' has-problems' : ''}" data-mode="${mode}" title="${esc(`${e.title}\n${info}`)}">${place(c, e.loc, text, 'sd-e-loc', `${e.title} (${info})`)}${problems}${link}</li>`;
}

// ------------------------------------------------------------------ findings

function findingsSection(model: PreviewModel, c: Ctx): string {
  const L = (x: T2) => x[c.lang];
  const lang = c.lang;
  const groups = model.findings ?? [];
  const body = groups.length
    ? groups.map((g) => {
      const sev = sevClass(g.severity);
      const items = g.items.map((f) => {
        const s = sevClass(f.severity);
        const where = `${esc(f.path)}:${lineOf(f.range)}`;
        const own = s !== sev ? `<span class="sd-sev is-${s}"><span aria-hidden="true">${SEV_GLYPH[s]} </span>${esc(L(SEV_LABEL[s]))}</span> ` : '';
        return `<li class="sd-finding is-${s}">${place(c, { uri: f.uri, range: f.range }, where)}<span class="sd-msg">${own}${esc(f.message)}</span></li>`;
      }).join('\n');
      const more = g.more ? `<li class="sd-more-line">${esc(lang === 'de' ? `… und ${fmtNum(g.more, lang)} weitere` : `… and ${fmtNum(g.more, lang)} more`)}</li>` : '';
      return `<section class="sd-group is-${sev}" id="${esc(`${c.id}-rule-${slug(g.rule)}`)}" data-rule="${esc(g.rule)}" data-count="${num(g.count, 0)}">
${h(c, 2, `<span class="sd-sev is-${sev}"><span aria-hidden="true">${SEV_GLYPH[sev]} </span>${esc(L(SEV_LABEL[sev]))}</span> <code>${esc(g.rule)}</code> <span class="sd-count">${num(g.count, 0)}</span>`)}
<p class="sd-rule-desc">${esc(g.description)} ${externalLink(g.docsUrl, esc(L(UI.rulePage)))}</p>
<ul class="sd-findings">
${items}${more}
</ul>
</section>`;
    }).join('\n')
    : `<p class="sd-empty sd-good-text">${esc(L(UI.noFindings))}</p>`;
  return `<section class="sd-section" aria-labelledby="${c.id}-findings">
${h(c, 1, esc(L(UI.findings)), ` id="${c.id}-findings"`)}
${body}
</section>`;
}

// ------------------------------------------------------------------ the report

/**
 * One self-contained HTML document for all models: inline CSS and SVG, no script, no
 * external request (a CSP meta forbids them besides), printable, light and dark.
 */
export function renderReport(models: PreviewModel[], opts: ReportOptions = {}): string {
  const list = Array.isArray(models) ? models : [];
  const lang: Lang = opts.lang === 'de' || opts.lang === 'en' ? opts.lang : list[0] ? langOf(list[0]) : 'en';
  const single = list.length === 1;
  const title = opts.title ?? (single ? list[0].title || UI.report[lang] : UI.report[lang]);
  const theme = opts.theme && THEMES.includes(opts.theme) ? ` data-theme="${esc(opts.theme)}"` : '';
  const bodies = list.map((m, i) => renderModel(m, { lang: langOf(m), mode: 'report', opts, h: single ? 1 : 2, id: single ? 'sd' : `sd${i + 1}` }, false));
  const toc = single || !list.length
    ? ''
    : `<nav class="sd-toc" aria-label="${esc(UI.contents[lang])}"><ol>${list.map((m, i) => `<li><a href="#sd${i + 1}">${esc(m.title || m.plans?.[0]?.path || `#${i + 1}`)}</a></li>`).join('')}</ol></nav>`;
  const top = single
    ? ''
    : `<header class="sd-head sd-report-head"><p class="sd-kicker">${esc(UI.kicker[lang])}</p><h1 class="sd-title">${esc(title)}</h1><p class="sd-meta">${esc(UI.asOf[lang])} ${esc(fmtDate(list[0]?.today ?? '', lang))}</p></header>`;
  const empty = list.length ? '' : `<p class="sd-empty">${esc(lang === 'de' ? 'Keine Strategie und kein Redaktionsplan gefunden.' : 'No strategy and no editorial plan found.')}</p>`;
  return `<!DOCTYPE html>
<html lang="${lang}"${theme}>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="stratdoc">
<title>${esc(title)}</title>
<style>
${PREVIEW_CSS}
</style>
</head>
<body class="sd">
<main class="sd-report">
${opts.prelude ?? ''}${top}${toc}${empty}
${bodies.join('\n')}
</main>
</body>
</html>
`;
}

// ------------------------------------------------------------------ style

/**
 * The stylesheet of report and webview. Colours are CSS variables: the system's light
 * or dark scheme by default, or a `data-theme` on any ancestor (`light`, `dark`,
 * `high-contrast`, `high-contrast-light`, `vscode` to take VS Code's theme variables).
 */
/** The dark colours, once: for the system's dark mode and for an explicit dark theme. */
const DARK_PALETTE = `--bg: #16181c; --card: #1e2127; --fg: #e6e6e3; --muted: #a2a8b0; --line: #31353d; --soft: #262a31; --accent: #8db0ff; --accent-soft: #223052; --ok: #6fd3a0; --ok-soft: #1c3a2c; --warn: #f2c063; --warn-soft: #3c3220; --bad: #ff8f80; --bad-soft: #47231f; --track: #2a2e35; --tick: #3b4049; --limit: #ff8f80; --gap: #8a7a5a; --warn-bar: #e0b050; --m-push: #ef7b57; --m-mixed: #f0ad55; --m-story: #a985d9; --m-dialog: #5b9fe6; --m-service: #3bb7a6; --m-people: #d8b441; --m-ugc: #e07bb5; --m-unknown: #7d838b; --m-ink: #111318; --m-ink-dark: #111318; --shadow: none; color-scheme: dark;`;

export const PREVIEW_CSS = `
.sd {
  --bg: #f7f6f3; --card: #ffffff; --fg: #1f2328; --muted: #5f6670; --line: #e3e1dc; --soft: #efede8;
  --accent: #2f5fd0; --accent-soft: #e6edfb;
  --ok: #1f7a4d; --ok-soft: #e3f3ea; --warn: #9a6200; --warn-soft: #fbf0d9; --bad: #b42318; --bad-soft: #fde7e4;
  --track: #eceae5; --tick: #d9d6cf; --limit: #b42318; --gap: #c2a878; --warn-bar: #e0a526;
  --m-push: #d9603b; --m-mixed: #e59b3d; --m-story: #8a5cc2; --m-dialog: #2f7fd0; --m-service: #1f9a8a;
  --m-people: #c9a227; --m-ugc: #cf5a9c; --m-unknown: #9aa0a6; --m-ink: #ffffff; --m-ink-dark: #1f2328;
  --radius: 10px; --shadow: 0 1px 2px rgba(20, 20, 20, .05), 0 2px 8px rgba(20, 20, 20, .04);
  color-scheme: light;
}
@media (prefers-color-scheme: dark) {
  .sd:not([data-theme]):not([data-theme] .sd) {
    ${DARK_PALETTE}
  }
}
[data-theme="dark"] .sd, .sd[data-theme="dark"] {
  ${DARK_PALETTE}
}
[data-theme="high-contrast"] .sd, .sd[data-theme="high-contrast"] {
  --bg: #000; --card: #000; --fg: #fff; --muted: #fff; --line: #fff; --soft: #000;
  --accent: #ffd400; --accent-soft: #000; --ok: #3ff23f; --ok-soft: #000; --warn: #ffd400; --warn-soft: #000;
  --bad: #ff6b6b; --bad-soft: #000; --track: #000; --tick: #fff; --limit: #ff6b6b; --gap: #fff; --warn-bar: #ffd400; --track-line: #fff;
  --m-push: #ff7a4d; --m-mixed: #ffb347; --m-story: #c9a0ff; --m-dialog: #6cb6ff; --m-service: #40e0c8;
  --m-people: #ffe14d; --m-ugc: #ff8fd0; --m-unknown: #c0c0c0; --m-ink: #000; --m-ink-dark: #000;
  --shadow: none; color-scheme: dark;
}
[data-theme="high-contrast-light"] .sd, .sd[data-theme="high-contrast-light"] {
  --bg: #fff; --card: #fff; --fg: #000; --muted: #000; --line: #000; --soft: #fff;
  --accent: #0033cc; --accent-soft: #fff; --ok: #005a00; --ok-soft: #fff; --warn: #6b4400; --warn-soft: #fff;
  --bad: #b00000; --bad-soft: #fff; --track: #fff; --tick: #000; --limit: #b00000; --gap: #000; --warn-bar: #6b4400; --track-line: #000;
  --m-push: #b33a12; --m-mixed: #8a5a00; --m-story: #5b2a99; --m-dialog: #0b4fa0; --m-service: #006b5e;
  --m-people: #6b5800; --m-ugc: #99205f; --m-unknown: #444; --m-ink: #fff; --m-ink-dark: #fff;
  --shadow: none; color-scheme: light;
}
[data-theme="vscode"] .sd, .sd[data-theme="vscode"] {
  --bg: var(--vscode-editor-background, #1e1e1e); --card: var(--vscode-sideBar-background, var(--vscode-editor-background, #252526));
  --fg: var(--vscode-editor-foreground, #ccc); --muted: var(--vscode-descriptionForeground, #999);
  --line: var(--vscode-panel-border, var(--vscode-widget-border, #444)); --soft: var(--vscode-textBlockQuote-background, #2a2a2a);
  --accent: var(--vscode-textLink-foreground, #3794ff); --accent-soft: var(--vscode-editor-inactiveSelectionBackground, #333);
  --ok: var(--vscode-testing-iconPassed, #73c991); --warn: var(--vscode-editorWarning-foreground, #cca700);
  --bad: var(--vscode-editorError-foreground, #f14c4c); --track: var(--vscode-editorWidget-background, #2d2d2d);
  --limit: var(--vscode-editorError-foreground, #f14c4c); --shadow: none;
  --ok-soft: color-mix(in srgb, var(--ok) 16%, transparent); --warn-soft: color-mix(in srgb, var(--warn) 16%, transparent);
  --bad-soft: color-mix(in srgb, var(--bad) 16%, transparent); --accent-soft: color-mix(in srgb, var(--accent) 16%, transparent);
  --warn-bar: var(--warn); --tick: var(--line); --gap: var(--muted);
  font-family: var(--vscode-font-family, system-ui, sans-serif);
}
.sd, .sd * { box-sizing: border-box; }
body.sd { margin: 0; }
.sd {
  background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  -webkit-text-size-adjust: 100%;
}
.sd-report { max-width: 1180px; margin: 0 auto; padding: 32px 28px 64px; min-height: 100vh; }
.sd a, .sd .sd-link { color: var(--accent); text-decoration: none; }
.sd a:hover, .sd .sd-link:hover { text-decoration: underline; }
.sd a:focus-visible, .sd button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 4px; }
/* webview: places are buttons that look like the report's links */
.sd button.sd-link { font: inherit; background: none; border: 0; padding: 0; margin: 0; cursor: pointer; text-align: inherit; color: var(--accent); }
.sd button.sd-step-name { font-weight: 650; font-size: 14.5px; }
.sd button.sd-id { font: 600 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--accent-soft); padding: 1px 6px; border-radius: 5px; }
.sd button.sd-loc { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.sd button.sd-e-loc { color: var(--fg); padding: 2px 3px; text-align: left; }
.sd h1, .sd h2, .sd h3, .sd h4, .sd h5 { line-height: 1.25; margin: 0; font-weight: 650; letter-spacing: -0.01em; }
.sd code { font: 0.92em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.sd-muted, .sd-small { color: var(--muted); }
.sd-small { font-size: 13px; margin: 4px 0 0; }
.sd-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.sd-warn-text { color: var(--warn); }
.sd-good-text { color: var(--ok); }

/* header */
.sd-project + .sd-project { margin-top: 56px; padding-top: 40px; border-top: 2px solid var(--line); }
.sd-head { margin-bottom: 28px; }
.sd-kicker { margin: 0 0 6px; font-size: 12px; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); }
.sd-title { font-size: 30px; }
.sd-project .sd-title { font-size: 26px; }
.sd-meta { margin: 8px 0 0; color: var(--muted); font-size: 14px; }
.sd-tiles { list-style: none; display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; padding: 0; margin: 20px 0 0; }
.sd-tile { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 12px 14px; box-shadow: var(--shadow); border-top: 3px solid var(--line); }
.sd-tile-big { display: block; font-size: 24px; font-weight: 680; font-variant-numeric: tabular-nums; }
.sd-tile-small { display: block; font-size: 12.5px; color: var(--muted); }
.sd-tone-good { border-top-color: var(--ok); }
.sd-tone-warn { border-top-color: var(--warn); }
.sd-tone-bad { border-top-color: var(--bad); }
.sd-toc { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 12px 20px; margin-bottom: 32px; }
.sd-toc ol { margin: 0; padding-left: 20px; }

.sd-missing { background: var(--warn-soft); border: 1px solid var(--warn); border-left-width: 4px; border-radius: var(--radius); padding: 14px 18px; margin: 0 0 28px; }
.sd-missing h2, .sd-missing h3 { font-size: 16px; margin-bottom: 6px; }
.sd-missing ul { margin: 0; padding-left: 20px; }
.sd-missing li + li { margin-top: 4px; }

.sd-section { margin-top: 40px; }
.sd-section > h2, .sd-section > h3 { font-size: 21px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
.sd-section h3, .sd-section h4 { font-size: 16px; }
.sd-change { margin-top: 0; }
.sd-change-table { border-collapse: collapse; margin: 8px 0 16px; }
.sd-change-table th, .sd-change-table td { text-align: left; padding: 4px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
.sd-intro { color: var(--muted); margin: 8px 0 16px; max-width: 75ch; }
.sd-empty { color: var(--muted); font-style: italic; }

/* stepper */
.sd-stepper { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(8, minmax(0, 1fr)); gap: 0; counter-reset: none; }
.sd-stepper .sd-step { position: relative; padding: 0 8px; text-align: center; }
.sd-stepper .sd-step::before { content: ""; position: absolute; top: 17px; left: -50%; width: 100%; height: 3px; background: var(--line); z-index: 0; }
.sd-stepper .sd-step:first-child::before { display: none; }
.sd-stepper .sd-step.is-complete::before { background: var(--ok); }
.sd-dot {
  position: relative; z-index: 1; display: inline-flex; align-items: center; justify-content: center;
  width: 36px; height: 36px; border-radius: 50%; font-weight: 700; font-size: 15px;
  border: 3px solid var(--line); background: var(--card); color: var(--muted);
}
.sd-step.is-complete .sd-dot { background: var(--ok); border-color: var(--ok); color: var(--card); }
.sd-step.is-thin .sd-dot { border-color: var(--warn); color: var(--warn); background: linear-gradient(90deg, var(--warn-soft) 50%, var(--card) 50%); }
.sd-step.is-missing .sd-dot { border-style: dashed; border-color: var(--bad); color: var(--bad); }
.sd-step-text { display: flex; flex-direction: column; align-items: center; gap: 2px; margin-top: 8px; }
.sd-step-num { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.sd-step-name { font-weight: 650; font-size: 14.5px; }
.sd .sd-step-name { text-align: center; }
.sd-state { font-size: 12px; font-weight: 600; border-radius: 999px; padding: 1px 8px; }
.is-complete .sd-state { color: var(--ok); background: var(--ok-soft); }
.is-thin .sd-state { color: var(--warn); background: var(--warn-soft); }
.is-missing .sd-state { color: var(--bad); background: var(--bad-soft); }
.sd-holds { font-size: 12.5px; color: var(--fg); }
.sd-note { font-size: 12px; color: var(--muted); line-height: 1.35; margin-top: 2px; }
.sd-others { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; }
.sd-others .sd-step { display: flex; gap: 12px; align-items: flex-start; background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 12px; box-shadow: var(--shadow); }
.sd-others .sd-dot { width: 28px; height: 28px; flex: none; font-size: 14px; border-width: 2px; }
.sd-others .sd-step-text { align-items: flex-start; margin-top: 0; }
.sd .sd-others .sd-step-name { text-align: left; }
.sd-section h3[id$="-others"], .sd-section h4[id$="-others"] { margin-top: 32px; }

/* goals */
.sd-goals { display: flex; flex-direction: column; gap: 14px; }
.sd-goal {
  display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1.5fr) minmax(0, 1fr); gap: 0;
  background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); box-shadow: var(--shadow); overflow: hidden;
}
.sd-goal.is-primary { border-left: 4px solid var(--accent); }
.sd-goal-col { padding: 14px 16px; min-width: 0; }
.sd-goal-col + .sd-goal-col { border-left: 1px solid var(--line); position: relative; }
.sd-goal-col + .sd-goal-col::before {
  content: "→"; position: absolute; left: -11px; top: 14px; width: 20px; height: 20px; line-height: 18px; text-align: center;
  background: var(--card); color: var(--muted); border: 1px solid var(--line); border-radius: 50%; font-size: 12px;
}
.sd-goal-head { margin: 0; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.sd-goal-title { margin: 8px 0 0; font-weight: 600; font-size: 15.5px; }
.sd-cost { margin: 4px 0 0; font-size: 13px; opacity: .85; }
.sd-id { font: 600 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--accent-soft); color: var(--accent); padding: 1px 6px; border-radius: 5px; }
.sd .sd-id { color: var(--accent); }
.sd-tag { font-size: 12px; border: 1px solid var(--line); border-radius: 999px; padding: 0 8px; color: var(--muted); }
.sd-tag-primary { color: var(--accent); border-color: var(--accent); font-weight: 600; }
.sd-col-label { margin: 0 0 6px 6px; font-size: 11px; text-transform: uppercase; letter-spacing: .07em; color: var(--muted); }
.sd-kpis { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 10px; }
.sd-kpi { display: flex; flex-direction: column; gap: 3px; }
.sd-kpi-title { font-weight: 560; }
.sd-kpi-tags { display: flex; flex-wrap: wrap; gap: 6px; font-size: 12px; }
.sd-kpi-facts { font-size: 12px; color: var(--muted); }
.sd-class { border-radius: 5px; padding: 0 6px; font-weight: 600; border: 1px solid currentColor; }
.sd-class.is-business { color: var(--ok); }
.sd-class.is-intermediate { color: var(--accent); }
.sd-class.is-vanity { color: var(--bad); border-style: dashed; }
.sd-class.is-unknown { color: var(--muted); border-style: dotted; }
.sd-smart { font-weight: 600; }
.sd-smart.is-smart { color: var(--ok); }
.sd-smart.is-not-smart { color: var(--warn); font-weight: 500; }
.sd-serving { margin: 0 0 8px; }
.sd-strip { display: block; width: 100%; height: 12px; border-radius: 4px; overflow: hidden; background: var(--track); }
.sd-modecounts { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 12.5px; color: var(--muted); }
.sd-chipdot { display: inline-block; width: 9px; height: 9px; border-radius: 2px; margin-right: 5px; vertical-align: 0; }
.sd-aside { margin-top: 18px; }
.sd-aside h3, .sd-aside h4 { font-size: 15px; margin-bottom: 8px; }

/* mode colours (fill for SVG, background for HTML) */
.sd .m-push { --m: var(--m-push); } .sd .m-mixed { --m: var(--m-mixed); } .sd .m-story { --m: var(--m-story); }
.sd .m-dialog { --m: var(--m-dialog); } .sd .m-service { --m: var(--m-service); } .sd .m-people { --m: var(--m-people); }
.sd .m-ugc { --m: var(--m-ugc); } .sd .m-unknown { --m: var(--m-unknown); }
.sd rect[class^="m-"] { fill: var(--m); }
.sd rect.m-mixed { fill: var(--m); }
.sd-chipdot, .sd-letter { background: var(--m); }

/* mix */
.sd-overall { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 16px 18px; box-shadow: var(--shadow); margin-bottom: 18px; }
.sd-overall-figure { margin: 0; font-size: 15px; display: flex; align-items: center; flex-wrap: wrap; gap: 10px; }
.sd-overall-figure strong { font-size: 28px; font-variant-numeric: tabular-nums; }
.sd-overall .sd-strip { height: 16px; margin: 12px 0 10px; }
.sd-badge { font-size: 12px; font-weight: 650; border-radius: 999px; padding: 2px 10px; }
.sd-badge.is-ok { color: var(--ok); background: var(--ok-soft); }
.sd-badge.is-over { color: var(--warn); background: var(--warn-soft); }
.sd-badge.is-strong { color: var(--bad); background: var(--bad-soft); }
.sd-badge.is-few { color: var(--muted); background: var(--soft); }
.sd-legend { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 13px; }
.sd-legend li { display: inline-flex; align-items: center; gap: 6px; }
.sd-letter {
  display: inline-flex; align-items: center; justify-content: center; min-width: 22px; height: 18px; padding: 0 3px;
  border-radius: 4px; font: 700 10.5px/1 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--m-ink);
}
.sd .m-people .sd-letter, .sd .sd-letter.m-people, .sd .sd-letter.m-mixed, .sd .m-mixed .sd-letter { color: var(--m-ink-dark); }
.sd-charts { display: grid; grid-template-columns: 1fr; gap: 14px; }
.sd-chart { margin: 0; background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 14px 16px 8px; box-shadow: var(--shadow); }
.sd-chart figcaption { font-weight: 650; margin-bottom: 4px; }
.sd-bars { display: block; width: 100%; height: auto; max-width: 900px; font: 12.5px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.sd-bars .sd-label { fill: var(--fg); }
.sd-bars .sd-value { fill: var(--muted); font-variant-numeric: tabular-nums; }
.sd-bars .sd-track { fill: var(--track); stroke: var(--track-line, none); }
.sd-bars .sd-bar.is-ok { fill: var(--ok); }
.sd-bars .sd-bar.is-over { fill: var(--warn-bar, var(--warn)); }
.sd-bars .sd-bar.is-strong { fill: var(--bad); }
.sd-bars .sd-bar.is-few { fill: var(--m-unknown); }
.sd-bars .sd-tick { stroke: var(--tick); stroke-width: 1; }
.sd-bars .sd-limit { stroke: var(--limit); stroke-width: 2; }
.sd-bars .sd-limit-strong { stroke-dasharray: 4 3; stroke-width: 1.5; }
.sd-bars .sd-limit-label { fill: var(--limit); font-size: 11px; font-weight: 650; }
.sd-bars .sd-flagtext.is-over { fill: var(--warn); font-weight: 650; }
.sd-bars .sd-flagtext.is-ok { fill: var(--ok); }
.sd-bars .sd-flagtext.is-strong { fill: var(--bad); font-weight: 650; }

/* calendar */
.sd-cal-key { display: flex; flex-direction: column; gap: 8px; margin-bottom: 14px; }
.sd-gap-swatch { display: inline-block; width: 22px; height: 12px; vertical-align: -1px; border: 1px solid var(--gap);
  background: repeating-linear-gradient(135deg, var(--gap) 0 2px, transparent 2px 6px); }
.sd-note-line { margin: 4px 0; font-size: 13.5px; color: var(--warn); }
.sd-months { display: grid; grid-template-columns: repeat(auto-fill, minmax(760px, 1fr)); gap: 22px; margin-top: 12px; }
.sd-month { width: 100%; border-collapse: separate; border-spacing: 0; table-layout: fixed; background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); overflow: hidden; box-shadow: var(--shadow); break-inside: avoid; }
.sd-month caption { text-align: left; font-weight: 650; padding: 0 0 6px 2px; caption-side: top; }
.sd-month th { font-size: 11.5px; font-weight: 600; color: var(--muted); padding: 6px 4px; border-bottom: 1px solid var(--line); background: var(--soft); }
.sd-month abbr { text-decoration: none; }
.sd-day { vertical-align: top; height: 84px; padding: 3px 4px 9px; border-right: 1px solid var(--line); border-bottom: 1px solid var(--line); font-size: 11.5px; position: relative; }
.sd-day:last-child { border-right: 0; }
.sd-month tr:last-child .sd-day { border-bottom: 0; }
.sd-day.is-outside { background: var(--soft); opacity: .45; }
.sd-day.is-off { background: var(--soft); }
.sd-gapbar { position: absolute; left: 0; right: 0; bottom: 0; height: 6px; border-top: 1px solid var(--gap);
  background: repeating-linear-gradient(135deg, var(--gap) 0 2px, transparent 2px 6px); }
.sd-day.is-today { box-shadow: inset 0 0 0 2px var(--accent); }
.sd-daynum { display: block; color: var(--muted); font-variant-numeric: tabular-nums; font-size: 11px; }
.sd-today { color: var(--accent); font-weight: 700; }
.sd-gaplabel { display: block; font-size: 10.5px; line-height: 1.25; color: var(--muted); border-left: 2px solid var(--gap); padding: 0 0 0 4px; margin: 2px 0; }
.sd-entries { list-style: none; margin: 2px 0 0; padding: 0; display: flex; flex-direction: column; gap: 2px; }
.sd-e { display: flex; align-items: flex-start; gap: 2px; min-width: 0; border-radius: 4px; background: var(--soft); border-left: 3px solid var(--m); }
.sd-e-loc { display: flex; align-items: flex-start; gap: 4px; min-width: 0; flex: 1; color: var(--fg); padding: 2px 3px; }
.sd .sd-e-loc, .sd a.sd-e-loc { color: var(--fg); }
.sd-e .sd-letter { min-width: 20px; height: 15px; font-size: 9.5px; flex: none; margin-top: 1px; }
.sd-e-text { min-width: 0; display: flex; flex-direction: column; line-height: 1.25; }
.sd-e-ch { color: var(--muted); font-size: 9.5px; font-weight: 650; text-transform: uppercase; letter-spacing: .04em; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.sd-e-title { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; overflow-wrap: break-word; hyphens: auto; }
.sd-e.has-problems { box-shadow: inset 0 0 0 1px var(--warn); }
.sd-flag { flex: none; margin-top: 3px; display: inline-flex; align-items: center; justify-content: center; width: 15px; height: 15px; border-radius: 50%; font-weight: 800; font-size: 10px; color: var(--card); background: var(--warn); margin-right: 2px; }
.sd-flag.is-error { background: var(--bad); }
.sd-flag.is-information, .sd-flag.is-hint { background: var(--accent); }
.sd-e a[target] { flex: none; padding: 0 3px; font-size: 11px; }
.sd-more { display: inline-block; margin-top: 2px; font-size: 11px; font-weight: 650; color: var(--muted); }

/* findings */
.sd-group { background: var(--card); border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: var(--radius); padding: 12px 16px; margin-bottom: 12px; box-shadow: var(--shadow); }
.sd-group.is-error { border-left-color: var(--bad); }
.sd-group.is-warning { border-left-color: var(--warn); }
.sd-group.is-information, .sd-group.is-hint { border-left-color: var(--accent); }
.sd-group h3, .sd-group h4, .sd-group h5 { font-size: 15px; display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.sd-count { font-size: 12px; font-weight: 650; background: var(--soft); border-radius: 999px; padding: 0 8px; color: var(--muted); }
.sd-rule-desc { margin: 4px 0 8px; color: var(--muted); font-size: 13.5px; }
.sd-findings { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.sd-finding { font-size: 14px; padding-top: 6px; border-top: 1px solid var(--line); display: grid; grid-template-columns: minmax(150px, 220px) 1fr; gap: 4px 14px; align-items: baseline; }
.sd-finding .sd-loc { overflow-wrap: anywhere; }
.sd-sev { font-size: 11.5px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; }
.sd-sev.is-error { color: var(--bad); } .sd-sev.is-warning { color: var(--warn); }
.sd-sev.is-information, .sd-sev.is-hint { color: var(--accent); }
.sd-loc { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.sd-msg { min-width: 0; }
.sd-more-line { color: var(--muted); font-style: italic; }

@media (max-width: 900px) {
  .sd-stepper { grid-template-columns: repeat(4, minmax(0, 1fr)); row-gap: 22px; }
  .sd-stepper .sd-step:nth-child(4n+1)::before { display: none; }
  .sd-goal { grid-template-columns: 1fr; }
  .sd-goal-col + .sd-goal-col { border-left: 0; border-top: 1px solid var(--line); }
  .sd-goal-col + .sd-goal-col::before { content: "↓"; left: 16px; top: -11px; }
  .sd-months { grid-template-columns: 1fr; }
}
@media (max-width: 520px) {
  .sd-report { padding: 18px 12px 40px; }
  .sd-stepper { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .sd-stepper .sd-step:nth-child(2n+1)::before { display: none; }
}
@media (forced-colors: active) {
  .sd-dot, .sd-state, .sd-letter, .sd-flag, .sd-e, .sd-tile, .sd-group { forced-color-adjust: none; border: 1px solid CanvasText; }
  .sd-bars .sd-limit { stroke: CanvasText; }
}
@media print {
  .sd { --bg: #fff; --card: #fff; --shadow: none; color-scheme: light; }
  .sd-report { max-width: none; padding: 0; }
  .sd-section { break-before: auto; }
  .sd-goal, .sd-chart, .sd-group, .sd-month, .sd-others .sd-step, .sd-tile { break-inside: avoid; box-shadow: none; }
  .sd-months { grid-template-columns: 1fr; }
  .sd-day { height: 64px; }
  .sd a { color: inherit; }
  .sd-toc { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
