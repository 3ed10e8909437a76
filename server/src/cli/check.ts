/**
 * `stratdoc check [paths…]`: reads the documents under the paths (and the rest of their
 * project as context), runs the rules through the core Workspace and prints the findings
 * of the files under the paths. Writes only with `--fix` (the safe fixes, cli/fix.ts).
 */
import * as path from 'node:path';
import { isIsoDate, todayIso } from '../core/dates';
import type { Lang, Text } from '../core/text';
import { parseArgs, type OptionSpec } from './args';
import { countSeverities, relativeFile } from '../node/diagnostics';
import { compareWithBaseline, readBaseline, BASELINE, type BaselineFinding } from '../node/baseline';
import { checkoutOld, type OldTree } from '../node/git';
import { fileLinker } from './format/markdown';
import { planChange } from '../core/change';
import { applyFixes } from './fix';
import { format, isFormat, writePieces, type FormatName } from './format';
import { earlyLang, isLang, useColour, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo, type ExitCode } from './io';
import { M } from './messages';
import { defaultJobs } from '../node/parallel';
import * as onDisk from '../node/collect';
import type { Collected, Prepared } from '../node/collect';
import { progressLine } from './progress';
import { VERSION } from './version';

export const CHECK_OPTIONS: OptionSpec[] = [
  { name: 'format', short: 'f', value: true },
  { name: 'lang', value: true },
  { name: 'config', short: 'c', value: true },
  { name: 'max-warnings', value: true },
  { name: 'quiet', short: 'q', value: false },
  { name: 'today', value: true },
  { name: 'fix', value: false },
  { name: 'fix-dry-run', value: false },
  { name: 'help', short: 'h', value: false },
  // Only what is new (docs/cli.md "Changes, not the whole plan").
  { name: 'baseline', value: true },
  { name: 'changed-since', value: true },
  // Threads for reading and parsing (docs/cli.md "Many files").
  { name: 'jobs', short: 'j', value: true },
];

export interface CheckOptions {
  format: FormatName;
  lang?: Lang;
  config?: string;
  maxWarnings?: number;
  quiet: boolean;
  today: string;
  paths: string[];
  /** `--fix` writes the safe fixes, `--fix-dry-run` prints them as a diff. */
  fix?: 'write' | 'dry-run';
  /** A previous `--format json` output. */
  baseline?: string;
  /** A Git revision. */
  changedSince?: string;
  /** Threads for reading and parsing, this one included (default: the cores). */
  jobs: number;
}

/** Prints a usage error with a hint and returns exit code 2. */
export function usageError(io: CliIo, lang: Lang, message: Text, hint: Text): ExitCode {
  io.stderr(`stratdoc: ${message[lang]}\n${hint[lang]}\n`);
  return EXIT_USAGE;
}

/** A command with its options read: `str(name)` gives an option's value, if one was given. */
export interface Started {
  lang0: Lang;
  options: Map<string, string | true>;
  positionals: string[];
  str: (name: string) => string | undefined;
}

/**
 * The start every subcommand shares: the options read by `specs`, a usage error (with
 * `hint`) or `--help` (printing `help`) answered. A number is the exit code to return.
 */
export function startCommand(argv: string[], io: CliIo, specs: OptionSpec[], help: () => Text, hint: Text): Started | ExitCode {
  const lang0 = earlyLang(argv, io.env);
  const parsed = parseArgs(argv, specs);
  if ('error' in parsed) return usageError(io, lang0, parsed.error, hint);
  if (parsed.options.has('help')) {
    io.stdout(help()[lang0]);
    return EXIT_OK;
  }
  const str = (k: string) => {
    const v = parsed.options.get(k);
    return typeof v === 'string' ? v : undefined;
  };
  return { lang0, options: parsed.options, positionals: parsed.positionals, str };
}

export { isIsoDate } from '../core/dates';

