/**
 * Shared pieces of the robustness tests: the invariants every checked workspace must
 * keep (ranges inside their documents, messages in both languages, no internal errors),
 * a seeded random generator, the repository root, and a corpus runner that runs cases
 * in a worker thread with a watchdog so that a hang is reported as a failing case
 * instead of stalling the test run.
 */
import * as os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Workspace } from '../../server/src/core/workspace';
import { ConfigResolver } from '../../server/src/core/config';
import type { ParsedDocument } from '../../server/src/core/model';
import type { Range } from '../../server/src/core/text';
import type { Finding } from '../../server/src/core/engine';
import type { Rule } from '../../server/src/core/rules/api';

export const TODAY = '2027-02-15';

import { rng } from '../helpers/rng';
import { repoRoot } from '../helpers/repo';
export { repoRoot };
export { rng };

/** A stable 32-bit hash of a string (seeds per file). */
export function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A workspace without configuration files (defaults), optionally with a chunk cache. */
export function emptyWorkspace(opts: { cache?: boolean; rules?: Rule[] } = {}): Workspace {
  const configs = new ConfigResolver({ readFile: () => undefined }, { roots: ['file:///ws/'] });
  return new Workspace(configs, { cache: opts.cache, rules: opts.rules });
}

// ------------------------------------------------------------------ invariants

function lineLength(doc: ParsedDocument, line: number): number {
  return doc.lines.lineEnd(line) - doc.lines.lineStarts[line];
}

/** Why a range is not inside a document; undefined when it is. */
export function rangeProblem(doc: ParsedDocument, r: Range | undefined): string | undefined {
  if (!r || !r.start || !r.end) return 'no range';
  const n = doc.lines.lineCount;
  for (const [name, p] of [
    ['start', r.start],
    ['end', r.end],
  ] as const) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) return `${name} ${JSON.stringify(p)} is not integral`;
    if (p.line < 0 || p.line >= n) return `${name} line ${p.line} outside 0..${n - 1}`;
    if (p.character < 0 || p.character > lineLength(doc, p.line)) return `${name} ${p.line}:${p.character} beyond the line's length ${lineLength(doc, p.line)}`;
  }
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return `start after end ${JSON.stringify(r)}`;
  return undefined;
}

