/**
 * The server's frame writer (lsp/transport.ts FrameWriter): each message is one frame,
 * written in the call that sends it, in the order sent, read back by vscode-jsonrpc's own
 * stream reader (what clients use) exactly as sent, a large push of diagnostics with
 * German letters among small messages included.
 */
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { StreamMessageReader, type Message } from 'vscode-languageserver/node';
import { FrameWriter } from '../../server/src/lsp/transport';
import { DiagnosticsWire } from '../../server/src/lsp/wire';
import { t } from '../../server/src/core/text';
import type { Finding } from '../../server/src/core/engine';

describe('lsp: the frame writer', () => {
  it('writes each message as a frame at once, in order, read back as sent', async () => {
    const pipe = new PassThrough();
    const wire = new DiagnosticsWire();
    const writer = new FrameWriter(pipe, (m) => wire.encode(m, 'utf8'));
    const got: Message[] = [];
    const reader = new StreamMessageReader(pipe);
    const all = new Promise<void>((resolve) =>
      reader.listen((m) => {
        got.push(m);
        if (got.length === 4) resolve();
      }),
    );
    const findings: Finding[] = Array.from({ length: 800 }, (_, i) => ({
      rule: 'entry-without-owner',
      uri: 'file:///p/2027.plan.yaml',
      range: { start: { line: i, character: 2 }, end: { line: i, character: 9 } },
      message: t(`Entry ${i} names no owner.`, `Beitrag ${i} nennt niemanden, der ihn verantwortet (Zuständigkeit fehlt, „Inhaber“).`),
      severity: 'warning',
    }));
    const sent: Message[] = [
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'first' } } as Message,
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: wire.params('file:///p/2027.plan.yaml', 7, findings, 'de', true) } as Message,
      { jsonrpc: '2.0', id: 3, result: { items: ['ä', 'ß', '€'] } } as Message,
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'last' } } as Message,
    ];
    let written = 0;
    pipe.on('data', (d: Buffer) => (written += d.length));
    const writes = sent.map((m) => writer.write(m));
    // Written in the call: the bytes are in the stream before any turn of the event loop.
    assert.ok(pipe.readableLength + written > 100_000, 'the frames are in the stream at once');
    await Promise.all(writes);
    await all;
    assert.deepEqual(
      got.map((m) => (m as { method?: string; id?: number }).method ?? (m as { id?: number }).id),
      ['window/logMessage', 'textDocument/publishDiagnostics', 3, 'window/logMessage'],
    );
    const push = got[1] as unknown as { params: { version: number; diagnostics: { message: string }[] } };
    assert.equal(push.params.version, 7);
    assert.equal(push.params.diagnostics.length, 800);
    assert.equal(push.params.diagnostics[799].message, findings[799].message.de);
    assert.deepEqual((got[2] as unknown as { result: unknown }).result, { items: ['ä', 'ß', '€'] });
    reader.dispose();
  });

  it('reports a stream that fails instead of throwing', async () => {
    const pipe = new PassThrough();
    const writer = new FrameWriter(pipe, () => {
      throw new Error('cannot encode');
    });
    const errors: unknown[] = [];
    writer.onError((e) => errors.push(e));
    await assert.rejects(writer.write({ jsonrpc: '2.0', method: 'x' } as Message));
    assert.equal(errors.length, 1);
  });

  it('reports a write to a closed stream once', async () => {
    const pipe = new PassThrough();
    const writer = new FrameWriter(pipe, (m) => Buffer.from(JSON.stringify(m)));
    const errors: unknown[] = [];
    writer.onError((e) => errors.push(e));
    pipe.destroy();
    await assert.rejects(writer.write({ jsonrpc: '2.0', method: 'x' } as Message));
    await new Promise((r) => setImmediate(r));
    assert.equal(errors.length, 1);
  });
});
