/**
 * `npm run bench:lsp`: the language server over the protocol (issue: server speed).
 *
 * For a 1,000-entry Markdown plan, a 5,000-entry YAML plan and a ~100 KB Markdown
 * strategy, measured in the same run:
 *   - edit → diagnostics: a one-character didChange at a random place until the
 *     publishDiagnostics of that version (median, p95 over N edits);
 *   - completion latency (median, p95);
 *   - a full re-parse of the same document in-process (core parseDocument, no cache);
 *   - the ratios: edit p95 / full parse (target ≤ 1/10), completion p95 / full parse
 *     (target < 1/50).
 * And the server's start-to-first-diagnostics on a workspace of 300 documents, and, when
 * `yaml-language-server` is installed, its edit → diagnostics on the YAML plan with our
 * JSON Schema, beside ours.
 *
 * And memory over a long session (docs/decisions.md "Memory"): the server's RSS and live
 * heap after 100 and after 5,000 one-character edits of the 1,000-entry Markdown plan
 * (the server runs with --expose-gc for its stratdoc/memory request; --memory-edits N).
 *
 * Options: --edits N (default 200), --only md|yaml|strategy|start|yls|memory.
 */
import type * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type ProtocolConnection,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
  CompletionRequest,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { generateCorpus, bigStrategy } from './corpus';
import { parseDocument } from '../../server/src/core/parse';
import { BlockText, type DocText, LineIndex, flat, sameText } from '../../server/src/core/text';
import { rng } from '../helpers/rng';
import { repoRoot } from '../helpers/repo';
import { startServer } from '../helpers/lspclient';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../shared/launch';

const args = process.argv.slice(2);
const opt = (k: string, d: string) => {
  const i = args.indexOf(`--${k}`);
  return i >= 0 ? args[i + 1] : d;
};
const EDITS = Number(opt('edits', '200'));
const MEMORY_EDITS = Number(opt('memory-edits', '5000'));
const ONLY = opt('only', '');

const ROOT = repoRoot();
/** STRATDOC_SERVER: another build of the server to measure (a baseline), else this one's. */
const SERVER = process.env.STRATDOC_SERVER ? path.resolve(process.env.STRATDOC_SERVER) : path.join(ROOT, 'dist', 'server.js');

/**
 * The server's command as the extension launches it (shared/launch.ts), with `extra` node
 * flags; SERVER_NODE_FLAGS adds more (measuring a V8 flag), SERVER_LAUNCH=bare leaves the
 * extension's flags and environment out (measuring what they change).
 */
