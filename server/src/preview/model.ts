/**
 * The preview model: where a strategy stands, as plain JSON-serialisable data. One model
 * is one project (a strategy and its plans, or a plan on its own). The HTML report
 * (`html.ts`, CLI `stratdoc report`) and the VS Code webview (over a custom LSP request)
 * both render it; nothing here knows about either.
 *
 * Everything is bounded: months of the calendar, entries per day, rows of the mix and
 * findings per rule are capped, with counts of what was left out, so that a period of
 * many years or a plan of thousands of entries still gives a model of modest size.
 */
import type { ParsedDocument, PlanEntry, Kpi, Goal, Period } from '../core/model';
import type { Project } from '../core/project';
import type { Workspace } from '../core/workspace';
import type { ResolvedConfig } from '../core/config';
import type { Finding } from '../core/engine';
import type { Severity } from '../core/rules/api';
import type { Lang, Range } from '../core/text';
import { ruleOptions } from '../core/engine';
import { RULES_BY_ID } from '../core/rules';
import { docsUrl } from '../core/rules/api';
import { insertSectionFix, sectionName } from '../core/edit/templates';
import { live } from '../core/stats';
import {
  GOAL_TYPES, SECTIONS, enumLabel, idKey, pushWeight, stripNumbering,
  type MetricClass, type SectionKey,
} from '../core/vocab';
import { isPlaceholderOnly } from '../core/vocab-practice';
import { allowedGap, channelName } from '../core/rules/channels';
import { costPerResult } from '../core/rules/missing-budget';
import { basenameUri, dirnameUri } from '../core/uri';
import { addDays, daysBetween, isIsoDate, isoOfUtc, monthIndex, monthKey, utcDay } from '../core/dates';
import {
  MODE_ORDER, fmtShare, safeHttpUrl,
  type CalendarDay, type CalendarEntry, type MixRow, type MixState, type ModeCount, type ModeKey, type PreviewCalendar,
  type PreviewDocument, type PreviewFindingGroup, type PreviewGap, type PreviewGoal, type PreviewKpi, type PreviewLoc,
  type PreviewMix, type PreviewModel, type PreviewSection, type StepState,
} from './types';

export * from './types';

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
  configFor(uri: string): ResolvedConfig;
  /** Folder URI (with trailing slash) that paths are shown relative to; default: the project's common folder. */
  root?: string;
  /** Findings to use instead of checking the project again (e.g. the server's current ones). */
  findings?: Finding[];
}

// ------------------------------------------------------------------ words

type T2 = { en: string; de: string };
const w = (en: string, de: string): T2 => ({ en, de });

