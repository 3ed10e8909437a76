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
import { fmtShare, type PreviewModel } from './types';
import {
  type Ctx,
  type RenderOptions,
  type ReportOptions,
  SEV_PLURAL,
  type T2,
  THEMES,
  UI,
  esc,
  fmtDate,
  fmtNum,
  h,
  mixClass,
  place,
  plural,
} from './html-base';
import { calendarSection, findingsSection, goalsSection, mixSection, stepsSection } from './html-sections';
import { PREVIEW_CSS } from './css';
export { esc, type RenderOptions, type ReportOptions } from './html-base';
export { PREVIEW_CSS } from './css';

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
  const open = root ? `<div class="sd" lang="${c.lang}"${theme}>` : `<article class="sd-project" lang="${c.lang}" id="${esc(c.id)}">`;
  parts.push(open);
  parts.push(header(model, c));
  if (model.missing?.length) {
    parts.push(
      `<section class="sd-missing" aria-labelledby="${c.id}-missing">${h(c, 1, esc(L(UI.missingTitle)), ` id="${c.id}-missing"`)}<ul>${model.missing.map((m) => `<li>${esc(m)}</li>`).join('')}</ul></section>`,
    );
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
    meta.push(
      model.plans.length === 1
        ? `${esc(L(UI.plan))} ${place(c, { uri: model.plans[0].uri, range: zero() }, esc(model.plans[0].path))}`
        : `${plural(model.plans.length, UI.plan, UI.plans, lang)}`,
    );
  }
  const period = model.calendar?.period;
  if (period) meta.push(`${esc(L(UI.period))} ${esc(fmtDate(period.start, lang))} – ${esc(fmtDate(period.end, lang))}`);
  meta.push(`${esc(L(UI.asOf))} ${esc(fmtDate(model.today, lang))}`);

  const t = model.totals ?? { errors: 0, warnings: 0, infos: 0, hints: 0, entries: 0 };
  const steps = model.steps ?? [];
  const done = steps.filter((s) => s.state === 'complete').length;
  const kpis = new Set<string>();
  let smart = 0;
  for (const g of model.goals ?? [])
    for (const k of g.kpis)
      if (!kpis.has(k.id)) {
        kpis.add(k.id);
        if (k.smart) smart++;
      }
  for (const k of model.unlinkedKpis ?? [])
    if (!kpis.has(k.id)) {
      kpis.add(k.id);
      if (k.smart) smart++;
    }
  const tiles: string[] = [];
  if (model.strategy) {
    tiles.push(tile(`${done}/${steps.length || 8}`, lang === 'de' ? 'Schritte vollständig' : 'steps complete', done === steps.length ? 'good' : 'warn'));
    const goals = model.goals ?? [];
    const primary = goals.filter((g) => g.primary).length;
    tiles.push(
      tile(
        String(goals.length),
        `${goals.length === 1 ? (lang === 'de' ? 'Ziel' : 'goal') : lang === 'de' ? 'Ziele' : 'goals'}${primary ? ` · ${primary} ${lang === 'de' ? 'primär' : 'primary'}` : ''}`,
        goals.length && primary === 1 ? 'good' : 'warn',
      ),
    );
    tiles.push(tile(String(kpis.size), `${lang === 'de' ? 'Kennzahlen' : 'KPIs'} · ${smart} SMART`, kpis.size && smart === kpis.size ? 'good' : 'warn'));
  }
  if (model.plans?.length) {
    const mix = model.mix;
    tiles.push(tile(fmtNum(t.entries, lang), lang === 'de' ? 'Beiträge' : 'entries', 'neutral'));
    tiles.push(
      tile(
        fmtShare(mix?.total?.share),
        `${L(UI.pushShare)} · ${L(UI.limit)} ${fmtShare(mix?.max)}`,
        mixClass(mix?.total?.state) === 'ok' ? 'good' : mixClass(mix?.total?.state) === 'few' ? 'neutral' : 'bad',
      ),
    );
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
  const toc =
    single || !list.length
      ? ''
      : `<nav class="sd-toc" aria-label="${esc(UI.contents[lang])}"><ol>${list.map((m, i) => `<li><a href="#sd${i + 1}">${esc(m.title || m.plans?.[0]?.path || `#${i + 1}`)}</a></li>`).join('')}</ol></nav>`;
  const top = single
    ? ''
    : `<header class="sd-head sd-report-head"><p class="sd-kicker">${esc(UI.kicker[lang])}</p><h1 class="sd-title">${esc(title)}</h1><p class="sd-meta">${esc(UI.asOf[lang])} ${esc(fmtDate(list[0]?.today ?? '', lang))}</p></header>`;
  const empty = list.length
    ? ''
    : `<p class="sd-empty">${esc(lang === 'de' ? 'Keine Strategie und kein Redaktionsplan gefunden.' : 'No strategy and no editorial plan found.')}</p>`;
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