export function serverCmd(...extra: string[]): { cmd: string[]; env: Readonly<Record<string, string>> | undefined } {
  const bare = process.env.SERVER_LAUNCH === 'bare';
  const more = (process.env.SERVER_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
  return { cmd: [process.execPath, ...(bare ? [] : SERVER_NODE_FLAGS), ...extra, ...more, SERVER, '--stdio'], env: bare ? undefined : SERVER_ENV };
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

export class Client {
  private waiters = new Map<string, { version?: number; resolve: (p: PublishDiagnosticsParams) => void }[]>();
  firstPublish: number | undefined;
  publishes = 0;
  private constructor(
    readonly proc: cp.ChildProcess,
    readonly conn: ProtocolConnection,
  ) {}

  /** When `$/progress` ended (the workspace is read), performance.now(). */
  progressEnd: number | undefined;
  progressBegun = false;
  initialized = 0;

  static async start(
    cmd: string[],
    root: string,
    opts: { init?: unknown; configuration?: unknown; progress?: boolean; env?: Readonly<Record<string, string>> } = {},
  ): Promise<Client> {
    let c!: Client;
    await startServer({
      cmd,
      env: opts.env,
      root,
      name: 'bench',
      configuration: opts.configuration,
      capabilities: {
        workspace: { configuration: !!opts.configuration },
        textDocument: { publishDiagnostics: { versionSupport: true } },
        ...(opts.progress ? { window: { workDoneProgress: true } } : {}),
      },
      initializationOptions: opts.init ?? { today: '2027-02-15' },
      listen: (conn, proc) => {
        c = new Client(proc, conn);
        conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
          c.firstPublish ??= performance.now();
          c.publishes++;
          const list = c.waiters.get(p.uri) ?? [];
          const keep = list.filter((w) => {
            if (w.version === undefined || p.version === undefined || p.version >= w.version) {
              w.resolve(p);
              return false;
            }
            return true;
          });
          c.waiters.set(p.uri, keep);
        });
        conn.onNotification('$/progress', (p: { value: { kind: string } }) => {
          if (p.value.kind === 'begin') c.progressBegun = true;
          if (p.value.kind === 'end') c.progressEnd = performance.now();
        });
      },
    });
    c.initialized = performance.now();
    return c;
  }

  next(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => {
      const l = this.waiters.get(uri) ?? [];
      l.push({ version, resolve });
      this.waiters.set(uri, l);
    });
  }

  async stop(): Promise<void> {
    await Promise.race([this.conn.sendRequest(ShutdownRequest.type).catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
    const exited = new Promise((r) => this.proc.once('exit', r));
    await this.conn.sendNotification(ExitNotification.type).catch(() => undefined);
    // Let the server exit by itself (it writes its CPU profile then, under SERVER_PROF).
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    this.conn.dispose();
    this.proc.kill();
  }
}

/**
 * One typed letter at a random place: the keystroke every keystroke figure makes (here,
 * test/bench/keystroke.ts and test/bench/reading.ts). The text is held in blocks
 * (`BlockText`, as an editor holds its buffer in a piece tree): the client makes no string
 * of the whole text per keystroke. A 1 MB string made, and flattened by the next slice, per
 * keystroke cost the measuring process 3.5-7 ms of allocation and collections on this
 * machine, which the figures counted as the server's (docs/performance.md "The bench
 * client").
 */
export function randomKeystroke(
  text: DocText,
  r: () => number,
  lines?: LineIndex,
  enter?: '\n',
): { text: BlockText; line: number; character: number; ch: string; lines: LineIndex; offset: number } {
  // `lines`: the text's index from the last keystroke (LineIndex.edited): the benchmark's
  // client does not scan the whole text per keystroke (under load that made it lag behind
  // its own pace and count its lag as the server's).
  const li = lines && sameText(lines.source, text) ? lines : new LineIndex(text);
  const line = Math.floor(r() * li.lineCount);
  // `enter`: Enter at the end of the line (a line added), else a letter anywhere in it.
  const character = enter ? li.lineText(line).length : Math.floor(r() * (li.lineText(line).length + 1));
  const ch = enter ?? 'abcdefghijklmnopqrstuvwxyz'[Math.floor(r() * 26)];
  const off = li.offsetAt({ line, character });
  const next = (typeof text === 'string' ? BlockText.of(text) : text).edit(off, off, ch);
  return { text: next, line, character, ch, lines: li.edited(next, off, off, ch), offset: off };
}

/** Median of a full in-process parse of a document (no chunk cache). */
export function fullParse(uri: string, text: string): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    parseDocument(uri, text);
    times.push(performance.now() - t0);
  }
  return quantile(times, 0.5);
}

/** Where completions make sense: after `goal: ` in YAML, or in the Ziel/Goal cell of a table. */
function completionPoints(text: string, r: () => number, n: number): { line: number; character: number }[] {
  const li = new LineIndex(text);
  const pts: { line: number; character: number }[] = [];
  for (let i = 0; i < li.lineCount && pts.length < 5000; i++) {
    const l = li.lineText(i);
    const m = /^(\s*-?\s*(?:goal|ziel|channel|kanal|owner|status|mode):\s*)/i.exec(l);
    if (m) pts.push({ line: i, character: m[1].length });
    else if (l.startsWith('|') && /\d{4}/.test(l)) pts.push({ line: i, character: 2 });
    else if (/^- (Art|Type|Kennzahlen|KPIs|Ziele|Goals):/.test(l)) pts.push({ line: i, character: l.indexOf(':') + 2 });
  }
  const out: { line: number; character: number }[] = [];
  for (let i = 0; i < n && pts.length; i++) out.push(pts[Math.floor(r() * pts.length)]);
  return out;
}

