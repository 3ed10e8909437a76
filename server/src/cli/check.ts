/**
 * `stratdoc check [paths…]`: reads the documents under the paths (and the rest of their
 * project as context), runs the rules through the core Workspace and prints the findings
 * of the files under the paths. Writes only with `--fix` (the safe fixes, cli/fix.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigResolver } from '../core/config';
import { isIsoDate, todayIso } from '../core/dates';
import { applyRead, isConfigFileName, isInside, readConfigFile, realFolder, walkDocuments, type WalkEntry, type WalkProblem } from '../core/files';
import type { Lang, Text } from '../core/text';
import { toPath, toUri } from '../core/uri';
import { Workspace } from '../core/workspace';
import { parseArgs, type OptionSpec } from './args';
import { compareDiagnostics, countSeverities, fromFinding, fromSkipped, numberFingerprints, relativeFile, type CliDiagnostic } from '../node/diagnostics';
import { compareWithBaseline, readBaseline, BASELINE, type BaselineFinding } from '../node/baseline';
import { checkoutOld, type OldTree } from '../node/git';
import { fileLinker } from './format/markdown';
import { planChange } from '../core/change';
import { errorCode, projectRoot } from './files';
import { applyFixes } from './fix';
import { format, isFormat, type FormatName } from './format';
import { earlyLang, envLang, isLang, useColour, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo, type ExitCode } from './io';
import { M } from './messages';
import { defaultJobs, runJobs, type ReadJob } from './parallel';
import { configResolver, folderUri, languageOf, ProjectChecker, type CheckContext } from './projects';
import { progressLine, type Progress } from './progress';
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

/**
 * Reads the files: those under the given paths are targets (checked and reported); the
 * other documents under the paths' project roots are read as context only, so plans find
 * their strategy and cross-file rules see the whole project. Each file is read once,
 * through the core file policy (server/src/core/files; docs/security.md), the same one
 * the language server uses: nothing outside a project root is read.
 *
 * With `read.keep` every document lands in the Workspace; without it the projects that
 * hold a target are checked where their documents were read (cli/parallel.ts) and only
 * their diagnostics come back, the Workspace holding what is no document.
 */
export function loadFiles(
  given: { abs: string; isDir: boolean; root: string }[],
  roots: string[],
  configs: ConfigResolver,
  explicitConfig?: string,
  read: ReadOptions = {},
): { ws: Workspace; targetUris: Set<string>; walkProblems: WalkProblem[]; inputs: Set<string>; documents: number; diagnostics: CliDiagnostic[] } {
  const walkProblems: WalkProblem[] = [];
  const targets = new Map<string, WalkEntry & { boundary: string }>();
  for (const g of given) {
    const boundary = realFolder(g.root);
    if (g.isDir) {
      const r = walkDocuments(g.abs, { boundary });
      walkProblems.push(...r.problems);
      for (const e of r.entries) targets.set(e.path, { ...e, boundary });
    } else targets.set(g.abs, { path: g.abs, status: 'file', boundary });
  }
  const context = new Map<string, WalkEntry & { boundary: string }>();
  for (const r of roots) {
    if (given.some((g) => g.isDir && isInside(r, g.abs))) continue; // walked already
    const boundary = realFolder(r);
    for (const e of walkDocuments(r, { boundary }).entries) if (!targets.has(e.path)) context.set(e.path, { ...e, boundary });
  }

  const ws = new Workspace(configs);
  const targetUris = new Set<string>();
  const inputs = new Set<string>();
  // Context first, then the targets, each by path: the order a document enters the
  // Workspace in is the same however many threads read them.
  const byPath = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const jobs: ReadJob[] = [];
  for (const [list, isTarget] of [
    [context, false],
    [targets, true],
  ] as const) {
    for (const [, e] of [...list].sort(byPath)) {
      if (isConfigFileName(path.basename(e.path)) || e.path === explicitConfig) continue;
      const uri = toUri(e.path);
      if (isTarget) targetUris.add(uri);
      inputs.add(e.path);
      const cfg = configs.forDocument(uri);
      // The options Workspace.set would parse with: the threads parse for it.
      jobs.push({ file: e.path, uri, boundary: e.boundary, maxFileSize: cfg.maxFileSize, ...ws.parseOptions(uri, cfg), report: isTarget });
    }
  }
  // Read, parse and check on every thread allowed (cli/parallel.ts); take the results in order.
  const run = runJobs(jobs, {
    threads: read.jobs ?? 1,
    keep: read.keep !== false,
    ctx: read.ctx,
    checker: read.checker,
    onRead: read.progress && ((n) => read.progress!(n, jobs.length)),
    onChecking: read.checking,
  });
  jobs.forEach((j, i) => {
    const d = run.read[i];
    if (d) applyRead(ws, j.uri, d.r, { report: j.report }, d.doc);
  });
  const documents = jobs.filter((j, i) => j.report && run.isDocument[i]).length;
  read.debug?.(`read ${jobs.length} files on ${run.threads} thread${run.threads === 1 ? '' : 's'}`);
  const c = run.checked;
  if (read.keep === false) read.debug?.(`checked ${c.workers} projects on workers, ${c.here} here, ${c.gathered} sent here (${c.early} as soon as read)`);
  return { ws, targetUris, walkProblems, inputs, documents, diagnostics: run.diagnostics };
}

