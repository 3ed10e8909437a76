/**
 * Where a keystroke's time and memory go, in process (docs/performance.md "Where a Markdown
 * keystroke spends its time"): a `Session` on the 1,000-row Markdown plan (or, with `yaml`,
 * the 5,000-entry YAML plan) and its strategy, read from disk as the server reads them, then
 * random one-letter edits (the same as the language-server bench, test/bench/lsp.ts), each
 * read, checked and published at once (`Session.flush`). The publish does what the server's
 * does: the diagnostics of the edited document, as one JSON-RPC notification, encoded.
 * Per phase (read, check, publish) it prints CPU milliseconds (mean, median, p95) and the
 * heap allocated (the growth of the used heap over phases no collection ran in); then the
 * young- and old-generation collections of the whole run and their time.
 *
 *   node out/test/bench/keystroke.js [md|yaml] [edits]
 *
 * With ALLOC=FILE it also writes a sampling profile of every allocation the measured
 * keystrokes made (`node out/test/bench/allocsum.js FILE` sums it by function): what makes
 * the young generation fill, and so the scavenges that are a keystroke's p95.
 *
 * ENTER=1: each keystroke is Enter at the end of a random line (with RETYPE=1, undone by
 * the next keystroke, a Backspace at the start of the new line): what adds or removes a line.
 *
 * SHAPE=1: only keystrokes that change an entry's shape (docs/performance.md "What an edit
 * costs"): a letter typed into a date, channel, mode, status, goal or KPI value (`shapeKeystroke`).
 *
 * A tool for finding what to cut, not a figure of `npm run bench`: CPU time and bytes are
 * what a loaded machine still measures firmly; the latency figures are test/bench/lsp.ts's.
 */
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import * as inspector from 'node:inspector';
import { Session } from '../../server/src/lsp/session';
import { DiagnosticsWire } from '../../server/src/lsp/wire';
import { rng } from '../helpers/rng';
import { BlockText, type DocText, LineIndex, flat } from '../../server/src/core/text';
import { ALL_RULES } from '../../server/src/core/rules';
import { Members } from '../../server/src/core/plan/tally';
import { randomKeystroke } from './lsp';
import { markdownPlanDir, yamlPlanDir, planFile } from './reading';

interface Phase {
  cpu: number[];
  bytes: number[];
  windows: [number, number][];
}

function phase(): Phase {
  return { cpu: [], bytes: [], windows: [] };
}

function q(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * p))] : NaN;
}

