/**
 * The server's side of the LSP base protocol (docs/decisions.md "Protocol"), in front of
 * vscode-languageserver's connection:
 *   - `FrameReader` reads frames from a stream (stdio): headers, then Content-Length bytes
 *     of JSON. A frame longer than MAX_FRAME_BYTES is answered with InvalidRequest as soon
 *     as its header arrives and its body is dropped as it streams in, never buffered; a
 *     body that is not JSON is answered with ParseError, one that is no JSON-RPC message
 *     with InvalidRequest (JSON-RPC 2.0, "Error object": `id` null when unknown). The
 *     next frame is read as usual.
 *   - `FrameWriter` writes frames to a stream (stdio) in the call that sends them: the
 *     message encoded (lsp/wire.ts for a push of diagnostics), its header and body in one
 *     write, at once. vscode-jsonrpc's stream writer queues each message behind a
 *     `setImmediate` and writes the header and the body in two turns, so a publish waited
 *     for whatever else the event loop held (V8's collection tasks among it: 5-10 ms at
 *     the keystroke p95, docs/performance.md "Where a keystroke's latency goes").
 *   - `ShutdownGuard` (any transport): after `shutdown`, every request is answered with
 *     InvalidRequest and every notification but `exit` is dropped, as the LSP
 *     specification asks.
 * What went wrong in detail goes to the log; answers carry short fixed texts.
 */
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  ErrorCodes,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

/**
 * The largest frame read. VS Code hands no file over 50 MB to extensions, and a document
 * over `maxFileSize` is not checked anyway; a frame over this is a broken or hostile
 * client, and buffering it would let one header take all memory.
 */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;
/** Headers are a line or two; this many bytes without the blank line ending them is garbage. */
export const MAX_HEADER_BYTES = 8 * 1024;

/** Sends a message straight to the client (an answer the connection never sees). */
export type Answer = (message: Message) => void;

function errorResponse(id: number | string | null, code: number, message: string): Message {
  return { jsonrpc: '2.0', id, error: { code, message } } as Message;
}

function idOf(m: unknown): number | string | null {
  const id = m && typeof m === 'object' ? (m as { id?: unknown }).id : undefined;
  return typeof id === 'number' || typeof id === 'string' ? id : null;
}

/** A request, a notification, or a response to one of the server's requests. */
function isMessage(m: unknown): m is Message {
  if (!m || typeof m !== 'object' || Array.isArray(m)) return false;
  const o = m as Record<string, unknown>;
  if (typeof o.method === 'string') return o.id === undefined || typeof o.id === 'number' || typeof o.id === 'string';
  return 'id' in o && ('result' in o || 'error' in o);
}

/**
 * Writes each message as one frame (`Content-Length` header, then the UTF-8 JSON body)
 * when it is sent, in the order sent: a stream keeps the order of writes, so no queue is
 * needed. The promise settles when the stream has taken the bytes.
 */
export class FrameWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;
  /** The last error the stream emitted (reported then; a write's callback may get it too). */
  private streamError: Error | undefined;

  constructor(
    private readonly output: NodeJS.WritableStream,
    private readonly encode: (message: Message) => Buffer,
  ) {
    super();
    output.on('error', (e: Error) => {
      this.streamError = e;
      this.fireError(e);
    });
    output.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let body: Buffer;
    try {
      body = this.encode(message);
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      this.fireError(error, message, ++this.errors);
      return Promise.reject(error);
    }
    const header = Buffer.from(`Content-Length: ${body.byteLength}\r\n\r\n`, 'ascii');
    return new Promise((resolve, reject) => {
      const done = (e?: Error | null) => {
        if (!e) return resolve();
        // Reported once: a failed write is usually also the stream's 'error' (constructor).
        if (e !== this.streamError) this.fireError(e, message, ++this.errors);
        reject(e);
      };
      try {
        // One write of both (writev) where the stream can; the order of frames is the order of calls.
        const out = this.output as NodeJS.WritableStream & { cork?: () => void; uncork?: () => void };
        out.cork?.();
        out.write(header);
        out.write(body, done);
        out.uncork?.();
      } catch (e) {
        const error = e instanceof Error ? e : new Error(String(e));
        this.fireError(error, message, ++this.errors);
        reject(error);
      }
    });
  }

  end(): void {
    this.output.end();
  }
}