/** How files are read: threads (--jobs, this one included) and a progress callback. */
export interface ReadOptions {
  jobs?: number;
  progress?: (done: number, total: number) => void;
  /** Once every file is read, before the checks. */
  checking?: (documents: number) => void;
  /** Every document's model in the Workspace (default); false: check the projects where they were read. */
  keep?: boolean;
  /** Without `keep`: how to check (made by prepare). */
  ctx?: CheckContext;
  checker?: ProjectChecker;
  /** With STRATDOC_DEBUG set: how the files were read (tests check that workers ran). */
  debug?: (line: string) => void;
}

export interface Prepared {
  ws: Workspace;
  /** Every file read (documents, context and configuration): never a file to write. */
  inputs: Set<string>;
  targetUris: Set<string>;
  walkProblems: WalkProblem[];
  configs: ConfigResolver;
  explicit?: { path: string; uri: string; text: string | { error: Text } };
  /** Folder URI of the first path. */
  firstFolder: string;
  /** The language of the CLI's own texts. */
  lang: Lang;
  /** The language of a document's messages. */
  langOf: (uri: string) => Lang;
  /** Targets that are documents. */
  documents: number;
  /** Without `keep`: the diagnostics of the projects that hold a target, checked on their threads. */
  diagnostics: CliDiagnostic[];
  /** How findings are worded (the language of what is no document). */
  ctx: CheckContext;
}

/**
 * What `check` and `report` share: every given path must exist and be readable, the
 * configuration (--config FILE, else the nearest .stratdoc.yaml of each document), and
 * the documents read into a Workspace. A usage error returns its exit code.
 */
export function prepare(
  opts: { paths: string[]; config?: string; lang?: Lang; today?: string } & Omit<ReadOptions, 'ctx' | 'checker'>,
  io: CliIo,
  lang0: Lang,
  hint: Text,
): Prepared | ExitCode {
  // Every given path must exist and be readable.
  const given: { abs: string; isDir: boolean; root: string }[] = [];
  for (const p of opts.paths) {
    const abs = path.resolve(io.cwd, p);
    try {
      const st = fs.statSync(abs);
      if (st.isDirectory()) fs.readdirSync(abs);
      // Non-blocking: a FIFO named as a path must not make the run wait for a writer.
      else fs.closeSync(fs.openSync(abs, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0)));
      given.push({ abs, isDir: st.isDirectory(), root: projectRoot(abs, st.isDirectory()) });
    } catch (e) {
      const code = errorCode(e);
      const msg = code === 'ENOENT' || code === 'ENOTDIR' ? M.pathMissing(p) : M.pathUnreadable(p, code);
      return usageError(io, lang0, msg, hint);
    }
  }

  // The configuration: --config FILE, else the nearest .stratdoc.yaml of each document.
  let explicit: { path: string; uri: string; text: string | { error: Text } } | undefined;
  if (opts.config !== undefined) {
    const abs = path.resolve(io.cwd, opts.config);
    // The --config file is read under the same policy as any configuration file (a FIFO
    // or a device is refused, not waited on); only a missing or unreadable one stops the run.
    try {
      if (fs.statSync(abs).isDirectory()) return usageError(io, lang0, M.configUnreadable(opts.config, 'EISDIR'), hint);
    } catch (e) {
      return usageError(io, lang0, M.configUnreadable(opts.config, errorCode(e)), hint);
    }
    const r = readConfigFile(abs);
    explicit = { path: abs, uri: toUri(abs), text: r === undefined ? '' : r };
  }
  const roots = [...new Set(given.map((g) => g.root))];
  const source = { explicit, roots };
  const configs = configResolver(source);
  const first = given[0];
  const firstFolder = folderUri(first.isDir ? first.abs : path.dirname(first.abs));
  // The CLI's own texts follow the first path; each finding speaks the language of its
  // document's configuration (a German and an English project checked together each get theirs).
  const fallback: Lang = envLang(io.env) ?? 'en';
  const lang: Lang = opts.lang ?? configs.forFolder(firstFolder).language ?? fallback;
  const ctx: CheckContext = { today: opts.today ?? todayIso(), cwd: io.cwd, lang: opts.lang, fallback, config: source };

  const debug = io.env.STRATDOC_DEBUG ? (line: string) => io.stderr(`stratdoc: ${line}\n`) : undefined;
  const { ws, targetUris, walkProblems, inputs, documents, diagnostics } = loadFiles(given, roots, configs, explicit?.path, {
    ...opts,
    ctx,
    checker: new ProjectChecker(ctx, configs),
    debug,
  });
  if (explicit) inputs.add(explicit.path);
  for (const u of configs.files()) {
    const p = toPath(u);
    if (p) inputs.add(p);
  }
  // Each finding speaks its document's language (docs/cli.md "Language", cli/projects.ts languageOf).
  const memo = new Map<string, Lang>();
  const langOf = (uri: string): Lang => {
    let l = memo.get(uri);
    if (l) return l;
    const doc = ws.get(uri);
    l = languageOf(ctx, configs, uri, doc, doc?.kind === 'plan' ? ws.projectOf(uri)?.strategy : undefined);
    memo.set(uri, l);
    return l;
  };
  return { ws, inputs, targetUris, walkProblems, configs, explicit, firstFolder, lang, langOf, documents, diagnostics, ctx };
}

