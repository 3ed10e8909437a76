/**
 * Reading and parsing many files on every core (docs/decisions.md "Many files"): the
 * per-file work (read, decode, parse into the model) runs in worker threads and on the
 * main thread alike, taking files from one shared counter; the results go into the
 * Workspace on the main thread in the same order as a single-threaded run, and the
 * cross-file work (projects, rules, output) stays there. The CLI stays synchronous: the
 * main thread collects results with receiveMessageOnPort and waits with Atomics.wait.
 *
 * The worker is the CLI bundle itself (dist/cli.js started as a worker thread runs
 * workerMain), so the npm package needs no second file.
 */
import { MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import * as os from 'node:os';
import type { DocKind, ParsedDocument } from '../core/model';
import { parseDocument } from '../core/parse';
import { readDocumentFile, type ReadResult } from '../core/files';
import { LineIndex, reviveRanges } from '../core/text';
import { utf8Length } from '../core/workspace';

/** One file to read: everything the configuration decides is decided on the main thread. */
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
  return { r, doc: parseDocument(j.uri, r.text, { included: j.included, kind: j.kind }) ?? null };
}

// ------------------------------------------------------------------ the wire

/** A result as it crosses threads: the text once (not in the read result and the line index again). */
interface Wire {
  i: number;
  /** The job threw: the main thread does it again itself (and meets the same error there). */
  failed?: true;
  r?: ReadResult;
  doc?: ParsedDocument | null;
  /** The read text when it differs from doc.text. */
  text?: string;
}

function toWire(i: number, d: ReadDone): Wire {
  if (!d.doc || !d.r.ok) return { i, r: d.r, doc: d.doc };
  const doc = d.doc;
  const lines = doc.lines.text === doc.text ? ({ lineStarts: doc.lines.lineStarts } as unknown as LineIndex) : doc.lines;
  return { i, doc: { ...doc, lines }, text: d.r.text === doc.text ? undefined : d.r.text };
}

function fromWire(w: Wire): ReadDone {
  if (w.r) return { r: w.r, doc: w.doc };
  const doc = w.doc!;
  // The line index crossed as plain data: give it back its methods (and its text).
  const lines = doc.lines as unknown as { text?: string };
  if (lines.text === undefined) lines.text = doc.text;
  Object.setPrototypeOf(lines, LineIndex.prototype);
  // So did the packed ranges (core/text.ts PackedRange): give them their getters back.
  reviveRanges(doc);
  return { r: { ok: true, text: w.text ?? doc.text }, doc };
}

// ------------------------------------------------------------------ the main thread

/** The file the workers run: the CLI bundle, set by main.ts (unset in-process: no workers). */
let workerScript: string | undefined;
export function setWorkerScript(file: string | undefined): void {
  workerScript = file;
}

const WORKER_MARK = 'stratdoc-cli-worker';

/**
 * Reads every job; `threads` is the most threads to use including this one (--jobs).
 * Workers only when there is a worker script, more than one thread and enough files.
 * `onDone(n)` after each file, with the number done so far. `threads` of the result: how
 * many threads did read (1 without workers).
 */
export function readAll(jobs: ReadJob[], threads: number, onDone?: (done: number) => void): { results: ReadDone[]; threads: number } {
  const results = new Array<ReadDone | undefined>(jobs.length);
  const workers = workerScript ? Math.min(threads, Math.floor(jobs.length / MIN_FILES_PER_THREAD)) - 1 : 0;
  if (workers <= 0) {
    for (let i = 0; i < jobs.length; i++) {
      results[i] = readJob(jobs[i]);
      onDone?.(i + 1);
    }
    return { results: results as ReadDone[], threads: 1 };
  }
  // [0]: the next job to take; [1]: results posted by workers (what the main thread waits on).
  const counter = new Int32Array(new SharedArrayBuffer(8));
  const ports: MessagePort[] = [];
  const started: Worker[] = [];
  let got = 0;
  const put = (i: number, d: ReadDone) => {
    if (results[i]) return;
    results[i] = d;
    onDone?.(++got);
  };
  const drain = () => {
    for (const port of ports) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const w = m.message as Wire;
        put(w.i, w.failed ? readJob(jobs[w.i]) : fromWire(w));
      }
    }
  };
  try {
    for (let k = 0; k < workers; k++) {
      const { port1, port2 } = new MessageChannel();
      try {
        const w = new Worker(workerScript!, {
          workerData: { [WORKER_MARK]: true, jobs, counter: counter.buffer, port: port2 },
          transferList: [port2],
          stdout: true,
          stderr: true,
        });
        w.unref();
        // A worker that fails leaves its jobs to this thread (below); its error must not end the process.
        w.on('error', () => {});
        started.push(w);
        ports.push(port1);
      } catch {
        port1.close(); // no worker: this thread does its share
      }
    }
    for (let i = Atomics.add(counter, 0, 1); i < jobs.length; i = Atomics.add(counter, 0, 1)) {
      put(i, readJob(jobs[i]));
      drain();
    }
    // Every job is taken: wait for the workers' last results. A worker that died with a
    // job taken (a crash no try/catch sees) leaves it missing: after a quiet spell this
    // thread does the missing jobs itself, so the run never hangs.
    let quiet = 0;
    while (got < jobs.length) {
      const seen = Atomics.load(counter, 1);
      drain();
      if (got >= jobs.length) break;
      if (Atomics.wait(counter, 1, seen, 250) === 'timed-out' && ++quiet >= 40) {
        const i = results.findIndex((r) => !r);
        put(i, readJob(jobs[i]));
        quiet = 0;
      } else if (Atomics.load(counter, 1) !== seen) quiet = 0;
    }
    return { results: results as ReadDone[], threads: 1 + started.length };
  } finally {
    for (const w of started) void w.terminate();
    for (const p of ports) p.close();
  }
}

// ------------------------------------------------------------------ the worker

/** Whether this thread is a CLI worker (started by readAll). */
export function isCliWorker(): boolean {
  return !!workerData && typeof workerData === 'object' && (workerData as Record<string, unknown>)[WORKER_MARK] === true;
}

/** The worker's whole life: take jobs from the shared counter until none is left. */
export function workerMain(): void {
  const { jobs, counter: buf, port } = workerData as { jobs: ReadJob[]; counter: SharedArrayBuffer; port: MessagePort };
  const counter = new Int32Array(buf);
  for (let i = Atomics.add(counter, 0, 1); i < jobs.length; i = Atomics.add(counter, 0, 1)) {
    try {
      port.postMessage(toWire(i, readJob(jobs[i])));
    } catch {
      port.postMessage({ i, failed: true } satisfies Wire);
    }
    Atomics.add(counter, 1, 1);
    Atomics.notify(counter, 1);
  }
  port.close();
}