/** Reads and validates the options; a Text on bad usage. */
export function readCheckOptions(argv: string[]): CheckOptions | { help: true } | { error: Text } {
  const parsed = parseArgs(argv, CHECK_OPTIONS);
  if ('error' in parsed) return parsed;
  const o = parsed.options;
  if (o.has('help')) return { help: true };
  const str = (k: string) => {
    const v = o.get(k);
    return typeof v === 'string' ? v : undefined;
  };
  const fmt = str('format') ?? 'stylish';
  if (!isFormat(fmt)) return { error: M.badFormat(fmt) };
  const lang = str('lang');
  if (lang !== undefined && !isLang(lang)) return { error: M.badLang(lang) };
  const mw = str('max-warnings');
  if (mw !== undefined && !/^\d+$/.test(mw.trim())) return { error: M.badNumber('--max-warnings', mw) };
  const today = str('today');
  if (today !== undefined && !isIsoDate(today)) return { error: M.badToday(today) };
  if (o.has('fix') && o.has('fix-dry-run')) return { error: M.fixBoth() };
  const jobs = str('jobs');
  if (jobs !== undefined && !(/^\d+$/.test(jobs.trim()) && Number(jobs.trim()) >= 1)) return { error: M.badJobs(jobs) };
  return {
    format: fmt,
    lang: lang,
    config: str('config'),
    maxWarnings: mw === undefined ? undefined : Number(mw.trim()),
    quiet: o.has('quiet'),
    today: today ?? todayIso(),
    paths: parsed.positionals.length ? parsed.positionals : ['.'],
    fix: o.has('fix') ? 'write' : o.has('fix-dry-run') ? 'dry-run' : undefined,
    baseline: str('baseline'),
    changedSince: str('changed-since'),
    jobs: jobs === undefined ? defaultJobs() : Number(jobs.trim()),
  };
}

export { collectOld, loadFiles, rootOf, type Collected, type Prepared, type ReadOptions } from '../node/collect';

/**
 * What `check`, `report`, `export` and `convert` share (node/collect.ts prepare): the
 * documents read into a Workspace; a bad path or --config file is a usage error.
 */
export function prepare(opts: Parameters<typeof onDisk.prepare>[0], io: CliIo, lang0: Lang, hint: Text): Prepared | ExitCode {
  const r = onDisk.prepare(opts, io);
  return 'error' in r ? usageError(io, lang0, r.error, hint) : r;
}

/** Reads and checks the paths (node/collect.ts collect); a bad path is a usage error. */
export function collect(
  opts: { paths: string[]; config?: string; lang?: Lang; today: string; jobs?: number },
  io: CliIo,
  lang0: Lang,
  hint: Text,
  progress?: onDisk.Progress,
  keep = true,
): Collected | ExitCode {
  const r = onDisk.collect(opts, io, progress, keep);
  return 'error' in r ? usageError(io, lang0, r.error, hint) : r;
}