/** The findings of a run: every finding of the targets, sorted, with fingerprints. */
export interface Collected {
  /** The folder the file names are relative to. */
  cwd: string;
  prepared: Prepared;
  all: CliDiagnostic[];
  documents: number;
  /** Files that look like plans or strategies but have no marker (rule unmarked-document). */
  unmarked: string[];
}

/**
 * Reads and checks the paths; every finding of the targets (before --quiet), fingerprinted.
 * `keep` (default): every model stays in `prepared.ws` (report, the plan change); false:
 * the projects are checked on the threads that read them and only the findings are kept.
 */
export function collect(
  opts: { paths: string[]; config?: string; lang?: Lang; today: string; jobs?: number },
  io: CliIo,
  lang0: Lang,
  hint: Text,
  progress?: Progress,
  keep = true,
): Collected | ExitCode {
  const prepared = prepare({ ...opts, progress: progress?.reading, checking: progress && ((n) => progress.checking(n)), keep }, io, lang0, hint);
  if (typeof prepared === 'number') {
    progress?.done();
    return prepared;
  }
  const { ws, targetUris, configs, ctx } = prepared;
  const checker = new ProjectChecker(ctx, configs);
  // Check the projects that hold a target; report only the targets' findings.
  const all: CliDiagnostic[] = keep ? [] : prepared.diagnostics;
  if (keep) {
    for (const p of ws.projects()) {
      if (!p.documents.some((d) => targetUris.has(d.uri))) continue;
      all.push(...checker.diagnostics(p, ws.checkProject(p, opts.today), (u) => targetUris.has(u)));
    }
  }
  const langOf = (uri: string) => languageOf(ctx, configs, uri);
  for (const s of ws.skippedFiles()) if (targetUris.has(s.uri)) all.push(fromSkipped(s, io.cwd, langOf(s.uri), checker.rootOf(s.uri)));
  // Files that look like a plan or strategy but carry no marker: one notice each, named at the end.
  const unmarked: string[] = [];
  for (const f of ws.unmarkedFindings()) {
    if (!targetUris.has(f.uri)) continue;
    const d = fromFinding(f, io.cwd, langOf(f.uri), '', checker.rootOf(f.uri));
    all.push(d);
    unmarked.push(d.file);
  }
  all.sort(compareDiagnostics);
  numberFingerprints(all);
  progress?.done();
  return { cwd: io.cwd, prepared, all, documents: prepared.documents, unmarked: unmarked.sort() };
}

export { rootOf } from './projects';

/** A run in the documents of an older revision, quietly (its problems are not this run's). */
export function collectOld(
  old: OldTree,
  opts: { paths: string[]; config?: string; lang?: Lang; today: string; jobs?: number },
  io: CliIo,
  lang0: Lang,
  hint: Text,
  keep = true,
): Collected | undefined {
  const paths = opts.paths.filter((p) => fs.existsSync(path.resolve(old.cwd, p)));
  const config = opts.config !== undefined ? path.resolve(io.cwd, opts.config) : undefined;
  if (!paths.length) return undefined;
  const quiet: CliIo = { ...io, cwd: old.cwd, stdout: () => {}, stderr: () => {} };
  const r = collect({ ...opts, paths, config }, quiet, lang0, hint, undefined, keep);
  return typeof r === 'number' ? undefined : r;
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
      old = collectOld(oldTree, opts, io, lang0, hint, keep);
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
  io.stdout(
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
  );

  let code: ExitCode = counts.error > 0 || fixFailed ? EXIT_PROBLEMS : EXIT_OK;
  if (opts.maxWarnings !== undefined && counts.warning > opts.maxWarnings) {
    io.stderr(`${M.tooManyWarnings(counts.warning, opts.maxWarnings)[lang]}\n`);
    code = EXIT_PROBLEMS;
  }
  return code;
}
