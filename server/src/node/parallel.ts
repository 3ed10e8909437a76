/**
 * `stratdoc check` on every core (docs/decisions.md "Many files"). The files are split into
 * groups by folder (a strategy and its plans usually share one); each thread (workers and
 * the main thread alike) takes groups from one shared counter, reads and parses their
 * files and keeps the parsed documents. Only a summary of each (its kind and the strategy
 * it names) goes to the main thread, which links the projects (core/project.ts
 * linkProjects, as the Workspace does) and sends each thread the projects whose documents
 * it holds; the thread checks them and sends back the diagnostics. A project whose
 * documents lie on several threads is checked on the main thread, its models sent there;
 * so is every document when the caller needs the models (report, export, --fix).
 * The results are put together in the order of a single-threaded run, so the output cannot
 * depend on the number of threads. The CLI stays synchronous: the main thread collects
 * messages with receiveMessageOnPort and waits with Atomics.wait.
 *
 * The worker is the CLI bundle itself (dist/cli.js started as a worker thread runs
 * workerMain), so the npm package needs no second file.
 */
import { MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DocKind, ParsedDocument } from '../core/model';
import { parseDocument } from '../core/parse';
import { readingOnce } from '../core/parse/cache';
import { readDocumentFile, type ReadResult } from '../core/files';
import { linkProjects, Project, type Linkable, type PlanLink } from '../core/project';
import { LineIndex, reviveRanges } from '../core/text';
import { utf8Length } from '../core/workspace';
import type { CliDiagnostic } from './diagnostics';
import { ProjectChecker, type CheckContext } from './projects';
import { keepYoungGenerationSmall } from './heap';

/** One file to read: everything the configuration decides is decided on the main thread (Workspace.parseOptions). */
export interface ReadJob {
  file: string;
  uri: string;
  boundary?: string;
  maxFileSize: number;
  /** Whether the configuration's include globs match it (Workspace.included). */
  included: boolean;
  /** Whether its exclude globs match it (then it is not parsed). */
  excluded: boolean;
  /** The kind it is read as regardless of marker and name (Workspace.kindOf: the `plans` globs). */
  kind?: DocKind;
  /** A target: its findings are reported (else it is read as context only). */
  report: boolean;
}

/** What reading a file gave: `doc` when it was parsed here (null: no document), as Workspace.set takes it. */
export interface ReadDone {
  r: ReadResult;
  doc?: ParsedDocument | null;
}

/**
 * Each thread gets at least this many files, so below twice as many no worker is started:
 * starting one (loading the CLI bundle into a fresh isolate, ~150 ms of CPU) costs about
 * as much as parsing ten typical plans (docs/decisions.md "Many files").
 */
export const MIN_FILES_PER_THREAD = 12;

/** The default of --jobs: the cores node may use. */
export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** The same steps as Workspace.set's parse, without the Workspace. */
export function readJob(j: ReadJob): ReadDone {
  const r = readDocumentFile(j.file, j.maxFileSize, j.boundary);
  if (!r.ok || j.excluded || r.text.length > j.maxFileSize || utf8Length(r.text, j.maxFileSize) > j.maxFileSize) return { r };
  return { r, doc: parseFile(j.uri, r.text, { included: j.included, kind: j.kind }) ?? null };
}

/**
 * A long YAML plan is read in pieces, entry by entry, as the server reads it (a chunk cache
 * of its own, dropped after the reading: `readingOnce`): the YAML syntax tree of one entry is
 * alive at a time, not the whole file's (200 MB for 50,000 entries), which kept the GC marking
 * a growing heap and made the check grow faster than the plan (docs/performance.md "Many
 * files (the CLI)"). Reading in pieces means what reading the whole means for valid YAML
 * (test/core/incremental.test.ts); a syntax error inside one entry stays that entry's, as
 * in the server (core/parse/yaml.ts splitPlan, docs/decisions.md "Many files").
 */
function parseFile(uri: string, text: string, o: { included: boolean; kind?: DocKind }): ParsedDocument | undefined {
  return parseDocument(uri, text, { ...o, cache: readingOnce(uri) });
}

/**
 * The groups threads take (lists of job indexes): the files under one top folder of their
 * project root together, since a plan's strategy lies in its folder or above. A group is
 * cut when it would hold more than its share, so one big folder still spreads over the
 * threads (its project is then checked on the main thread). Largest groups first, so no
 * thread is left with a big one at the end.
 */