export function checkCommand(argv: string[], io: CliIo): ExitCode {
  const lang0 = earlyLang(argv, io.env);
  const opts = readCheckOptions(argv);
  if ('error' in opts) return usageError(io, lang0, opts.error, M.checkHelpHint());
  if ('help' in opts) {
    io.stdout(M.checkHelp()[lang0]);
    return EXIT_OK;
  }
  const hint = M.checkHelpHint();
  if (opts.baseline !== undefined && opts.changedSince !== undefined) return usageError(io, lang0, BASELINE.both(), hint);
  let fixFailed = false;

  if (opts.fix) {
    // Fix first, then check what is left from the files as written (cli/fix.ts).
    const prepared = prepare({ ...opts, progress: undefined }, io, lang0, hint);
    if (typeof prepared === 'number') return prepared;
    const fixed = applyFixes(prepared.ws, prepared.targetUris, opts.today, opts.fix === 'dry-run', io, prepared.lang);
    if (opts.fix === 'dry-run') return fixed.files.length ? EXIT_PROBLEMS : EXIT_OK;
    fixFailed = fixed.failed;
  }

  // The baseline: a previous JSON output, or the same check on the documents of a revision.
  let baseline: BaselineFinding[] | undefined;
  let old: Collected | undefined;
  if (opts.baseline !== undefined) {
    const b = readBaseline(opts.baseline, io.cwd);
    if ('error' in b) return usageError(io, lang0, b.error, hint);
    baseline = b;
  }
  let oldTree: OldTree | undefined;
  if (opts.changedSince !== undefined) {
    const t = checkoutOld(opts.changedSince, io.cwd);
    if ('error' in t) return usageError(io, lang0, t.error, hint);
    oldTree = t;
  }
  // Progress on a terminal, never for machine-read output (docs/cli.md "Many files").
  const progress = progressLine(io, opts.lang ?? lang0, opts.format !== 'json' && opts.format !== 'sarif');
  try {
    // The models stay only where the plan change needs them (docs/decisions.md "Many files").
    const keep = oldTree !== undefined && opts.format === 'markdown';
    const run = collect(opts, io, lang0, hint, progress, keep);
    if (typeof run === 'number') return run;
    if (oldTree) {
      old = onDisk.collectOld(oldTree, opts, io, keep);
      baseline = old?.all ?? [];
    }
    return finishCheck(opts, io, run, baseline, old, fixFailed);
  } finally {
    // Also when something threw: the internal error's words must not land on the progress line.
    progress.done();
    oldTree?.dispose();
  }
}

function finishCheck(
  opts: CheckOptions,
  io: CliIo,
  run: Collected,
  baseline: BaselineFinding[] | undefined,
  old: Collected | undefined,
  fixFailed: boolean,
): ExitCode {
  const { ws, targetUris, walkProblems, configs, explicit, firstFolder, lang } = run.prepared;
  const comparison = baseline ? compareWithBaseline(run.all, baseline) : undefined;
  const listed = opts.quiet ? run.all.filter((d) => d.severity === 'error') : run.all;
  // Against a baseline only the new findings are reported and counted.
  const shown = comparison ? listed.filter((d) => d.status === 'new') : listed;

  // Configuration problems and unreadable folders: warnings on stderr; the run goes on.
  // Only configuration files that apply to the given paths count (not those of context files).
  const relevant = new Set<string | undefined>([explicit?.uri, configs.forFolder(firstFolder).uri]);
  for (const u of targetUris) relevant.add(configs.forDocument(u).uri);
  const warn = M.warningLabel()[lang];
  for (const p of configs.problems().filter((x) => relevant.has(x.uri))) {
    io.stderr(`${relativeFile(p.uri, io.cwd)}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${warn}: ${p.message[lang]}\n`);
  }
  for (const w of walkProblems) io.stderr(`stratdoc: ${warn}: ${M.folderUnreadable(path.relative(io.cwd, w.folder) || '.', w.error)[lang]}\n`);

  const counts = countSeverities(shown);
  const change =
    old && opts.format === 'markdown'
      ? planChange(
          { ws: old.prepared.ws, pathOf: (u) => relativeFile(u, old.cwd), include: (u) => old.prepared.targetUris.has(u) },
          { ws, pathOf: (u) => relativeFile(u, io.cwd), include: (u) => targetUris.has(u) },
        )
      : undefined;
  writePieces(
    format(opts.format, shown, {
      lang,
      colour: useColour(io),
      documents: run.documents,
      counts,
      quiet: opts.quiet,
      version: VERSION,
      all: listed,
      baseline: comparison ? { fixed: comparison.fixed, unchanged: comparison.unchanged, since: opts.changedSince } : undefined,
      change,
      link: fileLinker(io),
      unmarked: run.unmarked,
    }),
    (s) => io.stdout(s),
  );

  let code: ExitCode = counts.error > 0 || fixFailed ? EXIT_PROBLEMS : EXIT_OK;
  if (opts.maxWarnings !== undefined && counts.warning > opts.maxWarnings) {
    io.stderr(`${M.tooManyWarnings(counts.warning, opts.maxWarnings)[lang]}\n`);
    code = EXIT_PROBLEMS;
  }
  return code;
}
