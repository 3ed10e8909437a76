/**
 * The server's request flow over stdio (docs/decisions.md "Request flow"): the open
 * document first, the workspace read in the background with work-done progress, checks
 * that yield to requests, cancellation, the diagnostics cap and pull diagnostics.
 * Ordering assertions only, never timings.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { CompletionRequest, DocumentDiagnosticRequest, HoverRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TestClient, copyFixture } from './harness';
import { generateCorpus } from '../bench/corpus';
import { loadWorkspace } from '../helpers/fsworkspace';
import { ALL_RULES } from '../../server/src/core/rules';

const LOCAL = new Set(ALL_RULES.filter((r) => r.meta.local).map((r) => r.meta.id));
const TODAY = '2027-02-15';

function corpus(strategies: number, entries: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-flow-'));
  generateCorpus(dir, { strategies, entries, seed: 3 });
  return dir;
}

/** Rule, place and severity of diagnostics, sorted (the messages are the same texts). */
function shape(list: { code?: unknown; rule?: string; range: Diagnostic['range'] }[]): string[] {
  return list.map((d) => `${String(d.code ?? d.rule)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort();
}

describe('server: request flow', function () {
  this.timeout(120000);
  let c: TestClient;
  afterEach(async () => c?.stop());

  it('publishes an opened plan first, with local findings only, reads the rest with progress, then equals a fresh full check', async () => {
    const dir = corpus(60, 30);
    c = await TestClient.start(dir, { workDoneProgress: true });
    const rel = 'org-000/plaene/2027.plan.md';
    // A reference to a goal the strategy does not define: a cross-file finding.
    const text = fs.readFileSync(path.join(dir, rel), 'utf8').replace('| G1 | K1 | @tom |  |', '| G99 | K1 | @tom |  |');
    const plan = await c.open(rel, text);
    await c.until(() => c.events.some((e) => e.startsWith('progress end')), 'the end of reading', 100000);
    const ev = c.events;
    const first = ev.findIndex((e) => e.startsWith(`publish ${plan} `));
    const end = ev.findIndex((e) => e.startsWith('progress end'));
    assert.ok(first >= 0 && first < end, `the open plan is published before the workspace is read:\n${ev.slice(0, 5).join('\n')}`);
    // Nothing but the open document is published while reading.
    assert.deepEqual(
      ev.slice(0, end).filter((e) => e.startsWith('publish ') && !e.startsWith(`publish ${plan} `)),
      [],
    );
    const codes = ev[first].split(' ')[3].split(',').filter(Boolean);
    assert.ok(codes.length > 0, 'the first publish has findings');
    for (const code of codes) assert.ok(LOCAL.has(code), `${code} in the first publish depends on other documents`);
    // Progress: begin, reports counting up, end; "reading n/total".
    const progress = ev.filter((e) => e.startsWith('progress '));
    assert.match(progress[0], /^progress begin reading 0\/120$/);
    assert.match(progress.at(-1)!, /^progress end/);
    let last = 0;
    for (const p of progress.slice(1, -1)) {
      const m = /^progress report reading (\d+)\/120$/.exec(p);
      assert.ok(m, p);
      assert.ok(Number(m[1]) >= last, 'reports count up');
      last = Number(m[1]);
    }
    // After reading: every document's diagnostics equal a fresh full check.
    fs.writeFileSync(path.join(dir, rel), text);
    const fresh = loadWorkspace(dir).check(TODAY);
    assert.ok(
      fresh.get(plan)!.some((f) => f.rule === 'unknown-reference'),
      'the fixture has the cross-file finding',
    );
    const same = () => [...fresh].every(([uri, list]) => JSON.stringify(shape(c.diagnostics.get(uri) ?? [])) === JSON.stringify(shape(list)));
    await c.until(same, 'diagnostics equal to a fresh full check', 100000);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('announces no progress to a client that does not support it', async () => {
    const dir = corpus(10, 5);
    c = await TestClient.start(dir);
    const plan = c.uri('org-001/plans/2027.plan.yaml');
    await c.until(() => c.diagnostics.has(plan), 'diagnostics of a closed plan', 60000);
    assert.deepEqual(
      c.events.filter((e) => e.startsWith('progress')),
      [],
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers a completion sent during a long check of a big plan before the check ends', async () => {
    const dir = corpus(1, 2000);
    c = await TestClient.start(dir, { today: TODAY });
    const rel = 'org-000/plaene/2027.plan.md';
    const plan = await c.open(rel);
    // entry-without-goal needs the strategy: the workspace is read and checked.
    await c.until(() => c.events.some((e) => e.startsWith(`publish ${plan} 1 `) && e.includes('entry-without-goal')), 'first full diagnostics', 100000);
    // A new period: every entry is checked again (a long check).
    await c.change(rel, c.text(rel).replace('period: 2027-01-01..2027-12-31', 'period: 2027-01-01..2027-12-30'));
    const answered = c
      .request<unknown>(CompletionRequest.method, { textDocument: { uri: plan }, position: { line: 12, character: 14 } })
      .then(() => c.events.push('completion answered'));
    await c.until(() => c.publishedVersions.get(plan) === 2, 'diagnostics of version 2', 100000);
    await answered;
    const done = c.events.indexOf('completion answered');
    const published = c.events.findIndex((e) => e.startsWith(`publish ${plan} 2 `));
    assert.ok(
      done >= 0 && done < published,
      `the completion is answered before the check ends: ${c.events
        .slice(-3)
        .map((e) => e.slice(0, 80))
        .join(' | ')}`,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers a request cancelled while it waits with RequestCancelled, and serves the next one', async () => {
    c = await TestClient.start(copyFixture('lsp/basic'));
    const plan = await c.open('plaene/q1.plan.yaml');
    await c.until(() => c.diagnostics.has(plan), 'first diagnostics');
    // The request and its cancellation in one write, as a client sends them when the user
    // moves on at once: the request still waits in the queue when the cancellation arrives.
    let out = '';
    c.proc.stdout!.on('data', (d) => (out += String(d)));
    const frame = (m: unknown) => {
      const body = JSON.stringify(m);
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    c.proc.stdin!.write(
      frame({ jsonrpc: '2.0', id: 'flow-1', method: HoverRequest.method, params: { textDocument: { uri: plan }, position: { line: 12, character: 3 } } }) +
        frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 'flow-1' } }),
    );
    const again = await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri: plan }, position: { line: 12, character: 3 } });
    assert.ok(again === null || typeof again === 'object', 'the next request is served');
    const m = /\{[^{}]*"id":"flow-1"[^{}]*\{[^{}]*\}[^{}]*\}|\{[^{}]*"id":"flow-1"[^{}]*\}/.exec(out);
    assert.ok(m, `an answer to the cancelled request: ${out.slice(0, 300)}`);
    assert.match(m[0], /"code":-32800/);
  });

  it('caps the diagnostics of a document (stratdoc.maxDiagnostics) with one summary naming how many more', async () => {
    c = await TestClient.start(copyFixture('lsp/basic'), { settings: { maxDiagnostics: 2 }, locale: 'en' });
    const uncapped = loadWorkspace(c.root).check(TODAY);
    const [uri, all] = [...uncapped].find(([, l]) => l.length > 3)!;
    await c.until(() => (c.diagnostics.get(uri) ?? []).length === 3, 'two diagnostics and the summary');
    const list = c.diagnostics.get(uri)!;
    const summary = list.find((d) => d.code === 'max-diagnostics')!;
    assert.ok(summary, 'a summary');
    assert.match(String(summary.message), new RegExp(`2 of the ${all.length} findings.*${all.length - 2} more`));
    const rank = { error: 1, warning: 2, information: 3, hint: 4 } as const;
    const expected = all
      .map((f) => rank[f.severity])
      .sort()
      .slice(0, 2);
    assert.deepEqual(
      list
        .filter((x) => x !== summary)
        .map((d) => d.severity)
        .sort(),
      expected,
      'the most severe are kept',
    );
  });

  it('pull diagnostics: full, then unchanged; only the edited document is sent; refresh when a cross-file finding changes; closed files pushed', async () => {
    c = await TestClient.start(copyFixture('lsp/basic'), { pull: true });
    assert.ok(c.initializeResult!.capabilities.diagnosticProvider, 'the server offers pull diagnostics');
    const strategyRel = 'strategie.md';
    const planRel = 'plaene/q2.md';
    const strategy = await c.open(strategyRel);
    const plan = await c.open(planRel);
    const q1 = c.uri('plaene/q1.plan.yaml');
    // The closed plan is pushed as before.
    await c.until(() => c.codes(q1).includes('unknown-reference'), 'push for the closed plan');
    const pull = (uri: string, previousResultId?: string) => c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
    const s1 = await pull(strategy);
    assert.equal(s1.kind, 'full');
    assert.ok(s1.resultId);
    const p1 = await pull(plan);
    assert.equal((await pull(strategy, s1.resultId)).kind, 'unchanged');
    assert.equal((await pull(plan, p1.resultId)).kind, 'unchanged');
    // Open documents are not pushed.
    assert.ok(!c.events.some((e) => e.startsWith(`publish ${strategy} `) && !e.endsWith(' ')), 'no push with findings for the open strategy');
    // An edit of the plan that changes the strategy's findings (unlinked-goal): refresh, then the strategy has new ones.
    const refreshes = c.events.filter((e) => e === 'refresh').length;
    const original = c.text(planRel);
    await c.change(planRel, original.replace('| Menschen | G2 |', '| Menschen | G1 |'));
    await c.until(() => c.events.filter((e) => e === 'refresh').length > refreshes, 'workspace/diagnostic/refresh');
    const s2 = await pull(strategy, s1.resultId);
    assert.equal(s2.kind, 'full');
    assert.ok(s2.kind === 'full' && s2.items.some((d) => d.code === 'unlinked-goal'));
    // A keystroke that changes only the plan's own findings: the strategy stays unchanged.
    const p2 = await pull(plan);
    await c.edit(planRel, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '');
    assert.equal((await pull(plan, p2.resultId)).kind, 'unchanged');
    assert.equal((await pull(strategy, s2.resultId)).kind, 'unchanged');
  });

  it('without pull support: no diagnosticProvider, open documents pushed', async () => {
    c = await TestClient.start(copyFixture('lsp/basic'));
    assert.equal(c.initializeResult!.capabilities.diagnosticProvider, undefined);
    const plan = await c.open('plaene/q1.plan.yaml');
    await c.until(() => c.codes(plan).includes('unknown-reference'), 'pushed');
  });
});