export function groupJobs(jobs: ReadJob[], threads: number): number[][] {
  const byKey = new Map<string, number[]>();
  jobs.forEach((j, i) => {
    const rel = path.relative(j.boundary ?? path.dirname(j.file), j.file).split(path.sep);
    const key = rel.length > 1 && rel[0] !== '..' ? rel[0] : '';
    const g = byKey.get(key);
    if (g) g.push(i);
    else byKey.set(key, [i]);
  });
  const cap = Math.max(MIN_FILES_PER_THREAD, Math.ceil(jobs.length / (threads * 4)));
  const out: number[][] = [];
  for (const g of byKey.values()) for (let k = 0; k < g.length; k += cap) out.push(g.slice(k, k + cap));
  return threads > 1 ? out.sort((a, b) => b.length - a.length || a[0] - b[0]) : out;
}

// ------------------------------------------------------------------ the wire

/** A model as it crosses threads: the text once (not in the read result and the line index again). */
interface Wire {
  i: number;
  doc: ParsedDocument;
  /** The read text when it differs from doc.text. */
  text?: string;
}

function toWire(i: number, d: ReadDone): Wire {
  const doc = d.doc!;
  const lines = doc.lines.text === doc.text ? ({ lineStarts: doc.lines.lineStarts } as unknown as LineIndex) : doc.lines;
  return { i, doc: { ...doc, lines }, text: d.r.ok && d.r.text !== doc.text ? d.r.text : undefined };
}

function fromWire(w: Wire): ReadDone {
  const doc = w.doc;
  // The line index crossed as plain data: made again from its line starts (toWire), or
  // given back its methods when it crossed whole.
  const lines = doc.lines as unknown as { text?: string; lineStarts?: number[] };
  if (lines.text === undefined) doc.lines = new LineIndex(doc.text, lines.lineStarts);
  else Object.setPrototypeOf(lines, LineIndex.prototype);
  // So did the packed ranges (core/text.ts PackedRange): give them their getters back.
  reviveRanges(doc);
  return { r: { ok: true, text: w.text ?? doc.text }, doc };
}

/** What the main thread needs of a document to link projects: its URI, kind and `strategy:`. */
interface Summary extends Linkable {
  i: number;
}

function summaryOf(i: number, doc: ParsedDocument): Summary {
  const sp = doc.plan?.strategyPath?.value;
  return { i, uri: doc.uri, kind: doc.kind, plan: sp === undefined ? undefined : { strategyPath: { value: sp } } };
}

/** A project for the thread that holds its documents: job indexes, strategy first. */
interface Task {
  p: number;
  strategy?: number;
  plans: number[];
  links: [string, PlanLink][];
}

/**
 * A project checked as soon as its group was read (Holder.early): what it was made of, to
 * be compared with the project the main thread links from every summary.
 */
interface Early {
  strategy: number;
  plans: number[];
  links: [string, PlanLink][];
  diags: CliDiagnostic[];
}

/** The main thread's orders to a worker once everything is read. */
interface Orders {
  /** Documents whose models go to the main thread. */
  send: number[];
  check: Task[];
}

/** A worker's messages. */
type Up =
  | { t: 'read'; i: number; sum: Summary }
  | { t: 'read'; i: number; none: ReadDone }
  /** The job threw: the main thread does it again itself (and meets the same error there). */
  | { t: 'read'; i: number; failed: true }
  /** A group is read; the projects it held whole, checked. */
  | { t: 'group'; early: Early[] }
  | { t: 'model'; w: Wire }
  | { t: 'checked'; p: number; diags: CliDiagnostic[] }
  | { t: 'checked'; p: number; failed: true };

/** What a thread holds and does: the same on the main thread and in a worker. */
class Holder {
  readonly docs = new Map<number, ReadDone>();
  private checker: ProjectChecker | undefined;

  constructor(
    private readonly jobs: ReadJob[],
    private readonly targets: Set<string>,
    private readonly makeChecker: () => ProjectChecker,
  ) {}

  /** Reads a job; keeps the document and gives its summary, or gives what no document is. */
  read(i: number): { sum: Summary } | { none: ReadDone } {
    const d = readJob(this.jobs[i]);
    if (!d.doc) return { none: d };
    this.docs.set(i, d);
    return { sum: summaryOf(i, d.doc) };
  }