const INTERNAL = [/failed internally/, /could not read this document \(internal error/, /call stack|RangeError|TypeError|ReferenceError/];

/** Every broken invariant of one finding. */
export function findingProblems(ws: Workspace, f: Finding): string[] {
  const out: string[] = [];
  const doc = ws.get(f.uri);
  const where = `${f.rule} in ${f.uri}`;
  if (!doc) {
    // Only a file that looks like a plan or strategy has a finding without being a document:
    // its one unmarked-document notice, at its first line (docs/rules/unmarked-document.md).
    if (f.rule !== 'unmarked-document' || !ws.unmarkedFindings().includes(f)) return [`${where}: finding for a document the workspace does not hold`];
    if (f.range.start.line !== 0 || f.range.end.line !== 0 || f.range.start.character !== 0) out.push(`${where}: not at the first line`);
    if (!f.message?.en?.trim() || !f.message?.de?.trim()) out.push(`${where}: a message not in both languages`);
    if (f.fixes?.length !== 1) out.push(`${where}: not exactly the marker fix`);
    return out;
  }
  const rp = rangeProblem(doc, f.range);
  if (rp) out.push(`${where}: range ${rp}`);
  if (!f.rule) out.push(`${where}: no rule`);
  if (!f.message || typeof f.message.en !== 'string' || !f.message.en.trim()) out.push(`${where}: empty English message`);
  if (!f.message || typeof f.message.de !== 'string' || !f.message.de.trim()) out.push(`${where}: empty German message`);
  for (const re of INTERNAL) if (re.test(f.message?.en ?? '')) out.push(`${where}: internal error: ${f.message.en}`);
  for (const fix of f.fixes ?? []) {
    if (!fix.title?.en || !fix.title?.de) out.push(`${where}: fix without a title in both languages`);
    for (const e of fix.edits) {
      const target = ws.get(e.uri);
      if (!target) continue; // a fix may create a file
      for (const te of e.edits) {
        const p = rangeProblem(target, te.range);
        if (p) out.push(`${where}: fix "${fix.title?.en}" edit range ${p}`);
      }
    }
  }
  return out;
}

/** Ranges the model keeps for hovers, renames and diagnostics: all must lie inside. */
export function modelProblems(doc: ParsedDocument): string[] {
  const out: string[] = [];
  const check = (what: string, r: Range | undefined) => {
    if (r === undefined) return;
    const p = rangeProblem(doc, r);
    if (p) out.push(`${doc.uri}: ${what}: ${p}`);
  };
  check('titleRange', doc.titleRange);
  if (!doc.titleRange) out.push(`${doc.uri}: no titleRange`);
  check('period', doc.period?.range);
  for (const p of doc.problems) check(`problem ${p.rule} (${p.message.en})`, p.range);
  const s = doc.strategy;
  if (s) {
    for (const sec of s.sections) {
      check(`section ${sec.heading} headingRange`, sec.headingRange);
      check(`section ${sec.heading} range`, sec.range);
    }
    for (const it of [...s.people, ...s.goals, ...s.kpis, ...s.audiences, ...s.channels]) {
      check(`${it.kind} ${it.id} idRange`, it.idRange);
      check(`${it.kind} ${it.id} range`, it.range);
      check(`${it.kind} ${it.id} title`, it.title?.range);
      for (const f of it.fields) {
        check(`${it.kind} ${it.id} field ${f.key} keyRange`, f.keyRange);
        check(`${it.kind} ${it.id} field ${f.key} range`, f.range);
        for (const x of f.items ?? []) check(`${it.kind} ${it.id} field ${f.key} item`, x.range);
      }
      const refs = [
        ...('kpis' in it && Array.isArray(it.kpis) ? it.kpis : []),
        ...('goals' in it ? it.goals : []),
        ...('people' in it ? it.people : []),
        ...('audiences' in it ? it.audiences : []),
      ];
      for (const r of refs) check(`${it.kind} ${it.id} ref ${r.id}`, r.range);
    }
  }
  const p = doc.plan;
  if (p) {
    check('strategy path', p.strategyPath?.range);
    check('entriesRange', p.entriesRange);
    for (const e of p.entries) {
      const w = `entry #${e.index}`;
      check(`${w} range`, e.range);
      check(`${w} anchor`, e.anchor);
      check(`${w} id`, e.id?.range);
      check(`${w} table header`, e.table?.headerRange);
      check(`${w} mode`, e.mode?.range);
      for (const r of [e.channel, e.owner, e.reviewer, ...e.goals, ...e.kpis, ...e.audiences]) check(`${w} ref ${r?.id}`, r?.range);
      for (const sp of [e.date, e.time, e.format, e.title, e.status, e.link, e.campaign]) check(`${w} value ${sp?.raw}`, sp?.range);
      for (const f of e.fields) {
        check(`${w} field ${f.key} keyRange`, f.keyRange);
        check(`${w} field ${f.key} range`, f.range);
      }
    }
  }
  return out;
}

/**
 * Checks a workspace and returns every broken invariant (empty when all is well). The
 * model ranges are checked for `only` (a just-changed document) or for every document.
 */
export function checkInvariants(
  ws: Workspace,
  today = TODAY,
  opts: { model?: boolean; only?: string } = { model: true },
): { problems: string[]; findings: Finding[] } {
  const problems: string[] = [];
  const byUri = ws.check(today);
  const findings: Finding[] = [];
  for (const [uri, list] of byUri) {
    if (!ws.get(uri) && !(list.length === 1 && list[0].rule === 'unmarked-document')) problems.push(`findings for unknown document ${uri}`);
    for (const f of list) {
      findings.push(f);
      problems.push(...findingProblems(ws, f));
    }
  }
  if (opts.model !== false) {
    if (opts.only !== undefined) {
      const d = ws.get(opts.only);
      if (d) problems.push(...modelProblems(d));
    } else for (const d of ws.documents()) problems.push(...modelProblems(d));
  }
  return { problems, findings };
}

/** Sets one document's text, checks, and throws with every broken invariant. */
export function setAndCheck(ws: Workspace, uri: string, text: string, today = TODAY): Finding[] {
  ws.set(uri, text);
  const { problems, findings } = checkInvariants(ws, today, { only: uri });
  if (problems.length) throw new Error(problems.slice(0, 8).join('\n') + (problems.length > 8 ? `\n… and ${problems.length - 8} more` : ''));
  return findings;
}

// ------------------------------------------------------------------ corpus runner

/**
 * A numbered list of cases. `run(i)` throws when case i breaks an invariant. Both the
 * main thread (for labels) and the worker (to run) build it, so it must be deterministic.
 */
export interface Corpus {
  size: number;
  label(i: number): string;
  run(i: number): void;
}

export interface CorpusFailure {
  i: number;
  label: string;
  error: string;
}

export interface CorpusResult {
  size: number;
  failures: CorpusFailure[];
  hangs: CorpusFailure[];
  slow: { i: number; label: string; ms: number }[];
  ran: number;
  ms: number;
}

type Msg = { i: number; error?: string; ms: number } | { done: true };

/**
 * Call at the top level of a test file with the corpora it defines: in a worker thread
 * started by `runCorpus`, it runs the requested corpus and reports after every case.
 */
export function serveCorpora(corpora: Record<string, () => Corpus>): void {
  if (isMainThread || !workerData || !corpora[workerData.corpus]) return;
  const { corpus, start, end } = workerData as { corpus: string; start: number; end?: number };
  const c = corpora[corpus]();
  for (let i = start; i < Math.min(end ?? c.size, c.size); i++) {
    const t0 = performance.now();
    let error: string | undefined;
    try {
      c.run(i);
    } catch (e) {
      error = e instanceof Error ? `${e.message}\n${(e.stack ?? '').split('\n').slice(1, 6).join('\n')}` : String(e);
    }
    parentPort!.postMessage({ i, error, ms: performance.now() - t0 } satisfies Msg);
  }
  parentPort!.postMessage({ done: true } satisfies Msg);
}

/**
 * Runs a corpus in a worker thread (this very file, loaded again) with a watchdog: a
 * case that takes longer than `hangMs` is reported as a hang, the worker is ended and a
 * new one continues with the next case. Cases slower than `slowMs` are listed.
 */
export async function runCorpus(
  file: string,
  name: string,
  make: () => Corpus,
  opts: { hangMs?: number; slowMs?: number; workers?: number } = {},
): Promise<CorpusResult> {
  const hangMs = opts.hangMs ?? 20000;
  const slowMs = opts.slowMs ?? 5000;
  const labels = make();
  const res: CorpusResult = { size: labels.size, failures: [], hangs: [], slow: [], ran: 0, ms: 0 };
  const t0 = performance.now();
  const times: { i: number; ms: number }[] = [];
  // Contiguous shards, one worker each (the cases of one file stay together in a shard).
  const n = Math.max(1, Math.min(opts.workers ?? defaultWorkers(), labels.size));
  const bounds = Array.from({ length: n + 1 }, (_, k) => Math.round((k * labels.size) / n));
  const shard = { file, name, labels, hangMs, slowMs, res, times };
  await Promise.all(bounds.slice(0, -1).map((from, k) => runShard(shard, from, bounds[k + 1])));
  for (const l of [res.failures, res.hangs, res.slow]) l.sort((x, y) => x.i - y.i);
  res.ms = performance.now() - t0;
  if (process.env.STRATDOC_ROBUST_TIMES) {
    const top = times
      .sort((x, y) => y.ms - x.ms)
      .slice(0, 15)
      .map((x) => `  ${Math.round(x.ms)} ms  ${labels.label(x.i)}`);
    console.log(`${name}: ${res.ran} cases in ${Math.round(res.ms)} ms (${n} workers); slowest:\n${top.join('\n')}`);
  }
  return res;
}

interface Shard {
  file: string;
  name: string;
  labels: Corpus;
  hangMs: number;
  slowMs: number;
  res: CorpusResult;
  times: { i: number; ms: number }[];
}

/** Runs cases [from, to) in workers, one after another; a hang or crash ends a worker and the next goes on. */
async function runShard(s: Shard, from: number, to: number): Promise<void> {
  const { res, labels } = s;
  let start = from;
  while (start < to) {
    start = await new Promise<number>((resolve, reject) => {
      const w = new Worker(s.file, { workerData: { corpus: s.name, start, end: to } });
      let last = start - 1;
      let finished = false;
      let timer: NodeJS.Timeout | undefined;
      const stop = (next: number) => {
        finished = true;
        clearTimeout(timer);
        void w.terminate();
        resolve(next);
      };
      /** The case the worker was on when it hung or died. */
      const fail = (list: CorpusFailure[], error: string) => {
        const i = last + 1;
        if (i < to) list.push({ i, label: labels.label(i), error });
        stop(i + 1);
      };
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => fail(res.hangs, `no result after ${s.hangMs} ms`), s.hangMs);
      };
      arm();
      w.on('message', (m: Msg) => {
        if (finished) return;
        if ('done' in m) return stop(to);
        last = m.i;
        res.ran++;
        s.times.push({ i: m.i, ms: m.ms });
        if (m.error) res.failures.push({ i: m.i, label: labels.label(m.i), error: m.error });
        if (m.ms > s.slowMs) res.slow.push({ i: m.i, label: labels.label(m.i), ms: Math.round(m.ms) });
        arm();
      });
      // A crash of the worker itself (e.g. out of memory) counts against the case it was on.
      w.on('error', (e) => {
        if (!finished) fail(res.failures, `worker died: ${String(e)}`);
      });
      w.on('exit', (code) => {
        if (finished) return;
        if (code !== 0) fail(res.failures, `worker exited with ${code}`);
        else {
          finished = true;
          clearTimeout(timer);
          reject(new Error('worker exited without finishing'));
        }
      });
    });
  }
}

/** Workers per corpus: STRATDOC_ROBUST_WORKERS, else one per CPU up to 2. */
function defaultWorkers(): number {
  const env = Number(process.env.STRATDOC_ROBUST_WORKERS);
  return env > 0 ? env : Math.min(2, os.cpus().length);
}

/** A readable summary of a corpus run's failures, for assertion messages. */
export function describeResult(name: string, r: CorpusResult, max = 12): string {
  const all = [...r.hangs.map((h) => ({ ...h, error: `HANG: ${h.error}` })), ...r.failures];
  const lines = all.slice(0, max).map((f) => `#${f.i} ${f.label}\n    ${f.error.split('\n').join('\n    ')}`);
  return `${name}: ${r.failures.length} failing and ${r.hangs.length} hanging of ${r.size} cases\n${lines.join('\n')}${all.length > max ? `\n… and ${all.length - max} more` : ''}`;
}

/** Escapes control characters for labels. */
export function show(s: string, max = 60): string {
  const j = JSON.stringify(s.length > max ? s.slice(0, max) + '…' : s);
  return j;
}
