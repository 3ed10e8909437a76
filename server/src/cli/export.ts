/**
 * `stratdoc export --ics|--csv [paths…] [--out FILE]` (docs/cli.md "Export"): the entries
 * of the plans under the paths as a calendar or a spreadsheet table (core/export.ts), to
 * stdout or to a file. A file is written through a temporary file and a rename, and never
 * over one of the documents or configuration files read.
 */
import * as path from 'node:path';
import { exportRows, toCsv, toIcs, type ExportFormat } from '../core/export';
import type { Lang } from '../core/text';
import { safeWrite } from '../core/files';
import type { OptionSpec } from './args';
import { prepare, startCommand, usageError } from './check';
import { isLang, EXIT_OK, type CliIo, type ExitCode } from './io';
import { M } from './messages';
import { defaultJobs } from '../node/parallel';

export const EXPORT_OPTIONS: OptionSpec[] = [
  { name: 'ics', value: false },
  { name: 'csv', value: false },
  { name: 'out', short: 'o', value: true },
  { name: 'lang', value: true },
  { name: 'config', short: 'c', value: true },
  { name: 'help', short: 'h', value: false },
];

/** The time stamp of the export: SOURCE_DATE_EPOCH (seconds) when set, for reproducible files. */
export function exportStamp(env: CliIo['env']): Date {
  const s = env.SOURCE_DATE_EPOCH;
  return s && /^\d+$/.test(s) ? new Date(Number(s) * 1000) : new Date();
}

export function exportCommand(argv: string[], io: CliIo): ExitCode {
  const started = startCommand(argv, io, EXPORT_OPTIONS, M.exportHelp, M.exportHelpHint());
  if (typeof started === 'number') return started;
  const { lang0, options: o, positionals, str } = started;
  if (o.has('ics') === o.has('csv')) return usageError(io, lang0, M.exportFormat(), M.exportHelpHint());
  const fmt: ExportFormat = o.has('ics') ? 'ics' : 'csv';
  const lang = str('lang');
  if (lang !== undefined && !isLang(lang)) return usageError(io, lang0, M.badLang(lang), M.exportHelpHint());
  const paths = positionals.length ? positionals : ['.'];

  const prepared = prepare({ paths, config: str('config'), lang: lang, jobs: defaultJobs() }, io, lang0, M.exportHelpHint());
  if (typeof prepared === 'number') return prepared;
  const { ws, targetUris } = prepared;

  // The plans under the paths, and the plans of a strategy under the paths.
  const projects = ws.projects().filter((p) => p.documents.some((d) => targetUris.has(d.uri)));
  const plans = new Set<string>();
  for (const p of projects) for (const d of p.plans) if (targetUris.has(d.uri) || (p.strategy && targetUris.has(p.strategy.uri))) plans.add(d.uri);
  const rows = exportRows(projects, plans);
  const first = rows[0]?.plan ?? projects[0]?.plans[0];
  const docLang: Lang = lang ?? first?.language ?? (first ? prepared.langOf(first.uri) : prepared.lang);
  const name = projects[0]?.strategy?.title ?? first?.title ?? 'stratdoc';
  const text = fmt === 'ics' ? toIcs(rows, { name, lang: docLang, stamp: exportStamp(io.env) }) : toCsv(rows, docLang);

  const outOpt = str('out');
  if (outOpt === undefined) {
    io.stdout(text);
    if (!rows.length) io.stderr(`${M.exportNothing()[prepared.lang]}\n`);
    return EXIT_OK;
  }
  const out = path.resolve(io.cwd, outOpt);
  const shown = path.relative(io.cwd, out) || out;
  // The core's safe writer (docs/security.md): never over an input (a document, context,
  // a configuration file), through a temporary file and a rename.
  const w = safeWrite(out, text, prepared.inputs);
  if ('refused' in w) return usageError(io, prepared.lang, M.outRefused(shown, w), M.exportHelpHint());
  io.stdout(`${M.exportWritten(shown, rows.filter((r) => fmt === 'csv' || r.entry.isoDate).length, fmt)[prepared.lang]}\n`);
  return EXIT_OK;
}