  /**
   * Once a group is read: checks each project the group holds whole (a strategy with plans
   * that find it inside the group, one of them a target) and lets go of its documents, so a
   * thread never holds more than the projects it has not finished. Whether that was the
   * project decides the main thread, once it knows every document (runJobs).
   */
  early(group: number[]): Early[] {
    const held = group.filter((i) => this.docs.has(i)).map((i) => summaryOf(i, this.docs.get(i)!.doc!));
    const byUri = new Map(held.map((x) => [x.uri, x]));
    const out: Early[] = [];
    for (const p of linkProjects(held, (u) => byUri.get(u))) {
      if (!p.strategy || !p.plans.length || ![p.strategy, ...p.plans].some((x) => this.targets.has(x.uri))) continue;
      const t: Task = { p: -1, strategy: p.strategy.i, plans: p.plans.map((x) => x.i), links: [...p.links] };
      try {
        out.push({ strategy: p.strategy.i, plans: t.plans, links: t.links, diags: this.check(t) });
      } catch {
        // Left to the main thread's orders, as if never tried.
      }
    }
    return out;
  }

  /** Checks a project whose documents this thread holds, and lets go of them. */
  check(t: Task): CliDiagnostic[] {
    const doc = (i: number) => this.docs.get(i)!.doc!;
    const project = new Project(t.strategy === undefined ? undefined : doc(t.strategy), t.plans.map(doc), new Map(t.links));
    this.checker ??= this.makeChecker();
    const diags = this.checker.diagnostics(project, this.checker.findings(project), (u) => this.targets.has(u));
    if (t.strategy !== undefined) this.docs.delete(t.strategy);
    for (const i of t.plans) this.docs.delete(i);
    return diags;
  }
}

// ------------------------------------------------------------------ the main thread

/** The file the workers run: the CLI bundle, set by main.ts (unset in-process: no workers). */
let workerScript: string | undefined;
export function setWorkerScript(file: string | undefined): void {
  workerScript = file;
}

const WORKER_MARK = 'stratdoc-cli-worker';

/**
 * Workers and the counters they share with this thread. [0]: the next group to take;
 * [1]: messages posted by workers (what this thread waits on); [2]: phase two began;
 * [3]: the run's jobs are posted (a worker started before the files were listed waits
 * for them).
 */
interface Pool {
  ctl: Int32Array;
  workers: { worker: Worker; port: MessagePort }[];
}

/** Starts `n` workers that wait for a run's jobs (runJobs posts them). */
function startPool(n: number): Pool {
  const ctl = new Int32Array(new SharedArrayBuffer(16));
  const workers: Pool['workers'] = [];
  for (let k = 0; k < n; k++) {
    const { port1, port2 } = new MessageChannel();
    try {
      const worker = new Worker(workerScript!, {
        workerData: { [WORKER_MARK]: true, ctl: ctl.buffer, port: port2 },
        transferList: [port2],
        stdout: true,
        stderr: true,
      });
      worker.unref();
      // A worker that fails leaves its work to this thread (runJobs); its error must not end the process.
      worker.on('error', () => {});
      workers.push({ worker, port: port1 });
    } catch {
      port1.close(); // no worker: this thread does its share
    }
  }
  return { ctl, workers };
}

/** Workers started while the files are listed (prestartWorkers), for the next runJobs. */
let prestarted: Pool | undefined;

/**
 * Starts the workers of a run of `threads` threads now, before the files are listed:
 * loading the CLI bundle into a fresh isolate takes a worker a few hundred milliseconds,
 * which it then spends while this thread walks the folders, not while this thread reads
 * alone (docs/decisions.md "Many files"). The next runJobs takes them, and lets go of
 * those it does not need (too few files).
 */
export function prestartWorkers(threads: number): void {
  if (!workerScript || prestarted || threads < 2) return;
  prestarted = startPool(threads - 1);
}

function endPool(pool: Pool): void {
  for (const { worker, port } of pool.workers) {
    void worker.terminate();
    port.close();
  }
}
/** After this long without a word from any worker, the main thread does what is missing itself. */
const QUIET_MS = 10_000;

export interface RunOptions {
  /** The most threads to use, this one included (--jobs). */
  threads: number;
  /** Every document's model to the main thread (report, export, --fix, the plan change): nothing is checked. */
  keep: boolean;
  /** How to check and word findings (without `keep`). */
  ctx?: CheckContext;
  /** The main thread's checker (its configuration already read). */
  checker?: ProjectChecker;
  /** After each file read, with the number read so far. */
  onRead?: (done: number) => void;
  /** Once everything is read, before the checks. */
  onChecking?: (documents: number) => void;
}

