/**
 * `stratdoc report [paths…] --out report.html`: the preview of each strategy and its
 * plans as one self-contained HTML file (server/src/preview), for pull requests.
 * Reads the same files as `check`; the report is the only file it writes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { todayIso } from '../core/engine';
import type { Lang } from '../core/text';
import { dirnameUri, toPath, toUri } from '../core/uri';
import { buildPreview } from '../preview/model';
import { renderReport } from '../preview/html';
import type { OptionSpec } from './args';
import { collect, collectOld, isIsoDate, startCommand, usageError, type Collected, type Prepared } from './check';
import { safeWrite } from '../core/files';
import { compareWithBaseline } from '../node/baseline';
import { relativeFile } from '../node/diagnostics';
import { fileLinker } from './format/markdown';
import { checkoutOld, type OldTree } from '../node/git';
import { planChange } from '../core/change';
import { Workspace } from '../core/workspace';
import { changeHtml, type ChangeReport } from '../preview/change';
import { isLang, EXIT_OK, type CliIo, type ExitCode } from './io';
import { M, reason } from './messages';
import { defaultJobs } from '../node/parallel';

export const REPORT_OPTIONS: OptionSpec[] = [
  { name: 'out', short: 'o', value: true },
  { name: 'lang', value: true },
  { name: 'config', short: 'c', value: true },
  { name: 'today', value: true },
  { name: 'help', short: 'h', value: false },
  // "What this change does" against a Git revision (docs/cli.md).
  { name: 'base', value: true },
];

export const DEFAULT_REPORT = 'stratdoc-report.html';

export function reportCommand(argv: string[], io: CliIo): ExitCode {
  const started = startCommand(argv, io, REPORT_OPTIONS, M.reportHelp, M.reportHelpHint());
  if (typeof started === 'number') return started;
  const { lang0, positionals, str } = started;
  const lang = str('lang');
  if (lang !== undefined && !isLang(lang)) return usageError(io, lang0, M.badLang(lang), M.reportHelpHint());
  const today = str('today');
  if (today !== undefined && !isIsoDate(today)) return usageError(io, lang0, M.badToday(today), M.reportHelpHint());
  const out = path.resolve(io.cwd, str('out') ?? DEFAULT_REPORT);
  const paths = positionals.length ? positionals : ['.'];

  const base = str('base');
  let oldTree: OldTree | undefined;
  if (base !== undefined) {
    const t = checkoutOld(base, io.cwd);
    if ('error' in t) return usageError(io, lang0, t.error, M.reportHelpHint());
    oldTree = t;
  }
  try {
    const runOpts = { paths, config: str('config'), lang: lang, today: today ?? todayIso(), jobs: defaultJobs() };
    const now = collect(runOpts, io, lang0, M.reportHelpHint());
    if (typeof now === 'number') return now;
    let prelude: string | undefined;
    if (oldTree && base !== undefined) {
      const old = collectOld(oldTree, runOpts, io);
      // On GitHub Actions links to the commit; elsewhere relative to the report's folder.
      const onGithub = fileLinker(io);
      const link = io.env.GITHUB_SHA
        ? onGithub
        : (file: string, line: number) => {
            const rel = path.relative(path.dirname(out), path.resolve(io.cwd, file)).split(path.sep).map(encodeURIComponent).join('/');
            return `${rel.startsWith('..') ? '' : './'}${rel}#L${line}`;
          };
      prelude = changeHtml(changeReport(base, now, old), lang ?? now.prepared.lang, link);
    }
    return writeReport(now.prepared, { out, today: runOpts.today, lang: lang, prelude }, io);
  } finally {
    oldTree?.dispose();
  }
}

/** The plan change and the findings new and fixed between an older run and this one. */
export function changeReport(base: string, now: Collected, old: Collected | undefined): ChangeReport {
  const cmp = compareWithBaseline(now.all, old?.all ?? []);
  const change = planChange(
    old
      ? { ws: old.prepared.ws, pathOf: (u) => relativeFile(u, old.cwd), include: (u) => old.prepared.targetUris.has(u) }
      : { ws: new Workspace(now.prepared.configs), pathOf: (u) => u, include: () => false },
    { ws: now.prepared.ws, pathOf: (u) => relativeFile(u, now.cwd), include: (u) => now.prepared.targetUris.has(u) },
  );
  return { base, change, newFindings: now.all.filter((d) => d.status === 'new'), fixed: cmp.fixed };
}

function writeReport(prepared: Prepared, o: { out: string; today: string; lang?: Lang; prelude?: string }, io: CliIo): ExitCode {
  const { ws, targetUris, firstFolder } = prepared;
  const out = o.out;
  const lang = o.lang;
  const projects = ws.projects().filter((p) => p.documents.some((d) => targetUris.has(d.uri)));
  const opts = {
    today: o.today,
    lang,
    configFor: (u: string) => ws.configs.forDocument(u),
    root: firstFolder,
  };
  const models = projects.map((p) => buildPreview(ws, p, opts));
  const html = renderReport(models, {
    prelude: o.prelude,
    lang: lang ?? prepared.lang,
    linkBase: dirnameUri(toUri(out)),
    exists: (u) => {
      const p = toPath(u);
      return !!p && fs.existsSync(p);
    },
  });
  // The report goes through the core's safe writer (docs/security.md): never over an
  // input, through a temporary file and a rename, so an interrupted run leaves the old file whole.
  const rel = path.relative(io.cwd, out) || out;
  const w = safeWrite(out, html, prepared.inputs);
  if ('refused' in w) {
    const msg = w.refused === 'input' ? M.reportIsInput(rel) : w.refused === 'not-a-file' ? M.reportNotAFile(rel) : M.reportUnwritable(rel, reason(w.code));
    return usageError(io, prepared.lang, msg, M.reportHelpHint());
  }
  if (!models.length) io.stderr(`${M.reportNothing()[prepared.lang]}\n`);
  const findings = models.reduce((n, m) => n + m.findings.reduce((k, g) => k + g.count, 0), 0);
  io.stdout(`${M.reportWritten(rel, models.length, findings)[prepared.lang]}\n`);
  return EXIT_OK;
}