export interface Row {
  name: string;
  size: string;
  full: number;
  editMed: number;
  editP95: number;
  complMed: number;
  complP95: number;
}

/**
 * `paceMs`: edits are sent that far apart, as typing sends them, whether or not the last
 * one's diagnostics have arrived; each edit's latency runs until diagnostics of its version
 * or a later one arrive. 0: each edit is sent when the last one's diagnostics arrived.
 * `enter`: each keystroke is Enter at the end of a random line (a line added: every entry
 * after it moves), not a letter.
 */
export async function measureDocument(name: string, root: string, rel: string, seed: number, edits = EDITS, paceMs = 0, enter = false): Promise<Row> {
  const file = path.join(root, rel);
  const opened = fs.readFileSync(file, 'utf8');
  let text: DocText = opened;
  const uri = pathToFileURL(file).href;
  const full = fullParse(uri, opened);
  const { cmd, env } = serverCmd(...(process.env.SERVER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SERVER_PROF}`] : []));
  const c = await Client.start(cmd, root, { env, progress: true });
  try {
    const languageId = rel.endsWith('.md') ? 'markdown' : 'yaml';
    let version = 1;
    const first = c.next(uri, 1);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text: opened } });
    await first;
    // Typing starts once the server has read the workspace and ended its first full check
    // (the figure is a keystroke's; opening is measureStart's). Keystrokes typed during that
    // check wait for it (seconds on the 5,000-entry plan under load): 30 ms apart, the
    // first few dozen of the 200 did, and they were the paced p95 (docs/decisions.md
    // "Many files", docs/performance.md "Typing paced 30 ms apart").
    await settledAfterOpening(c, uri);
    const r = rng(seed);
    const times: number[] = [];
    const pending: Promise<void>[] = [];
    const paceStart = performance.now();
    let lines: LineIndex | undefined;
    for (let i = 0; i < edits; i++) {
      if (paceMs) {
        // Always through the event loop, also when behind the pace: the publishes that
        // arrived meanwhile are taken (and timed) now, not after the client caught up.
        const wait = paceStart + i * paceMs - performance.now();
        await new Promise((res) => setTimeout(res, Math.max(0, wait)));
      }
      const k = randomKeystroke(text, r, lines, enter ? '\n' : undefined);
      const { line, character, ch } = k;
      text = k.text;
      lines = k.lines;
      version++;
      const done = c.next(uri, version);
      const t0 = performance.now();
      await c.conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ch }],
      });
      if (paceMs) pending.push(done.then(() => void times.push(performance.now() - t0)));
      else {
        await done;
        times.push(performance.now() - t0);
      }
    }
    await Promise.all(pending);
    // BENCH_TIMES=FILE: each edit's latency in the order typed, to see what the p95 is made of.
    if (process.env.BENCH_TIMES) fs.writeFileSync(process.env.BENCH_TIMES, JSON.stringify(times));
    const compl: number[] = [];
    text = flat(text);
    for (const p of completionPoints(text, r, Math.min(edits, 200))) {
      const t0 = performance.now();
      await c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: p });
      compl.push(performance.now() - t0);
    }
    return {
      name,
      size: `${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`,
      full,
      editMed: quantile(times, 0.5),
      editP95: quantile(times, 0.95),
      complMed: compl.length ? quantile(compl, 0.5) : NaN,
      complP95: compl.length ? quantile(compl, 0.95) : NaN,
    };
  } finally {
    await c.stop();
  }
}

/**
 * Waits until the server has read the workspace ($/progress end) and ended the check that
 * follows: a pull (`textDocument/diagnostic`) is answered after the pending check
 * (Session.settled), and a push client's answer is simply discarded.
 */
async function settledAfterOpening(c: Client, uri: string): Promise<void> {
  const asked = performance.now();
  while (!c.progressBegun && performance.now() - asked < 3000) await new Promise((r) => setTimeout(r, 5));
  while (c.progressBegun && c.progressEnd === undefined) await new Promise((r) => setTimeout(r, 5));
  await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
}

/** RSS and live heap (after full collections) after 100 and after MEMORY_EDITS edits. */
async function measureMemory(root: string, rel: string, seed: number): Promise<{ at: number; rss: number; heap: number }[]> {
  const file = path.join(root, rel);
  const opened = fs.readFileSync(file, 'utf8');
  let text: DocText = opened;
  let lines: LineIndex | undefined;
  const uri = pathToFileURL(file).href;
  const { cmd, env } = serverCmd('--expose-gc');
  const c = await Client.start(cmd, root, { env });
  const out: { at: number; rss: number; heap: number }[] = [];
  try {
    let version = 1;
    const first = c.next(uri, 1);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text: opened } });
    await first;
    const r = rng(seed);
    const sample = async (at: number) => {
      const m = await c.conn.sendRequest<{ rss: number; heapUsed: number }>('stratdoc/memory', null);
      out.push({ at, rss: m.rss, heap: m.heapUsed });
    };
    for (let i = 1; i <= MEMORY_EDITS; i++) {
      const k = randomKeystroke(text, r, lines);
      const { line, character, ch } = k;
      text = k.text;
      lines = k.lines;
      version++;
      const done = c.next(uri, version);
      await c.conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ch }],
      });
      await done;
      if (i === 100 || i === MEMORY_EDITS) await sample(i);
    }
  } finally {
    await c.stop();
  }
  return out;
}

export interface Start {
  docs: number;
  /** `initialized` → first diagnostics of the plan opened right after it. */
  firstMs: number;
  /** `initialized` → the end of reading the workspace ($/progress end). */
  indexMs: number;
  /** After reading and checking all, full GC: the server's RSS and live heap. */
  rss: number;
  heap: number;
  /**
   * The server's RSS at rest (Linux): read from /proc every second for `REST_MS` after the last
   * publish, without a collection of ours; `rss` is the last reading, `settledMs` when the
   * readings first came within 1 MB of it (V8's memory reducer gives the young generation
   * back some seconds after a burst: docs/decisions.md "Memory").
   */
  rest?: { rss: number; settledMs: number };
}

/** How long the server is left alone before its RSS at rest is read. */
export const REST_MS = 30_000;

/** The RSS of process `pid` over `ms`, read every second (Linux; undefined where /proc is missing). */
export async function rssAtRest(pid: number | undefined, ms = REST_MS): Promise<{ rss: number; settledMs: number } | undefined> {
  const read = () => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : undefined;
    } catch {
      return undefined;
    }
  };
  if (pid === undefined || read() === undefined) return undefined;
  const seen: number[] = [read()!];
  for (let i = 0; i < ms / 1000; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    seen.push(read() ?? seen[seen.length - 1]);
  }
  const rss = seen[seen.length - 1];
  return { rss, settledMs: seen.findIndex((x) => x - rss < 1024 * 1024) * 1000 };
}

/**
 * A workspace of 300 documents (150 strategies, 150 plans of 60 entries): the editor opens
 * a plan right after `initialized`, as VS Code restores its tabs.
 */
export async function measureStart(): Promise<Start> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-lsp-start-'));
  try {
    const stats = generateCorpus(dir, { strategies: 150, entries: 60, seed: 11 });
    const rel = 'org-000/plaene/2027.plan.md';
    const file = path.join(dir, rel);
    const uri = pathToFileURL(file).href;
    const { cmd, env } = serverCmd('--expose-gc');
    const c = await Client.start(cmd, dir, { progress: true, env });
    const first = c.next(uri);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text: fs.readFileSync(file, 'utf8') },
    });
    await first;
    const firstMs = performance.now() - c.initialized;
    // A server without background reading (before issue #15) has read all before its first publish.
    const asked = performance.now();
    while (!c.progressBegun && performance.now() - asked < 3000) await new Promise((r) => setTimeout(r, 5));
    while (c.progressBegun && c.progressEnd === undefined) await new Promise((r) => setTimeout(r, 5));
    const indexMs = (c.progressEnd ?? c.firstPublish!) - c.initialized;
    // The full check and its publishes after reading: wait until the server is quiet.
    let last = -1;
    while (last !== c.publishes) {
      last = c.publishes;
      await new Promise((r) => setTimeout(r, 500));
    }
    // At rest first: the memory request below runs full collections, which would change it.
    const rest = await rssAtRest(c.proc.pid);
    if (process.env.SERVER_REST_MS) await new Promise((r) => setTimeout(r, Number(process.env.SERVER_REST_MS)));
    const m = await c.conn.sendRequest<{ rss: number; heapUsed: number }>('stratdoc/memory', null);
    // SERVER_PROBE=DIR (Linux): the server's CPU time so far, and its memory map at rest in DIR/smaps.
    const probe = process.env.SERVER_PROBE;
    if (probe && c.proc.pid) {
      const stat = fs.readFileSync(`/proc/${c.proc.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      console.log(
        `server CPU ${(Number(stat[11]) + Number(stat[12])) * 10} ms (user+system), workspace read ${(c.progressEnd! - c.initialized).toFixed(0)} ms`,
      );
      fs.mkdirSync(probe, { recursive: true });
      fs.writeFileSync(path.join(probe, 'smaps'), fs.readFileSync(`/proc/${c.proc.pid}/smaps`));
    }
    await c.stop();
    return { docs: stats.files, firstMs, indexMs, rss: m.rss, heap: m.heapUsed, rest };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureYls(root: string, rel: string, seed: number): Promise<{ med: number; p95: number } | string> {
  let yls: string;
  try {
    yls = require.resolve('yaml-language-server/bin/yaml-language-server', { paths: [ROOT] });
  } catch {
    return 'not installed (npm install --no-save yaml-language-server to compare)';
  }
  const schema = path.join(ROOT, 'dist', 'schemas', 'plan.schema.json');
  if (!fs.existsSync(schema)) return 'dist/schemas/plan.schema.json missing (build first)';
  const file = path.join(root, rel);
  let text = fs.readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).href;
  const yamlSettings = {
    yaml: {
      validate: true,
      schemas: { [pathToFileURL(schema).href]: ['*.plan.yaml', '**/*.plan.yaml', '*.yaml'] },
      format: { enable: false },
      hover: false,
      completion: false,
    },
  };
  const c = await Client.start([process.execPath, yls, '--stdio'], root, { init: {}, configuration: yamlSettings.yaml });
  try {
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: yamlSettings });
    let version = 1;
    const first = c.next(uri);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
    await first;
    const r = rng(seed);
    const times: number[] = [];
    const n = Math.min(EDITS, 50);
    for (let i = 0; i < n; i++) {
      const li = new LineIndex(text);
      const line = Math.floor(r() * li.lineCount);
      const character = Math.floor(r() * (li.lineText(line).length + 1));
      const off = li.offsetAt({ line, character });
      text = text.slice(0, off) + 'x' + text.slice(off);
      version++;
      const done = c.next(uri);
      const t0 = performance.now();
      await c.conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }],
      });
      await done;
      times.push(performance.now() - t0);
    }
    return { med: quantile(times, 0.5), p95: quantile(times, 0.95) };
  } finally {
    await c.stop();
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(SERVER)) throw new Error('dist/server.js is missing: run node esbuild.js first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-lsp-bench-'));
  const rows: Row[] = [];
  try {
    const md = path.join(dir, 'md');
    generateCorpus(md, { strategies: 1, entries: 1000, seed: 3 });
    const mdPlan = fs
      .readdirSync(md, { recursive: true })
      .map(String)
      .find((f) => f.endsWith('.plan.md'))!;
    const y = path.join(dir, 'yaml');
    generateCorpus(y, { strategies: 2, entries: 5000, seed: 5 });
    const yamlPlan = fs
      .readdirSync(y, { recursive: true })
      .map(String)
      .find((f) => f.endsWith('.plan.yaml'))!;
    const s = path.join(dir, 'strategy');
    fs.mkdirSync(s);
    fs.writeFileSync(path.join(s, 'strategie.md'), bigStrategy());

    if (!ONLY || ONLY === 'md') rows.push(await measureDocument('Markdown plan, 1,000 entries', md, mdPlan, 1));
    if (!ONLY || ONLY === 'yaml') rows.push(await measureDocument('YAML plan, 5,000 entries', y, yamlPlan, 2));
    if (!ONLY || ONLY === 'strategy') rows.push(await measureDocument('Markdown strategy, ~100 KB', s, 'strategie.md', 3));

    const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1).padStart(8) : '     n/a');
    console.log(`\nstratdoc language server, ${EDITS} one-character edits per document (ms)\n`);
    console.log('document                        size     full parse  edit med  edit p95  p95/full (≤0.10)  compl med  compl p95  p95/full (<0.02)');
    for (const r of rows) {
      const e = r.editP95 / r.full;
      const c = r.complP95 / r.full;
      console.log(
        `${r.name.padEnd(31)} ${r.size.padStart(7)}  ${f(r.full)}   ${f(r.editMed)}  ${f(r.editP95)}  ${e.toFixed(3).padStart(6)} ${e <= 0.1 ? 'ok  ' : 'MISS'}       ${f(r.complMed)}   ${f(r.complP95)}  ${c.toFixed(4).padStart(7)} ${c < 0.02 ? 'ok' : 'MISS'}`,
      );
    }
    if (!ONLY || ONLY === 'memory') {
      const mem = await measureMemory(md, mdPlan, 4);
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
      console.log(`\nmemory, Markdown plan of 1,000 entries, one-character edits (after full GC):`);
      for (const m of mem) console.log(`  after ${String(m.at).padStart(5)} edits: RSS ${mb(m.rss).padStart(7)}, live heap ${mb(m.heap).padStart(7)}`);
    }
    if (!ONLY || ONLY === 'start') {
      const st = await measureStart();
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
      console.log(
        `\nworkspace of ${st.docs} documents, a plan opened at start: its first diagnostics ${st.firstMs.toFixed(0)} ms after initialized (goal <= 300 ms), workspace read ${st.indexMs.toFixed(0)} ms; then RSS ${mb(st.rss)} after full collections, live heap ${mb(st.heap)}${st.rest ? `, RSS at rest ${mb(st.rest.rss)} (goal <= 150 MB)` : ''}`,
      );
    }
    if (!ONLY || ONLY === 'yls') {
      const yls = await measureYls(y, yamlPlan, 2);
      if (typeof yls === 'string') console.log(`\nyaml-language-server: ${yls}`);
      else
        console.log(
          `\nyaml-language-server with our JSON Schema, YAML plan 5,000 entries, edit → diagnostics: median ${yls.med.toFixed(1)} ms, p95 ${yls.p95.toFixed(1)} ms (50 edits)`,
        );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Run as `npm run bench:lsp`; imported by test/bench/run.ts for its figures.
if (/lsp\.js$/.test(process.argv[1] ?? '')) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