async function main(): Promise<void> {
  const kind = process.argv[2] === 'yaml' ? 'yaml' : 'md';
  const edits = Number(process.argv[3] ?? 200);
  const dir = kind === 'yaml' ? yamlPlanDir(5000) : markdownPlanDir(1000);
  const file = planFile(dir);
  const uri = pathToFileURL(file).href;
  const opened = fs.readFileSync(file, 'utf8');
  let text: DocText = opened;
  let lines: LineIndex | undefined;
  const phases = { read: phase(), check: phase(), publish: phase() };
  let sent = 0;
  let diagnostics = 0;
  let inPublish: (() => void) | undefined;
  const wire = new DiagnosticsWire();
  const session = new Session({
    publish(u, findings, lang, version) {
      inPublish?.();
      // What the server's connection does with a publish (server.ts, lsp/wire.ts): one
      // JSON-RPC notification, its UTF-8 bytes.
      // WIRE=0: as before lsp/wire.ts (the diagnostics converted and the whole JSON encoded).
      const keep = process.env.WIRE !== '0' && session.open.has(u);
      const msg = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: wire.params(u, version, findings, lang, keep) };
      sent += wire.encode(msg).length;
      if (u === uri) diagnostics = findings.length;
    },
    log: () => undefined,
  });
  session.today = '2027-03-15';
  session.roots = [pathToFileURL(dir).href];
  session.scan();
  await session.whenIndexed();
  session.didOpen(uri, opened, 1);
  await session.settled();
  // RULES=1: CPU time per tallying rule and method (the wrapped calls' own overhead included).
  const perRule = new Map<string, number>();
  if (process.env.RULES) {
    for (const rule of ALL_RULES) {
      const t = rule.tally as unknown as Record<string, (...a: unknown[]) => unknown> | undefined;
      if (!t) continue;
      for (const m of ['contribution', 'add', 'remove', 'report']) {
        const f = t[m];
        t[m] = (...a: unknown[]) => {
          const t0 = performance.now();
          try {
            return f.apply(t, a);
          } finally {
            const k = `${rule.meta.id}.${m}`;
            perRule.set(k, (perRule.get(k) ?? 0) + performance.now() - t0);
          }
        };
      }
    }
  }
  if (process.env.MEMBERS) {
    const proto = Members.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
    for (const m of ['add', 'remove']) {
      const f = proto[m];
      proto[m] = function (this: unknown, ...a: unknown[]) {
        const t0 = performance.now();
        try {
          return f.apply(this, a);
        } finally {
          const k = `Members.${m}`;
          perRule.set(k, (perRule.get(k) ?? 0) + performance.now() - t0);
          perRule.set(k + ' calls', (perRule.get(k + ' calls') ?? 0) + 1);
        }
      };
    }
  }
  const gcs: { start: number; end: number; kind: number }[] = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      gcs.push({ start: e.startTime, end: e.startTime + e.duration, kind: (e as unknown as { detail?: { kind: number } }).detail?.kind ?? 0 });
  });
  obs.observe({ entryTypes: ['gc'] });
  const r = rng(kind === 'yaml' ? 2 : 1);
  const measure = (p: Phase, fn: () => void) => {
    const h0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    const t1 = performance.now();
    p.cpu.push((c.user + c.system) / 1000);
    p.bytes.push(process.memoryUsage().heapUsed - h0);
    p.windows.push([t0, t1]);
  };
  // The first keystrokes after opening count the plan afresh and warm the JIT: not measured.
  const WARM = 20;
  let typed: { off: number; at: { line: number; character: number }; nl?: boolean } | undefined;
  // ALLOC=FILE: a sampling profile of every allocation of the measured keystrokes (those
  // collected since included), for `node test/bench/allocsum.js FILE`.
  const sampler = process.env.ALLOC ? new inspector.Session() : undefined;
  const post = (method: string, params?: object) => new Promise<unknown>((res, rej) => sampler!.post(method, params, (e, r) => (e ? rej(e) : res(r))));
  for (let i = 0; i < edits + WARM; i++) {
    if (i === WARM && sampler) {
      sampler.connect();
      await post('HeapProfiler.startSampling', { samplingInterval: 8192, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    }
    if (i === WARM) {
      perRule.clear();
      for (const p of Object.values(phases)) p.cpu.length = p.bytes.length = p.windows.length = 0;
      gcs.length = 0;
    }
    if (typed && process.env.RETYPE) {
      // RETYPE=1: each letter typed is deleted by the next keystroke (the document stays as it was; test/lsp/memory.test.ts).
      const { off, at, nl } = typed;
      typed = undefined;
      text = (typeof text === 'string' ? BlockText.of(text) : text).edit(off, off + 1, '');
      lines = undefined;
      const end = nl ? { line: at.line + 1, character: 0 } : { line: at.line, character: at.character + 1 };
      session.didEdit(uri, [{ range: { start: at, end }, text: '' }], i + 2);
    } else {
      const k: { text: DocText; line: number; character: number; ch: string; offset: number; lines: LineIndex | undefined } = process.env.SHAPE
        ? shapeKeystroke(flat(text), r)
        : randomKeystroke(text, r, lines, process.env.ENTER ? '\n' : undefined);
      const at = { line: k.line, character: k.character };
      if (process.env.RETYPE) typed = { off: k.offset, at, nl: k.ch === '\n' };
      text = k.text;
      lines = k.lines;
      session.didEdit(uri, [{ range: { start: at, end: at }, text: k.ch }], i + 2);
    }
    if (process.env.RETYPE && (i === WARM + 100 || i === WARM + edits - 1)) {
      (globalThis as { gc?: () => void }).gc?.();
      console.log(`live heap after ${i - WARM + 1} keystrokes: ${(process.memoryUsage().heapUsed / 1048576).toFixed(1)} MB`);
    }
    measure(phases.read, () => void session.ws);
    // The check and the publish: flush runs both; the publish's share is measured from its start.
    let split = 0;
    let c1 = 0;
    let h1 = 0;
    inPublish = () => {
      split = performance.now();
      const c = process.cpuUsage();
      c1 = (c.user + c.system) / 1000;
      h1 = process.memoryUsage().heapUsed;
    };
    const h0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    session.flush();
    const c = process.cpuUsage();
    const t2 = performance.now();
    const h2 = process.memoryUsage().heapUsed;
    const cpu0 = (c0.user + c0.system) / 1000;
    const cpu2 = (c.user + c.system) / 1000;
    if (!split) throw new Error('no publish for the edited document');
    const memo = session.ws.memo!;
    if (process.env.MEMO)
      console.log(
        `contributed ${memo.contributed} rechecked ${memo.rechecked} reused ${memo.reused} converted ${memo.converted_} refiltered ${memo.refiltered} check ${(c1 - cpu0).toFixed(2)}`,
      );
    memo.contributed = memo.rechecked = memo.reused = memo.converted_ = memo.refiltered = 0;
    phases.check.cpu.push(c1 - cpu0);
    phases.check.bytes.push(h1 - h0);
    phases.check.windows.push([t0, split]);
    phases.publish.cpu.push(cpu2 - c1);
    phases.publish.bytes.push(h2 - h1);
    phases.publish.windows.push([split, t2]);
    inPublish = undefined;
  }
  if (sampler) {
    const { profile } = (await post('HeapProfiler.stopSampling')) as { profile: unknown };
    fs.writeFileSync(process.env.ALLOC!, JSON.stringify(profile));
    sampler.disconnect();
  }
  await new Promise((res) => setTimeout(res, 50));
  obs.disconnect();
  if (session.ws.get(uri)?.text !== flat(text)) throw new Error('the session text is not the editor text');
  console.log(
    `${kind === 'yaml' ? '5,000-entry YAML' : '1,000-row Markdown'} plan, ${edits} keystrokes; last publish ${diagnostics} findings, ${(sent / edits / 1024).toFixed(0)} KB JSON per keystroke`,
  );
  console.log(`${'phase'.padEnd(8)} ${'cpu mean'.padStart(9)} ${'median'.padStart(7)} ${'p95'.padStart(7)}   KB allocated, phases without GC: mean / median`);
  let total = 0;
  for (const [name, p] of Object.entries(phases)) {
    const clean = p.bytes.filter((_, i) => !gcs.some((g) => g.end > p.windows[i][0] && g.start < p.windows[i][1]) && p.bytes[i] >= 0);
    const mean = p.cpu.reduce((a, b) => a + b, 0) / p.cpu.length;
    const kb = clean.reduce((a, b) => a + b, 0) / clean.length / 1024;
    total += kb;
    console.log(
      `${name.padEnd(8)} ${mean.toFixed(2).padStart(9)} ${q(p.cpu, 0.5).toFixed(2).padStart(7)} ${q(p.cpu, 0.95).toFixed(2).padStart(7)}   ${kb.toFixed(0)} / ${(q(clean, 0.5) / 1024).toFixed(0)} (${clean.length} phases)`,
    );
  }
  const young = gcs.filter((g) => g.kind === 1);
  const old = gcs.filter((g) => g.kind !== 1);
  const ms = (xs: typeof gcs) => xs.reduce((a, g) => a + g.end - g.start, 0);
  console.log(
    `allocated ~${total.toFixed(0)} KB per keystroke (mean); GC: ${young.length} scavenges ${ms(young).toFixed(0)} ms, ${old.length} other ${ms(old).toFixed(0)} ms`,
  );
  const byRule = new Map<string, number>();
  for (const f of session.ws.check(session.today).get(uri) ?? []) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  console.log('findings by rule: ' + [...byRule].map(([k, v]) => `${k} ${v}`).join(', '));
  for (const [k, v] of [...perRule].sort((a, b) => b[1] - a[1])) console.log(`${k.padEnd(32)} ${(v / edits).toFixed(3)} ms per keystroke`);
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * A letter typed at a random place in a value the aggregate rules read (an entry's shape,
 * core/plan/shape.ts): in YAML a `date`, `channel`, `mode`, `status`, `goal` or `kpi` value,
 * in a Markdown table the cell of such a column (found by the header's names). Lines are
 * drawn at random until one holds such a value.
 */
function shapeKeystroke(
  text: string,
  r: () => number,
): { text: string; line: number; character: number; ch: string; offset: number; lines: LineIndex | undefined } {
  const ch = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(r() * 26)];
  const lineOf = (start: number) => text.slice(start, (text.indexOf('\n', start) + 1 || text.length + 1) - 1);
  const at = text.indexOf('| Datum');
  const names =
    at < 0
      ? []
      : lineOf(at)
          .split('|')
          .map((c) => c.trim());
  const columns = names.flatMap((n, i) => (/^(Datum|Kanal|Modus|Ziel|Kennzahl|Status)$/.test(n) ? [i] : []));
  for (let tries = 0; tries < 100000; tries++) {
    // A line drawn at random (by its length; a line index of the whole text per keystroke cost seconds).
    const start = text.lastIndexOf('\n', Math.floor(r() * text.length) - 1) + 1;
    const l = lineOf(start);
    let from = -1;
    let to = -1;
    const m = /^(\s*-?\s*(?:date|channel|mode|status|goal|kpi):\s*)(.*)$/.exec(l);
    if (m) {
      from = m[1].length;
      to = l.length;
    } else if (columns.length && /^\|\s*\d\d\.\d\d\.\d{4}/.test(l)) {
      const cells = l.split('|');
      const col = columns[Math.floor(r() * columns.length)];
      if (col >= cells.length - 1) continue;
      from = cells.slice(0, col).join('|').length + 2;
      to = from + Math.max(0, cells[col].length - 2);
    }
    if (from < 0) continue;
    const character = from + Math.floor(r() * (to - from + 1));
    let line = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < start; i = text.indexOf('\n', i + 1)) line++;
    const off = start + character;
    return { text: text.slice(0, off) + ch + text.slice(off), line, character, ch, offset: off, lines: undefined };
  }
  throw new Error('no shape value to type into');
}

void main();
