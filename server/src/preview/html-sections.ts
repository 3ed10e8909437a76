/**
 * The sections of a rendered preview (preview/html.ts): the steps, goals and KPIs, the
 * content mix, the calendar and the findings. Everything escaped as html-base.ts says.
 */
import {
  fmtShare,
  type CalendarDay,
  type CalendarEntry,
  type CalendarMonth,
  type MixRow,
  type ModeCount,
  type PreviewGoal,
  type PreviewKpi,
  type PreviewModel,
  type PreviewSection,
} from './types';
import {
  type Ctx,
  FLAG,
  MIX_SHORT,
  MIX_WORD,
  SEV_GLYPH,
  SEV_LABEL,
  STATE_GLYPH,
  type T2,
  UI,
  WEEKDAYS,
  WEEKDAYS_LONG,
  esc,
  externalLink,
  fmtDate,
  fmtNum,
  h,
  lineOf,
  locAttrs,
  mixClass,
  modeClass,
  num,
  place,
  plural,
  sevClass,
  slug,
  stateClass,
  w,
} from './html-base';

// ------------------------------------------------------------------ steps

export function stepsSection(model: PreviewModel, c: Ctx): string {
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
    name =
      c.mode === 'webview'
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

export function goalsSection(model: PreviewModel, c: Ctx): string {
  const L = (x: T2) => x[c.lang];
  const lang = c.lang;
  const goals = model.goals ?? [];
  const body = goals.length ? goals.map((g) => goalCard(g, c)).join('\n') : `<p class="sd-empty">${esc(L(UI.noGoals))}</p>`;
  const extra: string[] = [];
  if (model.unlinkedKpis?.length) {
    extra.push(
      `<div class="sd-aside">${h(c, 2, esc(L(UI.unlinkedKpis)))}<ul class="sd-kpis">${model.unlinkedKpis.map((k) => kpiItem(k, c)).join('')}</ul></div>`,
    );
  }
  if (model.entriesWithoutGoal) {
    extra.push(
      `<p class="sd-aside sd-warn-text">${esc(
        lang === 'de'
          ? `${fmtNum(model.entriesWithoutGoal, lang)} ${model.entriesWithoutGoal === 1 ? 'Beitrag zahlt' : 'Beiträge zahlen'} auf kein Ziel ein.`
          : `${fmtNum(model.entriesWithoutGoal, lang)} ${model.entriesWithoutGoal === 1 ? 'entry serves' : 'entries serve'} no goal.`,
      )}</p>`,
    );
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
    segs.push(
      `<rect class="m-${modeClass(m.mode)}" x="${num(x)}" y="0" width="${num(wdt)}" height="${H}"><title>${esc(m.label)}: ${fmtNum(m.count, c.lang)}</title></rect>`,
    );
    x += wdt;
  }
  const desc = `${label}: ${byMode.map((m) => `${m.label} ${m.count}`).join(', ')}`;
  return `<svg class="sd-strip" viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" role="img" aria-label="${esc(desc)}">${segs.join('')}</svg>`;
}

// ------------------------------------------------------------------ mix

export function mixSection(model: PreviewModel, c: Ctx): string {
  const L = (x: T2) => x[c.lang];
  const lang = c.lang;
  const mix = model.mix;
  const charts: string[] = [];
  const chart = (title: T2, rows: MixRow[], omitted: number, key: string) => {
    if (!rows.length) return;
    const note = omitted ? `<p class="sd-small">${esc(lang === 'de' ? `${omitted} weitere nicht gezeigt.` : `${omitted} more not shown.`)}</p>` : '';
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
<p class="sd-small">${esc(
        lang === 'de'
          ? `${fmtNum(total.push, lang)} von ${fmtNum(total.count, lang)} Beiträgen sind Push.`
          : `${fmtNum(total.push, lang)} of ${fmtNum(total.count, lang)} entries are push.`,
      )}</p>
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
  return `<ul class="sd-legend" aria-label="${esc(L(UI.legend))}">${items
    .map((m) => {
      const n = counts?.find((x) => x.mode === m.mode)?.count;
      return `<li><span class="sd-letter m-${modeClass(m.mode)}" aria-hidden="true">${esc(m.letter)}</span>${esc(m.label)}${n !== undefined ? ` <span class="sd-muted">${fmtNum(n, c.lang)}</span>` : ''}</li>`;
    })
    .join('')}</ul>`;
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
    out.push(
      `<line class="sd-limit sd-limit-strong" x1="${num(xOf(strongMax))}" x2="${num(xOf(strongMax))}" y1="${top - 6}" y2="${H - 2}" data-limit="${num(strongMax, 4)}"/>`,
    );
    out.push(
      `<text class="sd-limit-label sd-limit-strong-label" x="${num(xOf(strongMax) + 4)}" y="${top - 9}" text-anchor="start">${esc(fmtShare(strongMax))}</text>`,
    );
  }
  const desc = `${title}: ${rows.map((r) => `${r.label} ${fmtShare(r.share)} (${L(MIX_WORD[mixClass(r.state)])})`).join('; ')}. ${L(UI.limit)} ${fmtShare(max)}.`;
  return `<svg class="sd-bars" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(desc)}"><title>${esc(title)}</title>${out.join('\n')}</svg>`;
}

// ------------------------------------------------------------------ calendar

export function calendarSection(model: PreviewModel, c: Ctx): string {
  const L = (x: T2) => x[c.lang];
  const lang = c.lang;
  const cal = model.calendar;
  const notes: string[] = [];
  if (cal.note) notes.push(cal.note);
  if (cal.undated)
    notes.push(
      lang === 'de'
        ? `${fmtNum(cal.undated, lang)} ${cal.undated === 1 ? 'Beitrag ohne Datum steht' : 'Beiträge ohne Datum stehen'} nicht im Kalender.`
        : `${fmtNum(cal.undated, lang)} ${cal.undated === 1 ? 'entry without a date is' : 'entries without a date are'} not in the calendar.`,
    );
  if (cal.outside)
    notes.push(
      lang === 'de'
        ? `${fmtNum(cal.outside, lang)} ${cal.outside === 1 ? 'Beitrag liegt' : 'Beiträge liegen'} außerhalb des Zeitraums.`
        : `${fmtNum(cal.outside, lang)} ${cal.outside === 1 ? 'entry lies' : 'entries lie'} outside the period.`,
    );
  const gapText =
    lang === 'de'
      ? `Schraffierter Streifen: ein Kanal ist länger als ${cal.maxGapDays} Tage ohne Beitrag (maxGapDays). Ein „!“ markiert Beiträge mit Befunden.`
      : `Hatched strip: a channel has had no entry for more than ${cal.maxGapDays} days (maxGapDays). A “!” marks entries with findings.`;
  const months = cal.months.length ? cal.months.map((m) => monthTable(m, c)).join('\n') : `<p class="sd-empty">${esc(L(UI.noEntries))}</p>`;
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
    parts.push(
      `<span class="sd-gaplabel">${esc(lang === 'de' ? `${g.channel}: ${g.days} Tage ohne Beitrag` : `${g.channel}: ${g.days} days without an entry`)}</span>`,
    );
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
  const problems =
    e.problems > 0
      ? `<span class="sd-flag is-${sevClass(e.worst)}" title="${esc(`${plural(e.problems, UI.problem, UI.problems, c.lang)}: ${e.rules.join(', ')}`)}"><span aria-hidden="true">!</span><span class="sd-visually-hidden">${esc(`${plural(e.problems, UI.problem, UI.problems, c.lang)}: ${e.rules.join(', ')}`)}</span></span>`
      : '';
  const text = `<span class="sd-letter m-${mode}">${esc(e.letter)}</span><span class="sd-e-text"><span class="sd-e-ch">${esc(e.channel ?? '')}${e.time ? ` ${esc(e.time)}` : ''}</span> <span class="sd-e-title">${esc(e.title)}</span></span>`;
  const link = e.link ? ` ${externalLink(e.link, `<span aria-hidden="true">↗</span><span class="sd-visually-hidden">${esc(L(UI.link))}</span>`)}` : '';
  return `<li class="sd-e m-${mode}${e.problems ? ' has-problems' : ''}" data-mode="${mode}" title="${esc(`${e.title}\n${info}`)}">${place(c, e.loc, text, 'sd-e-loc', `${e.title} (${info})`)}${problems}${link}</li>`;
}

// ------------------------------------------------------------------ findings

export function findingsSection(model: PreviewModel, c: Ctx): string {
  const L = (x: T2) => x[c.lang];
  const lang = c.lang;
  const groups = model.findings ?? [];
  const body = groups.length
    ? groups
        .map((g) => {
          const sev = sevClass(g.severity);
          const items = g.items
            .map((f) => {
              const s = sevClass(f.severity);
              const where = `${esc(f.path)}:${lineOf(f.range)}`;
              const own = s !== sev ? `<span class="sd-sev is-${s}"><span aria-hidden="true">${SEV_GLYPH[s]} </span>${esc(L(SEV_LABEL[s]))}</span> ` : '';
              return `<li class="sd-finding is-${s}">${place(c, { uri: f.uri, range: f.range }, where)}<span class="sd-msg">${own}${esc(f.message)}</span></li>`;
            })
            .join('\n');
          const more = g.more
            ? `<li class="sd-more-line">${esc(lang === 'de' ? `… und ${fmtNum(g.more, lang)} weitere` : `… and ${fmtNum(g.more, lang)} more`)}</li>`
            : '';
          return `<section class="sd-group is-${sev}" id="${esc(`${c.id}-rule-${slug(g.rule)}`)}" data-rule="${esc(g.rule)}" data-count="${num(g.count, 0)}">
${h(c, 2, `<span class="sd-sev is-${sev}"><span aria-hidden="true">${SEV_GLYPH[sev]} </span>${esc(L(SEV_LABEL[sev]))}</span> <code>${esc(g.rule)}</code> <span class="sd-count">${num(g.count, 0)}</span>`)}
<p class="sd-rule-desc">${esc(g.description)} ${externalLink(g.docsUrl, esc(L(UI.rulePage)))}</p>
<ul class="sd-findings">
${items}${more}
</ul>
</section>`;
        })
        .join('\n')
    : `<p class="sd-empty sd-good-text">${esc(L(UI.noFindings))}</p>`;
  return `<section class="sd-section" aria-labelledby="${c.id}-findings">
${h(c, 1, esc(L(UI.findings)), ` id="${c.id}-findings"`)}
${body}
</section>`;
}
