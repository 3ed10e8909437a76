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
import { parseArgs, type OptionSpec } from './args';
import { isIsoDate, prepare, usageError } from './check';
import { safeWrite } from '../core/files';
import { earlyLang, isLang, EXIT_OK, type CliIo, type ExitCode } from './io';
import { M, reason } from './messages';

export const REPORT_OPTIONS: OptionSpec[] = [
  { name: 'out', short: 'o', value: true },
  { name: 'lang', value: true },
  { name: 'config', short: 'c', value: true },
  { name: 'today', value: true },
  { name: 'help', short: 'h', value: false },
];

export const DEFAULT_REPORT = 'stratdoc-report.html';

export function reportCommand(argv: string[], io: CliIo): ExitCode {
  const lang0 = earlyLang(argv, io.env);
  const parsed = parseArgs(argv, REPORT_OPTIONS);
  if ('error' in parsed) return usageError(io, lang0, parsed.error, M.reportHelpHint());
  const o = parsed.options;
  if (o.has('help')) {
    io.stdout(M.reportHelp()[lang0]);
    return EXIT_OK;
  }
  const str = (k: string) => {
    const v = o.get(k);
    return typeof v === 'string' ? v : undefined;
  };
  const lang = str('lang');
  if (lang !== undefined && !isLang(lang)) return usageError(io, lang0, M.badLang(lang), M.reportHelpHint());
  const today = str('today');
  if (today !== undefined && !isIsoDate(today)) return usageError(io, lang0, M.badToday(today), M.reportHelpHint());
  const out = path.resolve(io.cwd, str('out') ?? DEFAULT_REPORT);
  const paths = parsed.positionals.length ? parsed.positionals : ['.'];

  const prepared = prepare({ paths, config: str('config'), lang: lang as Lang | undefined }, io, lang0, M.reportHelpHint());
  if (typeof prepared === 'number') return prepared;
  const { ws, targetUris, firstFolder } = prepared;

  const projects = ws.projects().filter((p) => p.documents.some((d) => targetUris.has(d.uri)));
  const opts = {
    today: today ?? todayIso(),
    lang: lang as Lang | undefined,
    configFor: (u: string) => ws.configs.forDocument(u),
    root: firstFolder,
  };
  const models = projects.map((p) => buildPreview(ws, p, opts));
  const html = renderReport(models, {
    lang: (lang as Lang | undefined) ?? prepared.lang,
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