export class FrameReader extends AbstractMessageReader {
  private chunks: Buffer[] = [];
  private size = 0;
  /** The body length of the frame being read; -1 while reading headers. */
  private want = -1;
  /** Bytes of an over-long frame still to drop. */
  private skip = 0;
  private callback: DataCallback | undefined;
  private closed = false;

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly answer: Answer,
    private readonly log: (message: string) => void,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (d: Buffer | string) => this.onData(typeof d === 'string' ? Buffer.from(d, 'utf8') : d);
    const onClose = () => {
      if (this.closed) return;
      this.closed = true;
      this.fireClose();
    };
    const onError = (e: Error) => this.fireError(e);
    this.input.on('data', onData);
    this.input.on('end', onClose);
    this.input.on('close', onClose);
    this.input.on('error', onError);
    return {
      dispose: () => {
        this.input.off('data', onData);
        this.input.off('end', onClose);
        this.input.off('close', onClose);
        this.input.off('error', onError);
      },
    };
  }

  private buffer(): Buffer {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks, this.size)];
    return this.chunks[0];
  }

  private consume(n: number): void {
    const rest = this.buffer().subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.size = rest.length;
  }

  private onData(data: Buffer): void {
    this.chunks.push(data);
    this.size += data.length;
    for (;;) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, this.size);
        this.skip -= n;
        this.consume(n);
        if (this.skip > 0) return;
      }
      if (this.want < 0) {
        const buf = this.buffer();
        const end = buf.subarray(0, MAX_HEADER_BYTES + 4).indexOf('\r\n\r\n');
        if (end < 0) {
          if (this.size > MAX_HEADER_BYTES) {
            this.log(`stratdoc: dropped ${this.size} bytes that are no message header.`);
            this.consume(this.size);
          }
          return;
        }
        const headers = buf.subarray(0, end).toString('ascii').split('\r\n');
        this.consume(end + 4);
        const cl = headers
          .map((h) => /^content-length\s*:\s*(.*)$/i.exec(h))
          .find((m) => m)?.[1]
          .trim();
        if (!cl || !/^\d{1,16}$/.test(cl)) {
          // Without a length there is no telling where the body ends: what follows is read as headers.
          this.log(`stratdoc: a message header without a valid Content-Length was dropped: ${JSON.stringify(headers.join(' | ').slice(0, 200))}`);
          continue;
        }
        const length = Number(cl);
        if (length > MAX_FRAME_BYTES) {
          this.log(`stratdoc: a message of ${length} bytes was dropped (the limit is ${MAX_FRAME_BYTES} bytes).`);
          this.answer(
            errorResponse(
              null,
              ErrorCodes.InvalidRequest,
              `The message is larger than ${MAX_FRAME_BYTES / 1024 / 1024} MB, the stratdoc server's limit, and was not read.`,
            ),
          );
          this.skip = length;
          continue;
        }
        this.want = length;
      }
      if (this.size < this.want) return;
      const body = this.buffer().subarray(0, this.want);
      this.consume(this.want);
      this.want = -1;
      this.deliver(body);
    }
  }

  private deliver(body: Buffer): void {
    let msg: unknown;
    try {
      msg = JSON.parse(body.toString('utf8'));
    } catch (e) {
      this.log(`stratdoc: a message that is not JSON was answered with ParseError (${String(e)}).`);
      this.answer(errorResponse(null, ErrorCodes.ParseError, 'Parse error: the message is not valid JSON.'));
      return;
    }
    if (!isMessage(msg)) {
      this.log(`stratdoc: a message that is no JSON-RPC request, notification or response was answered with InvalidRequest.`);
      this.answer(errorResponse(idOf(msg), ErrorCodes.InvalidRequest, 'Invalid request: not a JSON-RPC 2.0 request, notification or response.'));
      return;
    }
    this.callback?.(msg);
  }
}

/** Refuses what comes after `shutdown` (see the module comment). */
export class ShutdownGuard extends AbstractMessageReader {
  /** Whether `shutdown` was received. */
  shutdown = false;

  constructor(
    private readonly inner: MessageReader,
    private readonly answer: Answer,
  ) {
    super();
    inner.onError((e) => this.fireError(e));
    inner.onClose(() => this.fireClose());
    inner.onPartialMessage((info) => this.firePartialMessage(info));
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((m) => {
      const r = m as { method?: unknown; id?: unknown };
      if (typeof r.method === 'string') {
        const isRequest = r.id !== undefined && r.id !== null;
        if (this.shutdown) {
          if (isRequest) this.answer(errorResponse(idOf(m), ErrorCodes.InvalidRequest, `The server is shut down: '${r.method}' is not answered.`));
          if (r.method !== 'exit') return;
        } else if (r.method === 'shutdown' && isRequest) this.shutdown = true;
      }
      callback(m);
    });
  }

  override dispose(): void {
    super.dispose();
    this.inner.dispose();
  }
}