const SECTION_LABEL: Record<SectionKey, T2> = {
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

const STATE_LABEL: Record<StepState, T2> = {
  complete: w('complete', 'vollständig'),
  thin: w('thin', 'dünn'),
  missing: w('missing', 'fehlt'),
};


const MODE_LABEL: Record<ModeKey, T2> = {
  push: w('Push', 'Push'),
  mixed: w('Mixed', 'Gemischt'),
  story: w('Story', 'Geschichte'),
  dialog: w('Dialog', 'Dialog'),
  service: w('Service', 'Service'),
  people: w('People', 'Menschen'),
  ugc: w('UGC', 'Community'),
  unknown: w('No mode', 'Ohne Modus'),
};

const MODE_LETTER: Record<ModeKey, T2> = {
  push: w('Pu', 'Pu'),
  mixed: w('Mx', 'Gm'),
  story: w('St', 'Ge'),
  dialog: w('Di', 'Di'),
  service: w('Se', 'Se'),
  people: w('Pe', 'Me'),
  ugc: w('Ug', 'Co'),
  unknown: w('?', '?'),
};

const CLASS_LABEL: Record<MetricClass, T2> = {
  business: w('business', 'geschäftsrelevant'),
  intermediate: w('intermediate', 'Zwischenkennzahl'),
  vanity: w('vanity', 'Vanity-Kennzahl'),
  unknown: w('unclassified', 'nicht zugeordnet'),
};

const SMART_FIELD: Record<'target' | 'baseline' | 'deadline' | 'source', T2> = {
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
function n(count: number, en1: string, enN: string, de1: string, deN: string, lang: Lang): string {
  return `${fmtInt(count, lang)} ${count === 1 ? (lang === 'de' ? de1 : en1) : lang === 'de' ? deN : enN}`;
}

function fmtInt(v: number, lang: Lang): string {
  const s = String(Math.round(v));
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'de' ? '.' : ',');
}


// ------------------------------------------------------------------ language

/** The preview's language: strategy `language`, else the plans' own, else the configured one, else English. */
export function previewLanguage(project: Project | undefined, configFor: (uri: string) => ResolvedConfig): Lang {
  if (!project) return 'en';
  if (project.strategy?.language) return project.strategy.language;
  const planLangs = new Set(project.plans.map((p) => p.language).filter(Boolean));
  if (planLangs.size === 1) return [...planLangs][0]!;
  const home = project.documents[0];
  return (home && configFor(home.uri).language) || 'en';
}

// ------------------------------------------------------------------ paths

/** The deepest folder that holds every URI. */
function commonFolder(uris: string[]): string {
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

function relPath(uri: string, root: string): string {
  const rel = root && uri.startsWith(root) ? uri.slice(root.length) : uri;
  try {
    return decodeURIComponent(rel);
  } catch {
    return rel;
  }
}

// ------------------------------------------------------------------ building

/** The model of a project. */
export function buildPreview(ws: Workspace, project: Project, opts: PreviewOptions): PreviewModel {
  const lang = opts.lang ?? previewLanguage(project, opts.configFor);
  const L = (x: T2) => x[lang];
  const docs = project.documents;
  const root = opts.root ?? commonFolder(docs.map((d) => d.uri));
  const home = docs[0];
  const homeConfig = home ? opts.configFor(home.uri) : undefined;
  const option = (rule: string, key: string, fallback: number): number => {
    const r = RULES_BY_ID.get(rule);
    if (!r || !homeConfig) return fallback;
    const v = Number(ruleOptions(r, homeConfig)[key]);
    return Number.isFinite(v) ? v : fallback;
  };
  const findings = opts.findings ?? (home ? ws.checkProject(project, opts.today) : []);
  const docOf = (d: ParsedDocument): PreviewDocument => ({
    uri: d.uri,
    path: relPath(d.uri, root),
    kind: d.kind,
    format: d.format,
    title: d.title?.trim() || basenameUri(d.uri),
    period: d.period?.value,
    entries: d.plan ? d.plan.entries.filter(live).length : undefined,
    isFile: d.uri.startsWith('file:'),
  });

  const strategy = project.strategy ? docOf(project.strategy) : undefined;
  const plans = project.plans.map(docOf);
  const missing: string[] = [];

  // What is missing, in plain words.
  if (!project.strategy) {
    for (const p of project.plans) {
      const link = project.links.get(p.uri);
      if (link?.via === 'broken') {
        const target = link.target ? relPath(link.target, root) : p.plan?.strategyPath?.value ?? '';
        missing.push(L(w(
          `No strategy: the plan names '${p.plan?.strategyPath?.value ?? target}' as its strategy, but there is no strategy document there. The eight steps and the goals cannot be shown.`,
          `Keine Strategie: Der Plan nennt '${p.plan?.strategyPath?.value ?? target}' als Strategie, dort liegt aber kein Strategiedokument. Die acht Schritte und die Ziele können nicht gezeigt werden.`,
        )));
      } else {
        missing.push(L(w(
          'No strategy: this plan has no `strategy:` and there is no strategy document in its folder or above. Add `strategy: <path>` to the plan, or create a strategy with `stratdoc: strategy`. The eight steps and the goals cannot be shown.',
          'Keine Strategie: Dieser Plan hat kein `strategy:` und in seinem Ordner oder darüber liegt kein Strategiedokument. Ergänzen Sie `strategy: <Pfad>` im Plan oder legen Sie eine Strategie mit `stratdoc: strategy` an. Die acht Schritte und die Ziele können nicht gezeigt werden.',
        )));
      }
    }
  } else {
    const s = project.strategy;
    if (s.format === 'yaml' && s.problems.some((p) => p.rule === 'syntax')) {
      missing.push(L(w(
        `The strategy '${strategy!.path}' does not parse (a YAML syntax error): what it holds is uncertain until the error is fixed.`,
        `Die Strategie '${strategy!.path}' lässt sich nicht lesen (ein YAML-Syntaxfehler): Was sie enthält, ist unsicher, bis der Fehler behoben ist.`,
      )));
    }
    if (!(s.strategy?.sections.length) && !s.text.replace(/^---[\s\S]*?---/, '').trim().replace(/^#.*$/m, '').trim()) {
      missing.push(L(w(
        `The strategy '${strategy!.path}' is empty: none of the eight steps is written yet.`,
        `Die Strategie '${strategy!.path}' ist leer: Noch keiner der acht Schritte ist geschrieben.`,
      )));
    }
    if (!project.plans.length) {
      missing.push(L(w(
        'No editorial plan: no plan belongs to this strategy yet, so there is no content mix and no calendar. Create a plan (a file ending in `.plan.md` or `.plan.yaml`, or with `stratdoc: plan`) in the strategy\'s folder, or name the strategy with `strategy: <path>`.',
        'Kein Redaktionsplan: Zu dieser Strategie gehört noch kein Plan, daher gibt es keinen Content-Mix und keinen Kalender. Legen Sie einen Plan an (eine Datei, die auf `.plan.md` oder `.plan.yaml` endet, oder mit `stratdoc: plan`) im Ordner der Strategie, oder nennen Sie die Strategie mit `strategy: <Pfad>`.',
      )));
    }
  }
  for (const p of project.plans) {
    if (!(p.plan?.entries.length)) {
      missing.push(L(w(
        `The plan '${relPath(p.uri, root)}' has no entries yet${p.format === 'markdown' ? ' (a table with columns such as Date, Channel, Title, Mode, Goal)' : ' (an `entries:` list)'}.`,
        `Der Plan '${relPath(p.uri, root)}' hat noch keine Einträge${p.format === 'markdown' ? ' (eine Tabelle mit Spalten wie Datum, Kanal, Thema, Modus, Ziel)' : ' (eine Liste `entries:` bzw. `einträge:`)'}.`,
      )));
    }
  }

  const { steps, others } = buildSections(project, lang);
  const entries = [...project.entries()].map((x) => x.entry).filter(live);
  const { goals, unlinkedKpis, entriesWithoutGoal } = buildGoals(project, entries, lang);

  const max = option('push-ratio', 'max', 0.2);
  const strongMax = option('push-ratio', 'strongMax', 0.33);
  const minEntries = option('push-ratio', 'minEntries', 10);
  const maxGapDays = option('channel-gap', 'maxGapDays', 14);

  const flags = entryFlags(project, findings);
  const calendar = buildCalendar(project, opts.today, lang, maxGapDays, flags);
  const mix = buildMix(project, lang, { max, strongMax, minEntries }, calendar, root);
  if (project.plans.length && entries.length && !calendar.months.length) {
    missing.push(L(w(
      'No entry has a date, so the calendar is empty. Write dates as YYYY-MM-DD.',
      'Kein Eintrag hat ein Datum, daher ist der Kalender leer. Schreiben Sie Daten als JJJJ-MM-TT.',
    )));
  }

  const grouped = groupFindings(findings, lang, root);
  const totals = { errors: 0, warnings: 0, infos: 0, hints: 0, entries: entries.length };
  for (const f of findings) {
    if (f.severity === 'error') totals.errors++;
    else if (f.severity === 'warning') totals.warnings++;
    else if (f.severity === 'information') totals.infos++;
    else totals.hints++;
  }

  return {
    version: 1,
    lang,
    today: opts.today,
    title: strategy?.title ?? plans[0]?.title ?? '',
    root,
    strategy,
    plans,
    missing,
    steps,
    others,
    goals,
    unlinkedKpis,
    entriesWithoutGoal,
    mix,
    calendar,
    findings: grouped,
    totals,
  };
}

/**
 * The model for the document at `uri`: the project it belongs to. A document that is no
 * strategy or plan (an empty untitled file, an ordinary Markdown file) still gets a model
 * that says plainly what is missing.
 */
export function buildPreviewFor(ws: Workspace, uri: string, opts: PreviewOptions): PreviewModel {
  const doc = ws.get(uri);
  const project = doc ? ws.projectOf(uri) : undefined;
  if (doc && project) return { ...buildPreview(ws, project, opts), focusUri: uri };
  const lang = opts.lang ?? opts.configFor(uri).language ?? 'en';
  const root = opts.root ?? dirnameUri(uri);
  const model = emptyModel(lang, opts.today, basenameUri(uri), root, opts.configFor(uri));
  model.focusUri = uri;
  model.missing.push(lang === 'de'
    ? `'${relPath(uri, root)}' ist weder eine Strategie noch ein Redaktionsplan. Beginnen Sie die Datei mit der Front Matter \`stratdoc: strategy\` oder \`stratdoc: plan\` (oder nennen Sie sie \`*.strategy.md\` bzw. \`*.plan.md\`).`
    : `'${relPath(uri, root)}' is neither a strategy nor an editorial plan. Start the file with the front matter \`stratdoc: strategy\` or \`stratdoc: plan\` (or name it \`*.strategy.md\` or \`*.plan.md\`).`);
  return model;
}

/** Models of every project of a workspace, strategies first (the report's content). */
export function buildPreviews(ws: Workspace, opts: PreviewOptions): PreviewModel[] {
  return ws.projects().map((p) => buildPreview(ws, p, opts));
}

function emptyModel(lang: Lang, today: string, title: string, root: string, config: ResolvedConfig): PreviewModel {
  const opt = (rule: string, key: string, d: number) => {
    const r = RULES_BY_ID.get(rule);
    const v = r ? Number(ruleOptions(r, config)[key]) : d;
    return Number.isFinite(v) ? v : d;
  };
  const max = opt('push-ratio', 'max', 0.2);
  const strongMax = opt('push-ratio', 'strongMax', 0.33);
  const total: MixRow = { key: '', label: lang === 'de' ? 'Gesamt' : 'Total', count: 0, push: 0, state: 'few', byMode: [] };
  return {
    version: 1,
    lang,
    today,
    title,
    root,
    plans: [],
    missing: [],
    steps: [],
    others: [],
    goals: [],
    unlinkedKpis: [],
    entriesWithoutGoal: 0,
    mix: {
      max, strongMax, minEntries: opt('push-ratio', 'minEntries', 10), total, plans: [], channels: [], months: [],
      omittedChannels: 0, omittedMonths: 0, limitText: limitText(max, strongMax, lang),
    },
    calendar: {
      maxGapDays: opt('channel-gap', 'maxGapDays', 14), months: [], omittedBefore: 0, omittedAfter: 0, undated: 0,
      outside: 0, gaps: [], omittedGaps: 0, legend: legend(lang),
    },
    findings: [],
    totals: { errors: 0, warnings: 0, infos: 0, hints: 0, entries: 0 },
  };
}

// ------------------------------------------------------------------ sections

function countWords(s: string): number {
  return s.replace(/<!--[\s\S]*?-->/g, ' ').split(/[^\p{L}\p{N}@]+/u).filter(Boolean).length;
}

function buildSections(project: Project, lang: Lang): { steps: PreviewSection[]; others: PreviewSection[] } {
  const doc = project.strategy;
  const steps: PreviewSection[] = [];
  const others: PreviewSection[] = [];
  for (const info of SECTIONS) {
    const out = info.step ? steps : others;
    out.push(sectionOf(project, doc, info.key, info.step, lang));
  }
  return { steps, others };
}

function sectionOf(project: Project, doc: ParsedDocument | undefined, key: SectionKey, step: number | undefined, lang: Lang): PreviewSection {
  const L = (x: T2) => x[lang];
  const base = { key, step, label: SECTION_LABEL[key][lang] };
  const missingOf = (note: string, insert?: PreviewSection['insert']): PreviewSection => ({
    ...base, state: 'missing', stateLabel: L(STATE_LABEL.missing), holds: '', figures: {}, note, insert,
  });
  if (!doc) {
    return missingOf(L(w('No strategy document.', 'Kein Strategiedokument.')));
  }
  const sections = (doc.strategy?.sections ?? []).filter((s) => s.keys.includes(key));
  if (!sections.length) {
    let insert: PreviewSection['insert'];
    let note = L(w('Missing.', 'Fehlt.'));
    try {
      const fix = insertSectionFix(doc, key);
      const edit = fix?.edits[0]?.edits[0];
      const name = sectionName(doc, key);
      if (edit) {
        const line = edit.range.start.line;
        insert = { uri: doc.uri, position: edit.range.start, heading: name };
        const all = doc.strategy?.sections ?? [];
        // The section it would go before (a comment above a heading moves with it), else after.
        const before = all.find((s) => s.headingRange.start.line >= line);
        const after = [...all].reverse().find((s) => s.headingRange.start.line < line);
        const h = (s: { heading: string }) => `'${s.heading.trim()}'`;
        note = before
          ? L(w(`Missing: insert '${name}' before ${h(before)} (line ${line + 1}).`, `Fehlt: '${name}' vor ${h(before)} einfügen (Zeile ${line + 1}).`))
          : after
            ? L(w(`Missing: insert '${name}' after ${h(after)} (line ${line + 1}).`, `Fehlt: '${name}' nach ${h(after)} einfügen (Zeile ${line + 1}).`))
            : L(w(`Missing: insert '${name}' at the end of the document (line ${line + 1}).`, `Fehlt: '${name}' am Ende des Dokuments einfügen (Zeile ${line + 1}).`));
      } else {
        note = L(w(`Missing: add '${name}'.`, `Fehlt: '${name}' ergänzen.`));
      }
    } catch {
      // The insertion point is a convenience; the state is what matters.
    }
    return missingOf(note, insert);
  }
  const first = sections[0];
  const content = sections
    .map((s) => (doc.format === 'yaml' && /^(?:null|~|\[\s*\]|\{\s*\})$/i.test(s.content.trim()) ? '' : s.content.trim()))
    .join('\n')
    .trim();
  const empty = !content || isPlaceholderOnly(content);
  const wordsCount = empty ? 0 : countWords(content);
  const figures: Record<string, number> = {};
  let holds = '';
  let thinNote: string | undefined;
  const s = doc.strategy!;
  switch (key) {
    case 'team': {
      const depts = new Set(s.people.map((p) => p.department?.value?.trim().toLowerCase()).filter(Boolean));
      figures.people = s.people.length;
      figures.departments = depts.size;
      figures.management = s.people.filter((p) => p.management?.value).length;
      holds = [n(s.people.length, 'person', 'people', 'Person', 'Personen', lang), depts.size ? n(depts.size, 'department', 'departments', 'Bereich', 'Bereiche', lang) : ''].filter(Boolean).join(' · ');
      if (!s.people.length) thinNote = L(w('No team members yet: list them with @handle, role and department.', 'Noch keine Teammitglieder: Führen Sie sie mit @handle, Rolle und Bereich auf.'));
      break;
    }
    case 'goals': {
      const primary = s.goals.filter((g) => g.primary?.value).length;
      figures.goals = s.goals.length;
      figures.primary = primary;
      holds = [n(s.goals.length, 'goal', 'goals', 'Ziel', 'Ziele', lang), primary ? n(primary, 'primary', 'primary', 'primär', 'primär', lang) : ''].filter(Boolean).join(' · ');
      if (!s.goals.length) thinNote = L(w('No goals defined yet (e.g. "### G1: …" with Type and Primary).', 'Noch keine Ziele definiert (z. B. "### Z1: …" mit Art und Primär).'));
      break;
    }
    case 'kpis': {
      const smart = s.kpis.filter((k) => smartMissing(k).length === 0).length;
      figures.kpis = s.kpis.length;
      figures.smart = smart;
      holds = [n(s.kpis.length, 'KPI', 'KPIs', 'Kennzahl', 'Kennzahlen', lang), s.kpis.length ? `${fmtInt(smart, lang)} SMART` : ''].filter(Boolean).join(' · ');
      if (!s.kpis.length) thinNote = L(w('No KPIs defined yet (ID, metric, target, baseline, deadline, source, goal).', 'Noch keine Kennzahlen definiert (ID, Metrik, Zielwert, Ausgangswert, Frist, Quelle, Ziel).'));
      break;
    }
    case 'audiences': {
      figures.audiences = s.audiences.length;
      holds = s.audiences.length ? n(s.audiences.length, 'audience', 'audiences', 'Zielgruppe', 'Zielgruppen', lang) : n(wordsCount, 'word', 'words', 'Wort', 'Wörter', lang);
      break;
    }
    case 'channels': {
      figures.channels = s.channels.length;
      holds = n(s.channels.length, 'channel', 'channels', 'Kanal', 'Kanäle', lang);
      if (!s.channels.length) thinNote = L(w('No channels defined yet (a "### Instagram" heading with Why, How, Resources).', 'Noch keine Kanäle definiert (eine Überschrift "### Instagram" mit Warum, Wie, Ressourcen).'));
      break;
    }
    case 'faces': {
      const handles = new Set((content.match(/@[A-Za-z][A-Za-z0-9_.-]*/g) ?? []).map((h) => h.toLowerCase()));
      figures.faces = empty ? 0 : handles.size;
      figures.words = wordsCount;
      holds = handles.size && !empty
        ? n(handles.size, 'face', 'faces', 'Gesicht', 'Gesichter', lang)
        : n(wordsCount, 'word', 'words', 'Wort', 'Wörter', lang);
      break;
    }
    default: {
      figures.words = wordsCount;
      holds = n(wordsCount, 'word', 'words', 'Wort', 'Wörter', lang);
    }
  }
  if (!('words' in figures)) figures.words = wordsCount;
  const state: StepState = empty || thinNote ? 'thin' : 'complete';
  const note = empty
    ? content
      ? L(w('Only placeholders (TODO, TBD, …): not worked out yet.', 'Nur Platzhalter (TODO, TBD, …): noch nicht ausgearbeitet.'))
      : L(w('Empty: not worked out yet.', 'Leer: noch nicht ausgearbeitet.'))
    : thinNote;
  return {
    ...base,
    state,
    stateLabel: L(STATE_LABEL[state]),
    holds: empty ? L(w('empty', 'leer')) : holds,
    figures,
    heading: stripNumbering(first.heading).trim() || first.heading,
    loc: { uri: doc.uri, range: first.headingRange },
    section: { uri: doc.uri, range: first.range },
    note,
  };
}

// ------------------------------------------------------------------ goals and KPIs

function smartMissing(k: Kpi): PreviewKpi['missing'] {
  const out: PreviewKpi['missing'] = [];
  for (const f of ['target', 'baseline', 'deadline', 'source'] as const) if (!k[f]?.value?.trim()) out.push(f);
  return out;
}

function kpiOf(k: Kpi, lang: Lang): PreviewKpi {
  const missing = smartMissing(k);
  return {
    id: k.id,
    title: k.title?.value ?? '',
    metric: k.metric?.value,
    metricClass: k.metricClass,
    classLabel: CLASS_LABEL[k.metricClass][lang],
    smart: missing.length === 0,
    missing,
    missingLabel: missing.map((m) => SMART_FIELD[m][lang]).join(', '),
    target: k.target?.value,
    baseline: k.baseline?.value,
    deadline: k.deadline?.value,
    source: k.source?.value,
    loc: { uri: k.uri, range: k.idRange },
  };
}

function modeCounts(byMode: Map<ModeKey, number>, lang: Lang): ModeCount[] {
  return MODE_ORDER.filter((m) => byMode.get(m)).map((m) => ({ mode: m, label: MODE_LABEL[m][lang], count: byMode.get(m)! }));
}

/** `≈ 20 € per result of K1 'Probefahrten' (budget 9,600 € ÷ target 480)`, per business KPI of a goal. */
function costLines(project: Project, g: Goal, lang: Lang): string[] | undefined {
  const list = costPerResult(project, project.kpisOfGoal(g));
  if (!list.length) return undefined;
  const money = (v: number) => fmtInt(Math.round(v), lang);
  return list.map((c) => {
    const cost = c.cost >= 10 ? fmtInt(Math.round(c.cost), lang) : (Math.round(c.cost * 100) / 100).toFixed(2).replace('.', lang === 'de' ? ',' : '.');
    return lang === 'de'
      ? `≈ ${cost} ${c.currency} je Ergebnis von ${c.kpi} „${c.metric}“ (Budget ${money(c.budget)} ${c.currency} ÷ Ziel ${fmtInt(c.results, lang)})`
      : `≈ ${cost} ${c.currency} per result of ${c.kpi} '${c.metric}' (budget ${money(c.budget)} ${c.currency} ÷ target ${fmtInt(c.results, lang)})`;
  });
}

function buildGoals(project: Project, entries: PlanEntry[], lang: Lang): { goals: PreviewGoal[]; unlinkedKpis: PreviewKpi[]; entriesWithoutGoal: number } {
  const stats = new Map<Goal, { count: number; push: number; byMode: Map<ModeKey, number> }>();
  let entriesWithoutGoal = 0;
  for (const e of entries) {
    const gs = project.goalsOfEntry(e);
    if (!gs.length) entriesWithoutGoal++;
    for (const g of gs) {
      let s = stats.get(g);
      if (!s) stats.set(g, (s = { count: 0, push: 0, byMode: new Map() }));
      s.count++;
      s.push += pushWeight(e.mode?.value);
      const m: ModeKey = e.mode?.value ?? 'unknown';
      s.byMode.set(m, (s.byMode.get(m) ?? 0) + 1);
    }
  }
  const goals: PreviewGoal[] = project.goals.slice(0, MAX_GOALS).map((g) => {
    const s = stats.get(g);
    return {
      id: g.id,
      title: g.title?.value ?? '',
      type: g.type?.value,
      typeLabel: g.type ? enumLabel(GOAL_TYPES, g.type.value, lang) : undefined,
      primary: !!g.primary?.value,
      kpis: project.kpisOfGoal(g).map((k) => kpiOf(k, lang)),
      entries: s?.count ?? 0,
      push: s?.push ?? 0,
      share: s?.count ? s.push / s.count : undefined,
      byMode: s ? modeCounts(s.byMode, lang) : [],
      loc: { uri: g.uri, range: g.idRange },
      costPerResult: costLines(project, g, lang),
    };
  });
  const unlinkedKpis = project.kpis.filter((k) => !project.goalsOfKpi(k).length).slice(0, MAX_GOALS).map((k) => kpiOf(k, lang));
  return { goals, unlinkedKpis, entriesWithoutGoal };
}

// ------------------------------------------------------------------ mix

function limitText(max: number, strongMax: number, lang: Lang): string {
  const p = fmtShare(max);
  const sp = fmtShare(strongMax);
  const is8020 = Math.abs(max - 0.2) < 0.005;
  const isThirds = Math.abs(strongMax - 0.33) < 0.005 || Math.abs(strongMax - 1 / 3) < 0.005;
  return lang === 'de'
    ? `Grenze: höchstens ${p} Push${is8020 ? ' (80/20-Regel)' : ''}; über ${sp}${isThirds ? ' ist auch die Drittel-Regel verletzt' : ' (strongMax) ist es deutlich zu viel'}. Gemischte Einträge zählen halb.`
    : `Limit: at most ${p} push${is8020 ? ' (the 80/20 rule)' : ''}; above ${sp}${isThirds ? ' the rule of thirds is broken too' : ' (strongMax) it is clearly too much'}. Mixed entries count half.`;
}

interface Acc {
  count: number;
  push: number;
  byMode: Map<ModeKey, number>;
  first?: PlanEntry;
}
function acc(): Acc {
  return { count: 0, push: 0, byMode: new Map() };
}
function add(a: Acc, e: PlanEntry): void {
  a.count++;
  a.push += pushWeight(e.mode?.value);
  const m: ModeKey = e.mode?.value ?? 'unknown';
  a.byMode.set(m, (a.byMode.get(m) ?? 0) + 1);
  if (!a.first) a.first = e;
}

/** A channel as people write it (the core's channelName: the strategy's name, else the entry's cell). */
function channelLabel(project: Project, doc: ParsedDocument, e: PlanEntry): string {
  return channelName(project, e.channel!.id, { doc, entry: e });
}

function buildMix(
  project: Project,
  lang: Lang,
  lim: { max: number; strongMax: number; minEntries: number },
  calendar: PreviewCalendar,
  root: string,
): PreviewMix {
  const row = (key: string, label: string, a: Acc, loc?: PreviewLoc): MixRow => {
    const share = a.count ? a.push / a.count : undefined;
    const state: MixState = a.count < lim.minEntries || share === undefined ? 'few' : share > lim.strongMax ? 'strong' : share > lim.max ? 'over' : 'ok';
    return { key, label, count: a.count, push: a.push, share, state, byMode: modeCounts(a.byMode, lang), loc };
  };
  const total = acc();
  const plans: MixRow[] = [];
  const channels = new Map<string, { label: string; a: Acc }>();
  const months = new Map<string, Acc>();
  for (const doc of project.plans) {
    const a = acc();
    for (const e of doc.plan?.entries ?? []) {
      if (!live(e)) continue;
      add(a, e);
      add(total, e);
      if (e.channel) {
        const k = idKey(e.channel.id);
        let c = channels.get(k);
        if (!c) {
          channels.set(k, (c = { label: channelLabel(project, doc, e), a: acc() }));
        }
        add(c.a, e);
      }
      if (isIsoDate(e.isoDate)) {
        const k = e.isoDate.slice(0, 7);
        let m = months.get(k);
        if (!m) months.set(k, (m = acc()));
        add(m, e);
      }
    }
    plans.push(row(doc.uri, doc.title?.trim() || relPath(doc.uri, root), a, { uri: doc.uri, range: doc.titleRange }));
  }
  const channelRows = [...channels.entries()]
    .sort((x, y) => y[1].a.count - x[1].a.count || (x[0] < y[0] ? -1 : 1))
    .map(([k, c]) => row(k, c.label, c.a, c.a.first?.channel ? { uri: c.a.first.uri, range: c.a.first.channel.range } : undefined));
  // Months: those in the calendar's window (all months when there is no calendar).
  const shown = new Set(calendar.months.map((m) => m.key));
  const allMonths = [...months.keys()].sort();
  const inWindow = shown.size ? allMonths.filter((k) => shown.has(k)) : allMonths.slice(0, MAX_MONTHS);
  const monthRows = inWindow.map((k) => {
    const a = months.get(k)!;
    return row(k, monthLabel(k, lang), a, a.first?.date ? { uri: a.first.uri, range: a.first.date.range } : undefined);
  });
  return {
    ...lim,
    total: row('', lang === 'de' ? 'Gesamt' : 'Total', total),
    plans,
    channels: channelRows.slice(0, MAX_CHANNEL_ROWS),
    months: monthRows,
    omittedChannels: Math.max(0, channelRows.length - MAX_CHANNEL_ROWS),
    omittedMonths: allMonths.length - monthRows.length,
    limitText: limitText(lim.max, lim.strongMax, lang),
  };
}

// ------------------------------------------------------------------ entries and findings

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

interface Flags {
  problems: number;
  worst?: Severity;
  rules: Set<string>;
}

/** Findings whose range lies in an entry's range, per entry. */
function entryFlags(project: Project, findings: Finding[]): Map<PlanEntry, Flags> {
  const out = new Map<PlanEntry, Flags>();
  const byUri = new Map<string, Finding[]>();
  for (const f of findings) {
    const l = byUri.get(f.uri);
    if (l) l.push(f);
    else byUri.set(f.uri, [f]);
  }
  for (const doc of project.plans) {
    const fs = byUri.get(doc.uri);
    if (!fs?.length) continue;
    const entries = [...(doc.plan?.entries ?? [])].sort((a, b) => cmpPos(a.range.start, b.range.start));
    for (const f of fs) {
      // The last entry starting at or before the finding.
      let lo = 0;
      let hi = entries.length - 1;
      let at = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (cmpPos(entries[mid].range.start, f.range.start) <= 0) {
          at = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      // Entries do not nest, but a YAML entry may end where the next begins: look one back too.
      for (const i of [at, at - 1]) {
        const e = entries[i];
        if (!e || cmpPos(e.range.start, f.range.start) > 0 || cmpPos(f.range.end, e.range.end) > 0) continue;
        let fl = out.get(e);
        if (!fl) out.set(e, (fl = { problems: 0, rules: new Set() }));
        fl.problems++;
        fl.rules.add(f.rule);
        if (!fl.worst || SEVERITY_RANK[f.severity] < SEVERITY_RANK[fl.worst]) fl.worst = f.severity;
        break;
      }
    }
  }
  return out;
}

function cmpPos(a: Range['start'], b: Range['start']): number {
  return a.line - b.line || a.character - b.character;
}

function groupFindings(findings: Finding[], lang: Lang, root: string): PreviewFindingGroup[] {
  const groups = new Map<string, PreviewFindingGroup>();
  for (const f of findings) {
    let g = groups.get(f.rule);
    if (!g) {
      const meta = RULES_BY_ID.get(f.rule)?.meta;
      groups.set(f.rule, (g = {
        rule: f.rule,
        severity: f.severity,
        description: meta?.description[lang] ?? '',
        docsUrl: docsUrl(f.rule),
        count: 0,
        items: [],
        more: 0,
      }));
    }
    g.count++;
    if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[g.severity]) g.severity = f.severity;
    if (g.items.length < MAX_FINDINGS_PER_RULE) {
      g.items.push({ severity: f.severity, message: f.message[lang], uri: f.uri, path: relPath(f.uri, root), range: f.range });
    } else g.more++;
  }
  const order = [...RULES_BY_ID.keys()];
  return [...groups.values()].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || order.indexOf(a.rule) - order.indexOf(b.rule) || (a.rule < b.rule ? -1 : 1),
  );
}

// ------------------------------------------------------------------ calendar

function legend(lang: Lang): PreviewCalendar['legend'] {
  return MODE_ORDER.map((m) => ({ mode: m, label: MODE_LABEL[m][lang], letter: MODE_LETTER[m][lang] }));
}


function entryTitle(e: PlanEntry): string {
  return e.title?.value?.trim() || e.format?.value?.trim() || '';
}

function buildCalendar(
  project: Project,
  today: string,
  lang: Lang,
  maxGapDays: number,
  flags: Map<PlanEntry, Flags>,
): PreviewCalendar {
  const base: PreviewCalendar = {
    maxGapDays, months: [], omittedBefore: 0, omittedAfter: 0, undated: 0, outside: 0, gaps: [], omittedGaps: 0, legend: legend(lang),
  };
  const dated: PlanEntry[] = [];
  for (const { entry } of project.entries()) {
    if (!live(entry)) continue;
    if (isIsoDate(entry.isoDate)) dated.push(entry);
    else base.undated++;
  }

  // The period: each plan's own, else the strategy's, else the span of the plan's dated
  // entries; the calendar covers them all. `of` names the weakest source used.
  let period: PreviewCalendar['period'];
  const okPeriod = (p: Period | undefined): p is Period => !!p && isIsoDate(p.start) && isIsoDate(p.end) && p.start <= p.end;
  const sp = project.strategy?.period?.value;
  const rankOf = { plan: 0, strategy: 1, entries: 2 } as const;
  for (const doc of project.plans) {
    let pp: Period | undefined;
    let of: 'plan' | 'strategy' | 'entries' = 'plan';
    if (okPeriod(doc.period?.value)) pp = doc.period!.value;
    else if (okPeriod(sp)) {
      pp = sp;
      of = 'strategy';
    } else {
      let lo: string | undefined;
      let hi: string | undefined;
      for (const e of doc.plan?.entries ?? []) {
        if (!live(e) || !isIsoDate(e.isoDate)) continue;
        if (!lo || e.isoDate < lo) lo = e.isoDate;
        if (!hi || e.isoDate > hi) hi = e.isoDate;
      }
      if (lo && hi) pp = { start: lo, end: hi };
      of = 'entries';
    }
    if (!pp) continue;
    if (!period) period = { start: pp.start, end: pp.end, of };
    else {
      if (pp.start < period.start) period.start = pp.start;
      if (pp.end > period.end) period.end = pp.end;
      if (rankOf[of] > rankOf[period.of]) period.of = of;
    }
  }
  if (!period) return base;
  base.period = period;

  // Months of the period; a window of MAX_MONTHS around today when there are more.
  const first = monthIndex(period.start);
  const last = monthIndex(period.end);
  const total = last - first + 1;
  let from = first;
  let to = last;
  if (total > MAX_MONTHS) {
    const t = monthIndex(today);
    if (t < first) to = first + MAX_MONTHS - 1;
    else if (t > last) from = last - MAX_MONTHS + 1;
    else {
      from = Math.max(first, Math.min(t - Math.floor(MAX_MONTHS / 2) + 1, last - MAX_MONTHS + 1));
      to = from + MAX_MONTHS - 1;
    }
    base.omittedBefore = from - first;
    base.omittedAfter = last - to;
    const parts: string[] = [];
    if (base.omittedBefore) parts.push(`${monthLabel(monthKey(first), lang)} – ${monthLabel(monthKey(from - 1), lang)}`);
    if (base.omittedAfter) parts.push(`${monthLabel(monthKey(to + 1), lang)} – ${monthLabel(monthKey(last), lang)}`);
    const k = base.omittedBefore + base.omittedAfter;
    base.note = lang === 'de'
      ? `Der Zeitraum umfasst ${total} Monate; gezeigt werden ${MAX_MONTHS} (um das heutige Datum). ${k} weitere Monate (${parts.join('; ')}) sind nicht dargestellt.`
      : `The period spans ${total} months; ${MAX_MONTHS} are shown (around today). ${k} more months (${parts.join('; ')}) are not shown.`;
  }
  const winStart = `${monthKey(from)}-01`;
  const winEnd = addDays(`${monthKey(to + 1)}-01`, -1);

  // Entries by day (within the window), counted outside the period.
  const byDay = new Map<string, PlanEntry[]>();
  for (const e of dated) {
    const d = e.isoDate!;
    if (d < period.start || d > period.end) base.outside++;
    if (d < winStart || d > winEnd) continue;
    const l = byDay.get(d);
    if (l) l.push(e);
    else byDay.set(d, [e]);
  }

  // Gaps per plan and channel, as the channel-gap rule counts them.
  const gapDays = new Map<string, Set<string>>();
  const gapStarts = new Map<string, { channel: string; days: number }[]>();
  const gaps: PreviewGap[] = [];
  for (const doc of project.plans) {
    const pp = doc.period?.value ?? project.strategy?.period?.value;
    const per = pp && isIsoDate(pp.start) && isIsoDate(pp.end) ? pp : undefined;
    const byChannel = new Map<string, { id: string; dates: string[] }>();
    for (const e of doc.plan?.entries ?? []) {
      if (!live(e) || !e.channel || !isIsoDate(e.isoDate)) continue;
      const k = idKey(e.channel.id);
      let g = byChannel.get(k);
      if (!g) byChannel.set(k, (g = { id: channelLabel(project, doc, e), dates: [] }));
      g.dates.push(e.isoDate);
    }
    for (const [key, { id, dates }] of byChannel) {
      // The channel's declared cadence, as channel-gap reads it: "as needed" has no gaps.
      const gap = allowedGap(project, key, maxGapDays);
      if (!gap) continue;
      const allowedDays = gap.days;
      dates.sort();
      const found: [string, string, number][] = [];
      if (per && dates[0] > per.start) {
        const days = daysBetween(per.start, dates[0]);
        if (days > allowedDays) found.push([per.start, dates[0], days]);
      }
      for (let i = 1; i < dates.length; i++) {
        const days = daysBetween(dates[i - 1], dates[i]);
        if (days > allowedDays) found.push([dates[i - 1], dates[i], days]);
      }
      const lastDate = dates[dates.length - 1];
      if (per && lastDate < per.end) {
        const days = daysBetween(lastDate, per.end);
        if (days > allowedDays) found.push([lastDate, per.end, days]);
      }
      for (const [a, b, days] of found) {
        if (gaps.length < MAX_GAPS) gaps.push({ planUri: doc.uri, channel: id, from: a, to: b, days });
        else base.omittedGaps++;
        // The silent days, clipped to the window.
        const startSilent = addDays(a, 1) < winStart ? winStart : addDays(a, 1);
        const endSilent = addDays(b, -1) > winEnd ? winEnd : addDays(b, -1);
        if (startSilent > endSilent) continue;
        const firstSilent = addDays(a, 1);
        if (firstSilent >= winStart && firstSilent <= winEnd) {
          const l = gapStarts.get(firstSilent);
          const item = { channel: id, days };
          if (l) l.push(item);
          else gapStarts.set(firstSilent, [item]);
        }
        for (let d = startSilent, guard = 0; d <= endSilent && guard < 800; d = addDays(d, 1), guard++) {
          let s = gapDays.get(d);
          if (!s) gapDays.set(d, (s = new Set()));
          s.add(id);
        }
      }
    }
  }
  base.gaps = gaps;

  // Channels as written ("Instagram"), one label per channel.
  const labels = new Map<string, string>();
  const labelOf = (e: PlanEntry): string | undefined => {
    if (!e.channel) return undefined;
    const k = idKey(e.channel.id);
    let l = labels.get(k);
    if (l === undefined) {
      const doc = project.plans.find((p) => p.uri === e.uri);
      l = doc ? channelLabel(project, doc, e) : e.channel.id;
      labels.set(k, l);
    }
    return l;
  };
  const calEntry = (e: PlanEntry): CalendarEntry => {
    const mode: ModeKey = e.mode?.value ?? 'unknown';
    const fl = flags.get(e);
    return {
      title: entryTitle(e),
      channel: labelOf(e),
      mode,
      modeLabel: MODE_LABEL[mode][lang],
      letter: MODE_LETTER[mode][lang],
      inferred: !!e.mode?.inferred,
      status: e.status?.raw?.trim() || undefined,
      time: e.time?.value?.trim() || undefined,
      link: safeHttpUrl(e.link?.value),
      problems: fl?.problems ?? 0,
      worst: fl?.worst,
      rules: fl ? [...fl.rules] : [],
      loc: { uri: e.uri, range: e.title?.range ?? e.anchor ?? e.range },
    };
  };

  for (let mi = from; mi <= to; mi++) {
    const key = monthKey(mi);
    const firstDay = `${key}-01`;
    const lastDay = addDays(`${monthKey(mi + 1)}-01`, -1);
    // Monday-first weeks: back to the Monday on or before the 1st.
    const dow = (new Date(utcDay(firstDay)).getUTCDay() + 6) % 7;
    let d = addDays(firstDay, -dow);
    const weeks: CalendarDay[][] = [];
    let count = 0;
    let push = 0;
    while (d <= lastDay) {
      const week: CalendarDay[] = [];
      for (let i = 0; i < 7; i++, d = addDays(d, 1)) {
        const inMonth = d.slice(0, 7) === key;
        const list = inMonth ? (byDay.get(d) ?? []) : [];
        if (inMonth) {
          for (const e of list) {
            count++;
            push += pushWeight(e.mode?.value);
          }
        }
        const sorted = [...list].sort((a, b) => (a.time?.value ?? '').localeCompare(b.time?.value ?? '') || a.index - b.index);
        week.push({
          date: d,
          day: Number(d.slice(8, 10)),
          inMonth,
          inPeriod: d >= period.start && d <= period.end,
          today: d === today,
          entries: sorted.slice(0, MAX_PER_DAY).map(calEntry),
          more: Math.max(0, sorted.length - MAX_PER_DAY),
          gaps: inMonth ? [...(gapDays.get(d) ?? [])] : [],
          gapStarts: inMonth ? (gapStarts.get(d) ?? []) : [],
        });
      }
      weeks.push(week);
    }
    base.months.push({ key, label: monthLabel(key, lang), weeks, entries: count, share: count ? push / count : undefined });
  }
  return base;
}