export interface RunResult {
  /** How many threads read (1 without workers). */
  threads: number;
  /** How many files the workers read (0 when this thread took every group before they started). */
  readOnWorkers: number;
  /** Per job: what reading it gave. A document checked on its thread (without `keep`) is undefined here. */
  read: (ReadDone | undefined)[];
  /** Per job: whether it is a document. */
  isDocument: boolean[];
  /** Without `keep`: the diagnostics of every project that holds a target, in project order. */
  diagnostics: CliDiagnostic[];
  /** When (performance.now(), ms since the process began) the run began, a worker gave its first file, this thread read its last group, everything was read, and everything was checked (STRATDOC_DEBUG). */
  times: { begun: number; firstFromWorker?: number; readHere: number; allRead: number; checked: number };
  /** Where the projects were checked: on workers, on this thread (its own), on this thread with models sent; how many of them as soon as their group was read. */
  checked: { workers: number; here: number; gathered: number; early: number; triedOnWorkers: number };
}

/**
 * Reads every job and, without `keep`, checks every project that holds a target.
 * Workers only when there is a worker script, more than one thread and enough files.
 */
export function runJobs(jobs: ReadJob[], o: RunOptions): RunResult {
  const begun = performance.now();
  let firstFromWorker: number | undefined;
  const workers = workerScript ? Math.min(o.threads, Math.floor(jobs.length / MIN_FILES_PER_THREAD)) - 1 : 0;
  // The CLI (it set the worker script) on a run too small for workers, whatever --jobs says
  // (one big plan and its strategy): a small young generation (node/heap.ts).
  if (workerScript && jobs.length < 2 * MIN_FILES_PER_THREAD) keepYoungGenerationSmall();
  const groups = groupJobs(jobs, Math.max(1, workers + 1));
  const targets = new Set(jobs.filter((j) => j.report).map((j) => j.uri));
  const me = new Holder(jobs, targets, () => o.checker ?? new ProjectChecker(o.ctx!));
  const read = new Array<ReadDone | undefined>(jobs.length);
  const sums = new Array<Summary | undefined>(jobs.length);
  const seen = new Uint8Array(jobs.length);
  /** The thread holding a document: 0 this one, k the k-th worker. */
  const holder = new Int32Array(jobs.length);
  let nRead = 0;
  // Projects checked early, by their strategy's job; documents let go of there (gone[i]).
  const early = new Map<number, Early & { from: number }>();
  const gone = new Uint8Array(jobs.length);
  let groupsDone = 0;
  let gaveUp = false;
  /** Projects workers checked as soon as their group was read, kept or not (a project may turn out larger). */
  let triedOnWorkers = 0;
  const gotGroup = (list: Early[], from: number) => {
    groupsDone++;
    if (from > 0) triedOnWorkers += list.length;
    for (const e of list) {
      early.set(e.strategy, { ...e, from });
      gone[e.strategy] = 1;
      for (const i of e.plans) gone[i] = 1;
    }
  };
  const gotRead = (i: number, from: number, x: { sum: Summary } | { none: ReadDone }) => {
    if (seen[i]) return;
    seen[i] = 1;
    if ('sum' in x) {
      sums[i] = x.sum;
      holder[i] = from;
    } else read[i] = x.none;
    nRead++;
    o.onRead?.(nRead);
  };
  const readHere = (i: number) => gotRead(i, 0, me.read(i));

  // Phase two's results: models sent here, diagnostics per project.
  const projectDiags = new Map<number, CliDiagnostic[]>();
  const failedProjects: number[] = [];
  const gotModel = (w: Wire) => {
    if (!me.docs.has(w.i)) me.docs.set(w.i, fromWire(w));
  };

  // [0]: the next group to take; [1]: messages posted by workers (what this thread waits on); [2]: phase two began.
  // The workers started while the files were listed, else started now; those not needed let go of.
  const pool = prestarted ?? startPool(Math.max(0, workers));
  prestarted = undefined;
  const used = pool.workers.slice(0, Math.max(0, workers));
  const ctl = pool.ctl;
  const ports = used.map((x) => x.port);
  const started = used.map((x) => x.worker);
  const drain = () => {
    ports.forEach((port, k) => {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const u = m.message as Up;
        if (u.t === 'read') {
          if ('failed' in u) {
            if (!seen[u.i]) readHere(u.i);
          } else {
            firstFromWorker ??= performance.now();
            gotRead(u.i, k + 1, u);
          }
        } else if (u.t === 'group') gotGroup(u.early, k + 1);
        else if (u.t === 'model') gotModel(u.w);
        else if (!projectDiags.has(u.p)) {
          if ('failed' in u) failedProjects.push(u.p);
          else projectDiags.set(u.p, u.diags);
        }
      }
    });
  };
  /** Waits for workers until `done()`; after a quiet spell calls `rescue()` (which does one missing piece here). */
  const waitFor = (done: () => boolean, rescue: () => void) => {
    let quiet = 0;
    for (;;) {
      const seenPosts = Atomics.load(ctl, 1);
      drain();
      if (done()) return;
      if (Atomics.wait(ctl, 1, seenPosts, 250) === 'timed-out') {
        quiet += 250;
        if (quiet >= QUIET_MS) {
          rescue();
          quiet = 0;
        }
      } else quiet = 0;
    }
  };

  try {
    // The jobs to the workers this run uses; nothing (they end) to those it does not.
    pool.workers.forEach((x, k) => x.port.postMessage(k < used.length ? ({ jobs, groups, ctx: o.ctx, early: !o.keep } satisfies Setup) : null));
    Atomics.store(ctl, 3, 1);
    Atomics.notify(ctl, 3);

    // Phase one: read and parse, this thread too.
    for (let g = Atomics.add(ctl, 0, 1); g < groups.length; g = Atomics.add(ctl, 0, 1)) {
      for (const i of groups[g]) {
        readHere(i);
        drain();
      }
      gotGroup(o.keep ? [] : me.early(groups[g]), 0);
    }
    const readHereAt = performance.now();
    // A worker that died with a group taken leaves it missing: after a quiet spell this thread reads what is missing.
    waitFor(
      () => gaveUp || (nRead >= jobs.length && groupsDone >= groups.length),
      () => {
        const i = seen.indexOf(0);
        if (i >= 0) readHere(i);
        else gaveUp = true;
      },
    );
    const allRead = performance.now();
    const docs = sums.filter((s): s is Summary => s !== undefined);
    o.onChecking?.(docs.length);

    // Phase two: link the projects; each goes to the thread holding all its documents.
    const byUri = new Map(docs.map((s) => [s.uri, s]));
    const projects = linkProjects(docs, (u) => byUri.get(u));
    const orders: Orders[] = started.map(() => ({ send: [], check: [] }));
    const here: Task[] = [];
    let nEarly = 0;
    let nEarlyOnWorkers = 0;
    const gathered: Task[] = [];
    const sendHere = (i: number) => {
      if (holder[i] > 0 && !gone[i]) orders[holder[i] - 1].send.push(i);
    };
    const sameLinks = (a: [string, PlanLink][], b: [string, PlanLink][]) => JSON.stringify(a) === JSON.stringify(b);
    if (o.keep) for (const s of docs) sendHere(s.i);
    else
      projects.forEach((p, n) => {
        const all = [...(p.strategy ? [p.strategy] : []), ...p.plans];
        if (!all.some((s) => targets.has(s.uri))) return;
        const t: Task = { p: n, strategy: p.strategy?.i, plans: p.plans.map((s) => s.i), links: [...p.links] };
        // Checked early as the very same project: its findings are these.
        const e = t.strategy === undefined ? undefined : early.get(t.strategy);
        if (e && e.plans.length === t.plans.length && e.plans.every((i, k) => i === t.plans[k]) && sameLinks(e.links, t.links)) {
          projectDiags.set(n, e.diags);
          if (e.from === 0) nEarly++;
          else nEarlyOnWorkers++;
          return;
        }
        const h = holder[all[0].i];
        if (all.every((s) => holder[s.i] === h && !gone[s.i])) (h === 0 ? here : orders[h - 1].check).push(t);
        else {
          all.forEach((s) => sendHere(s.i));
          gathered.push(t);
        }
      });
    const asked = new Map<number, Task>();
    orders.forEach((x, k) => {
      for (const t of x.check) asked.set(t.p, t);
      ports[k].postMessage(x);
    });
    Atomics.store(ctl, 2, 1);
    Atomics.notify(ctl, 2);

    // This thread's own projects while the workers check theirs.
    for (const t of here) {
      projectDiags.set(t.p, me.check(t));
      drain();
    }
    // A model that does not come (its worker died) is read again here.
    const wanted = o.keep ? docs.map((s) => s.i) : gathered.flatMap((t) => [...(t.strategy === undefined ? [] : [t.strategy]), ...t.plans]);
    const redo = (i: number) => me.docs.set(i, readJob(jobs[i]));
    // Documents let go of by an early check that turned out not to be their project: read again here.
    for (const i of wanted) if (gone[i] && !me.docs.has(i)) redo(i);
    waitFor(
      () => wanted.every((i) => me.docs.has(i)),
      () => redo(wanted.find((i) => !me.docs.has(i))!),
    );
    for (const t of gathered) projectDiags.set(t.p, me.check(t));
    // A project a worker could not check, or did not (it died), is done here, read again.
    const redoProject = (p: number) => {
      const t = asked.get(p)!;
      for (const i of [...(t.strategy === undefined ? [] : [t.strategy]), ...t.plans]) if (!me.docs.has(i)) redo(i);
      projectDiags.set(p, me.check(t));
    };
    waitFor(
      () => {
        while (failedProjects.length) redoProject(failedProjects.pop()!);
        return [...asked.keys()].every((p) => projectDiags.has(p));
      },
      () => redoProject([...asked.keys()].find((p) => !projectDiags.has(p))!),
    );

    if (o.keep) for (const s of docs) read[s.i] = me.docs.get(s.i);
    const diagnostics: CliDiagnostic[] = [];
    for (let n = 0; n < projects.length; n++) for (const d of projectDiags.get(n) ?? []) diagnostics.push(d);
    return {
      threads: 1 + started.length,
      readOnWorkers: holder.filter((h) => h > 0).length,
      read,
      isDocument: sums.map((s) => s !== undefined),
      diagnostics,
      times: { begun, firstFromWorker, readHere: readHereAt, allRead, checked: performance.now() },
      checked: {
        workers: nEarlyOnWorkers + asked.size,
        here: nEarly + here.length,
        gathered: gathered.length,
        early: nEarly + nEarlyOnWorkers,
        triedOnWorkers,
      },
    };
  } finally {
    endPool(pool);
  }
}

