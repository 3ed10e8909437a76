/**
 * The base protocol over stdio, byte by byte (docs/decisions.md "Protocol"): what the
 * server answers after `shutdown`, to a frame that is not JSON, to a frame over the size
 * limit, and how it exits. And a client without workspace folders still gets the scan.
 * A raw client writes frames itself, so it can write broken ones.
 */
import * as assert from 'node:assert/strict';
import * as cp from 'node:child_process';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { SERVER, TestClient, copyFixture } from './harness';
import { MAX_FRAME_BYTES } from '../../server/src/lsp/transport';

interface Msg {
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

class RawClient {
  readonly messages: Msg[] = [];
  private buf = Buffer.alloc(0);
  private waiters: { pred: (m: Msg) => boolean; resolve: (m: Msg) => void }[] = [];
  readonly exited: Promise<number | null>;
  private nextId = 1;

  constructor(readonly root: string) {
    this.proc = cp.spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((r) => this.proc.once('exit', (code) => r(code)));
    this.proc.stdin!.on('error', () => undefined);
    this.proc.stdout!.on('data', (d: Buffer) => this.onData(d));
  }
  readonly proc: cp.ChildProcess;

  private onData(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const end = this.buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(this.buf.subarray(0, end).toString('ascii'))![1]);
      if (this.buf.length < end + 4 + len) return;
      const m = JSON.parse(this.buf.subarray(end + 4, end + 4 + len).toString('utf8')) as Msg;
      this.buf = this.buf.subarray(end + 4 + len);
      this.messages.push(m);
      // Requests from the server (registrations, configuration) are answered with null.
      if (m.method && m.id !== undefined) this.send({ jsonrpc: '2.0', id: m.id, result: null });
      this.waiters = this.waiters.filter((w) => (w.pred(m) ? (w.resolve(m), false) : true));
    }
  }

  write(bytes: string | Buffer): void {
    this.proc.stdin!.write(bytes);
  }

  send(m: unknown): void {
    const body = Buffer.from(JSON.stringify(m), 'utf8');
    this.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  next(pred: (m: Msg) => boolean, what: string, ms = 15000): Promise<Msg> {
    const have = this.messages.find(pred);
    if (have) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.messages.slice(-5))}`)), ms);
      this.waiters.push({ pred, resolve: (m) => (clearTimeout(t), resolve(m)) });
    });
  }

  async request(method: string, params: unknown): Promise<Msg> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return this.next((m) => m.id === id && !m.method, `the answer to ${method}`);
  }

  async initialize(): Promise<void> {
    const res = await this.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(this.root).href,
      workspaceFolders: [{ uri: pathToFileURL(this.root).href, name: 'ws' }],
      capabilities: {},
      initializationOptions: { today: '2027-02-15' },
    });
    assert.ok(res.result, 'initialized');
    this.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  }

  stop(): void {
    if (this.proc.exitCode === null) this.proc.kill();
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

describe('server: the base protocol over stdio', function () {
  this.timeout(60000);
  let c: RawClient | undefined;
  afterEach(() => c?.stop());

  it('answers requests after shutdown with InvalidRequest, drops notifications, and exits 0 on exit', async () => {
    c = new RawClient(copyFixture('lsp/basic'));
    await c.initialize();
    const uri = pathToFileURL(`${c.root}/strategie.md`).href;
    const before = await c.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(before.result), 'a normal answer before shutdown');
    const down = await c.request('shutdown', null);
    assert.equal(down.error, undefined);
    assert.equal(down.result, null);
    const after = await c.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(after.result, undefined, 'no result after shutdown');
    assert.equal(after.error?.code, -32600, 'InvalidRequest');
    const again = await c.request('shutdown', null);
    assert.equal(again.error?.code, -32600, 'a second shutdown is a request after shutdown too');
    // A notification after shutdown is dropped: opening a document publishes nothing.
    const published = c.messages.filter((m) => m.method === 'textDocument/publishDiagnostics').length;
    c.send({
      jsonrpc: '2.0',
      method: 'textDocument/didOpen',
      params: {
        textDocument: {
          uri: pathToFileURL(`${c.root}/neu.plan.md`).href,
          languageId: 'markdown',
          version: 1,
          text: '# Neu\n\n| Datum | Kanal |\n|---|---|\n| 2027-01-01 | X |\n',
        },
      },
    });
    const probe = await c.request('workspace/symbol', { query: '' });
    assert.equal(probe.error?.code, -32600);
    assert.equal(c.messages.filter((m) => m.method === 'textDocument/publishDiagnostics').length, published, 'nothing published after shutdown');
    c.send({ jsonrpc: '2.0', method: 'exit' });
    assert.equal(await c.exited, 0, 'exit after shutdown: code 0');
  });

  it('exits with 1 on exit without shutdown, and when the client closes its end', async () => {
    c = new RawClient(copyFixture('lsp/basic'));
    await c.initialize();
    c.send({ jsonrpc: '2.0', method: 'exit' });
    assert.equal(await c.exited, 1);
    c.stop();
    c = new RawClient(copyFixture('lsp/basic'));
    await c.initialize();
    c.proc.stdin!.end();
    assert.equal(await c.exited, 1, 'stdin closed without shutdown: code 1');
  });

  it('answers a frame that is not JSON with ParseError (id null) and goes on', async () => {
    c = new RawClient(copyFixture('lsp/basic'));
    await c.initialize();
    const body = Buffer.from('{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{', 'utf8');
    c.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
    const err = await c.next((m) => m.error?.code === -32700, 'ParseError');
    assert.equal(err.id, null);
    assert.doesNotMatch(err.error!.message, /SyntaxError|Unexpected|JSON\.parse|position \d/, 'no JavaScript error text');
    // JSON that is no JSON-RPC message: InvalidRequest.
    c.send([1, 2, 3]);
    const inv = await c.next((m) => m.error?.code === -32600, 'InvalidRequest for a JSON array');
    assert.equal(inv.id, null);
    const ok = await c.request('workspace/symbol', { query: 'G1' });
    assert.ok(Array.isArray(ok.result), 'the next request is answered');
    assert.equal(c.proc.exitCode, null, 'still running');
  });

  it('refuses a frame over the size limit as soon as its header arrives, skips its body, and goes on', async () => {
    c = new RawClient(copyFixture('lsp/basic'));
    await c.initialize();
    const length = MAX_FRAME_BYTES + 1;
    c.write(`Content-Length: ${length}\r\n\r\n`);
    // Answered before a single byte of the body: the frame is not being buffered.
    const err = await c.next((m) => m.error?.code === -32600, 'InvalidRequest for the long frame');
    assert.equal(err.id, null);
    assert.match(err.error!.message, /64 MB/);
    // The body streams in and is dropped; the frame after it is read as usual.
    const block = Buffer.alloc(1024 * 1024, 0x20);
    let left = length;
    while (left > 0) {
      const n = Math.min(left, block.length);
      if (!c.proc.stdin!.write(n === block.length ? block : block.subarray(0, n))) await new Promise((r) => c!.proc.stdin!.once('drain', r));
      left -= n;
    }
    const ok = await c.request('workspace/symbol', { query: 'G1' });
    assert.ok(Array.isArray(ok.result), 'the request after the long frame is answered');
    // A header without a Content-Length is dropped; what follows is read.
    c.write('Content-Type: application/json\r\n\r\n');
    const ok2 = await c.request('workspace/symbol', { query: 'G1' });
    assert.ok(Array.isArray(ok2.result));
  });
});

describe('server: a client without workspace folder support', function () {
  this.timeout(30000);
  let t: TestClient | undefined;
  afterEach(async () => t?.stop());

  it('still reads the workspace: a plan that is not open gets its diagnostics', async () => {
    // With workspace/configuration but without workspace.workspaceFolders, the setup
    // once threw before the disk scan.
    t = await TestClient.start(copyFixture('lsp/basic'), { workspaceFolders: false, configuration: {} });
    const plan = t.uri('plaene/q1.plan.yaml');
    await t.until(() => t!.codes(plan).includes('unknown-reference'), 'unknown-reference in the closed plan');
  });
});
