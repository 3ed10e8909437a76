/**
 * A run over files on disk, shared by the CLI (`check`, `report`, `export`, `convert`) and
 * the server's "What this change does" (service/change.ts): the given paths and the rest
 * of their projects read into a core Workspace (through the core file policy,
 * docs/security.md), checked, and every finding of the targets fingerprinted
 * (docs/cli.md "Fingerprints"). Nothing here prints; a bad path is returned as a Text
 * for the caller to report.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigResolver } from '../core/config';
import { todayIso } from '../core/dates';
import { applyRead, isConfigFileName, isInside, readConfigFile, realFolder, walkDocuments, type WalkEntry, type WalkProblem } from '../core/files';
import { reason } from '../core/files';
import type { Lang, Text } from '../core/text';
import { t } from '../core/text';
import { toPath, toUri } from '../core/uri';
import { Workspace } from '../core/workspace';
import { compareDiagnostics, fromFinding, fromSkipped, numberFingerprints, type CliDiagnostic } from './diagnostics';
import { envLang } from './env';
import { errorCode, projectRoot } from './files';
import type { OldTree } from './git';
import { prestartWorkers, runJobs, type ReadJob } from './parallel';
import { configResolver, folderUri, languageOf, ProjectChecker, type CheckContext } from './projects';

/** What a run sees of the process: its folder and environment (the CLI's CliIo is one). */
export interface RunIo {
  cwd: string;
  env: Record<string, string | undefined>;
  /** Where STRATDOC_DEBUG lines go; without it a run is quiet. */
  stderr?(s: string): void;
}

/** Progress of a long run (the CLI's terminal line, cli/progress.ts). */
export interface Progress {
  reading: (done: number, total: number) => void;
  checking(documents: number): void;
  /** Wipes the line (before anything else is written). */
  done(): void;
}

/** Why a given path or --config file cannot be used. */
export const PATHS = {
  missing: (p: string): Text => t(`path not found: ${p}`, `Pfad nicht gefunden: ${p}`),
  unreadable: (p: string, code: string): Text => t(`cannot read ${p} (${reason(code).en}).`, `${p} lässt sich nicht lesen (${reason(code).de}).`),
  configUnreadable: (p: string, code: string): Text =>
    t(`cannot read the configuration file ${p} (${reason(code).en}).`, `die Konfigurationsdatei ${p} lässt sich nicht lesen (${reason(code).de}).`),
};

/**
 * Reads the files: those under the given paths are targets (checked and reported); the
 * other documents under the paths' project roots are read as context only, so plans find
 * their strategy and cross-file rules see the whole project. Each file is read once,
 * through the core file policy (server/src/core/files; docs/security.md), the same one
 * the language server uses: nothing outside a project root is read.
 *
 * With `read.keep` every document lands in the Workspace; without it the projects that
 * hold a target are checked where their documents were read (node/parallel.ts) and only
 * their diagnostics come back, the Workspace holding what is no document.
 */
export function loadFiles(
  given: { abs: string; isDir: boolean; root: string }[],
  roots: string[],
  configs: ConfigResolver,
  explicitConfig?: string,
  read: ReadOptions = {},
): { ws: Workspace; targetUris: Set<string>; walkProblems: WalkProblem[]; inputs: Set<string>; documents: number; diagnostics: CliDiagnostic[] } {
  // A folder to check: the workers load while its files are listed (node/parallel.ts prestartWorkers).
  if ((read.jobs ?? 1) > 1 && given.some((g) => g.isDir)) prestartWorkers(read.jobs!);
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
  // Read, parse and check on every thread allowed (node/parallel.ts); take the results in order.
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
  read.debug?.(`read ${jobs.length} files on ${run.threads} thread${run.threads === 1 ? '' : 's'} (${run.readOnWorkers} on workers)`);
  const c = run.checked;
  if (read.keep === false) read.debug?.(`checked ${c.workers} projects on workers, ${c.here} here, ${c.gathered} sent here (${c.early} as soon as read)`);
  if (read.keep === false && run.threads > 1) read.debug?.(`workers checked ${c.triedOnWorkers} projects as soon as read (kept or not)`);
  const tm = run.times;
  const ms = (t: number | undefined) => (t === undefined ? '-' : t.toFixed(0));
  read.debug?.(
    `ms since start: files listed ${ms(tm.begun)}, a worker's first file ${ms(tm.firstFromWorker)}, this thread's last group read ${ms(tm.readHere)}, all read ${ms(tm.allRead)}, all checked ${ms(tm.checked)}`,
  );
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
 * What `check`, `report`, `export`, `convert` and the server's change preview share: every
 * given path must exist and be readable, the configuration (--config FILE, else the
 * nearest .stratdoc.yaml of each document), and the documents read into a Workspace.
 */
export function prepare(
  opts: { paths: string[]; config?: string; lang?: Lang; today?: string } & Omit<ReadOptions, 'ctx' | 'checker' | 'debug'>,
  io: RunIo,
): Prepared | { error: Text } {
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
      return { error: code === 'ENOENT' || code === 'ENOTDIR' ? PATHS.missing(p) : PATHS.unreadable(p, code) };
    }
  }

  // The configuration: --config FILE, else the nearest .stratdoc.yaml of each document.
  let explicit: { path: string; uri: string; text: string | { error: Text } } | undefined;
  if (opts.config !== undefined) {
    const abs = path.resolve(io.cwd, opts.config);
    // The --config file is read under the same policy as any configuration file (a FIFO
    // or a device is refused, not waited on); only a missing or unreadable one stops the run.
    try {
      if (fs.statSync(abs).isDirectory()) return { error: PATHS.configUnreadable(opts.config, 'EISDIR') };
    } catch (e) {
      return { error: PATHS.configUnreadable(opts.config, errorCode(e)) };
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

  const debug = io.env.STRATDOC_DEBUG && io.stderr ? (line: string) => io.stderr?.(`stratdoc: ${line}\n`) : undefined;
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
  // Each finding speaks its document's language (docs/cli.md "Language", node/projects.ts languageOf).
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
  io: RunIo,
  progress?: Progress,
  keep = true,
): Collected | { error: Text } {
  const prepared = prepare({ ...opts, progress: progress?.reading, checking: progress && ((n) => progress.checking(n)), keep }, io);
  if ('error' in prepared) {
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
  io: RunIo,
  keep = true,
): Collected | undefined {
  const paths = opts.paths.filter((p) => fs.existsSync(path.resolve(old.cwd, p)));
  const config = opts.config !== undefined ? path.resolve(io.cwd, opts.config) : undefined;
  if (!paths.length) return undefined;
  const r = collect({ ...opts, paths, config }, { cwd: old.cwd, env: io.env }, undefined, keep);
  return 'error' in r ? undefined : r;
}