// ------------------------------------------------------------------ the worker

/** Whether this thread is a CLI worker (started by runJobs). */
export function isCliWorker(): boolean {
  return !!workerData && typeof workerData === 'object' && (workerData as Record<string, unknown>)[WORKER_MARK] === true;
}

/** The worker's whole life: read groups until none is left, then do what the main thread orders. */
/** A run's jobs, posted to its workers once the files are listed. */
interface Setup {
  jobs: ReadJob[];
  groups: number[][];
  ctx?: CheckContext;
  early: boolean;
}

export function workerMain(): void {
  const { ctl: buf, port } = workerData as { ctl: SharedArrayBuffer; port: MessagePort };
  const ctl = new Int32Array(buf);
  // Started before the files were listed: wait for the run's jobs.
  Atomics.wait(ctl, 3, 0);
  let setup = receiveMessageOnPort(port);
  while (!setup) {
    Atomics.wait(ctl, 3, 1, 10);
    setup = receiveMessageOnPort(port);
  }
  // Not needed by the run (too few files): nothing to do.
  if (setup.message === null) {
    port.close();
    return;
  }
  const { jobs, groups, ctx, early } = setup.message as Setup;
  const post = (u: Up) => {
    port.postMessage(u);
    Atomics.add(ctl, 1, 1);
    Atomics.notify(ctl, 1);
  };
  const me = new Holder(jobs, new Set(jobs.filter((j) => j.report).map((j) => j.uri)), () => new ProjectChecker(ctx!));
  for (let g = Atomics.add(ctl, 0, 1); g < groups.length; g = Atomics.add(ctl, 0, 1)) {
    for (const i of groups[g]) {
      try {
        post({ t: 'read', i, ...me.read(i) });
      } catch {
        post({ t: 'read', i, failed: true });
      }
    }
    post({ t: 'group', early: early ? me.early(groups[g]) : [] });
  }
  // Wait for the orders (the main thread sends them once every file is read).
  Atomics.wait(ctl, 2, 0);
  let m = receiveMessageOnPort(port);
  while (!m) {
    Atomics.wait(ctl, 2, 1, 10);
    m = receiveMessageOnPort(port);
  }
  const orders = m.message as Orders;
  for (const i of orders.send) {
    post({ t: 'model', w: toWire(i, me.docs.get(i)!) });
    me.docs.delete(i);
  }
  for (const t of orders.check) {
    try {
      post({ t: 'checked', p: t.p, diags: me.check(t) });
    } catch {
      post({ t: 'checked', p: t.p, failed: true });
    }
  }
  port.close();
}
