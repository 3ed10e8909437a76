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
import type { ParsedDocument } from '../core/model';
import type { Project } from '../core/project';
import type { Workspace } from '../core/workspace';
import type { ResolvedConfig } from '../core/config';
import { plainRanges, type Lang } from '../core/text';
import { ruleOptions } from '../core/engine';
import { RULES_BY_ID } from '../core/rules';
import { live } from '../core/stats';
import { basenameUri, dirnameUri } from '../core/uri';
import { type MixRow, type PreviewDocument, type PreviewModel } from './types';
export * from './types';
import { type PreviewOptions, type T2, commonFolder, relPath, w } from './model-base';
import { buildGoals, buildSections } from './model-strategy';
import { buildMix, entryFlags, groupFindings, limitText } from './model-plan';
import { buildCalendar, emptyCalendar } from './model-calendar';
export {
  MAX_MONTHS,
  MAX_PER_DAY,
  MAX_FINDINGS_PER_RULE,
  MAX_CHANNEL_ROWS,
  MAX_GAPS,
  MAX_GOALS,
  type PreviewOptions,
  modeLabel,
  modeLetter,
  monthLabel,
  sectionLabel,
} from './model-base';

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
        const target = link.target ? relPath(link.target, root) : (p.plan?.strategyPath?.value ?? '');
        missing.push(
          L(
            w(
              `No strategy: the plan names '${p.plan?.strategyPath?.value ?? target}' as its strategy, but there is no strategy document there. The eight steps and the goals cannot be shown.`,
              `Keine Strategie: Der Plan nennt '${p.plan?.strategyPath?.value ?? target}' als Strategie, dort liegt aber kein Strategiedokument. Die acht Schritte und die Ziele können nicht gezeigt werden.`,
            ),
          ),
        );
      } else {
        missing.push(
          L(
            w(
              'No strategy: this plan has no `strategy:` and there is no strategy document in its folder or above. Add `strategy: <path>` to the plan, or create a strategy with `stratdoc: strategy`. The eight steps and the goals cannot be shown.',
              'Keine Strategie: Dieser Plan hat kein `strategy:` und in seinem Ordner oder darüber liegt kein Strategiedokument. Ergänzen Sie `strategy: <Pfad>` im Plan oder legen Sie eine Strategie mit `stratdoc: strategy` an. Die acht Schritte und die Ziele können nicht gezeigt werden.',
            ),
          ),
        );
      }
    }
  } else {
    const s = project.strategy;
    if (s.format === 'yaml' && s.problems.some((p) => p.rule === 'syntax')) {
      missing.push(
        L(
          w(
            `The strategy '${strategy!.path}' does not parse (a YAML syntax error): what it holds is uncertain until the error is fixed.`,
            `Die Strategie '${strategy!.path}' lässt sich nicht lesen (ein YAML-Syntaxfehler): Was sie enthält, ist unsicher, bis der Fehler behoben ist.`,
          ),
        ),
      );
    }
    if (
      !s.strategy?.sections.length &&
      !s.text
        .replace(/^---[\s\S]*?---/, '')
        .trim()
        .replace(/^#.*$/m, '')
        .trim()
    ) {
      missing.push(
        L(
          w(
            `The strategy '${strategy!.path}' is empty: none of the eight steps is written yet.`,
            `Die Strategie '${strategy!.path}' ist leer: Noch keiner der acht Schritte ist geschrieben.`,
          ),
        ),
      );
    }
    if (!project.plans.length) {
      missing.push(
        L(
          w(
            "No editorial plan: no plan belongs to this strategy yet, so there is no content mix and no calendar. Create a plan (a file ending in `.plan.md` or `.plan.yaml`, or with `stratdoc: plan`) in the strategy's folder, or name the strategy with `strategy: <path>`.",
            'Kein Redaktionsplan: Zu dieser Strategie gehört noch kein Plan, daher gibt es keinen Content-Mix und keinen Kalender. Legen Sie einen Plan an (eine Datei, die auf `.plan.md` oder `.plan.yaml` endet, oder mit `stratdoc: plan`) im Ordner der Strategie, oder nennen Sie die Strategie mit `strategy: <Pfad>`.',
          ),
        ),
      );
    }
  }
  for (const p of project.plans) {
    if (!p.plan?.entries.length) {
      missing.push(
        L(
          w(
            `The plan '${relPath(p.uri, root)}' has no entries yet${p.format === 'markdown' ? ' (a table with columns such as Date, Channel, Title, Mode, Goal)' : ' (an `entries:` list)'}.`,
            `Der Plan '${relPath(p.uri, root)}' hat noch keine Einträge${p.format === 'markdown' ? ' (eine Tabelle mit Spalten wie Datum, Kanal, Thema, Modus, Ziel)' : ' (eine Liste `entries:` bzw. `einträge:`)'}.`,
          ),
        ),
      );
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
    missing.push(
      L(
        w(
          'No entry has a date, so the calendar is empty. Write dates as YYYY-MM-DD.',
          'Kein Eintrag hat ein Datum, daher ist der Kalender leer. Schreiben Sie Daten als JJJJ-MM-TT.',
        ),
      ),
    );
  }

  const grouped = groupFindings(findings, lang, root);
  const totals = { errors: 0, warnings: 0, infos: 0, hints: 0, entries: entries.length };
  for (const f of findings) {
    if (f.severity === 'error') totals.errors++;
    else if (f.severity === 'warning') totals.warnings++;
    else if (f.severity === 'information') totals.infos++;
    else totals.hints++;
  }

  // Plain data to the end: the webview gets it as a structured clone (core/text.ts plainRanges).
  return plainRanges({
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
  });
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
  model.missing.push(
    lang === 'de'
      ? `'${relPath(uri, root)}' ist weder eine Strategie noch ein Redaktionsplan. Beginnen Sie die Datei mit der Front Matter \`stratdoc: strategy\` oder \`stratdoc: plan\` (oder nennen Sie sie \`*.strategy.md\` bzw. \`*.plan.md\`).`
      : `'${relPath(uri, root)}' is neither a strategy nor an editorial plan. Start the file with the front matter \`stratdoc: strategy\` or \`stratdoc: plan\` (or name it \`*.strategy.md\` or \`*.plan.md\`).`,
  );
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
      max,
      strongMax,
      minEntries: opt('push-ratio', 'minEntries', 10),
      total,
      plans: [],
      channels: [],
      months: [],
      omittedChannels: 0,
      omittedMonths: 0,
      limitText: limitText(max, strongMax, lang),
    },
    calendar: emptyCalendar(opt('channel-gap', 'maxGapDays', 14), lang),
    findings: [],
    totals: { errors: 0, warnings: 0, infos: 0, hints: 0, entries: 0 },
  };
}
